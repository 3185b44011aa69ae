//! Quotes and their speakers (issue 4): direct quotes in quotation marks, reported speech,
//! mixed and partial quotes, each with its cue and its speaker resolved to a name.
//!
//! The stage reads the text itself and does not need the entity tagger to find a speaker: the
//! speaker phrase comes from around the cue ([`speakers`]), and is then linked to an entity
//! when one is named there, or resolved through the article's names ([`names`]).
//!
//! - [`marks`] pairs quotation marks into quoted stretches, paragraph by paragraph;
//! - [`cues`] finds the cue words of `data/quote-cues.txt`;
//! - [`attribute`] decides what is a quote, with which cue and speaker phrase;
//! - [`names`] turns speaker phrases into names.

pub mod attribute;
pub mod context;
pub mod cues;
pub mod lexicon;
pub mod marks;
pub mod names;
pub mod speakers;

use crate::extraction::{Entity, Mention, Quote, Span};
use crate::nlp::text::Doc;
use attribute::Found;
use context::Context;
use names::{NameIndex, Resolved};

/// Finds the quotes of `doc` and resolves their speakers. Spans are byte offsets, sentences
/// 0-based, ids 1-based in text order.
pub fn extract(doc: &Doc, entities: &[Entity], mentions: &[Mention]) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let cx = Context::new(doc);
    let found = attribute::attribute(&cx);
    if found.is_empty() {
        return Vec::new();
    }
    let mut names = NameIndex::build(&cx, entities, mentions);
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let head = f.inherit.and_then(|h| quotes.get(h));
        let quote = match head {
            Some(h) => Quote {
                id: i + 1,
                kind: f.kind,
                text: String::new(),
                span: Span::default(),
                sentence: 0,
                ..h.clone()
            },
            None => speaker_fields(&cx, &mut names, f, i + 1),
        };
        quotes.push(with_content(&cx, f, quote));
    }
    quotes
}

/// A quote with the speaker and cue of `f`, content still empty.
fn speaker_fields(cx: &Context, names: &mut NameIndex, f: &Found, id: usize) -> Quote {
    let (cue, cue_span) = match &f.cue {
        Some(c) if !c.is_empty() => {
            let b = cx.bytes(c.clone());
            (
                cx.doc.text[b.clone()].to_string(),
                Some(Span::new(b.start, b.end)),
            )
        }
        _ => (String::new(), None),
    };
    let (resolved, speaker_text, speaker_span) = match &f.speaker {
        Some(np) => {
            let at = f.cue.as_ref().map_or(np.head.start, |c| c.start);
            let b = cx.bytes(np.head.clone());
            (
                names.resolve(cx, np, at),
                cx.doc.text[b.clone()].to_string(),
                Some(Span::new(b.start, b.end)),
            )
        }
        None => (Resolved::default(), String::new(), None),
    };
    Quote {
        id,
        kind: f.kind,
        speaker: resolved.name,
        speaker_entity_id: resolved.entity,
        speaker_text,
        speaker_span,
        cue,
        cue_span,
        text: String::new(),
        span: Span::default(),
        sentence: 0,
    }
}

/// Fills the content fields of `quote` from `f`.
fn with_content(cx: &Context, f: &Found, mut quote: Quote) -> Quote {
    let b = cx.bytes(f.content.clone());
    quote.text = cx.doc.text[b.clone()].to_string();
    quote.span = Span::new(b.start, b.end);
    quote.sentence = cx.doc.sentence_of(f.content.start.min(cx.len() - 1));
    quote
}
