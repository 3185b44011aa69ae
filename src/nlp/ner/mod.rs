//! Named-entity tagger (issue 3): finds names and their CoNLL-2003 types (PERSON, ORG, LOC,
//! MISC) in a [`Doc`].
//!
//! A linear sequence model over BILOU tags, trained by the project (`newsmine train ner`,
//! [`train`]) as an averaged structured perceptron and decoded with Viterbi. Its features are
//! in [`features`]; its weights ship inside the binary (`data/ner-en.model`) and are read once.
//! Tagging at run time goes through [`tagger`], which computes the same scores as training's
//! plain path ([`tag_document_reference`]) a word type at a time.

pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod labels;
pub mod lexicon;
pub mod model;
pub mod tagger;
pub mod train;

use crate::extraction::EntityType;
use crate::nlp::text::Doc;
use gazetteer::Gazetteer;
use model::{Model, Scorer};
use std::ops::Range;
use std::sync::OnceLock;
use tagger::Tagger;

/// The shipped model (zstd-compressed).
static MODEL_BYTES: &[u8] = include_bytes!("../../../data/ner-en.model");

/// A name found by the tagger: a run of tokens and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    /// Token indices into `Doc::tokens`.
    pub tokens: Range<usize>,
    /// The entity type.
    pub kind: EntityType,
}

/// The shipped model, loaded on first use; `None` if the embedded bytes are not a model.
pub fn shipped_model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(MODEL_BYTES).ok())
        .as_ref()
}

/// The shipped model made ready for fast tagging, on first use.
pub fn shipped_tagger() -> Option<&'static Tagger<'static>> {
    static TAGGER: OnceLock<Option<Tagger<'static>>> = OnceLock::new();
    TAGGER
        .get_or_init(|| shipped_model().map(|m| Tagger::new(m, Gazetteer::embedded())))
        .as_ref()
}

/// Reads the shipped model afresh (what [`shipped_model`] does once; for benchmarks).
pub fn load_shipped_model() -> Result<Model, model::ModelError> {
    Model::from_bytes(MODEL_BYTES)
}

/// Tags the names in `doc` with the shipped model.
pub fn tag(doc: &Doc) -> Vec<NameSpan> {
    let Some(tagger) = shipped_tagger() else {
        return Vec::new();
    };
    let raw: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
    let sentences: Vec<Range<usize>> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
    tagger
        .tag(&raw, &sentences)
        .into_iter()
        .map(|(tokens, kind)| NameSpan { tokens, kind })
        .collect()
}

/// Tags one pre-tokenised sentence with the shipped model: token ranges and types.
pub fn tag_sentence(tokens: &[&str]) -> Vec<(Range<usize>, EntityType)> {
    tag_document(&[tokens.to_vec()]).pop().unwrap_or_default()
}

/// Tags the pre-tokenised sentences of one document with the shipped model (the document lets
/// the tagger see how a word is written in its other sentences).
pub fn tag_document<S: AsRef<str>>(sentences: &[Vec<S>]) -> Vec<Vec<(Range<usize>, EntityType)>> {
    match shipped_tagger() {
        Some(t) => tag_document_by(t, sentences),
        None => vec![Vec::new(); sentences.len()],
    }
}

/// Tags the pre-tokenised sentences of one document with `model`.
pub fn tag_document_with<S: AsRef<str>>(
    model: &Model,
    sentences: &[Vec<S>],
) -> Vec<Vec<(Range<usize>, EntityType)>> {
    match shipped_tagger() {
        Some(t) if std::ptr::eq(t.model(), model) => tag_document_by(t, sentences),
        _ => tag_document_by(&Tagger::new(model, Gazetteer::embedded()), sentences),
    }
}

fn tag_document_by<S: AsRef<str>>(
    tagger: &Tagger,
    sentences: &[Vec<S>],
) -> Vec<Vec<(Range<usize>, EntityType)>> {
    let raw: Vec<&str> = sentences.iter().flatten().map(AsRef::as_ref).collect();
    let mut ranges = Vec::with_capacity(sentences.len());
    let mut at = 0;
    for s in sentences {
        ranges.push(at..at + s.len());
        at += s.len();
    }
    let mut out = vec![Vec::new(); sentences.len()];
    let mut si = 0;
    for (r, kind) in tagger.tag(&raw, &ranges) {
        while ranges[si].end <= r.start {
            si += 1;
        }
        let base = ranges[si].start;
        out[si].push((r.start - base..r.end - base, kind));
    }
    out
}

/// [`tag_document_with`] the plain way training tags ([`features::prepare_document`] and
/// [`Scorer`]): the specification the fast [`tagger`] is tested against.
pub fn tag_document_reference<S: AsRef<str>>(
    model: &Model,
    sentences: &[Vec<S>],
) -> Vec<Vec<(Range<usize>, EntityType)>> {
    let prepared = features::prepare_document(sentences, model, Gazetteer::embedded());
    let mut scorer = Scorer::new(model);
    prepared
        .iter()
        .map(|p| {
            let form = |i: usize| p.forms.get(i).map(AsRef::as_ref);
            join_numbered_media_names(form, labels::spans_of_tags(&scorer.tag(p)))
        })
        .collect()
}

/// Broadcast names with a channel number (`Channel 4 News`, `BBC Radio 4 News`): the model,
/// trained on Reuters 1996 where a number between two names is almost always a sports score,
/// splits them. An ORG ending in a medium (News, Radio, TV, …) right after a number of one or
/// two digits that follows a capitalised word (untagged or ORG) takes both in, unless a score
/// follows it.
fn join_numbered_media_names<'f>(
    form: impl Fn(usize) -> Option<&'f str>,
    spans: Vec<(Range<usize>, EntityType)>,
) -> Vec<(Range<usize>, EntityType)> {
    const MEDIA: &[&str] = &["News", "Radio", "TV", "Television", "Live", "Extra"];
    let is_channel_number = |i: usize| {
        form(i).is_some_and(|f| (1..=2).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()))
    };
    let capitalised =
        |i: usize| form(i).is_some_and(|f| f.chars().next().is_some_and(char::is_uppercase));
    let mut out: Vec<(Range<usize>, EntityType)> = Vec::with_capacity(spans.len());
    for (r, kind) in spans {
        let joins = kind == EntityType::Org
            && r.start >= 2
            && is_channel_number(r.start - 1)
            && capitalised(r.start - 2)
            && form(r.end - 1).is_some_and(|f| MEDIA.contains(&f))
            && !form(r.end).is_some_and(|f| f.starts_with(|c: char| c.is_ascii_digit()));
        if joins {
            match out.last_mut() {
                Some((prev, EntityType::Org)) if prev.end == r.start - 1 => {
                    prev.end = r.end;
                    continue;
                }
                Some((prev, _)) if prev.end > r.start - 2 => {}
                _ => {
                    out.push((r.start - 2..r.end, kind));
                    continue;
                }
            }
        }
        out.push((r, kind));
    }
    out
}
