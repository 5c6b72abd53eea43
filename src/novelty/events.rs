//! What the novelty processor publishes: `statements.new` (one record per
//! identity, at its first sighting) and `statements.seen` (the latest count
//! per identity, for a compacted topic).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::store::Identity;
use crate::event::StatementEvent;

/// Schema tag of [`NewStatement`].
pub const NEW_SCHEMA: &str = "byline.statement.new.v1";
/// Schema tag of [`SeenStatement`].
pub const SEEN_SCHEMA: &str = "byline.statement.seen.v1";

/// The first sighting of a statement identity (`statements.new`, key:
/// `statement_id`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NewStatement {
    /// Always `byline.statement.new.v1`.
    pub schema: String,
    /// The identity: the first sighting's `fingerprint`. Later sightings of
    /// near-duplicates (README, "Statement identity") carry it on
    /// `statements.seen`.
    pub statement_id: String,
    /// When the novelty processor first saw it, RFC 3339 UTC.
    pub first_seen_at: String,
    /// Why it matched the watchlist (`novelty.watchlist`), when it did:
    /// `[{kind: speaker|entity|keyword, value}]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matched: Vec<super::watchlist::Match>,
    /// The statement event that carried it: its article (`article_id`,
    /// `title`, `url`, `source`), speaker, text, `about`, `dates`.
    pub statement: StatementEvent,
}

/// How often an identity was seen (`statements.seen`, key: `statement_id`,
/// compacted: the latest record is the current count).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SeenStatement {
    /// Always `byline.statement.seen.v1`.
    pub schema: String,
    /// The identity.
    pub statement_id: String,
    /// Sightings so far, the first included. At-least-once: a crash can
    /// count a sighting twice.
    pub count: u64,
    /// When it was first seen, RFC 3339 UTC.
    pub first_seen_at: String,
    /// The article of the first sighting.
    pub first_article_id: String,
    /// When it was last seen, RFC 3339 UTC.
    pub last_seen_at: String,
    /// The article of the last sighting.
    pub last_article_id: String,
    /// The `fingerprint` of the last sighting's statement event. Every
    /// sighting writes one record, so a live reader of this topic can give
    /// any event of the `statements` topic its `statement_id`; compaction
    /// later keeps only the latest per identity.
    #[serde(default)]
    pub last_fingerprint: String,
}

impl SeenStatement {
    /// The record for `identity` as it is now, after the sighting whose
    /// statement event has `fingerprint`.
    pub fn of(identity: &Identity, fingerprint: &str) -> SeenStatement {
        SeenStatement {
            schema: SEEN_SCHEMA.to_string(),
            statement_id: identity.statement_id.clone(),
            count: identity.count,
            first_seen_at: identity.first_seen_at.clone(),
            first_article_id: identity.first_article_id.clone(),
            last_seen_at: identity.last_seen_at.clone(),
            last_article_id: identity.last_article_id.clone(),
            last_fingerprint: fingerprint.to_string(),
        }
    }
}

/// Event time of a statement: its `published_at` (midnight UTC), else its
/// processing time, else now; ms since the epoch.
pub fn event_ms(s: &StatementEvent) -> i64 {
    let published = s
        .published_at
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_millis());
    published
        .or_else(|| {
            chrono::DateTime::parse_from_rfc3339(&s.processing.processed_at)
                .ok()
                .map(|t| t.timestamp_millis())
        })
        .unwrap_or_else(|| chrono::Utc::now().timestamp_millis())
}
