//! Named-entity tagger (issue 3): finds names and their CoNLL-2003 types (PERSON, ORG, LOC,
//! MISC) in a [`Doc`].
//!
//! A linear sequence model over BILOU tags, trained by the project (`newsmine train ner`,
//! [`train`]) as an averaged structured perceptron and decoded with Viterbi. Its features are
//! in [`features`]; its weights ship inside the binary (`data/ner-en.model`) and are read once.

pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod labels;
pub mod lexicon;
pub mod model;
pub mod train;

use crate::extraction::EntityType;
use crate::nlp::text::Doc;
use gazetteer::Gazetteer;
use model::{Model, Scorer};
use std::ops::Range;
use std::sync::OnceLock;

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

/// Reads the shipped model afresh (what [`shipped_model`] does once; for benchmarks).
pub fn load_shipped_model() -> Result<Model, model::ModelError> {
    Model::from_bytes(MODEL_BYTES)
}

/// Tags the names in `doc` with the shipped model.
pub fn tag(doc: &Doc) -> Vec<NameSpan> {
    let Some(model) = shipped_model() else {
        return Vec::new();
    };
    let sentences: Vec<Vec<&str>> = doc
        .sentences
        .iter()
        .map(|s| s.tokens.clone().map(|i| doc.token_text(i)).collect())
        .collect();
    let found = tag_document_with(model, &sentences);
    let mut out = Vec::new();
    for (s, names) in doc.sentences.iter().zip(found) {
        for (r, kind) in names {
            out.push(NameSpan {
                tokens: s.tokens.start + r.start..s.tokens.start + r.end,
                kind,
            });
        }
    }
    out
}

/// Tags one pre-tokenised sentence with the shipped model: token ranges and types.
pub fn tag_sentence(tokens: &[&str]) -> Vec<(Range<usize>, EntityType)> {
    tag_document(&[tokens.to_vec()]).pop().unwrap_or_default()
}

/// Tags the pre-tokenised sentences of one document with the shipped model (the document lets
/// the tagger see how a word is written in its other sentences).
pub fn tag_document<S: AsRef<str>>(sentences: &[Vec<S>]) -> Vec<Vec<(Range<usize>, EntityType)>> {
    match shipped_model() {
        Some(m) => tag_document_with(m, sentences),
        None => vec![Vec::new(); sentences.len()],
    }
}

/// Tags the pre-tokenised sentences of one document with `model`.
pub fn tag_document_with<S: AsRef<str>>(
    model: &Model,
    sentences: &[Vec<S>],
) -> Vec<Vec<(Range<usize>, EntityType)>> {
    let prepared = features::prepare_document(sentences, model, Gazetteer::embedded());
    let mut scorer = Scorer::new(model);
    prepared
        .iter()
        .map(|p| labels::spans_of_tags(&scorer.tag(p)))
        .collect()
}
