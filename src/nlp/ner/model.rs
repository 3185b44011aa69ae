//! The trained model: quantised weights in tables that are ready to use when loaded, its file
//! format, and scoring with Viterbi decoding.
//!
//! Word features are summed ahead of time: for every frequent word form the model stores one
//! vector of `WINDOW × N_TAGS` scores (what the word contributes to the tags of the tokens two
//! before to two after it), so tagging a known word costs one lookup. Rarer words are scored
//! from the individual feature weights and cached for the rest of the document.

use super::features::{self, BOS, Casing, EOS, Prepared, WINDOW, WordInfo, dense};
use super::hash::{Fnv, HashIndex};
use super::labels::{N_TAGS, can_end, can_follow, can_start};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The width of a precomputed word vector.
pub const VECTOR: usize = WINDOW * N_TAGS;

const MAGIC: &[u8; 8] = b"NMNER\x00\x00\x02";

/// A model larger than this once decompressed is refused (the shipped one is about 12 MB).
const MAX_RAW_BYTES: u64 = 1 << 30;

/// Why a model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes are not a model of this version.
    #[error("not a newsmine entity model (bad magic or version)")]
    BadMagic,
    /// The bytes end early or hold inconsistent tables.
    #[error("corrupt entity model: {0}")]
    Corrupt(&'static str),
    /// Decompression failed.
    #[error("cannot decompress the entity model: {0}")]
    Io(#[from] std::io::Error),
}

/// A trained tagger.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    /// Scores are integers: real weight × `scale`.
    pub scale: f32,
    /// vocab key of a form → index of its vector.
    pub vocab: HashIndex,
    /// Precomputed word vectors, `VECTOR` values each.
    pub vectors: Vec<i16>,
    /// Word feature key → row.
    pub features: HashIndex,
    /// Word feature rows, `N_TAGS` values each.
    pub rows: Vec<i16>,
    /// Dense feature rows, `dense::SIZE × N_TAGS`.
    pub dense: Vec<i16>,
    /// Transition scores, `(N_TAGS + 1) × N_TAGS`; the last row is the sentence start.
    pub transitions: Vec<i32>,
    /// Hash of a lower-cased word → casing entry.
    pub casing: HashIndex,
    /// Per casing entry: byte range of its usual spelling in `strings` and its profile.
    pub casing_entries: Vec<(u32, u32, u8)>,
    /// Spellings, concatenated.
    pub strings: String,
}

/// The hash of a lower-cased word in the casing table.
pub fn casing_key(lower: &str) -> u64 {
    Fnv::new().byte(0xCA).bytes(lower.as_bytes()).finish()
}

impl Model {
    /// The index of the precomputed vector of `form`, if the model has one.
    pub fn vocab_index(&self, form: &str) -> Option<u32> {
        match self.vocab.get(features::vocab_key(form)) {
            Some(i) if (i as usize + 1) * VECTOR <= self.vectors.len() => Some(i),
            _ => None,
        }
    }

    /// The index into `casing_entries` of lower-cased `lower`, if the casing table knows it
    /// (and its entry is well formed).
    pub fn casing_index(&self, lower: &str) -> Option<usize> {
        let i = self.casing.get(casing_key(lower))? as usize;
        let &(s, e, _) = self.casing_entries.get(i)?;
        self.strings.get(s as usize..e as usize)?;
        Some(i)
    }

    /// Computes the vector of a word the model has no precomputed vector for (`VECTOR`
    /// values into `out`) from its feature rows; `keys` is scratch space.
    pub fn compute_vector(&self, form: &str, keys: &mut Vec<u64>, out: &mut [i16]) {
        let profile = if form.chars().any(char::is_alphabetic) && form.len() <= 64 {
            self.casing(&form.to_lowercase()).map_or(0, |c| c.1)
        } else {
            0
        };
        let info = WordInfo {
            clusters: None,
            profile,
        };
        let forms = features::WordForms::new(form);
        for (w, offset) in (-2i8..=2).enumerate() {
            keys.clear();
            forms.keys(&info, offset, keys);
            let mut acc = [0i32; N_TAGS];
            for &k in keys.iter() {
                if let Some(r) = self.features.get(k) {
                    let r = r as usize * N_TAGS;
                    if let Some(row) = self.rows.get(r..r + N_TAGS) {
                        for (a, &v) in acc.iter_mut().zip(row) {
                            *a += i32::from(v);
                        }
                    }
                }
            }
            for (t, a) in acc.iter().enumerate() {
                out[w * N_TAGS + t] = (*a).clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16;
            }
        }
    }
}

impl Casing for Model {
    fn casing(&self, lower: &str) -> Option<(&str, u8)> {
        let i = self.casing.get(casing_key(lower))? as usize;
        let &(s, e, p) = self.casing_entries.get(i)?;
        Some((self.strings.get(s as usize..e as usize)?, p))
    }
}

/// A word's vector: borrowed from the model or computed for this document.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Vocab(u32),
    Local(u32),
}

/// Scores documents with a model, caching the vectors of words it had to compute.
pub struct Scorer<'m, 'w> {
    model: &'m Model,
    cache: FxHashMap<&'w str, Slot>,
    local: Vec<i16>,
    keys: Vec<u64>,
    slots: Vec<Slot>,
    emissions: Vec<i32>,
    back: Vec<u8>,
}

impl<'m, 'w> Scorer<'m, 'w> {
    /// A scorer with an empty cache.
    pub fn new(model: &'m Model) -> Self {
        Scorer {
            model,
            cache: FxHashMap::default(),
            local: Vec::new(),
            keys: Vec::new(),
            slots: Vec::new(),
            emissions: Vec::new(),
            back: Vec::new(),
        }
    }

    /// How many word vectors this scorer had to compute (words the model has no vector for).
    pub fn local_count(&self) -> usize {
        self.local.len() / VECTOR
    }

    fn slot(&mut self, form: &'w str) -> Slot {
        if let Some(&s) = self.cache.get(form) {
            return s;
        }
        let slot = match self.model.vocab_index(form) {
            Some(i) => Slot::Vocab(i),
            None => {
                let at = self.local.len();
                self.local.resize(at + VECTOR, 0);
                self.model
                    .compute_vector(form, &mut self.keys, &mut self.local[at..]);
                Slot::Local((at / VECTOR) as u32)
            }
        };
        self.cache.insert(form, slot);
        slot
    }

    fn vector(&self, slot: Slot) -> &[i16] {
        match slot {
            Slot::Vocab(i) => &self.model.vectors[i as usize * VECTOR..(i as usize + 1) * VECTOR],
            Slot::Local(i) => &self.local[i as usize * VECTOR..(i as usize + 1) * VECTOR],
        }
    }

    /// The best tag sequence of a prepared sentence.
    pub fn tag(&mut self, sent: &'w Prepared<'w>) -> Vec<u8> {
        let n = sent.len();
        if n == 0 {
            return Vec::new();
        }
        let bos = self.slot(BOS);
        let eos = self.slot(EOS);
        let mut slots = std::mem::take(&mut self.slots);
        slots.clear();
        slots.extend([bos, bos]);
        for f in &sent.forms {
            let s = self.slot(f.as_ref());
            slots.push(s);
        }
        slots.extend([eos, eos]);
        let mut em = std::mem::take(&mut self.emissions);
        em.clear();
        em.resize(n * N_TAGS, 0);
        for i in 0..n {
            let e = &mut em[i * N_TAGS..(i + 1) * N_TAGS];
            for w in 0..WINDOW {
                // the word at i + w - 2 is seen from i at offset w - 2, stored at slot w
                let v = self.vector(slots[i + w]);
                let part = &v[w * N_TAGS..(w + 1) * N_TAGS];
                for (a, &x) in e.iter_mut().zip(part) {
                    *a += i32::from(x);
                }
            }
            for &d in sent.dense_of(i) {
                let r = d as usize * N_TAGS;
                if let Some(row) = self.model.dense.get(r..r + N_TAGS) {
                    for (a, &x) in e.iter_mut().zip(row) {
                        *a += i32::from(x);
                    }
                }
            }
        }
        let tags = viterbi_i32(&em, n, &self.model.transitions, &mut self.back);
        self.slots = slots;
        self.emissions = em;
        tags
    }
}

/// [`viterbi`] for integer scores, shifting the scores at every step so that they stay small
/// however long the sentence.
pub(super) fn viterbi_i32(
    emissions: &[i32],
    n: usize,
    transitions: &[i32],
    back: &mut Vec<u8>,
) -> Vec<u8> {
    const NEG: i32 = i32::MIN / 4;
    if n == 0 || emissions.len() < n * N_TAGS || transitions.len() < (N_TAGS + 1) * N_TAGS {
        return vec![0; n];
    }
    let moves = Moves::get();
    let mut score = [NEG; N_TAGS];
    for (t, s) in score.iter_mut().enumerate() {
        if can_start(t as u8) {
            *s = transitions[N_TAGS * N_TAGS + t].saturating_add(emissions[t]);
        }
    }
    back.clear();
    back.resize(n * N_TAGS, 0);
    for i in 1..n {
        let mut next = [NEG; N_TAGS];
        let em = &emissions[i * N_TAGS..(i + 1) * N_TAGS];
        let bk = &mut back[i * N_TAGS..(i + 1) * N_TAGS];
        for t in 0..N_TAGS {
            let preds = moves.predecessors(t);
            let mut arg = preds[0];
            let mut best =
                score[arg as usize].saturating_add(transitions[arg as usize * N_TAGS + t]);
            for &p in &preds[1..] {
                let s = score[p as usize].saturating_add(transitions[p as usize * N_TAGS + t]);
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            next[t] = best.saturating_add(em[t]);
            bk[t] = arg;
        }
        // every tag is reachable after the first token: shift by the outside tag's score
        let shift = next[0];
        for x in &mut next {
            *x = x.saturating_sub(shift).max(NEG);
        }
        score = next;
    }
    let mut last = 0u8;
    let mut best = i32::MIN;
    for (t, &s) in score.iter().enumerate() {
        if can_end(t as u8) && s > best {
            best = s;
            last = t as u8;
        }
    }
    let mut tags = vec![0u8; n];
    tags[n - 1] = last;
    for i in (1..n).rev() {
        tags[i - 1] = back[i * N_TAGS + tags[i] as usize];
    }
    tags
}

/// The best valid tag sequence for `n` tokens given emission scores (`n × N_TAGS`) and
/// transition scores (`(N_TAGS + 1) × N_TAGS`, last row from the sentence start).
pub fn viterbi<T>(emissions: &[T], n: usize, transitions: &[T], minus_infinity: T) -> Vec<u8>
where
    T: Copy + PartialOrd + std::ops::Add<Output = T>,
{
    if n == 0 || emissions.len() < n * N_TAGS || transitions.len() < (N_TAGS + 1) * N_TAGS {
        return vec![0; n];
    }
    let moves = Moves::get();
    let mut score = [minus_infinity; N_TAGS];
    for (t, s) in score.iter_mut().enumerate() {
        if can_start(t as u8) {
            *s = transitions[N_TAGS * N_TAGS + t] + emissions[t];
        }
    }
    let mut back = vec![0u8; n * N_TAGS];
    for i in 1..n {
        let mut next = [minus_infinity; N_TAGS];
        for (t, nx) in next.iter_mut().enumerate() {
            let mut best = minus_infinity;
            let mut arg = 0u8;
            for &p in moves.predecessors(t) {
                let p = p as usize;
                if score[p] <= minus_infinity {
                    continue;
                }
                let s = score[p] + transitions[p * N_TAGS + t];
                if s > best || best <= minus_infinity {
                    best = s;
                    arg = p as u8;
                }
            }
            if best > minus_infinity {
                *nx = best + emissions[i * N_TAGS + t];
                back[i * N_TAGS + t] = arg;
            }
        }
        score = next;
    }
    let mut last = 0u8;
    let mut best = minus_infinity;
    for (t, &s) in score.iter().enumerate() {
        if can_end(t as u8) && (s > best || best <= minus_infinity) && s > minus_infinity {
            best = s;
            last = t as u8;
        }
    }
    let mut tags = vec![0u8; n];
    tags[n - 1] = last;
    for i in (1..n).rev() {
        tags[i - 1] = back[i * N_TAGS + tags[i] as usize];
    }
    tags
}

/// For each tag, the tags that may precede it (so Viterbi skips forbidden moves for free).
struct Moves {
    preds: [[u8; N_TAGS]; N_TAGS],
    counts: [usize; N_TAGS],
}

impl Moves {
    fn get() -> &'static Moves {
        static MOVES: OnceLock<Moves> = OnceLock::new();
        MOVES.get_or_init(|| {
            let mut m = Moves {
                preds: [[0; N_TAGS]; N_TAGS],
                counts: [0; N_TAGS],
            };
            for t in 0..N_TAGS {
                for p in 0..N_TAGS {
                    if can_follow(p as u8, t as u8) {
                        m.preds[t][m.counts[t]] = p as u8;
                        m.counts[t] += 1;
                    }
                }
            }
            m
        })
    }

    fn predecessors(&self, t: usize) -> &[u8] {
        &self.preds[t][..self.counts[t]]
    }
}

fn put_u64s(out: &mut Vec<u8>, v: &[u64]) {
    out.extend((v.len() as u64).to_le_bytes());
    for x in v {
        out.extend(x.to_le_bytes());
    }
}
fn put_u32s(out: &mut Vec<u8>, v: &[u32]) {
    out.extend((v.len() as u64).to_le_bytes());
    for x in v {
        out.extend(x.to_le_bytes());
    }
}
fn put_i16s(out: &mut Vec<u8>, v: &[i16]) {
    out.extend((v.len() as u64).to_le_bytes());
    for x in v {
        out.extend(x.to_le_bytes());
    }
}
fn put_i32s(out: &mut Vec<u8>, v: &[i32]) {
    out.extend((v.len() as u64).to_le_bytes());
    for x in v {
        out.extend(x.to_le_bytes());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.bytes.len() < n {
            return Err(ModelError::Corrupt("truncated"));
        }
        let (a, b) = self.bytes.split_at(n);
        self.bytes = b;
        Ok(a)
    }
    fn len(&mut self, width: usize) -> Result<usize, ModelError> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.take(8)?);
        let n = u64::from_le_bytes(b) as usize;
        if n.saturating_mul(width) > self.bytes.len() {
            return Err(ModelError::Corrupt("array longer than the file"));
        }
        Ok(n)
    }
    /// A length-prefixed array of little-endian numbers of `N` bytes each.
    fn numbers<const N: usize, T>(&mut self, from: fn([u8; N]) -> T) -> Result<Vec<T>, ModelError> {
        let n = self.len(N)?;
        Ok(self
            .take(n * N)?
            .chunks_exact(N)
            .map(|c| {
                let mut b = [0u8; N];
                b.copy_from_slice(c);
                from(b)
            })
            .collect())
    }
    fn u64s(&mut self) -> Result<Vec<u64>, ModelError> {
        self.numbers(u64::from_le_bytes)
    }
    fn u32s(&mut self) -> Result<Vec<u32>, ModelError> {
        self.numbers(u32::from_le_bytes)
    }
    fn i32s(&mut self) -> Result<Vec<i32>, ModelError> {
        self.numbers(i32::from_le_bytes)
    }
    fn i16s(&mut self) -> Result<Vec<i16>, ModelError> {
        self.numbers(i16::from_le_bytes)
    }
    fn index(&mut self) -> Result<HashIndex, ModelError> {
        let idx = HashIndex {
            keys: self.u64s()?,
            values: self.u32s()?,
        };
        if !idx.is_valid() {
            return Err(ModelError::Corrupt("bad hash table"));
        }
        Ok(idx)
    }
}

impl Model {
    /// The model as bytes (zstd-compressed).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend(MAGIC);
        raw.extend(self.scale.to_le_bytes());
        put_u64s(&mut raw, &self.vocab.keys);
        put_u32s(&mut raw, &self.vocab.values);
        put_i16s(&mut raw, &self.vectors);
        put_u64s(&mut raw, &self.features.keys);
        put_u32s(&mut raw, &self.features.values);
        put_i16s(&mut raw, &self.rows);
        put_i16s(&mut raw, &self.dense);
        put_i32s(&mut raw, &self.transitions);
        put_u64s(&mut raw, &self.casing.keys);
        put_u32s(&mut raw, &self.casing.values);
        let starts: Vec<u32> = self.casing_entries.iter().map(|e| e.0).collect();
        let ends: Vec<u32> = self.casing_entries.iter().map(|e| e.1).collect();
        put_u32s(&mut raw, &starts);
        put_u32s(&mut raw, &ends);
        raw.extend((self.casing_entries.len() as u64).to_le_bytes());
        raw.extend(self.casing_entries.iter().map(|e| e.2));
        raw.extend((self.strings.len() as u64).to_le_bytes());
        raw.extend(self.strings.as_bytes());
        // the raw length first, so that loading decompresses into one exact buffer
        let mut out = (raw.len() as u64).to_le_bytes().to_vec();
        match zstd::bulk::compress(&raw, 19) {
            Ok(z) => out.extend(z),
            Err(_) => out.clear(),
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`], checking every table.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let (len, body) = bytes.split_at_checked(8).ok_or(ModelError::BadMagic)?;
        let mut lb = [0u8; 8];
        lb.copy_from_slice(len);
        let len = u64::from_le_bytes(lb);
        if len > MAX_RAW_BYTES {
            return Err(ModelError::Corrupt("implausible size"));
        }
        let raw = zstd::bulk::decompress(body, len as usize)?;
        let mut r = Reader { bytes: &raw };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let mut sb = [0u8; 4];
        sb.copy_from_slice(r.take(4)?);
        let scale = f32::from_le_bytes(sb);
        let vocab = r.index()?;
        let vectors = r.i16s()?;
        let features = r.index()?;
        let rows = r.i16s()?;
        let dense = r.i16s()?;
        let transitions = r.i32s()?;
        let casing = r.index()?;
        let starts = r.u32s()?;
        let ends = r.u32s()?;
        let n = r.len(1)?;
        let profiles = r.take(n)?.to_vec();
        let sn = r.len(1)?;
        let strings = String::from_utf8(r.take(sn)?.to_vec())
            .map_err(|_| ModelError::Corrupt("spellings are not UTF-8"))?;
        if starts.len() != n || ends.len() != n {
            return Err(ModelError::Corrupt("casing table sizes differ"));
        }
        let casing_entries: Vec<(u32, u32, u8)> =
            (0..n).map(|i| (starts[i], ends[i], profiles[i])).collect();
        let n_vectors = (vectors.len() / VECTOR) as u32;
        let n_rows = (rows.len() / N_TAGS) as u32;
        if dense.len() != dense::SIZE as usize * N_TAGS
            || transitions.len() != (N_TAGS + 1) * N_TAGS
            || vocab.values.iter().any(|&v| v >= n_vectors.max(1))
            || features.values.iter().any(|&v| v >= n_rows.max(1))
            || casing.values.iter().any(|&v| v as usize >= n.max(1))
            || casing_entries
                .iter()
                .any(|&(s, e, _)| s > e || !strings.is_char_boundary(e as usize))
        {
            return Err(ModelError::Corrupt("table sizes do not match"));
        }
        Ok(Model {
            scale,
            vocab,
            vectors,
            features,
            rows,
            dense,
            transitions,
            casing,
            casing_entries,
            strings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction::EntityType;
    use crate::nlp::ner::labels::{OUTSIDE, Part, tag};

    #[test]
    fn viterbi_respects_bilou() {
        let n = 3;
        let mut em = vec![0i32; n * N_TAGS];
        // token 1 wants I-PER, but I cannot start a name or follow O
        em[N_TAGS + tag(EntityType::Person, Part::Inside) as usize] = 100;
        let trans = vec![0i32; (N_TAGS + 1) * N_TAGS];
        let tags = viterbi(&em, n, &trans, i32::MIN / 4);
        assert_eq!(tags[0], tag(EntityType::Person, Part::Begin));
        assert_eq!(tags[1], tag(EntityType::Person, Part::Inside));
        assert_eq!(tags[2], tag(EntityType::Person, Part::Last));
        assert_eq!(
            viterbi(&[0i32; N_TAGS], 1, &trans, i32::MIN / 4),
            vec![OUTSIDE]
        );
    }

    #[test]
    fn integer_viterbi_matches_generic_and_survives_long_sentences() {
        let mut seed = 7u64;
        let mut rand = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % 60_000) as i32 - 30_000
        };
        let trans: Vec<i32> = (0..(N_TAGS + 1) * N_TAGS).map(|_| rand() / 10).collect();
        for n in [1, 2, 3, 10, 50] {
            let em: Vec<i32> = (0..n * N_TAGS).map(|_| rand()).collect();
            let a = viterbi(&em, n, &trans, i32::MIN / 4);
            let b = viterbi_i32(&em, n, &trans, &mut Vec::new());
            assert_eq!(a, b);
        }
        let n = 20_000;
        let em: Vec<i32> = (0..n * N_TAGS)
            .map(|i| if i % N_TAGS == 1 { 1_000_000 } else { 0 })
            .collect();
        let tags = viterbi_i32(&em, n, &trans, &mut Vec::new());
        assert_eq!(tags.len(), n);
    }

    #[test]
    fn round_trips_and_rejects_garbage() {
        let m = Model {
            scale: 2.0,
            dense: vec![1; dense::SIZE as usize * N_TAGS],
            transitions: vec![0; (N_TAGS + 1) * N_TAGS],
            ..Model::default()
        };
        let back = Model::from_bytes(&m.to_bytes()).expect("round trip");
        assert_eq!(back, m);
        assert!(Model::from_bytes(b"nonsense").is_err());
    }
}
