//! `[novelty]`: the `byline novelty` processor's topics, group and horizon.

use serde::{Deserialize, Serialize};

use crate::config::ConfigError;

/// The novelty processor's settings.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct NoveltyConfig {
    /// Its consumer group (distinct from the worker's `kafka.group_id`).
    pub group_id: String,
    /// Internal topic: statements re-keyed by speaker key, so near-duplicates
    /// of one speaker reach one instance whatever the `statements` key.
    pub repartition_topic: String,
    /// Internal compacted topic: the identities, partition for partition
    /// with the repartition topic (the state-store changelog).
    pub changelog_topic: String,
    /// First sightings (`byline.statement.new.v1`, key: statement_id).
    pub new_topic: String,
    /// Sighting counts (`byline.statement.seen.v1`, key: statement_id;
    /// compacted: the latest count per identity).
    pub seen_topic: String,
    /// Every statement event read, with its identity
    /// (`byline.statement.identified.v1`, key: statement_id), one record
    /// per sighting. Empty: not produced (a copy of the statements topic's
    /// volume that a deployment alerting on `new_topic` alone can skip).
    pub identified_topic: String,
    /// Partitions of the two internal topics when byline creates them
    /// (the parallelism of the novelty processor).
    pub partitions: i32,
    /// Replication factor of the topics byline creates.
    pub replication: i32,
    /// An identity not seen for this long (event time) is forgotten.
    pub horizon_hours: u64,
    /// Most input records processed (and acknowledged) per step.
    pub max_batch: usize,
    /// Speakers, entities and keywords to flag (`matched`) and to send to
    /// an alerts topic; absent: no watchlist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watchlist: Option<super::watchlist::WatchlistConfig>,
}

impl Default for NoveltyConfig {
    fn default() -> Self {
        NoveltyConfig {
            group_id: "byline-novelty".into(),
            repartition_topic: "statements.by-speaker".into(),
            changelog_topic: "statements.novelty-changelog".into(),
            new_topic: "statements.new".into(),
            seen_topic: "statements.seen".into(),
            identified_topic: "statements.identified".into(),
            partitions: 6,
            replication: 1,
            horizon_hours: 14 * 24,
            max_batch: 500,
            watchlist: None,
        }
    }
}

impl NoveltyConfig {
    /// The horizon in milliseconds.
    pub fn horizon_ms(&self) -> i64 {
        i64::try_from(self.horizon_hours.saturating_mul(3_600_000)).unwrap_or(i64::MAX)
    }

    /// The identified topic, `None` when turned off (empty).
    pub fn identified_topic(&self) -> Option<&str> {
        Some(self.identified_topic.trim()).filter(|t| !t.is_empty())
    }

    /// The watchlist's alerts topic, `None` without one.
    pub fn alerts_topic(&self) -> Option<&str> {
        self.watchlist
            .as_ref()
            .map(|w| w.alerts_topic.trim())
            .filter(|t| !t.is_empty())
    }

    /// Every topic the processor writes: the required ones, then the
    /// identified and alerts topics when set.
    pub fn output_topics(&self) -> Vec<&str> {
        let mut topics = vec![
            self.repartition_topic.as_str(),
            self.changelog_topic.as_str(),
            self.new_topic.as_str(),
            self.seen_topic.as_str(),
        ];
        topics.extend(self.identified_topic());
        topics.extend(self.alerts_topic());
        topics
    }

    /// Check values serde cannot; `statements` is the topic read.
    pub fn validate(&self, statements: &str) -> Result<(), ConfigError> {
        let bad = |key: &str, reason: &str| {
            Err(ConfigError::Invalid {
                key: format!("novelty.{key}"),
                reason: reason.into(),
            })
        };
        if self.group_id.trim().is_empty() {
            return bad("group_id", "must not be empty");
        }
        // Required topics first, then the optional ones (empty: off).
        let topics = [
            ("repartition_topic", self.repartition_topic.as_str(), true),
            ("changelog_topic", self.changelog_topic.as_str(), true),
            ("new_topic", self.new_topic.as_str(), true),
            ("seen_topic", self.seen_topic.as_str(), true),
            ("identified_topic", self.identified_topic.as_str(), false),
            (
                "watchlist.alerts_topic",
                self.alerts_topic().unwrap_or(""),
                false,
            ),
        ];
        for (i, (key, t, required)) in topics.iter().enumerate() {
            let t = t.trim();
            if t.is_empty() {
                if *required {
                    return bad(key, "must not be empty");
                }
                continue;
            }
            if t == statements {
                return bad(key, "must differ from kafka.statements_topic");
            }
            if topics[..i].iter().any(|(_, u, _)| u.trim() == t) {
                return bad(key, "must differ from the other novelty topics");
            }
        }
        if self.partitions < 1 {
            return bad("partitions", "must be at least 1");
        }
        if self.replication < 1 {
            return bad("replication", "must be at least 1");
        }
        if self.horizon_hours == 0 {
            return bad("horizon_hours", "must be at least 1");
        }
        if self.max_batch == 0 {
            return bad("max_batch", "must be at least 1");
        }
        if let Some(w) = &self.watchlist {
            w.validate()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    #[test]
    fn novelty_settings_load_validate_and_name_the_key() {
        let c = Config::from_sources(
            "[novelty]\nhorizon_hours = 48\nnew_topic = \"alerts.new\"\n",
            "t",
            Vec::new(),
        )
        .expect("valid");
        assert_eq!(c.novelty.horizon_ms(), 48 * 3_600_000);
        assert_eq!(c.novelty.new_topic, "alerts.new");
        for (toml, key) in [
            ("[novelty]\nhorizon_hours = 0\n", "novelty.horizon_hours"),
            (
                "[novelty]\nseen_topic = \"statements\"\n",
                "novelty.seen_topic",
            ),
            (
                "[novelty]\nseen_topic = \"statements.new\"\n",
                "novelty.seen_topic",
            ),
            (
                "[novelty]\nidentified_topic = \"statements\"\n",
                "novelty.identified_topic",
            ),
            (
                "[novelty]\nidentified_topic = \"statements.seen\"\n",
                "novelty.identified_topic",
            ),
            (
                "[novelty.watchlist]\nspeakers = [\"Roe\"]\nalerts_topic = \"statements.identified\"\n",
                "novelty.watchlist.alerts_topic",
            ),
            ("[novelty]\nnew_topic = \" \"\n", "novelty.new_topic"),
            ("[novelty]\nhorizon = 3\n", "unknown field `horizon`"),
        ] {
            let e = Config::from_sources(toml, "t", Vec::new())
                .expect_err(toml)
                .to_string();
            assert!(e.contains(key), "{toml}: {e}");
        }
    }

    #[test]
    fn the_identified_topic_is_on_by_default_and_empty_turns_it_off() {
        let c = Config::from_sources("", "t", Vec::new()).expect("valid");
        assert_eq!(c.novelty.identified_topic(), Some("statements.identified"));
        assert!(c.novelty.output_topics().contains(&"statements.identified"));
        let c = Config::from_sources("[novelty]\nidentified_topic = \"\"\n", "t", Vec::new())
            .expect("empty is valid: off");
        assert_eq!(c.novelty.identified_topic(), None);
        assert_eq!(
            c.novelty.output_topics(),
            [
                "statements.by-speaker",
                "statements.novelty-changelog",
                "statements.new",
                "statements.seen"
            ]
        );
    }
}
