//! What the tagger looks at: token normalisation, word shapes, the features of one word
//! (identity, affixes, shape, clusters, capitalisation profile) and the features of a position
//! in a sentence and a document (neighbouring shapes, sentence start, all-capitals headlines,
//! gazetteer matches, how the same word is written elsewhere in the document).
//!
//! Training and tagging call the same functions, so a model sees at run time exactly the
//! features it was trained on.

use super::gazetteer::{Gazetteer, N_LISTS};
use super::hash::feature_key;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Word-feature templates (the first byte of a feature key).
mod template {
    pub const FORM: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const SHAPE: u8 = 3;
    pub const SHORT_SHAPE: u8 = 4;
    pub const PREFIX: u8 = 5; // 5..=8 for lengths 1..=4
    pub const SUFFIX: u8 = 9; // 9..=12
    pub const CLUSTER: u8 = 13; // 13..=15 for the three granularities
    pub const PROFILE: u8 = 16;
    pub const PAD: u8 = 17;
    pub const VOCAB: u8 = 30;
}

/// How many relative positions a word feature can look at (-2..=2).
pub const WINDOW: usize = 5;

/// The pseudo-word before the first token of a sentence.
pub const BOS: &str = "<S>";
/// The pseudo-word after the last token of a sentence.
pub const EOS: &str = "</S>";

/// The number of shape classes.
pub const N_SHAPE_CLASSES: usize = 16;

/// What the lexicon knows about a word, beyond its spelling.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Cluster ids at three granularities, if the word was clustered.
    pub clusters: Option<[u16; 3]>,
    /// Capitalisation profile bucket (0 = unseen), see [`profile_bucket`].
    pub profile: u8,
}

/// Casing knowledge from unlabelled text: how a lower-cased word is usually written.
pub trait Casing {
    /// The usual spelling of `lower` away from sentence starts and its profile bucket.
    fn casing(&self, lower: &str) -> Option<(&str, u8)>;
}

/// Buckets the percentage of times a word is capitalised away from sentence starts.
pub fn profile_bucket(capitalised_percent: u32) -> u8 {
    match capitalised_percent {
        0..=2 => 1,
        3..=20 => 2,
        21..=50 => 3,
        51..=80 => 4,
        81..=97 => 5,
        _ => 6,
    }
}

/// The key under which a model stores the precomputed vector of a word form.
pub fn vocab_key(form: &str) -> u64 {
    feature_key(template::VOCAB, 0, form)
}

/// Maps typographic variants to the forms of the training data (straight quotes, `-` for
/// dashes, `...` for an ellipsis, `'` for a typographic apostrophe).
pub fn normalise(token: &str) -> Cow<'_, str> {
    match token {
        "“" | "”" | "„" | "«" | "»" | "``" | "''" | "‟" => return Cow::Borrowed("\""),
        "‘" | "’" | "‚" | "‹" | "›" | "`" => return Cow::Borrowed("'"),
        "—" | "–" | "‒" | "―" | "‐" | "‑" => return Cow::Borrowed("-"),
        "…" => return Cow::Borrowed("..."),
        _ => {}
    }
    if token.contains('’') {
        Cow::Owned(token.replace('’', "'"))
    } else {
        Cow::Borrowed(token)
    }
}

fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// The word's shape: `X` upper, `x` lower, `d` digit, other characters as they are, runs cut
/// to `max_run` (with 4: `London` → `Xxxxx`, `U.S.` → `X.X.`, `1996-08-30` → `dddd-dd-dd`).
pub fn shape(word: &str, max_run: usize) -> String {
    let mut out = String::with_capacity(word.len().min(32));
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars().take(64) {
        let k = char_class(c);
        if k == last {
            run += 1;
        } else {
            last = k;
            run = 1;
        }
        if run <= max_run {
            out.push(k);
        }
    }
    out
}

/// A small class of a token's form, for features that combine neighbouring tokens.
pub fn shape_class(word: &str) -> u8 {
    if word == BOS || word == EOS {
        return 0;
    }
    let (mut upper, mut lower, mut digit, mut other, mut period) = (0, 0, 0, 0, 0);
    let mut first_upper = false;
    for (i, c) in word.chars().take(64).enumerate() {
        if c.is_uppercase() {
            upper += 1;
            if i == 0 {
                first_upper = true;
            }
        } else if c.is_lowercase() || c.is_alphabetic() {
            lower += 1;
        } else if c.is_numeric() {
            digit += 1;
        } else {
            if c == '.' {
                period += 1;
            }
            other += 1;
        }
    }
    let letters = upper + lower;
    if letters == 0 {
        if digit > 0 {
            return if other == 0 { 7 } else { 8 };
        }
        return match word {
            "\"" | "'" => 11,
            _ if word.chars().all(|c| c.is_ascii_punctuation()) => 10,
            _ => 12,
        };
    }
    if digit > 0 {
        return 9;
    }
    if upper == 0 {
        return if other > 0 { 13 } else { 1 };
    }
    if lower == 0 {
        if period > 0 {
            return 5;
        }
        return if upper == 1 { 4 } else { 3 };
    }
    if first_upper {
        return if other > 0 { 14 } else { 2 };
    }
    6
}

pub(super) fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters > 0
}

/// The word in lower case, borrowed when it already is.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

pub(super) fn has_letter(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
}

/// True for a headline-like sentence written in capitals.
pub fn is_caps_sentence<S: AsRef<str>>(tokens: &[S]) -> bool {
    let (mut words, mut caps, mut longest) = (0usize, 0usize, 0usize);
    for t in tokens {
        let t = t.as_ref();
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 {
            words += 1;
            if is_all_caps(t) {
                caps += 1;
                longest = longest.max(letters);
            }
        }
    }
    words > 0 && caps * 10 >= words * 8 && (words >= 2 || longest >= 4)
}

/// Lower case, with digits mapped to `0`.
fn lower_norm(word: &str) -> String {
    if word.is_ascii() {
        let lower: Vec<u8> = word
            .bytes()
            .map(|b| {
                if b.is_ascii_digit() {
                    b'0'
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect();
        // ASCII in, ASCII out
        return String::from_utf8(lower).unwrap_or_default();
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

fn char_prefix(word: &str, n: usize) -> Option<&str> {
    let mut it = word.char_indices();
    let end = it.nth(n).map(|(i, _)| i).unwrap_or(word.len());
    (word.chars().count() >= n).then(|| &word[..end])
}

fn char_suffix(word: &str, n: usize) -> Option<&str> {
    let count = word.chars().count();
    if count < n {
        return None;
    }
    let start = word
        .char_indices()
        .nth(count - n)
        .map(|(i, _)| i)
        .unwrap_or(0);
    Some(&word[start..])
}

fn truncate(word: &str) -> &str {
    if word.len() <= 256 {
        return word;
    }
    // very long tokens (URLs, noise): their first characters are enough
    let mut end = 256;
    while !word.is_char_boundary(end) {
        end -= 1;
    }
    &word[..end]
}

/// The key of the exact-spelling feature of `word` at `offset` (a model keeps these only in
/// its precomputed word vectors).
pub fn form_key(word: &str, offset: i8) -> u64 {
    feature_key(template::FORM, offset, truncate(word))
}

/// The feature keys of `word` seen from a token `offset` positions away (-2..=2), appended
/// to `out`.
pub fn word_keys(word: &str, info: &WordInfo, offset: i8, out: &mut Vec<u64>) {
    WordForms::new(word).keys(info, offset, out);
}

/// What the feature keys of a word are built from, worked out once for every offset.
#[derive(Debug, Clone)]
pub struct WordForms<'w> {
    /// The word, truncated.
    word: &'w str,
    /// A sentence pad (`BOS`, `EOS`): one key only.
    pad: bool,
    /// Lower case with digits as `0`.
    lower: String,
    /// Shape with runs cut to one.
    short: String,
}

impl<'w> WordForms<'w> {
    /// The forms of `word`.
    pub fn new(word: &'w str) -> WordForms<'w> {
        if word == BOS || word == EOS {
            return WordForms {
                word,
                pad: true,
                lower: String::new(),
                short: String::new(),
            };
        }
        let word = truncate(word);
        WordForms {
            word,
            pad: false,
            lower: lower_norm(word),
            short: shape(word, 1),
        }
    }

    /// The keys seen from a token `offset` positions away (as [`word_keys`]).
    pub fn keys(&self, info: &WordInfo, offset: i8, out: &mut Vec<u64>) {
        let (word, lower, o) = (self.word, self.lower.as_str(), offset);
        if self.pad {
            out.push(feature_key(template::PAD, o, word));
            return;
        }
        out.push(feature_key(template::LOWER, o, lower));
        out.push(feature_key(template::SHORT_SHAPE, o, &self.short));
        let profile = [info.profile + b'0'];
        let profile = std::str::from_utf8(&profile).unwrap_or("0");
        match offset.unsigned_abs() {
            0 => {
                out.push(feature_key(template::FORM, o, word));
                out.push(feature_key(template::SHAPE, o, &shape(word, 4)));
                out.push(feature_key(template::PROFILE, o, profile));
                for n in 1..=4 {
                    if let Some(p) = char_prefix(word, n) {
                        out.push(feature_key(template::PREFIX + n as u8 - 1, o, p));
                    }
                    if let Some(s) = char_suffix(lower, n) {
                        out.push(feature_key(template::SUFFIX + n as u8 - 1, o, s));
                    }
                }
                if let Some(c) = info.clusters {
                    for (g, id) in c.iter().enumerate() {
                        out.push(feature_key(template::CLUSTER + g as u8, o, &id.to_string()));
                    }
                }
            }
            1 => {
                out.push(feature_key(template::FORM, o, word));
                out.push(feature_key(template::PROFILE, o, profile));
                if let Some(s) = char_suffix(lower, 3) {
                    out.push(feature_key(template::SUFFIX + 2, o, s));
                }
                if let Some(c) = info.clusters {
                    for (g, id) in c.iter().enumerate() {
                        out.push(feature_key(template::CLUSTER + g as u8, o, &id.to_string()));
                    }
                }
            }
            _ => {
                if let Some(c) = info.clusters {
                    out.push(feature_key(template::CLUSTER + 1, o, &c[1].to_string()));
                }
            }
        }
    }
}

/// Dense (context) feature ids: a small fixed space indexed directly.
pub mod dense {
    use super::{N_LISTS, N_SHAPE_CLASSES};
    const NSC: u32 = N_SHAPE_CLASSES as u32;
    /// Always on.
    pub const BIAS: u32 = 0;
    /// Position bucket × shape class.
    pub const POSITION: u32 = 1;
    /// All-capitals sentence × shape class.
    pub const CAPS: u32 = POSITION + 4 * NSC;
    /// Previous and current shape class.
    pub const LEFT: u32 = CAPS + NSC;
    /// Current and next shape class.
    pub const RIGHT: u32 = LEFT + NSC * NSC;
    /// Previous, current and next shape class.
    pub const TRIGRAM: u32 = RIGHT + NSC * NSC;
    /// Sentence-initial × capitalisation profile.
    pub const INITIAL: u32 = TRIGRAM + NSC * NSC * NSC;
    /// Gazetteer matches at offsets -1, 0, 1.
    pub const GAZETTEER: u32 = INITIAL + 16;
    /// Document evidence on capitalisation.
    pub const DOCUMENT: u32 = GAZETTEER + 3 * 4 * N_LISTS as u32;
    /// The size of the space.
    pub const SIZE: u32 = DOCUMENT + 16;
}

/// One sentence, ready for scoring: the word forms the word features read and the dense
/// feature ids of each token.
#[derive(Debug, Clone, Default)]
pub struct Prepared<'a> {
    /// The form of each token (normalised; in all-capitals sentences, re-cased).
    pub forms: Vec<Cow<'a, str>>,
    /// Capitalisation profile bucket of each capitalised token (7 for the others).
    pub profiles: Vec<u8>,
    /// Dense feature ids of token `i`: `dense[starts[i]..starts[i + 1]]`.
    pub dense: Vec<u32>,
    /// Offsets into `dense`, one more than there are tokens.
    pub starts: Vec<u32>,
}

impl Prepared<'_> {
    /// The dense feature ids of token `i`.
    pub fn dense_of(&self, i: usize) -> &[u32] {
        &self.dense[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// True for a sentence without tokens.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

pub(super) fn is_initial(prev: Option<&str>) -> bool {
    matches!(
        prev,
        None | Some("\"" | "'" | "(" | "[" | ":" | "-" | "--" | "``")
    )
}

/// The profile bucket given to tokens without capitals in [`Prepared::profiles`].
pub(super) const LOWER_CASE_PROFILE: u8 = 7;

/// How a word is written across one document (outside headlines).
#[derive(Debug, Default)]
struct DocCasing<'a> {
    /// lower → (a capitalised spelling seen mid-sentence, seen lower-case too)
    seen: FxHashMap<String, (Option<&'a str>, bool)>,
}

/// Prepares the sentences of one document. Tokens are the raw token texts; `casing` gives
/// the usual spelling of words; `gazetteer` the name lists. Linear in the number of tokens.
pub fn prepare_document<'a, S: AsRef<str>, C: Casing>(
    sentences: &'a [Vec<S>],
    casing: &C,
    gazetteer: &Gazetteer,
) -> Vec<Prepared<'a>> {
    let normalised: Vec<Vec<Cow<'a, str>>> = sentences
        .iter()
        .map(|s| s.iter().map(|t| normalise(t.as_ref())).collect())
        .collect();
    let caps: Vec<bool> = normalised.iter().map(|s| is_caps_sentence(s)).collect();
    // document casing evidence from ordinary sentences
    let mut doc = DocCasing::default();
    for (si, sent) in normalised.iter().enumerate() {
        if caps[si] {
            continue;
        }
        for (i, t) in sent.iter().enumerate() {
            if t.len() > 64 || !has_letter(t) {
                continue;
            }
            let initial = is_initial(if i == 0 { None } else { Some(&sent[i - 1]) });
            let first_upper = t.chars().next().is_some_and(char::is_uppercase);
            if initial && first_upper {
                continue;
            }
            let raw: &'a str = sentences[si][i].as_ref();
            let lower = lowercase(t);
            let entry = match doc.seen.get_mut(lower.as_ref()) {
                Some(e) => e,
                None => doc.seen.entry(lower.into_owned()).or_insert((None, false)),
            };
            if !first_upper {
                entry.1 = true;
            } else if entry.0.is_none() && raw == t.as_ref() {
                entry.0 = Some(raw);
            }
        }
    }
    let mut out = Vec::with_capacity(sentences.len());
    for (si, sent) in normalised.into_iter().enumerate() {
        out.push(prepare_sentence(sent, caps[si], &doc, casing, gazetteer));
    }
    out
}

fn prepare_sentence<'a, C: Casing>(
    mut forms: Vec<Cow<'a, str>>,
    caps: bool,
    doc: &DocCasing<'a>,
    casing: &C,
    gazetteer: &Gazetteer,
) -> Prepared<'a> {
    let n = forms.len();
    let mut profiles = Vec::with_capacity(n);
    let mut doc_bits = Vec::with_capacity(n);
    for form in forms.iter_mut() {
        let t: &str = form;
        let all_caps = is_all_caps(t);
        // only capitalised tokens need what casing knows (the profile of a lower-case token
        // says little, and skipping the lookups keeps tagging fast)
        let capitalised = t.len() <= 64 && t.chars().any(char::is_uppercase);
        let lower = capitalised.then(|| t.to_lowercase());
        let known = lower.as_deref().and_then(|l| casing.casing(l));
        profiles.push(if capitalised {
            known.map_or(0, |k| k.1)
        } else {
            LOWER_CASE_PROFILE
        });
        let seen = lower.as_deref().and_then(|l| doc.seen.get(l));
        let capitalised_elsewhere = seen.is_some_and(|s| s.0.is_some());
        let lower_elsewhere = seen.is_some_and(|s| s.1);
        doc_bits.push((capitalised_elsewhere, lower_elsewhere));
        if caps && all_caps {
            let recased = seen
                .and_then(|s| s.0)
                .map(Cow::Borrowed)
                .or_else(|| known.map(|k| Cow::Owned(k.0.to_string())));
            if let Some(r) = recased {
                *form = r;
            }
        }
    }
    let classes: Vec<u8> = forms.iter().map(|f| shape_class(f)).collect();
    let gaz = gazetteer.matches(&forms);
    let nsc = N_SHAPE_CLASSES as u32;
    let mut dense_ids = Vec::with_capacity(n * 12);
    let mut starts = Vec::with_capacity(n + 1);
    for i in 0..n {
        starts.push(dense_ids.len() as u32);
        let sc = u32::from(classes[i]);
        let prev = if i > 0 { u32::from(classes[i - 1]) } else { 0 };
        let next = if i + 1 < n {
            u32::from(classes[i + 1])
        } else {
            0
        };
        let bucket = if i == 0 {
            0
        } else if i == 1 {
            1
        } else if i + 1 == n {
            2
        } else {
            3
        };
        dense_ids.push(dense::BIAS);
        dense_ids.push(dense::POSITION + bucket * nsc + sc);
        if caps {
            dense_ids.push(dense::CAPS + sc);
        }
        dense_ids.push(dense::LEFT + prev * nsc + sc);
        dense_ids.push(dense::RIGHT + sc * nsc + next);
        dense_ids.push(dense::TRIGRAM + (prev * nsc + sc) * nsc + next);
        let initial = is_initial(if i == 0 { None } else { Some(&forms[i - 1]) });
        dense_ids.push(dense::INITIAL + u32::from(initial) * 8 + u32::from(profiles[i]));
        for (slot, j) in [(0u32, i.wrapping_sub(1)), (1, i), (2, i + 1)] {
            let Some(&bits) = gaz.get(j) else { continue };
            let mut b = bits;
            while b != 0 {
                let bit = b.trailing_zeros();
                b &= b - 1;
                dense_ids.push(dense::GAZETTEER + slot * 4 * N_LISTS as u32 + bit);
            }
        }
        if forms[i].chars().next().is_some_and(char::is_uppercase) {
            let (cap_else, low_else) = doc_bits[i];
            let ic = u32::from(initial || caps);
            dense_ids
                .push(dense::DOCUMENT + (ic * 2 + u32::from(cap_else)) * 2 + u32::from(low_else));
        }
    }
    starts.push(dense_ids.len() as u32);
    Prepared {
        forms,
        profiles,
        dense: dense_ids,
        starts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoCasing;
    impl Casing for NoCasing {
        fn casing(&self, lower: &str) -> Option<(&str, u8)> {
            (lower == "japan").then_some(("Japan", 6))
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("London", 4), "Xxxxx");
        assert_eq!(shape("UK", 4), "XX");
        assert_eq!(shape("U.S.", 4), "X.X.");
        assert_eq!(shape("10-12", 4), "dd-dd");
        assert_eq!(shape("London", 1), "Xx");
        assert_eq!(shape_class("London"), 2);
        assert_eq!(shape_class("UK"), 3);
        assert_eq!(shape_class("U.S."), 5);
        assert_eq!(shape_class("\""), 11);
        assert_eq!(shape_class("1996-08-30"), 8);
    }

    #[test]
    fn affixes_count_characters() {
        assert_eq!(char_prefix("Zürich", 2), Some("Zü"));
        assert_eq!(char_suffix("Zürich", 4), Some("rich"));
        assert_eq!(char_suffix("ab", 3), None);
    }

    #[test]
    fn headlines_are_recased() {
        let doc = vec![
            vec!["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"],
            vec!["Japan", "beat", "Syria", "."],
        ];
        let g = Gazetteer::from_lists(&[]);
        let p = prepare_document(&doc, &NoCasing, &g);
        assert_eq!(p[0].forms[2], "Japan");
        assert_eq!(p[0].forms[0], "SOCCER");
        assert!(p[0].dense.iter().all(|&d| d < dense::SIZE));
    }

    #[test]
    fn word_keys_for_every_offset() {
        let mut out = Vec::new();
        for o in -2..=2 {
            word_keys("Khan", &WordInfo::default(), o, &mut out);
        }
        assert!(out.len() > 10);
        out.clear();
        word_keys(BOS, &WordInfo::default(), -1, &mut out);
        assert_eq!(out.len(), 1);
    }
}
