//! The NLP core: pure functions from an [`Article`] to an [`Extraction`].
//!
//! The stages run in one order, each reading the [`text::Doc`] and what the earlier stages found:
//! tokens and sentences → entity tagger → entity clustering → time expressions → quotes → events.
//! Inside this module spans are byte offsets and sentence numbers are 0-based indices into
//! `Doc::sentences`; `finalise` converts both for the tables in one place.

pub mod entities;
pub mod events;
pub mod language;
pub mod ner;
pub mod quotes;
pub mod text;
pub mod time;

use crate::article::Article;
use crate::extraction::{ArticleStatus, Extraction, Span, TextStats};
use text::{CharMap, Doc};

/// Settings of the analysis that a run may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnalysisOptions {
    /// How ambiguous numeric dates (`6/5/2017`) are read.
    pub date_order: time::DateOrder,
}

/// Runs every stage on `article` with the default options and returns its rows, with
/// character offsets.
pub fn analyse(article: &Article) -> Extraction {
    analyse_with(article, &AnalysisOptions::default())
}

/// Runs every stage on `article` and returns its rows, with character offsets.
pub fn analyse_with(article: &Article, options: &AnalysisOptions) -> Extraction {
    let body = article.body.as_str();
    let doc = Doc::new(body);
    let language = language::detect(body);
    let stats = TextStats {
        chars: body.chars().count(),
        words: doc.word_count(),
        sentences: doc.sentences.len(),
    };
    let mut extraction = Extraction {
        language: language.code.to_string(),
        status: ArticleStatus::Ok,
        stats,
        content_hash: content_hash(body),
        entities: Vec::new(),
        mentions: Vec::new(),
        quotes: Vec::new(),
        times: Vec::new(),
        events: Vec::new(),
    };
    if stats.words == 0 {
        extraction.status = ArticleStatus::Empty;
        return extraction;
    }
    if !language.supported {
        extraction.status = ArticleStatus::UnsupportedLanguage;
        return extraction;
    }
    let names = ner::tag(&doc);
    let found = entities::cluster(&doc, &names);
    let time_options = time::TimeOptions {
        date_order: options.date_order,
    };
    let times = time::extract_with(&doc, article.reference_date, &time_options);
    let quotes = quotes::extract(&doc, &found.entities, &found.mentions);
    let events = events::extract_with_reference(
        &doc,
        &found.entities,
        &found.mentions,
        &times,
        article.reference_date,
    );
    extraction.entities = found.entities;
    extraction.mentions = found.mentions;
    extraction.times = times;
    extraction.quotes = quotes;
    extraction.events = events;
    finalise(&doc, &mut extraction);
    extraction
}

/// A short, stable hash of the body text (hex, 128 bits of BLAKE3).
pub fn content_hash(body: &str) -> String {
    let hash = blake3::hash(body.as_bytes());
    hash.to_hex()[..32].to_string()
}

/// Converts byte spans to character spans and 0-based sentence indices to 1-based numbers.
fn finalise(doc: &Doc, x: &mut Extraction) {
    let map = CharMap::new(doc.text);
    let conv = |s: &mut Span| {
        s.start = map.char_offset(s.start);
        s.end = map.char_offset(s.end);
    };
    for e in &mut x.entities {
        e.first_start = map.char_offset(e.first_start);
    }
    for m in &mut x.mentions {
        conv(&mut m.span);
        m.sentence += 1;
    }
    for q in &mut x.quotes {
        conv(&mut q.span);
        if let Some(s) = q.speaker_span.as_mut() {
            conv(s);
        }
        if let Some(s) = q.cue_span.as_mut() {
            conv(s);
        }
        q.sentence += 1;
    }
    for t in &mut x.times {
        conv(&mut t.span);
        t.sentence += 1;
    }
    for e in &mut x.events {
        conv(&mut e.trigger_span);
        e.sentence += 1;
    }
}
