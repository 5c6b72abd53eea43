//! Novelty: statement identities that survive rewording, and the
//! `byline novelty` processor that announces each identity once.
//!
//! - [`signature`]: the per-statement similarity signature (speaker key,
//!   content-word shingles, MinHash), computed in the worker and put on
//!   every statement event (`similarity`).
//! - [`store`]: one partition's identities, found again through LSH
//!   buckets; evicted past the horizon. Pure, no Kafka.
//! - `processor` (feature `kafka`): the consume-repartition-observe-produce
//!   loop, the changelog restore and the at-least-once commits.

pub mod config;
pub mod events;
pub mod metrics;
#[cfg(feature = "kafka")]
pub mod processor;
pub mod signature;
pub mod store;
pub mod watchlist;
