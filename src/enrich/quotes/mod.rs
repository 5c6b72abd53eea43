//! Quotes stage: direct, reported and mixed speech with resolved speakers.

use super::{Document, Enrichment, Stage};
use crate::event::{Entity, Quote};
use crate::text::Text;

/// Find every statement in `text`; speakers resolve to `entities`.
pub fn extract(text: &Text<'_>, entities: &[Entity]) -> Vec<Quote> {
    let _ = (text, entities);
    Vec::new()
}

/// The quotes stage.
pub struct QuotesStage;

impl Stage for QuotesStage {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn apply(&self, doc: &Document<'_>, out: &mut Enrichment) {
        out.quotes = extract(&doc.text, &out.entities);
    }
}
