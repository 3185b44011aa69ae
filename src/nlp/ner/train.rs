//! Training: an averaged structured perceptron over BILOU tags with Viterbi decoding, on
//! CoNLL-2003 files, choosing the epoch by F1 on the development file. Deterministic: the
//! sentence order of each epoch comes from a seeded generator, and every table is built in a
//! fixed order, so the same inputs give the same model bytes.

use super::conll::{self, Document};
use super::features::{self, BOS, EOS, Prepared, WINDOW, dense, prepare_document};
use super::gazetteer::Gazetteer;
use super::hash::HashIndex;
use super::labels::{self, N_TAGS};
use super::lexicon::Lexicon;
use super::model::{self, Model, VECTOR, viterbi};
use crate::extraction::EntityType;
use rustc_hash::FxHashMap;
use std::collections::HashSet;
use std::ops::Range;

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the training data (the best one on the dev data is kept).
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 20_240_501,
        }
    }
}

/// The texts training reads (the caller does the I/O).
#[derive(Debug, Clone, Copy)]
pub struct TrainInput<'a> {
    /// CoNLL training file.
    pub train: &'a str,
    /// CoNLL development file.
    pub dev: &'a str,
    /// `data/word-clusters.tsv`.
    pub clusters: &'a str,
    /// `data/casing.tsv`.
    pub casing: &'a str,
}

/// What one epoch did.
#[derive(Debug, Clone, Copy)]
pub struct EpochReport {
    /// 1-based epoch.
    pub epoch: usize,
    /// Training sentences tagged wrong during the epoch.
    pub mistakes: usize,
    /// Precision, recall and F1 (percent) on the dev data with the averaged weights.
    pub dev: (f64, f64, f64),
}

/// The trained model and how it was chosen.
#[derive(Debug, Clone)]
pub struct Trained {
    /// The model.
    pub model: Model,
    /// The epoch kept.
    pub best_epoch: usize,
    /// Its dev F1 (before quantisation).
    pub dev_f1: f64,
}

/// Why training could not run.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// The training file holds no sentences.
    #[error("the training file holds no sentences")]
    NoData,
}

/// Word forms, their ids and the features each one fires at each window slot.
#[derive(Default)]
struct Words {
    ids: FxHashMap<String, u32>,
    forms: Vec<String>,
    /// feature rows of form f at slot w: `rows[starts[f * WINDOW + w]..starts[f * WINDOW + w + 1]]`
    rows: Vec<u32>,
    starts: Vec<u32>,
}

impl Words {
    fn id(&mut self, form: &str, lex: &Lexicon, feats: &mut Features, grow: bool) -> u32 {
        if let Some(&i) = self.ids.get(form) {
            return i;
        }
        let id = self.forms.len() as u32;
        self.ids.insert(form.to_string(), id);
        self.forms.push(form.to_string());
        let info = lex.info(form);
        let mut keys = Vec::new();
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        for w in 0..WINDOW {
            keys.clear();
            features::word_keys(form, &info, w as i8 - 2, &mut keys);
            for &k in &keys {
                if let Some(r) = feats.row(k, grow) {
                    self.rows.push(r);
                }
            }
            self.starts.push(self.rows.len() as u32);
        }
        id
    }

    fn rows_of(&self, form: u32, slot: usize) -> &[u32] {
        let k = form as usize * WINDOW + slot;
        &self.rows[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

#[derive(Default)]
struct Features {
    ids: FxHashMap<u64, u32>,
    keys: Vec<u64>,
}

impl Features {
    fn row(&mut self, key: u64, grow: bool) -> Option<u32> {
        if let Some(&r) = self.ids.get(&key) {
            return Some(r);
        }
        if !grow {
            return None;
        }
        let r = self.keys.len() as u32;
        self.ids.insert(key, r);
        self.keys.push(key);
        Some(r)
    }
}

struct Sent {
    /// form ids with two pads on each side
    words: Vec<u32>,
    dense: Vec<u32>,
    starts: Vec<u32>,
    gold: Vec<u8>,
    gold_spans: Vec<(Range<usize>, EntityType)>,
}

impl Sent {
    fn len(&self) -> usize {
        self.gold.len()
    }
    fn dense_of(&self, i: usize) -> &[u32] {
        &self.dense[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

struct Weights {
    unary: Vec<f32>,
    dense: Vec<f32>,
    trans: Vec<f32>,
}

impl Weights {
    fn zeros(n_features: usize) -> Weights {
        Weights {
            unary: vec![0.0; n_features * N_TAGS],
            dense: vec![0.0; dense::SIZE as usize * N_TAGS],
            trans: vec![0.0; (N_TAGS + 1) * N_TAGS],
        }
    }
}

fn add_row(acc: &mut [f32], row: &[f32]) {
    for (a, &x) in acc.iter_mut().zip(row) {
        *a += x;
    }
}

fn emissions(w: &Weights, words: &Words, s: &Sent, em: &mut Vec<f32>) {
    let n = s.len();
    em.clear();
    em.resize(n * N_TAGS, 0.0);
    for i in 0..n {
        let e = &mut em[i * N_TAGS..(i + 1) * N_TAGS];
        for slot in 0..WINDOW {
            for &r in words.rows_of(s.words[i + slot], slot) {
                let r = r as usize * N_TAGS;
                add_row(e, &w.unary[r..r + N_TAGS]);
            }
        }
        for &d in s.dense_of(i) {
            let d = d as usize * N_TAGS;
            add_row(e, &w.dense[d..d + N_TAGS]);
        }
    }
}

fn decode(w: &Weights, words: &Words, s: &Sent, em: &mut Vec<f32>) -> Vec<u8> {
    emissions(w, words, s, em);
    viterbi(em, s.len(), &w.trans, f32::NEG_INFINITY)
}

/// Weights being trained, with the accumulator that gives their average.
struct Perceptron {
    w: Weights,
    u: Weights,
    /// The step counter (one step per training sentence).
    c: f32,
}

impl Perceptron {
    /// Adds `delta` to the weights of tag `t` for every feature of token `i`, in `w` and,
    /// scaled by the step counter, in the averaging accumulator `u`.
    fn update_token(&mut self, words: &Words, s: &Sent, i: usize, t: u8, delta: f32) {
        let t = t as usize;
        let (w, u, c) = (&mut self.w, &mut self.u, self.c);
        for slot in 0..WINDOW {
            for &r in words.rows_of(s.words[i + slot], slot) {
                let k = r as usize * N_TAGS + t;
                w.unary[k] += delta;
                u.unary[k] += c * delta;
            }
        }
        for &d in s.dense_of(i) {
            let k = d as usize * N_TAGS + t;
            w.dense[k] += delta;
            u.dense[k] += c * delta;
        }
    }

    /// Adds `delta` to the score of moving from `prev` to `next`.
    fn update_transition(&mut self, prev: usize, next: u8, delta: f32) {
        let k = prev * N_TAGS + next as usize;
        self.w.trans[k] += delta;
        self.u.trans[k] += self.c * delta;
    }

    /// The averaged weights.
    fn averaged(&self) -> Weights {
        averaged(&self.w, &self.u, self.c)
    }
}

fn averaged(w: &Weights, u: &Weights, c: f32) -> Weights {
    let avg = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x - y / c).collect();
    Weights {
        unary: avg(&w.unary, &u.unary),
        dense: avg(&w.dense, &u.dense),
        trans: avg(&w.trans, &u.trans),
    }
}

/// A seeded generator (splitmix64) for the epoch order.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn to_sents(
    docs: &[Document],
    lex: &Lexicon,
    gaz: &Gazetteer,
    words: &mut Words,
    feats: &mut Features,
    grow: bool,
) -> Vec<Sent> {
    let bos = words.id(BOS, lex, feats, grow);
    let eos = words.id(EOS, lex, feats, grow);
    let mut out = Vec::new();
    for doc in docs {
        let tokens: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let prepared: Vec<Prepared> = prepare_document(&tokens, lex, gaz);
        for (s, p) in doc.iter().zip(&prepared) {
            let mut ids = vec![bos, bos];
            for f in &p.forms {
                ids.push(words.id(f, lex, feats, grow));
            }
            ids.extend([eos, eos]);
            let gold_spans = labels::spans_of_iob(&s.tags);
            out.push(Sent {
                words: ids,
                dense: p.dense.clone(),
                starts: p.starts.clone(),
                gold: labels::tags_of_spans(s.tokens.len(), &gold_spans),
                gold_spans,
            });
        }
    }
    out
}

fn evaluate(w: &Weights, words: &Words, sents: &[Sent]) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    let mut em = Vec::new();
    for s in sents {
        let tags = decode(w, words, s, &mut em);
        let pred = labels::spans_of_tags(&tags);
        np += pred.len();
        ng += s.gold_spans.len();
        tp += pred.iter().filter(|p| s.gold_spans.contains(p)).count();
    }
    crate::eval::prf(tp, np, tp, ng)
}

/// Trains a model. `progress` hears about every epoch.
pub fn train(
    input: TrainInput,
    options: TrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<Trained, TrainError> {
    let lex = Lexicon::parse(input.clusters, input.casing);
    let gaz = Gazetteer::embedded();
    let train_docs = conll::parse(input.train);
    let dev_docs = conll::parse(input.dev);
    let mut words = Words::default();
    let mut feats = Features::default();
    let train = to_sents(&train_docs, &lex, gaz, &mut words, &mut feats, true);
    let n_train_forms = words.forms.len();
    let dev = to_sents(&dev_docs, &lex, gaz, &mut words, &mut feats, false);
    if train.is_empty() {
        return Err(TrainError::NoData);
    }
    let nf = feats.keys.len();
    let mut p = Perceptron {
        w: Weights::zeros(nf),
        u: Weights::zeros(nf),
        c: 1.0,
    };
    let mut rng = Rng(options.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut em = Vec::new();
    let mut best: Option<(Weights, usize, f64)> = None;
    for epoch in 1..=options.epochs.max(1) {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for &si in &order {
            let s = &train[si];
            let pred = decode(&p.w, &words, s, &mut em);
            if pred != s.gold {
                mistakes += 1;
                for i in 0..s.len() {
                    if pred[i] != s.gold[i] {
                        p.update_token(&words, s, i, s.gold[i], 1.0);
                        p.update_token(&words, s, i, pred[i], -1.0);
                    }
                    let gp = if i == 0 {
                        N_TAGS
                    } else {
                        s.gold[i - 1] as usize
                    };
                    let pp = if i == 0 { N_TAGS } else { pred[i - 1] as usize };
                    if (gp, s.gold[i]) != (pp, pred[i]) {
                        p.update_transition(gp, s.gold[i], 1.0);
                        p.update_transition(pp, pred[i], -1.0);
                    }
                }
            }
            p.c += 1.0;
        }
        let avg = p.averaged();
        let dev_prf = if dev.is_empty() {
            (0.0, 0.0, 0.0)
        } else {
            evaluate(&avg, &words, &dev)
        };
        progress(&EpochReport {
            epoch,
            mistakes,
            dev: dev_prf,
        });
        if best.as_ref().is_none_or(|b| dev_prf.2 > b.2) {
            best = Some((avg, epoch, dev_prf.2));
        }
    }
    let Some((avg, best_epoch, dev_f1)) = best else {
        return Err(TrainError::NoData);
    };
    let model = export(&avg, &words, n_train_forms, &feats, &lex);
    Ok(Trained {
        model,
        best_epoch,
        dev_f1,
    })
}

/// Builds the shipped model from averaged weights: word vectors for the training forms and
/// the forms of the lexicon, feature rows for unseen words, quantised to 16 bits.
fn export(
    avg: &Weights,
    words: &Words,
    n_train_forms: usize,
    feats: &Features,
    lex: &Lexicon,
) -> Model {
    // forms outside these two sets fire only features of the sparse table, so tagging
    // computes their vectors exactly when it meets them
    let mut vocab: Vec<&str> = words.forms[..n_train_forms]
        .iter()
        .map(String::as_str)
        .chain(lex.clustered_forms())
        .collect();
    vocab.sort_unstable();
    vocab.dedup();
    let mut vectors = vec![0f32; vocab.len() * VECTOR];
    let mut keys = Vec::new();
    for (vi, form) in vocab.iter().enumerate() {
        let info = lex.info(form);
        for slot in 0..WINDOW {
            keys.clear();
            features::word_keys(form, &info, slot as i8 - 2, &mut keys);
            let out = &mut vectors[vi * VECTOR + slot * N_TAGS..vi * VECTOR + (slot + 1) * N_TAGS];
            for k in &keys {
                if let Some(&r) = feats.ids.get(k) {
                    let r = r as usize * N_TAGS;
                    add_row(out, &avg.unary[r..r + N_TAGS]);
                }
            }
        }
    }
    // features an unseen word can fire: all but exact spellings
    let mut spelled: HashSet<u64> = HashSet::new();
    for f in &words.forms[..n_train_forms] {
        for o in -1..=1 {
            spelled.insert(features::form_key(f, o));
        }
    }
    let kept: Vec<usize> = (0..feats.keys.len())
        .filter(|&r| !spelled.contains(&feats.keys[r]))
        .collect();
    let max_abs = vectors
        .iter()
        .chain(avg.dense.iter())
        .chain(
            kept.iter()
                .flat_map(|&r| &avg.unary[r * N_TAGS..(r + 1) * N_TAGS]),
        )
        .fold(0f32, |m, &x| m.max(x.abs()))
        .max(1e-6);
    let scale = 32000.0 / max_abs;
    let q = |x: f32| (x * scale).round().clamp(-32767.0, 32767.0) as i16;
    let mut rows = Vec::new();
    let mut pairs = Vec::new();
    for &r in &kept {
        let row: Vec<i16> = avg.unary[r * N_TAGS..(r + 1) * N_TAGS]
            .iter()
            .map(|&x| q(x))
            .collect();
        if row.iter().all(|&x| x == 0) {
            continue;
        }
        pairs.push((feats.keys[r], (rows.len() / N_TAGS) as u32));
        rows.extend(row);
    }
    let vocab_pairs: Vec<(u64, u32)> = vocab
        .iter()
        .enumerate()
        .map(|(i, f)| (features::vocab_key(f), i as u32))
        .collect();
    let mut casing: Vec<(&str, &str, u8)> = lex.casing_entries().collect();
    casing.sort_unstable();
    let mut strings = String::new();
    let mut entries = Vec::new();
    let mut casing_pairs = Vec::new();
    for (i, (lower, form, p)) in casing.iter().enumerate() {
        let s = strings.len() as u32;
        strings.push_str(form);
        entries.push((s, strings.len() as u32, *p));
        casing_pairs.push((model::casing_key(lower), i as u32));
    }
    Model {
        scale,
        vocab: HashIndex::build(&vocab_pairs),
        vectors: vectors.iter().map(|&x| q(x)).collect(),
        features: HashIndex::build(&pairs),
        rows,
        dense: avg.dense.iter().map(|&x| q(x)).collect(),
        transitions: avg
            .trans
            .iter()
            .map(|&x| (x * scale).round() as i32)
            .collect(),
        casing: HashIndex::build(&casing_pairs),
        casing_entries: entries,
        strings,
    }
}
