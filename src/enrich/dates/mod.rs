//! Dates stage: dates, times, durations and sets, normalized to TIMEX3.
//!
//! - [`lexicon`]: month, weekday, unit, number and tense-cue word lists;
//! - [`grammar`]: the recognizer over the shared tokens (longest match,
//!   body order, no overlaps, never across sentences);
//! - [`tense`]: clause tense, which picks the `Monday` or `March` meant;
//! - [`resolve`]: calendar arithmetic and TIMEX3 value formatting.
//!
//! Relative expressions resolve against the publication date (deictic:
//! `yesterday`, `last week`) or the last day mentioned (anaphoric: `the same
//! day`, `two days later`). Without a publication date their values stay
//! underspecified (`XXXX-XX-XX`, `XXXX-WXX`) rather than invented.

mod grammar;
mod lexicon;
mod resolve;
mod tense;

use chrono::NaiveDate;

use super::{Document, Enrichment, Stage};
use crate::event::DateMention;
use crate::text::Text;

/// Find every temporal expression in `text`, resolving relative ones against
/// `published` (left underspecified, e.g. `XXXX-XX-XX`, when it is `None`).
pub fn extract(text: &Text<'_>, published: Option<NaiveDate>) -> Vec<DateMention> {
    let lowered = grammar::Lowered::new(text);
    grammar::Scanner::new(text, &lowered, published)
        .scan()
        .into_iter()
        .filter_map(|f| {
            let span = text.token_span(f.start, f.end)?;
            Some(DateMention {
                text: span.text.to_string(),
                start: span.start,
                end: span.end,
                value: f.value,
                kind: f.kind,
            })
        })
        .collect()
}

/// The dates stage.
pub struct DatesStage;

impl Stage for DatesStage {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn apply(&self, doc: &Document<'_>, out: &mut Enrichment) {
        out.dates = extract(&doc.text, doc.article.published_at);
    }
}

#[cfg(test)]
mod tests;
