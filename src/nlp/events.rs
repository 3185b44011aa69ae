//! Events: what happened, when, where and who (issue 5).

use crate::extraction::{Entity, Event, Mention, TimeExpr};
use crate::nlp::text::Doc;

/// Finds the events of `doc`. (Stub until issue 5 lands.)
pub fn extract(
    doc: &Doc,
    entities: &[Entity],
    mentions: &[Mention],
    times: &[TimeExpr],
) -> Vec<Event> {
    let _ = (doc, entities, mentions, times);
    Vec::new()
}
