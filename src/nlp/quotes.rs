//! Quotes and their speakers (issue 4).

use crate::extraction::{Entity, Mention, Quote};
use crate::nlp::text::Doc;

/// Finds the quotes of `doc` and resolves their speakers. (Stub until issue 4 lands.)
pub fn extract(doc: &Doc, entities: &[Entity], mentions: &[Mention]) -> Vec<Quote> {
    let _ = (doc, entities, mentions);
    Vec::new()
}
