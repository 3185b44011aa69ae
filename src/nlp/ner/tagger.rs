//! Tagging at run time, fast: the features of [`super::features::prepare_document`] and the scores
//! of [`Scorer`](super::model::Scorer), computed once per distinct word of a document rather
//! than once per token, summed into fixed-width rows, and decoded by a Viterbi written out for
//! the BILOU moves.
//!
//! Training keeps the plain path (`prepare_document` and `Scorer`): it is the specification,
//! and tests check that both paths give the same tags. What makes this one fast:
//! - every distinct spelling is interned once per document, with what the features need of it
//!   (letters, capitals, shape class, lower case, casing entry, gazetteer value, word vector),
//!   so a token costs one hash lookup instead of several lower-casings and lookups;
//! - the context features that depend only on shape classes and position (bias, position,
//!   left, right and trigram classes) are summed ahead into one table;
//! - emissions and Viterbi work on fixed-size arrays the compiler turns into vector code, and
//!   every buffer is reused from one document to the next (per thread).

use super::features::{
    BOS, EOS, LOWER_CASE_PROFILE, N_SHAPE_CLASSES, dense, is_all_caps, is_initial, normalise,
    shape_class,
};
use super::gazetteer::{Gazetteer, N_LISTS};
use super::hash::hash_bytes;
use super::labels::{N_TAGS, can_end, can_follow, can_start, spans_of_tags};
use super::model::{Model, VECTOR};
use crate::extraction::EntityType;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

/// Scores of the tags of one token.
type Row = [i32; N_TAGS];

/// One row of 16-bit weights.
type Weights = [i16; N_TAGS];

/// No value (an index not computed yet or absent).
const NONE: u32 = u32::MAX;

/// Marks a word vector computed for the document rather than stored in the model.
const LOCAL: u32 = 1 << 31;

/// The order in which the decoder keeps the scores of the tags (the tag at each place): the
/// tags a name can end on first (outside, unit, last), then begin, then inside. The first
/// nine may precede outside, begin and unit, which sit at places 0..5 and 9..13; inside and
/// last of a type follow its begin or inside. So each step is a few operations on arrays.
const LAYOUT: [usize; N_TAGS] = [0, 4, 8, 12, 16, 3, 7, 11, 15, 1, 5, 9, 13, 2, 6, 10, 14];

/// The tags of the lanes of the "opening" step: outside, unit, begin (what may follow an
/// ending tag); lanes 9..12 pad the array to a multiple of four.
const OPEN_LANES: [usize; 9] = [0, 4, 8, 12, 16, 1, 5, 9, 13];

/// The tags of the lanes of the "inner" step: inside then last of each type.
const INNER_LANES: [usize; 8] = [2, 6, 10, 14, 3, 7, 11, 15];

/// Scores far below any reachable path (as in the plain Viterbi).
const NEG: i32 = i32::MIN / 4;

/// Transitions larger than this could make the plain sums of the fast Viterbi differ from the
/// saturating sums of the plain one; a model beyond it is decoded the plain way.
const MAX_TRANSITION: i32 = 1 << 24;

/// A model made ready for fast tagging.
pub struct Tagger<'m> {
    /// A number of its own, for the per-thread memo.
    id: u64,
    model: &'m Model,
    gazetteer: &'m Gazetteer,
    /// Rows of `model.dense`, padded with zeros to `dense::SIZE` rows.
    dense: Vec<Weights>,
    /// BIAS + POSITION + LEFT + RIGHT + TRIGRAM rows summed, by
    /// `((bucket * 16 + previous class) * 16 + class) * 16 + next class`.
    context: Vec<Row>,
    /// Transitions from the sentence start, by place in [`LAYOUT`].
    start: Row,
    /// `open[q][lane]`: transition from the ending tag at place `q` to `OPEN_LANES[lane]`.
    open: [[i32; 12]; 9],
    /// Transitions into `INNER_LANES` from the begin tag of the same type, and from inside.
    from_begin: [i32; 8],
    from_inside: [i32; 8],
    /// For each tag, the tags that may precede it (in tag order) with the transition.
    predecessors: Vec<Vec<(u8, i32)>>,
    /// The model's transitions allow the written-out Viterbi (else the plain one decodes).
    fast_viterbi: bool,
    /// The model cannot decode at all (its transition table is short): no names.
    no_transitions: bool,
}

/// What the features need of one distinct spelling in a document.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// The spelling of the normalised form (itself when normalising changes nothing).
    norm: u32,
    /// Alphabetic characters.
    letters: u32,
    all_caps: bool,
    any_upper: bool,
    first_upper: bool,
    /// At most 64 bytes (longer words are not looked up in casing tables).
    short: bool,
    /// A mark after which a word counts as sentence-initial (`"`, `(`, `:` …).
    opens: bool,
    shape: u8,
    /// Id of the lower-cased spelling (short words with letters), else `NONE`.
    lower: u32,
    /// Entry of the model's casing table (short words with capitals), else `NONE`.
    casing: u32,
    /// [`Gazetteer::first`] of the spelling.
    gazetteer: u64,
    /// The word vector: an index into the model's vectors, or `LOCAL |` an index into the
    /// computed ones; `NONE` until needed.
    vector: u32,
}

/// Strings interned to dense ids, in one arena.
#[derive(Debug, Default)]
struct Interner {
    arena: String,
    spans: Vec<(u32, u32)>,
    /// Open addressing; an entry holds what a lookup needs in one place (a cache miss, not
    /// three): a tag of the hash, the id + 1 (0 for an empty slot) and the string's place.
    table: Vec<Entry>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    tag: u32,
    id: u32,
    start: u32,
    end: u32,
}

impl Interner {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn get(&self, id: u32) -> &str {
        let (s, e) = self.spans[id as usize];
        &self.arena[s as usize..e as usize]
    }

    /// The id of `s` and whether it is new.
    fn intern(&mut self, s: &str) -> (u32, bool) {
        if self.table.len() < 2 * (self.len() + 1) {
            self.grow();
        }
        let hash = hash_bytes(s.as_bytes());
        let tag = (hash >> 32) as u32;
        let mask = self.table.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let e = self.table[slot];
            if e.id == 0 {
                break;
            }
            if e.tag == tag && &self.arena[e.start as usize..e.end as usize] == s {
                return (e.id - 1, false);
            }
            slot = (slot + 1) & mask;
        }
        let id = self.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.push_str(s);
        let end = self.arena.len() as u32;
        self.spans.push((start, end));
        self.table[slot] = Entry {
            tag,
            id: id + 1,
            start,
            end,
        };
        (id, true)
    }

    fn grow(&mut self) {
        let cap = (self.table.len() * 2).max(256);
        self.table.clear();
        self.table.resize(cap, Entry::default());
        let mask = cap - 1;
        for (id, &(start, end)) in self.spans.iter().enumerate() {
            let hash = hash_bytes(&self.arena.as_bytes()[start as usize..end as usize]);
            let mut slot = hash as usize & mask;
            while self.table[slot].id != 0 {
                slot = (slot + 1) & mask;
            }
            self.table[slot] = Entry {
                tag: (hash >> 32) as u32,
                id: id as u32 + 1,
                start,
                end,
            };
        }
    }
}

/// What a thread keeps between documents: what the tagger knows of every spelling it has met
/// (it depends on the spelling only, so it is computed once), the state of the current
/// document, and buffers.
#[derive(Debug, Default)]
struct Scratch {
    /// The tagger the memo belongs to (0: none).
    owner: u64,
    words: Interner,
    info: Vec<Word>,
    lowers: Interner,
    /// Vectors of words the model has none for, `VECTOR` values each.
    local: Vec<i16>,
    /// The current document's number: entries of `seen` and `recased` stamped with another
    /// are empty.
    document: u32,
    /// By lower-cased spelling: a word written capitalised mid-sentence in this document,
    /// and whether the document writes it in lower case.
    seen: Vec<Seen>,
    /// By word: its spelling in an all-capitals sentence of this document.
    recased: Vec<(u32, u32)>,
    lower_buf: String,
    /// The word of each token, as written.
    tokens: Vec<u32>,
    /// This document's spellings (a small table, hot in cache, in front of the memo): a tag
    /// of the hash and the index + 1 of the first token spelled so.
    spellings: Vec<(u32, u32)>,
    /// Whether each sentence is an all-capitals headline.
    caps: Vec<bool>,
    /// Per token of the current sentence: its form, profile and document casing bits.
    forms: Vec<u32>,
    profiles: Vec<u8>,
    doc_bits: Vec<(bool, bool)>,
    gazetteer: Vec<u64>,
    /// Word vectors of the current sentence, two pads either side.
    vectors: Vec<u32>,
    emissions: Vec<Row>,
    /// The decoder's scores at each token of the current sentence.
    scores: Vec<Row>,
    tags: Vec<u8>,
    keys: Vec<u64>,
}

/// How a document writes one lower-cased word.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    document: u32,
    /// A word written capitalised mid-sentence (the first one), or `NONE`.
    capitalised: u32,
    /// Written in lower case somewhere.
    lower: bool,
}

/// The memo is dropped when it holds more spellings than this, or longer ones (memory
/// stays flat).
const MAX_WORDS: usize = 1 << 16;
const MAX_ARENA: usize = 1 << 24;

/// After a document of more tokens than this, the buffers it made large are released.
const KEEP_TOKENS: usize = 1 << 16;

/// Numbers taggers, so that a thread's memo is never used with another model.
static TAGGERS: AtomicU64 = AtomicU64::new(1);

impl Scratch {
    /// Starts a document for tagger `owner`.
    fn begin(&mut self, owner: u64) {
        if self.owner != owner
            || self.words.len() > MAX_WORDS
            || self.words.arena.len() > MAX_ARENA
            || self.document == u32::MAX
        {
            *self = Scratch {
                owner,
                ..Scratch::default()
            };
        }
        self.document += 1;
        self.tokens.clear();
        self.caps.clear();
    }

    /// Frees the buffers a long document made large (the memo stays).
    fn release_buffers(&mut self) {
        self.tokens = Vec::new();
        self.spellings = Vec::new();
        self.caps = Vec::new();
        self.forms = Vec::new();
        self.profiles = Vec::new();
        self.doc_bits = Vec::new();
        self.gazetteer = Vec::new();
        self.vectors = Vec::new();
        self.emissions = Vec::new();
        self.scores = Vec::new();
        self.tags = Vec::new();
    }

    /// How the current document writes lower-cased word `lower`.
    fn seen(&self, lower: u32) -> (u32, bool) {
        match self.seen[lower as usize] {
            e if e.document == self.document => (e.capitalised, e.lower),
            _ => (NONE, false),
        }
    }

    fn seen_mut(&mut self, lower: u32) -> &mut Seen {
        let e = &mut self.seen[lower as usize];
        if e.document != self.document {
            *e = Seen {
                document: self.document,
                capitalised: NONE,
                lower: false,
            };
        }
        e
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl<'m> Tagger<'m> {
    /// Prepares `model` (with the name lists `gazetteer`) for tagging: sums the context
    /// tables and lays the transitions out for the decoder. About a millisecond.
    pub fn new(model: &'m Model, gazetteer: &'m Gazetteer) -> Tagger<'m> {
        let mut dense_rows = vec![[0i16; N_TAGS]; dense::SIZE as usize];
        for (row, w) in dense_rows.iter_mut().zip(model.dense.chunks_exact(N_TAGS)) {
            row.copy_from_slice(w);
        }
        let nsc = N_SHAPE_CLASSES;
        let mut context = vec![[0i32; N_TAGS]; 4 * nsc * nsc * nsc];
        for bucket in 0..4 {
            for prev in 0..nsc {
                for sc in 0..nsc {
                    for next in 0..nsc {
                        let row = &mut context[((bucket * nsc + prev) * nsc + sc) * nsc + next];
                        for d in [
                            dense::BIAS as usize,
                            dense::POSITION as usize + bucket * nsc + sc,
                            dense::LEFT as usize + prev * nsc + sc,
                            dense::RIGHT as usize + sc * nsc + next,
                            dense::TRIGRAM as usize + (prev * nsc + sc) * nsc + next,
                        ] {
                            add(row, &dense_rows[d]);
                        }
                    }
                }
            }
        }
        let tr = &model.transitions;
        let no_transitions = tr.len() < (N_TAGS + 1) * N_TAGS;
        let t = |p: usize, n: usize| tr.get(p * N_TAGS + n).copied().unwrap_or(0);
        let start = LAYOUT.map(|n| t(N_TAGS, n));
        let mut open = [[0i32; 12]; 9];
        for (q, row) in open.iter_mut().enumerate() {
            for (lane, &n) in OPEN_LANES.iter().enumerate() {
                row[lane] = t(LAYOUT[q], n);
            }
        }
        // inside (2 + 4k) and last (3 + 4k) follow begin (1 + 4k) or inside of type k
        let from_begin = INNER_LANES.map(|n| t(1 + 4 * ((n - 1) / 4), n));
        let from_inside = INNER_LANES.map(|n| t(2 + 4 * ((n - 1) / 4), n));
        let predecessors = (0..N_TAGS)
            .map(|n| {
                (0..N_TAGS)
                    .filter(|&p| can_follow(p as u8, n as u8))
                    .map(|p| (p as u8, t(p, n)))
                    .collect()
            })
            .collect();
        let fast_viterbi = !no_transitions
            && tr.iter().all(|x| x.unsigned_abs() <= MAX_TRANSITION as u32)
            && moves_are_bilou();
        Tagger {
            id: TAGGERS.fetch_add(1, Ordering::Relaxed),
            model,
            gazetteer,
            dense: dense_rows,
            context,
            start,
            open,
            from_begin,
            from_inside,
            predecessors,
            fast_viterbi,
            no_transitions,
        }
    }

    /// The model this tagger scores with.
    pub fn model(&self) -> &'m Model {
        self.model
    }

    /// Tags the tokens `raw` (their text as written), split into `sentences` (ranges of
    /// indices into `raw`, in order, not overlapping): the names, as ranges of indices into
    /// `raw`, in text order.
    pub fn tag(&self, raw: &[&str], sentences: &[Range<usize>]) -> Vec<(Range<usize>, EntityType)> {
        let mut out = Vec::new();
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => self.tag_with(&mut s, raw, sentences, &mut out),
            Err(_) => self.tag_with(&mut Scratch::default(), raw, sentences, &mut out),
        });
        out
    }

    fn tag_with(
        &self,
        s: &mut Scratch,
        raw: &[&str],
        sentences: &[Range<usize>],
        out: &mut Vec<(Range<usize>, EntityType)>,
    ) {
        s.begin(self.id);
        let bos = self.intern(s, BOS);
        let eos = self.intern(s, EOS);
        self.spell_tokens(s, raw);
        self.find_headlines(s, sentences);
        self.read_document_casing(s, sentences);
        for (si, r) in sentences.iter().enumerate() {
            if r.is_empty() || r.end > raw.len() {
                continue;
            }
            let caps = s.caps[si];
            self.prepare_sentence(s, r.clone(), caps);
            self.emissions(s, bos, eos, caps);
            self.decode(s);
            let forms = &s.forms;
            let words = &s.words;
            let form = |i: usize| forms.get(i).map(|&f| words.get(f));
            for (span, kind) in super::join_numbered_media_names(form, spans_of_tags(&s.tags)) {
                out.push((r.start + span.start..r.start + span.end, kind));
            }
        }
        if raw.len() > KEEP_TOKENS {
            s.release_buffers();
        }
    }

    /// The word of every token, through the document's own table of spellings.
    fn spell_tokens(&self, s: &mut Scratch, raw: &[&str]) {
        let cap = (raw.len() * 2).next_power_of_two().max(64);
        s.spellings.clear();
        s.spellings.resize(cap, (0, 0));
        let mask = cap - 1;
        for (i, t) in raw.iter().enumerate() {
            let hash = hash_bytes(t.as_bytes());
            let tag = (hash >> 32) as u32;
            let mut slot = hash as usize & mask;
            let id = loop {
                let (tg, first) = s.spellings[slot];
                if first == 0 {
                    s.spellings[slot] = (tag, i as u32 + 1);
                    break self.intern(s, t);
                }
                if tg == tag && raw[first as usize - 1] == *t {
                    break s.tokens[first as usize - 1];
                }
                slot = (slot + 1) & mask;
            };
            s.tokens.push(id);
        }
    }

    /// Interns a spelling and, when new, works out what the features need of it.
    fn intern(&self, s: &mut Scratch, text: &str) -> u32 {
        let (id, new) = s.words.intern(text);
        if !new {
            return id;
        }
        let word = self.describe(s, text);
        s.info.push(word);
        s.recased.push((0, NONE));
        let norm = match normalise(text) {
            std::borrow::Cow::Borrowed(n) if n == text => id,
            n => self.intern(s, &n),
        };
        s.info[id as usize].norm = norm;
        id
    }

    fn describe(&self, s: &mut Scratch, text: &str) -> Word {
        let (letters, all_caps, any_upper, first_upper) = if text.is_ascii() {
            let b = text.as_bytes();
            let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count() as u32;
            let any_upper = b.iter().any(u8::is_ascii_uppercase);
            let any_lower = b.iter().any(u8::is_ascii_lowercase);
            (
                letters,
                any_upper && !any_lower,
                any_upper,
                b.first().is_some_and(u8::is_ascii_uppercase),
            )
        } else {
            (
                text.chars().filter(|c| c.is_alphabetic()).count() as u32,
                is_all_caps(text),
                text.chars().any(char::is_uppercase),
                text.chars().next().is_some_and(char::is_uppercase),
            )
        };
        let short = text.len() <= 64;
        let mut lower = NONE;
        let mut casing = NONE;
        if short && (any_upper || letters > 0) {
            let l = lower_case(text, any_upper, &mut s.lower_buf);
            let (id, new) = s.lowers.intern(l);
            if new {
                s.seen.push(Seen::default());
            }
            lower = id;
            if any_upper {
                casing = self
                    .model
                    .casing_index(s.lowers.get(id))
                    .map_or(NONE, |i| i as u32);
            }
        }
        Word {
            norm: NONE,
            letters,
            all_caps,
            any_upper,
            first_upper,
            short,
            opens: is_initial(Some(text)),
            shape: shape_class(text),
            lower,
            casing,
            gazetteer: self.gazetteer.first(text),
            vector: NONE,
        }
    }

    /// Marks the all-capitals headlines ([`features::is_caps_sentence`] on normalised forms).
    fn find_headlines(&self, s: &mut Scratch, sentences: &[Range<usize>]) {
        for r in sentences {
            let (mut words, mut caps, mut longest) = (0usize, 0usize, 0u32);
            for &t in s.tokens.get(r.clone()).unwrap_or_default() {
                let w = &s.info[s.info[t as usize].norm as usize];
                if w.letters >= 2 {
                    words += 1;
                    if w.all_caps {
                        caps += 1;
                        longest = longest.max(w.letters);
                    }
                }
            }
            s.caps
                .push(words > 0 && caps * 10 >= words * 8 && (words >= 2 || longest >= 4));
        }
    }

    /// How each word is written in the ordinary sentences of the document (the `DocCasing`
    /// of [`features::prepare_document`]).
    fn read_document_casing(&self, s: &mut Scratch, sentences: &[Range<usize>]) {
        for (si, r) in sentences.iter().enumerate() {
            if s.caps[si] || r.end > s.tokens.len() {
                continue;
            }
            for i in r.clone() {
                let raw = s.tokens[i];
                let t = s.info[raw as usize].norm;
                let w = s.info[t as usize];
                if !w.short || w.letters == 0 {
                    continue;
                }
                let initial = i == r.start || {
                    let prev = s.info[s.tokens[i - 1] as usize].norm;
                    s.info[prev as usize].opens
                };
                if initial && w.first_upper {
                    continue;
                }
                let entry = s.seen_mut(w.lower);
                if !w.first_upper {
                    entry.lower = true;
                } else if entry.capitalised == NONE && raw == t {
                    entry.capitalised = t;
                }
            }
        }
    }

    /// The forms, profiles and document casing bits of one sentence, and its gazetteer
    /// matches (`prepare_sentence` of [`features`]).
    fn prepare_sentence(&self, s: &mut Scratch, r: Range<usize>, caps: bool) {
        s.forms.clear();
        s.profiles.clear();
        s.doc_bits.clear();
        for i in r {
            let t = s.info[s.tokens[i] as usize].norm;
            let w = s.info[t as usize];
            if !(w.short && w.any_upper) {
                s.forms.push(t);
                s.profiles.push(LOWER_CASE_PROFILE);
                s.doc_bits.push((false, false));
                continue;
            }
            let profile = match w.casing {
                NONE => 0,
                c => self.model.casing_entries[c as usize].2,
            };
            let (cap_else, low_else) = s.seen(w.lower);
            s.profiles.push(profile);
            s.doc_bits.push((cap_else != NONE, low_else));
            let form = if caps && w.all_caps {
                self.recased(s, t)
            } else {
                t
            };
            s.forms.push(form);
        }
        let n = s.forms.len();
        s.gazetteer.clear();
        s.gazetteer.resize(n, 0);
        let (forms, info, words) = (&s.forms, &s.info, &s.words);
        self.gazetteer.matches_into(
            n,
            |i| words.get(forms[i]),
            |i| info[forms[i] as usize].gazetteer,
            &mut s.gazetteer,
        );
    }

    /// How an all-capitals word is written in a headline: as the document writes it
    /// mid-sentence, else as news usually writes it, else unchanged.
    fn recased(&self, s: &mut Scratch, t: u32) -> u32 {
        let (document, form) = s.recased[t as usize];
        if document == s.document {
            return form;
        }
        let w = s.info[t as usize];
        let mut form = s.seen(w.lower).0;
        if form == NONE {
            form = match w.casing {
                NONE => t,
                c => {
                    let (a, b, _) = self.model.casing_entries[c as usize];
                    self.intern(s, &self.model.strings[a as usize..b as usize])
                }
            };
        }
        s.recased[t as usize] = (s.document, form);
        form
    }

    /// The word vector of `word` (an index as stored in [`Word::vector`]).
    fn vector(&self, s: &mut Scratch, word: u32) -> u32 {
        let v = s.info[word as usize].vector;
        if v != NONE {
            return v;
        }
        let text = s.words.get(word);
        let v = match self.model.vocab_index(text) {
            Some(i) => i,
            None => {
                let at = s.local.len();
                s.local.resize(at + VECTOR, 0);
                let (words, keys, local) = (&s.words, &mut s.keys, &mut s.local);
                self.model
                    .compute_vector(words.get(word), keys, &mut local[at..]);
                LOCAL | (at / VECTOR) as u32
            }
        };
        s.info[word as usize].vector = v;
        v
    }

    /// The emission scores of every token of the prepared sentence.
    fn emissions(&self, s: &mut Scratch, bos: u32, eos: u32, caps: bool) {
        let n = s.forms.len();
        s.vectors.clear();
        for w in [bos, bos] {
            let v = self.vector(s, w);
            s.vectors.push(v);
        }
        for i in 0..n {
            let v = self.vector(s, s.forms[i]);
            s.vectors.push(v);
        }
        for w in [eos, eos] {
            let v = self.vector(s, w);
            s.vectors.push(v);
        }
        let Scratch {
            info,
            forms,
            profiles,
            doc_bits,
            gazetteer,
            vectors,
            emissions,
            local,
            ..
        } = s;
        let (model_rows, _) = self.model.vectors.as_chunks::<N_TAGS>();
        let (local_rows, _) = local.as_chunks::<N_TAGS>();
        let word_row = |v: u32, w: usize| -> Option<&Weights> {
            if v & LOCAL != 0 {
                local_rows.get(((v & !LOCAL) as usize) * 5 + w)
            } else {
                model_rows.get(v as usize * 5 + w)
            }
        };
        let dense_row = |d: u32| &self.dense[d as usize];
        let class = |i: usize| u32::from(info[forms[i] as usize].shape);
        let nsc = N_SHAPE_CLASSES as u32;
        emissions.clear();
        for i in 0..n {
            let sc = class(i);
            let prev = if i > 0 { class(i - 1) } else { 0 };
            let next = if i + 1 < n { class(i + 1) } else { 0 };
            let bucket = match i {
                0 => 0,
                1 => 1,
                _ if i + 1 == n => 2,
                _ => 3,
            };
            let mut e = self.context[(((bucket * nsc + prev) * nsc + sc) * nsc + next) as usize];
            if caps {
                add(&mut e, dense_row(dense::CAPS + sc));
            }
            let initial = i == 0 || info[forms[i - 1] as usize].opens;
            add(
                &mut e,
                dense_row(dense::INITIAL + u32::from(initial) * 8 + u32::from(profiles[i])),
            );
            for (slot, j) in [(0u32, i.wrapping_sub(1)), (1, i), (2, i + 1)] {
                let Some(&bits) = gazetteer.get(j) else {
                    continue;
                };
                let mut b = bits;
                while b != 0 {
                    let bit = b.trailing_zeros();
                    b &= b - 1;
                    add(
                        &mut e,
                        dense_row(dense::GAZETTEER + slot * 4 * N_LISTS as u32 + bit),
                    );
                }
            }
            if info[forms[i] as usize].first_upper {
                let (cap_else, low_else) = doc_bits[i];
                let ic = u32::from(initial || caps);
                add(
                    &mut e,
                    dense_row(
                        dense::DOCUMENT + (ic * 2 + u32::from(cap_else)) * 2 + u32::from(low_else),
                    ),
                );
            }
            // the word at i + w - 2 as seen from i, stored at window slot w
            for (w, &v) in vectors[i..i + 5].iter().enumerate() {
                if let Some(row) = word_row(v, w) {
                    add(&mut e, row);
                }
            }
            emissions.push(e);
        }
    }

    /// The best tag sequence of the current sentence into `s.tags`.
    fn decode(&self, s: &mut Scratch) {
        let n = s.emissions.len();
        s.tags.clear();
        if n == 0 {
            return;
        }
        if self.no_transitions {
            s.tags.resize(n, 0);
            return;
        }
        if !self.fast_viterbi {
            let mut back = Vec::new();
            s.tags = super::model::viterbi_i32(
                s.emissions.as_flattened(),
                n,
                &self.model.transitions,
                &mut back,
            );
            return;
        }
        // Forward: the best score of each tag at each token (by place in LAYOUT), shifted by
        // the outside tag's so that it stays small however long the sentence. Only maxima are
        // kept; the backward pass finds which predecessor gave each one.
        let em = &s.emissions;
        let scores = &mut s.scores;
        scores.clear();
        let mut score = [NEG; N_TAGS];
        for (q, x) in score.iter_mut().enumerate() {
            if can_start(LAYOUT[q] as u8) {
                *x = self.start[q] + em[0][LAYOUT[q]];
            }
        }
        scores.push(score);
        for e in &em[1..] {
            let mut open = [0i32; 12];
            for (lane, x) in open.iter_mut().enumerate() {
                *x = score[0] + self.open[0][lane];
            }
            for (q, tr) in self.open.iter().enumerate().skip(1) {
                let from = score[q];
                for (x, &t) in open.iter_mut().zip(tr) {
                    *x = (*x).max(from + t);
                }
            }
            let begins = [score[9], score[10], score[11], score[12]];
            let insides = [score[13], score[14], score[15], score[16]];
            let mut inner = [0i32; 8];
            for (lane, x) in inner.iter_mut().enumerate() {
                let b = begins[lane % 4] + self.from_begin[lane];
                let i = insides[lane % 4] + self.from_inside[lane];
                *x = b.max(i);
            }
            let mut next = [0i32; N_TAGS];
            next[..5].copy_from_slice(&open[..5]);
            next[9..13].copy_from_slice(&open[5..9]);
            next[13..].copy_from_slice(&inner[..4]);
            next[5..9].copy_from_slice(&inner[4..]);
            for (x, &tag) in next.iter_mut().zip(&LAYOUT) {
                *x += e[tag];
            }
            // every tag is reachable after the first token: shift by the outside tag's score
            let shift = next[0];
            for x in &mut next {
                *x = (*x - shift).max(NEG);
            }
            score = next;
            scores.push(score);
        }
        // Backward: the best final tag, then at each token the first predecessor (in tag
        // order, as the plain Viterbi breaks ties) that gives the best score.
        let mut place = [0usize; N_TAGS];
        for (q, &t) in LAYOUT.iter().enumerate() {
            place[t] = q;
        }
        let last_scores = &scores[n - 1];
        let mut last = 0usize;
        let mut best = i32::MIN;
        for (t, &q) in place.iter().enumerate() {
            if can_end(t as u8) && last_scores[q] > best {
                best = last_scores[q];
                last = t;
            }
        }
        s.tags.resize(n, 0);
        s.tags[n - 1] = last as u8;
        let mut t = last;
        for i in (1..n).rev() {
            let prev = &scores[i - 1];
            let preds = &self.predecessors[t];
            let (mut arg, best) = preds[0];
            let mut best = prev[place[arg as usize]] + best;
            for &(p, tr) in &preds[1..] {
                let x = prev[place[p as usize]] + tr;
                if x > best {
                    best = x;
                    arg = p;
                }
            }
            t = arg as usize;
            s.tags[i - 1] = arg;
        }
    }
}

/// Adds a row of weights to a row of scores.
#[inline]
fn add<const N: usize, T: Copy + Into<i32>>(acc: &mut [i32; N], row: &[T; N]) {
    for (a, &x) in acc.iter_mut().zip(row) {
        *a += x.into();
    }
}

/// `text` in lower case (as `features::lowercase`: unchanged without capitals), in `buf`
/// when it must be built.
fn lower_case<'b>(text: &'b str, any_upper: bool, buf: &'b mut String) -> &'b str {
    if !any_upper {
        return text;
    }
    buf.clear();
    if text.is_ascii() {
        buf.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&text.to_lowercase());
    }
    buf
}

/// True when the tag set's moves are the ones [`LAYOUT`] assumes.
fn moves_are_bilou() -> bool {
    let enders = &LAYOUT[..9];
    (0..N_TAGS).all(|p| {
        (0..N_TAGS).all(|t| {
            let expected = if OPEN_LANES.contains(&t) {
                enders.contains(&p)
            } else {
                // inside or last of type k: after begin or inside of the same type
                let k = (t - 1) / 4;
                p == 1 + 4 * k || p == 2 + 4 * k
            };
            can_follow(p as u8, t as u8) == expected
        })
    }) && INNER_LANES.iter().all(|t| !OPEN_LANES.contains(t))
        && LAYOUT[..5] == OPEN_LANES[..5]
        && LAYOUT[9..13] == OPEN_LANES[5..]
        && LAYOUT[13..] == INNER_LANES[..4]
        && LAYOUT[5..9] == INNER_LANES[4..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_decoder_knows_the_bilou_moves() {
        assert!(moves_are_bilou());
    }

    #[test]
    fn interner_finds_what_it_holds() {
        let mut i = Interner::default();
        let words: Vec<String> = (0..2000).map(|k| format!("w{k}")).collect();
        for (k, w) in words.iter().enumerate() {
            assert_eq!(i.intern(w), (k as u32, true));
        }
        for (k, w) in words.iter().enumerate() {
            assert_eq!(i.intern(w), (k as u32, false));
            assert_eq!(i.get(k as u32), w);
        }
    }
}
