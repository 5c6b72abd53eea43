//! What the novelty processor publishes: `statements.new` (one record per
//! identity, at its first sighting), `statements.seen` (the latest count
//! per identity, for a compacted topic) and `statements.identified` (every
//! statement event with its `statement_id`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::store::Identity;
use crate::event::StatementEvent;

/// Schema tag of [`NewStatement`].
pub const NEW_SCHEMA: &str = "byline.statement.new.v1";
/// Schema tag of [`SeenStatement`].
pub const SEEN_SCHEMA: &str = "byline.statement.seen.v1";
/// Schema tag of [`IdentifiedStatement`].
pub const IDENTIFIED_SCHEMA: &str = "byline.statement.identified.v1";

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

/// One sighting of a statement with its identity (`statements.identified`,
/// key: `statement_id`): every statement event the processor reads, given
/// the `statement_id` the stateless worker cannot know (README, "Statement
/// identity"). One record per sighting, first sightings included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IdentifiedStatement {
    /// Always `byline.statement.identified.v1`.
    pub schema: String,
    /// The identity this sighting belongs to: the `fingerprint` of the
    /// identity's first sighting (equal to the `statements.new` record's).
    pub statement_id: String,
    /// Whether this sighting is the identity's first (the one announced on
    /// `statements.new`). At-least-once: after a crash a first sighting can
    /// be given again, with `new` true again only if its announcement is
    /// repeated too.
    pub new: bool,
    /// Sightings of the identity so far, this one included (1 when `new`).
    /// At-least-once: a sighting re-read after a crash can be counted twice.
    pub count: u64,
    /// When the identity was first seen, RFC 3339 UTC.
    pub first_seen_at: String,
    /// The statement event of this sighting (`byline.statement.v1`),
    /// unchanged: its own `fingerprint`, article, speaker and text.
    pub statement: StatementEvent,
}

impl IdentifiedStatement {
    /// The record of the sighting `statement`, after which `identity` is
    /// as it is now; `new` when it was the identity's first.
    pub fn of(identity: &Identity, new: bool, statement: StatementEvent) -> IdentifiedStatement {
        IdentifiedStatement {
            schema: IDENTIFIED_SCHEMA.to_string(),
            statement_id: identity.statement_id.clone(),
            new,
            count: identity.count,
            first_seen_at: identity.first_seen_at.clone(),
            statement,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::novelty::signature::Signature;
    use crate::novelty::store::{Outcome, Sighting, Store};
    use crate::novelty::testing::statement;

    /// Observe `event` in `store` and make its identified record.
    fn identify(store: &mut Store, event: StatementEvent, now: &str) -> IdentifiedStatement {
        let signature = Signature::of(event.speaker.as_deref(), &event.text);
        let (outcome, identity) = store.observe(Sighting {
            signature: &signature,
            fingerprint: &event.fingerprint,
            article_id: &event.article_id,
            event_ms: event_ms(&event),
            now,
        });
        IdentifiedStatement::of(&identity, outcome == Outcome::New, event)
    }

    #[test]
    fn every_sighting_is_identified_with_its_first_sightings_id() {
        let mut store = Store::new();
        // Invented statement, a rewording (contraction, shortened name) and
        // another statement of the same speaker.
        let first = statement(
            "Mara Lindqvist",
            "We cannot let the northern ferry line close before the winter storms",
        );
        let again = statement(
            "Lindqvist",
            "We can't let the northern ferry line close before the winter storms",
        );
        let other = statement(
            "Mara Lindqvist",
            "The harbour fees for fishing boats will be cut in the spring",
        );
        assert_ne!(first.fingerprint, again.fingerprint, "a rewording");
        let a = identify(&mut store, first.clone(), "2025-03-04T10:00:00Z");
        let b = identify(&mut store, again.clone(), "2025-03-04T11:00:00Z");
        let c = identify(&mut store, other.clone(), "2025-03-04T12:00:00Z");
        assert_eq!(
            (a.statement_id.as_str(), a.new, a.count),
            (first.fingerprint.as_str(), true, 1)
        );
        assert_eq!(
            (b.statement_id.as_str(), b.new, b.count),
            (first.fingerprint.as_str(), false, 2)
        );
        assert_eq!(b.first_seen_at, "2025-03-04T10:00:00Z");
        assert_eq!(
            (c.statement_id.as_str(), c.new, c.count),
            (other.fingerprint.as_str(), true, 1)
        );
        // The statement event travels unchanged, its own fingerprint kept.
        assert_eq!(b.statement, again);
        assert_eq!(b.schema, IDENTIFIED_SCHEMA);
    }

    #[test]
    fn the_identified_record_round_trips_and_its_schema_documents_every_field() {
        let mut store = Store::new();
        let record = identify(
            &mut store,
            statement(
                "Ines Arkwright",
                "The new depot will open before the summer",
            ),
            "2025-03-04T10:00:00Z",
        );
        let json = serde_json::to_value(&record).expect("serializes");
        for f in [
            "schema",
            "statement_id",
            "new",
            "count",
            "first_seen_at",
            "statement",
        ] {
            assert!(!json[f].is_null(), "{f} missing: {json}");
        }
        assert_eq!(json["statement"]["schema"], crate::event::STATEMENT_SCHEMA);
        let back: IdentifiedStatement = serde_json::from_value(json).expect("deserializes");
        assert_eq!(back, record);
        let schemas = crate::event::schemas();
        let schema = &schemas[IDENTIFIED_SCHEMA];
        let properties = schema["properties"].as_object().expect("properties");
        assert_eq!(properties.len(), 6, "{properties:?}");
        for (name, p) in properties {
            assert!(p["description"].is_string(), "{name} undocumented");
        }
        let required: Vec<&str> = schema["required"]
            .as_array()
            .expect("required")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert_eq!(required.len(), 6, "{required:?}");
    }
}
