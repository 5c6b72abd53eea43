//! Enrichment: the stages and their wiring.
//!
//! A [`Document`] is an article plus its shared [`Text`] analysis, built once.
//! Each [`Stage`] is a pure function of the document (and of what earlier
//! stages found): no I/O, no clock, no global state. The [`Pipeline`] runs the
//! standard stages in order: dates, entities, then quotes (a speaker is
//! resolved to an entity, so entities come first). The Kafka worker and
//! `byline enrich` share this code and differ only in source and sink.

pub mod check;
pub mod dates;
pub mod entities;
pub(crate) mod parties;
pub mod quotes;

use std::time::{Duration, Instant};

use crate::article::Article;
use crate::event::{
    ArticleEvent, DateMention, Entity, Processing, Quote, ReferenceSource, ARTICLE_SCHEMA,
};
use crate::text::Text;

/// Names of the standard stages, in the order they run.
pub const STAGE_NAMES: [&str; 3] = ["dates", "entities", "quotes"];

/// An article with its analysed text: what every stage reads.
pub struct Document<'a> {
    /// The decoded article (publication date, id, …).
    pub article: &'a Article,
    /// The shared analysis of `article.body`.
    pub text: Text<'a>,
}

impl<'a> Document<'a> {
    /// Analyse `article`'s body.
    pub fn new(article: &'a Article) -> Self {
        Document {
            article,
            text: Text::analyze(&article.body),
        }
    }
}

/// What the stages found; each stage fills its own field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Enrichment {
    /// Filled by the dates stage.
    pub dates: Vec<DateMention>,
    /// Filled by the dates stage: the reference date relative dates were
    /// resolved against, and where it came from.
    pub reference: Option<(Option<chrono::NaiveDate>, ReferenceSource)>,
    /// Filled by the entities stage.
    pub entities: Vec<Entity>,
    /// Filled by the quotes stage (reads `entities`).
    pub quotes: Vec<Quote>,
}

/// One enrichment stage: a pure function of the document and of what the
/// stages before it wrote into `out`.
pub trait Stage: Send + Sync {
    /// Stable name: the `stage` label of the latency histogram.
    fn name(&self) -> &'static str;
    /// Run on `doc`, writing this stage's field of `out`.
    fn apply(&self, doc: &Document<'_>, out: &mut Enrichment);
}

/// The ordered stages. Cheap to share across threads (`Arc<Pipeline>`).
pub struct Pipeline {
    /// Stages in the order they run.
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// The standard pipeline: dates, entities, quotes.
    pub fn standard() -> Self {
        Pipeline {
            stages: vec![
                Box::new(dates::DatesStage),
                Box::new(entities::EntitiesStage::new()),
                Box::new(quotes::QuotesStage),
            ],
        }
    }

    /// The stages of `config` (`enrich.stages`) in the standard order
    /// whatever their order there (the config validation rejects unknown
    /// names; none is pass-through), the entity stage with the model it
    /// names (`enrich.entities.model`) or the bundled one.
    pub fn from_config(config: &crate::config::EnrichConfig) -> Result<Self, entities::StageError> {
        let mut p = Pipeline { stages: Vec::new() };
        let wanted = |n: &str| config.stages.iter().any(|s| s == n);
        if wanted("dates") {
            p.stages.push(Box::new(dates::DatesStage));
        }
        if wanted("entities") {
            let stage = entities::EntitiesStage::load(config.entities.model.as_deref())?;
            p.stages.push(Box::new(stage));
        }
        if wanted("quotes") {
            p.stages.push(Box::new(quotes::QuotesStage));
        }
        Ok(p)
    }

    /// A pipeline of the given stages (tests, benchmarks, pass-through).
    pub fn with_stages(stages: Vec<Box<dyn Stage>>) -> Self {
        Pipeline { stages }
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Run every stage on `article`.
    pub fn run(&self, article: &Article) -> Enrichment {
        self.run_observed(article, |_, _| {})
    }

    /// Run every stage, reporting each stage's wall time (text analysis is
    /// reported as stage `analyze`).
    pub fn run_observed(
        &self,
        article: &Article,
        mut observe: impl FnMut(&'static str, Duration),
    ) -> Enrichment {
        if self.stages.is_empty() {
            // Pass-through: no stage reads the analysis.
            return Enrichment::default();
        }
        let t0 = Instant::now();
        let doc = Document::new(article);
        observe("analyze", t0.elapsed());
        let mut out = Enrichment::default();
        for stage in &self.stages {
            let t = Instant::now();
            stage.apply(&doc, &mut out);
            observe(stage.name(), t.elapsed());
        }
        out
    }
}

/// Assemble the contract's article event.
pub fn build_event(
    article: &Article,
    enrichment: Enrichment,
    processing: Processing,
) -> ArticleEvent {
    ArticleEvent {
        schema: ARTICLE_SCHEMA.to_string(),
        id: article.id.clone(),
        published_at: article
            .published_at
            .map(|d| d.format("%Y-%m-%d").to_string()),
        title: article.title.clone(),
        url: article.url.clone(),
        source: article.source.clone(),
        language: article.language.clone(),
        dates: enrichment.dates,
        reference_date: enrichment
            .reference
            .and_then(|(d, _)| d)
            .map(|d| d.format("%Y-%m-%d").to_string()),
        reference_source: enrichment.reference.map(|(_, s)| s),
        entities: enrichment.entities,
        quotes: enrichment.quotes,
        processing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_config_keeps_the_standard_order_and_empty_is_pass_through() {
        let config = |names: &[&str]| crate::config::EnrichConfig {
            stages: names.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        let p = |names: &[&str]| Pipeline::from_config(&config(names)).unwrap();
        assert_eq!(p(&["quotes", "dates"]).stage_names(), ["dates", "quotes"]);
        assert_eq!(
            p(&STAGE_NAMES).stage_names(),
            Pipeline::standard().stage_names()
        );
        let p = p(&[]);
        assert!(p.stage_names().is_empty());
        let article = crate::article::decode(
            br#"{"id":"a","published_at":"2025-01-02","body":"\"Hi,\" Jane Doe said on Monday."}"#,
            crate::article::RecordContext::default(),
            1 << 20,
        )
        .unwrap();
        assert_eq!(p.run(&article), Enrichment::default());
        assert!(!Pipeline::standard().run(&article).quotes.is_empty());
    }
}
