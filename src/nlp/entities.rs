//! Entity clustering within an article (issue 3): mentions of one entity become one row.

use crate::extraction::{Entity, Mention, Span};
use crate::nlp::ner::NameSpan;
use crate::nlp::text::Doc;

/// The entities of one article and their mentions (byte spans, 0-based sentences).
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// Distinct entities, numbered from 1 in order of first mention.
    pub entities: Vec<Entity>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// Groups the tagged names of `doc` into entities. (Minimal version: one entity per distinct
/// surface string and type, until the clustering of issue 3 lands.)
pub fn cluster(doc: &Doc, names: &[NameSpan]) -> Entities {
    let mut out = Entities::default();
    for name in names {
        let text = doc.span_text(name.tokens.clone());
        let start = doc.tokens[name.tokens.start].start;
        let end = doc.tokens[name.tokens.end - 1].end;
        let id = match out
            .entities
            .iter()
            .position(|e| e.canonical == text && e.kind == name.kind)
        {
            Some(i) => {
                out.entities[i].mention_count += 1;
                i + 1
            }
            None => {
                out.entities.push(Entity {
                    id: out.entities.len() + 1,
                    kind: name.kind,
                    canonical: text.to_string(),
                    mention_count: 1,
                    surface_forms: vec![text.to_string()],
                    first_start: start,
                });
                out.entities.len()
            }
        };
        out.mentions.push(Mention {
            entity_id: id,
            kind: name.kind,
            text: text.to_string(),
            span: Span::new(start, end),
            sentence: doc.sentence_of(name.tokens.start),
        });
    }
    out
}
