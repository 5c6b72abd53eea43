//! The Kafka plumbing (feature `kafka`): the commit watermark, the consumer
//! with its context (statistics, errors, auto-commit results; the revoke
//! policy is handed in by the worker), the idempotent and the transactional
//! producer, and the in-process mock cluster of the embedded default.
//! Nothing here depends on [`crate::worker`].

pub mod consumer;
pub mod embedded;
pub mod offsets;
pub mod producer;

/// Header naming why a record was dead-lettered (a `DecodeError` reason).
pub const HEADER_ERROR_REASON: &str = "byline.error.reason";
/// Header with the human-readable error message.
pub const HEADER_ERROR_MESSAGE: &str = "byline.error.message";
/// Header with the input topic of a dead-lettered record.
pub const HEADER_SOURCE_TOPIC: &str = "byline.source.topic";
/// Header with the input partition of a dead-lettered record.
pub const HEADER_SOURCE_PARTITION: &str = "byline.source.partition";
/// Header with the input offset of a dead-lettered record.
pub const HEADER_SOURCE_OFFSET: &str = "byline.source.offset";
/// Input header that may carry the publication date.
pub const HEADER_PUBLISHED_AT: &str = "published_at";
