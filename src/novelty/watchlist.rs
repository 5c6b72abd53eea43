//! Watchlists: speakers, entities and keywords a platform wants alerts on.
//! A new statement that matches carries `matched` with the reasons, and
//! goes to `alerts_topic` too when one is set.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::signature::{name_words, speakers_compatible};
use crate::config::ConfigError;
use crate::event::StatementEvent;

/// `[novelty.watchlist]`.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct WatchlistConfig {
    /// Speaker names; "Trump" matches a statement by "Donald Trump" and the
    /// reverse (the words of one name all in the other).
    pub speakers: Vec<String>,
    /// Canonical entity names, matched against the statement's `about` the
    /// same way.
    pub entities: Vec<String>,
    /// Words or phrases, matched case-insensitively as whole words in the
    /// statement's text.
    pub keywords: Vec<String>,
    /// Where matching new statements also go; empty: nowhere else.
    pub alerts_topic: String,
}

/// Why a statement matched the watchlist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Match {
    /// `speaker`, `entity` or `keyword`.
    pub kind: MatchKind,
    /// The watchlist entry that matched, as configured.
    pub value: String,
}

/// The watchlist list a match came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The statement's speaker.
    Speaker,
    /// An entity in the statement's `about`.
    Entity,
    /// A word or phrase in the statement's text.
    Keyword,
}

/// A validated watchlist, entries pre-split into case-folded words.
#[derive(Clone, Debug)]
pub struct Watchlist {
    entries: Vec<(MatchKind, String, Vec<String>)>,
}

impl WatchlistConfig {
    /// Check it: at least one entry, none blank or without a word.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, reason: String| {
            Err(ConfigError::Invalid {
                key: format!("novelty.watchlist.{key}"),
                reason,
            })
        };
        if self.speakers.is_empty() && self.entities.is_empty() && self.keywords.is_empty() {
            return bad(
                "speakers",
                "the watchlist is empty: list speakers, entities or keywords, or remove [novelty.watchlist]".into(),
            );
        }
        for (key, list) in [
            ("speakers", &self.speakers),
            ("entities", &self.entities),
            ("keywords", &self.keywords),
        ] {
            for (i, e) in list.iter().enumerate() {
                if name_words(e).is_empty() {
                    return bad(key, format!("entry {i} ({e:?}) has no word"));
                }
            }
        }
        Ok(())
    }
}

impl Watchlist {
    /// The watchlist of a validated config.
    pub fn new(config: &WatchlistConfig) -> Watchlist {
        let mut entries = Vec::new();
        for (kind, list) in [
            (MatchKind::Speaker, &config.speakers),
            (MatchKind::Entity, &config.entities),
            (MatchKind::Keyword, &config.keywords),
        ] {
            for e in list {
                entries.push((kind, e.clone(), name_words(e)));
            }
        }
        Watchlist { entries }
    }

    /// The reasons `s` matches, in watchlist order; empty when none.
    pub fn matches(&self, s: &StatementEvent) -> Vec<Match> {
        let speaker = s.speaker.as_deref().map(name_words);
        let about: Vec<Vec<String>> = s.about.iter().map(|a| name_words(&a.name)).collect();
        let text = name_words(&s.text);
        self.entries
            .iter()
            .filter(|(kind, _, words)| match kind {
                MatchKind::Speaker => speaker
                    .as_ref()
                    .is_some_and(|sp| !sp.is_empty() && speakers_compatible(sp, words)),
                MatchKind::Entity => about.iter().any(|a| speakers_compatible(a, words)),
                MatchKind::Keyword => text.windows(words.len()).any(|w| w == words.as_slice()),
            })
            .map(|(kind, value, _)| Match {
                kind: *kind,
                value: value.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn statement(speaker: &str, text: &str, about: &[&str]) -> StatementEvent {
        let mut s = crate::novelty::testing::statement(speaker, text);
        s.about = about
            .iter()
            .enumerate()
            .map(|(i, n)| crate::event::AboutEntity {
                id: format!("e{i}"),
                name: n.to_string(),
                kind: crate::event::EntityType::Organization,
            })
            .collect();
        s
    }

    #[test]
    fn speakers_entities_and_keywords_match_with_their_reason() {
        let w = Watchlist::new(&WatchlistConfig {
            speakers: vec!["Lindqvist".into(), "Tomas Velde".into()],
            entities: vec!["Acme Shipping".into()],
            keywords: vec!["ferry line".into(), "tariff".into()],
            alerts_topic: String::new(),
        });
        let s = statement(
            "Mara Lindqvist",
            "Acme Shipping will keep the northern ferry line open",
            &["Acme Shipping"],
        );
        let matched = w.matches(&s);
        let got: Vec<(MatchKind, &str)> =
            matched.iter().map(|m| (m.kind, m.value.as_str())).collect();
        assert_eq!(
            got,
            [
                (MatchKind::Speaker, "Lindqvist"),
                (MatchKind::Entity, "Acme Shipping"),
                (MatchKind::Keyword, "ferry line"),
            ]
        );
        // Another Velde, a keyword inside a longer word, no entity.
        let s = statement("Ruth Velde", "The tariffs will fall next year", &[]);
        assert!(w.matches(&s).is_empty(), "{:?}", w.matches(&s));
    }

    #[test]
    fn an_empty_or_blank_watchlist_is_a_config_error() {
        for (toml, key) in [
            ("[novelty.watchlist]\n", "novelty.watchlist.speakers"),
            (
                "[novelty.watchlist]\nkeywords = [\"ok\", \" - \"]\n",
                "novelty.watchlist.keywords",
            ),
            (
                "[novelty.watchlist]\nspeakers = \"Roe\"\n",
                "expected a sequence",
            ),
            (
                "[novelty.watchlist]\nspeakers = [\"Roe\"]\nalerts_topic = \"statements.new\"\n",
                "novelty.watchlist.alerts_topic",
            ),
        ] {
            let e = Config::from_sources(toml, "t", Vec::new())
                .expect_err(toml)
                .to_string();
            assert!(e.contains(key), "{toml}: {e}");
        }
        let c = Config::from_sources(
            "[novelty.watchlist]\nentities = [\"Acme Shipping\"]\nalerts_topic = \"alerts\"\n",
            "t",
            Vec::new(),
        )
        .expect("valid");
        assert_eq!(
            c.novelty.watchlist.map(|w| w.alerts_topic),
            Some("alerts".into())
        );
    }
}
