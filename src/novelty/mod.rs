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

/// Test helpers shared by the novelty modules.
#[cfg(test)]
pub(crate) mod testing {
    use crate::event::StatementEvent;

    /// The statement event the worker makes of an invented one-quote
    /// article: `"<text>," <speaker> said.`
    pub(crate) fn statement(speaker: &str, text: &str) -> StatementEvent {
        let json = format!(r#"{{"id":"w1","body":"\"{text},\" {speaker} said."}}"#);
        let article =
            crate::article::decode(json.as_bytes(), Default::default(), 1 << 20).expect("decodes");
        let enrichment = crate::enrich::Pipeline::standard().run(&article);
        let processing = crate::event::Processing {
            byline_version: "test".into(),
            processed_at: "2025-03-04T00:00:00Z".into(),
            source: None,
        };
        let event = crate::enrich::build_event(&article, enrichment, processing);
        let quote = event.quotes.first().expect("a quote");
        StatementEvent::from_quote(&event, quote)
    }
}
