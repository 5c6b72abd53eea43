//! Dates stage: dates, times, durations and sets, normalized to TIMEX3.

use chrono::NaiveDate;

use super::{Document, Enrichment, Stage};
use crate::event::DateMention;
use crate::text::Text;

/// Find every temporal expression in `text`, resolving relative ones against
/// `published` (left underspecified, e.g. `XXXX-XX-XX`, when it is `None`).
pub fn extract(text: &Text<'_>, published: Option<NaiveDate>) -> Vec<DateMention> {
    let _ = (text, published);
    Vec::new()
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
