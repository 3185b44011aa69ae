//! Named-entity tagger (issue 3): finds names and their types in a [`Doc`].

use crate::extraction::EntityType;
use crate::nlp::text::Doc;
use std::ops::Range;

/// A name found by the tagger: a run of tokens and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    /// Token indices into `Doc::tokens`.
    pub tokens: Range<usize>,
    /// The entity type.
    pub kind: EntityType,
}

/// Tags the names in `doc`. (Stub until the trained tagger lands.)
pub fn tag(doc: &Doc) -> Vec<NameSpan> {
    let _ = doc;
    Vec::new()
}
