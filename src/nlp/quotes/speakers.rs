//! Speaker phrases found from the text itself: the subject before a cue (`Khan said`,
//! `the deputy press secretary, Sarah Huckabee Sanders said`), the phrase after an inverted cue
//! (`said Mark Jones, a political scientist`), and the subject of the clause for a participle
//! (`Theresa May defended Khan, saying …`). Titles are stripped from names (`London Mayor
//! Sadiq Khan` → `Sadiq Khan`). Every scan is bounded, so the cost per cue is constant.

use super::context::Context;
use super::cues;
use super::lexicon::class;
use std::ops::Range;

/// What kind of phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A capitalised name (`Sadiq Khan`, `the White House`).
    Name,
    /// A personal pronoun (`she`).
    Pronoun,
    /// A common noun phrase (`officials`, `a spokesman for the campaign`).
    Nominal,
}

/// A speaker phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// The tokens that name the speaker (a name without its title, a pronoun, or the phrase).
    pub head: Range<usize>,
    /// The first token of the whole phrase (titles and modifiers included).
    pub start: usize,
    /// What kind of phrase it is.
    pub form: Form,
}

/// How far a phrase may reach, in tokens.
const MAX_PHRASE: usize = 10;
/// How far back an apposition's opening comma may be.
const MAX_APPOSITION: usize = 30;

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "some",
    "many", "most", "several", "other", "another", "our", "my", "your", "both", "all", "each",
    "one", "two", "three", "four", "five", "six", "no", "few", "more", "any",
];
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "&", "de", "du", "la", "le", "van", "von", "der", "den", "bin", "ibn",
    "al", "el", "da", "dos", "del", "di", "on",
];
/// Prepositions that join a noun phrase to the one before it (`a spokesman for the campaign`).
const PHRASE_PREPOSITIONS: &[&str] = &["of", "for", "at", "with", "from", "in", "to"];
/// Words that open an introductory phrase ending in a comma (`At the briefing, …`).
const INTRODUCERS: &[&str] = &[
    "at",
    "in",
    "on",
    "after",
    "before",
    "during",
    "when",
    "while",
    "although",
    "though",
    "despite",
    "following",
    "since",
    "as",
    "if",
    "because",
    "with",
    "without",
    "for",
    "from",
    "by",
    "under",
    "over",
    "amid",
    "speaking",
    "asked",
    "writing",
    "responding",
    "addressing",
    "earlier",
    "later",
    "last",
    "meanwhile",
    "however",
    "still",
    "yet",
    "instead",
    "separately",
    "similarly",
    "then",
    "now",
    "today",
    "yesterday",
    "according",
    "like",
    "unlike",
    "once",
    "until",
    "upon",
    "across",
    "throughout",
    "toward",
    "towards",
];
/// Words that may open a clause before its subject and are skipped.
const CLAUSE_OPENERS: &[&str] = &[
    "and",
    "but",
    "so",
    "yet",
    "or",
    "also",
    "then",
    "now",
    "still",
    "meanwhile",
    "however",
];
/// Adverbs ending in -ly that are nouns.
const LY_NOUNS: &[&str] = &[
    "family", "assembly", "ally", "rally", "supply", "monopoly", "italy", "july", "anomaly",
    "daily", "weekly", "monthly", "bully", "lily", "belly", "jelly", "kelly", "sally", "holly",
];

impl Np {
    fn one(i: usize, form: Form) -> Np {
        Np {
            head: i..i + 1,
            start: i,
            form,
        }
    }
}

fn is_pronoun(cx: &Context, i: usize) -> bool {
    PRONOUNS.contains(&cx.lower(i))
}

fn is_determiner(cx: &Context, i: usize) -> bool {
    DETERMINERS.contains(&cx.lower(i))
}

/// A lower-case word that can be part of a noun phrase.
fn is_nominal_word(cx: &Context, i: usize) -> bool {
    let w = cx.lower(i);
    // `the 46-year-old`
    if cx.kind(i) == crate::nlp::text::TokenKind::Number
        && w.contains('-')
        && w.ends_with(|c: char| c.is_alphabetic())
    {
        return true;
    }
    cx.is_lower_word(i)
        && !cx.has_class(i, class::FUNCTION | class::SKIP)
        && !is_pronoun(cx, i)
        && !is_determiner(cx, i)
        && (w.len() <= 4 || !w.ends_with("ed") || w == "hundred")
}

/// Prepositions: a phrase right after one is not a subject (`in two separate tweets`).
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "by", "from", "of", "for", "to", "about", "into", "onto", "against", "over",
    "under", "between", "among", "through", "during", "without", "toward", "towards", "than",
    "like", "upon", "via", "despite", "after", "before", "amid", "amidst",
];

/// True when the phrase starting at `start` is the object of a preposition.
fn after_preposition(cx: &Context, start: usize) -> bool {
    start > 0 && PREPOSITIONS.contains(&cx.lower(start - 1))
}

/// True for a word between a subject and its cue that does not end the subject.
fn is_skippable(cx: &Context, i: usize) -> bool {
    if !cx.is_lower_word(i) {
        return false;
    }
    let w = cx.lower(i);
    cx.has_class(i, class::SKIP) || w == "not" || w == "n't" || is_ly_adverb(w)
}

/// True for an adverb in -ly of five letters or more (`reportedly`, `publicly`), but not the
/// nouns `family`, `rally`, `ally`.
pub(super) fn is_ly_adverb(w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ly") && !LY_NOUNS.contains(&w)
}

/// A number or a number word (`46`, `three`, `half`).
fn is_number_word(cx: &Context, i: usize) -> bool {
    cx.kind(i) == crate::nlp::text::TokenKind::Number
        || matches!(
            cx.lower(i),
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "half"
                | "dozen"
                | "hundreds"
                | "thousands"
                | "millions"
        )
}

/// The name run ending at `j` (a name word), reaching no further back than `lo`.
fn name_run_ending(cx: &Context, j: usize, lo: usize) -> Range<usize> {
    let mut s = j;
    while j - s < MAX_PHRASE {
        if s > lo && cx.is_name_word(s - 1) {
            s -= 1;
        } else if s >= lo + 2 && CONNECTORS.contains(&cx.lower(s - 1)) && cx.is_name_word(s - 2) {
            s -= 2;
        } else {
            break;
        }
    }
    s..j + 1
}

/// The name run starting at `i` (a name word), reaching no further than `hi`.
pub fn name_run_starting(cx: &Context, i: usize, hi: usize) -> Range<usize> {
    let mut e = i + 1;
    while e - i < MAX_PHRASE {
        if e < hi && cx.is_name_word(e) {
            e += 1;
        } else if e + 1 < hi && CONNECTORS.contains(&cx.lower(e)) && cx.is_name_word(e + 1) {
            e += 2;
        } else {
            break;
        }
    }
    i..e
}

/// The name inside a run of capitalised words: what follows the last title (`London Mayor
/// Sadiq Khan` → `Sadiq Khan`, `Secretary of State John Kerry` → `John Kerry`).
pub fn name_part(cx: &Context, run: Range<usize>) -> Range<usize> {
    let mut start = run.start;
    for t in run.clone() {
        if cx.has_class(t, class::TITLE) && t + 1 < run.end {
            start = t + 1;
        }
    }
    // `of State`, `of Defense`: the rest of a title.
    if start > run.start && start + 2 < run.end && cx.lower(start) == "of" {
        start += 2;
    }
    while start < run.end && CONNECTORS.contains(&cx.lower(start)) {
        start += 1;
    }
    // A known first name after other words starts the name (`Breitbart News editor Joel …`).
    if let Some(f) = (start + 1..run.end.saturating_sub(1))
        .find(|&t| cx.first_name(t).is_some() && cx.is_name_word(t))
        && cx.first_name(start).is_none()
        && !cx.has_class(start, class::ORG)
        && !(start..f).any(|t| cx.has_class(t, class::ORG))
    {
        start = f;
    }
    if start >= run.end {
        run
    } else {
        start..run.end
    }
}

/// The noun phrase whose last token is `j`, reaching no further back than `lo`.
pub fn np_ending_at(cx: &Context, j: usize, lo: usize) -> Option<Np> {
    if j < lo || j >= cx.len() {
        return None;
    }
    if is_pronoun(cx, j) {
        return Some(Np::one(j, Form::Pronoun));
    }
    if cx.is_name_word(j) {
        let run = name_run_ending(cx, j, lo);
        // `36 percent of Democrats`: a share of a group is a phrase, not the name.
        if run.start >= lo + 2
            && cx.lower(run.start - 1) == "of"
            && (is_number_word(cx, run.start - 2) || cx.lower(run.start - 2) == "percent")
        {
            let mut s = run.start - 2;
            while s > lo && (is_number_word(cx, s - 1) || cx.lower(s - 1) == "percent") {
                s -= 1;
            }
            return Some(Np {
                head: s..j + 1,
                start: s,
                form: Form::Nominal,
            });
        }
        // `the European Flower Trade Council in the Netherlands said`, `a spokesman for
        // Clinton said`: the phrase before the preposition is the speaker.
        let mut p = run.start;
        if p > lo && is_determiner(cx, p - 1) {
            p -= 1;
        }
        if p >= lo + 2
            && matches!(
                cx.lower(p - 1),
                "in" | "of" | "for" | "at" | "from" | "with"
            )
            && let Some(left) = np_ending_at_simple(cx, p - 2, lo)
        {
            return Some(match left.form {
                Form::Name => left,
                _ => Np {
                    head: left.start..j + 1,
                    start: left.start,
                    form: Form::Nominal,
                },
            });
        }
        return Some(Np {
            start: run.start,
            head: name_part(cx, run),
            form: Form::Name,
        });
    }
    // `Both have promised`, `Many say`: a determiner standing for people.
    if matches!(
        cx.lower(j),
        "both" | "many" | "some" | "others" | "most" | "few" | "all" | "several"
    ) && (j == lo
        || !is_determiner(cx, j - 1) && !cx.is_word(j - 1)
        || j > lo && cx.is(j - 1, ","))
    {
        return Some(Np::one(j, Form::Nominal));
    }
    // `One in three`, `nearly three in five`: a share of people.
    if is_number_word(cx, j) {
        if j >= lo + 2
            && matches!(cx.lower(j - 1), "in" | "of" | "out")
            && is_number_word(cx, j - 2)
        {
            return Some(Np {
                head: j - 2..j + 1,
                start: j - 2,
                form: Form::Nominal,
            });
        }
        return None;
    }
    if !is_nominal_word(cx, j) {
        return None;
    }
    let mut s = j;
    let mut steps = 0;
    let mut hops = 0;
    while s > lo && steps < MAX_PHRASE {
        let k = s - 1;
        if is_determiner(cx, k) {
            s = k;
            // `a spokesman for the campaign`: continue over one preposition.
            if hops == 0
                && s >= lo + 2
                && PHRASE_PREPOSITIONS.contains(&cx.lower(s - 1))
                && (is_nominal_word(cx, s - 2) || cx.is_name_word(s - 2))
            {
                s -= 2;
                hops += 1;
            } else {
                break;
            }
        } else if hops == 0
            && k > lo
            && matches!(cx.lower(k), "of" | "for" | "at" | "from")
            && (is_nominal_word(cx, k - 1) || is_number_word(cx, k - 1))
        {
            // `46 percent of voters`, `officials at the agency`.
            s = k - 1;
            hops += 1;
        } else if is_number_word(cx, k) {
            s = k;
        } else if cx.lower(k).ends_with("ing") && !(k > lo && is_determiner(cx, k - 1)) {
            // `taking 54 per cent …`: a verb, not a modifier.
            break;
        } else if is_nominal_word(cx, k)
            || cx.is_name_word(k)
            || cx.is_word(k) && k > lo && {
                let w = cx.lower(k);
                (w == "'s" || w == "’s") && cx.is_name_word(k - 1)
            }
        {
            s = k;
        } else {
            break;
        }
        steps += 1;
    }
    Some(Np {
        head: s..j + 1,
        start: s,
        form: Form::Nominal,
    })
}

/// A name or a common noun phrase ending at `j` without prepositions, or `None`.
fn np_ending_at_simple(cx: &Context, j: usize, lo: usize) -> Option<Np> {
    if cx.is_name_word(j) {
        let run = name_run_ending(cx, j, lo);
        return Some(Np {
            start: run.start,
            head: name_part(cx, run),
            form: Form::Name,
        });
    }
    if !is_nominal_word(cx, j) {
        return None;
    }
    let mut s = j;
    while s > lo && j - s < 5 && (is_nominal_word(cx, s - 1) || cx.is_name_word(s - 1)) {
        s -= 1;
    }
    if s > lo && is_determiner(cx, s - 1) {
        s -= 1;
    }
    Some(Np {
        head: s..j + 1,
        start: s,
        form: Form::Nominal,
    })
}

/// The noun phrase starting at `i`, reaching no further than `hi` (for inverted cues and
/// clause subjects).
pub fn np_starting_at(cx: &Context, i: usize, hi: usize) -> Option<Np> {
    if i >= hi || i >= cx.len() {
        return None;
    }
    if is_pronoun(cx, i) {
        return Some(Np::one(i, Form::Pronoun));
    }
    let mut s = i;
    if is_determiner(cx, s) && cx.lower(s) != "that" {
        s += 1;
    }
    // `tweeted another`, `said one`: a determiner standing alone.
    if s > i && (s >= hi || !cx.is_word(s)) {
        return matches!(
            cx.lower(i),
            "another" | "one" | "some" | "many" | "others" | "both" | "several" | "most" | "all"
        )
        .then(|| Np::one(i, Form::Nominal));
    }
    if s >= hi {
        return None;
    }
    // `the second official`, `the former governor`
    if s > i
        && s + 1 < hi
        && matches!(
            cx.lower(s),
            "first"
                | "second"
                | "third"
                | "last"
                | "next"
                | "other"
                | "same"
                | "former"
                | "only"
                | "latest"
                | "new"
                | "own"
        )
        && (is_nominal_word(cx, s + 1) || cx.is_name_word(s + 1))
    {
        s += 1;
    }
    // `the retired neurosurgeon`, `an unnamed official`: a participle before a noun.
    if s + 1 < hi
        && cx.is_lower_word(s)
        && cx.lower(s).ends_with("ed")
        && cues::match_at(cx, s).is_none()
        && (is_nominal_word(cx, s + 1) && !is_stop_after_np(cx, s + 1) || cx.is_name_word(s + 1))
    {
        s += 1;
    }
    if cx.is_name_word(s) {
        let run = name_run_starting(cx, s, hi);
        // `the White House`, `the Clinton campaign`: a name followed by a noun is a nominal.
        let e = run.end;
        if e < hi && is_nominal_word(cx, e) && !is_stop_after_np(cx, e) {
            let end = nominal_end(cx, e, hi);
            return Some(Np {
                head: i..end,
                start: i,
                form: Form::Nominal,
            });
        }
        return Some(Np {
            head: if s == i { name_part(cx, run) } else { run },
            start: i,
            form: Form::Name,
        });
    }
    // `said the report`, `says a statement`: after a determiner a cue word is a noun.
    let noun_after_determiner = s > i && cues::match_at(cx, s).is_some();
    if !is_nominal_word(cx, s) || is_stop_after_np(cx, s) && !noun_after_determiner {
        return None;
    }
    let end = nominal_end(cx, s, hi);
    Some(Np {
        head: i..end,
        start: i,
        form: Form::Nominal,
    })
}

/// Where a common noun phrase starting with a word at `s` ends.
fn nominal_end(cx: &Context, s: usize, hi: usize) -> usize {
    let mut e = s;
    while e < hi && e - s < MAX_PHRASE {
        if (is_nominal_word(cx, e) || cx.is_name_word(e)) && !is_stop_after_np(cx, e) {
            e += 1;
        } else if e + 1 < hi
            && PHRASE_PREPOSITIONS.contains(&cx.lower(e))
            && e > s
            && (is_determiner(cx, e + 1) || cx.is_name_word(e + 1))
        {
            e += 2;
        } else {
            break;
        }
    }
    e.max(s + 1)
}

/// True for a word that ends a noun phrase read left to right: a cue or a past-tense verb.
fn is_stop_after_np(cx: &Context, i: usize) -> bool {
    let w = cx.lower(i);
    cues::match_at(cx, i).is_some()
        || (w.len() > 4 && w.ends_with("ed"))
        || IRREGULAR_VERBS.contains(&w)
}

/// Irregular past forms that end a noun phrase read left to right (`the neurosurgeon spoke`).
const IRREGULAR_VERBS: &[&str] = &[
    "spoke",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "got",
    "ran",
    "won",
    "lost",
    "met",
    "left",
    "began",
    "held",
    "stood",
    "sat",
    "saw",
    "knew",
    "thought",
    "felt",
    "kept",
    "brought",
    "sent",
    "paid",
    "put",
    "set",
    "led",
    "fell",
    "became",
    "chose",
    "drew",
    "drove",
    "grew",
    "heard",
    "meant",
    "rose",
    "sold",
    "spent",
    "struck",
    "swore",
    "taught",
    "threw",
    "understood",
    "wore",
    "wrote",
    "told",
    "said",
    "found",
    "built",
    "bought",
    "caught",
    "fought",
    "sought",
    "hit",
    "let",
    "cut",
    "shut",
    "quit",
    "beat",
    "broke",
    "forgot",
    "gets",
    "goes",
    "makes",
    "takes",
];

/// The subject of the cue starting at token `cue`: the phrase before it, skipping adverbs and
/// auxiliaries, parentheses and appositions. `lo` is the first token it may use.
pub fn subject_before(cx: &Context, cue: usize, lo: usize) -> Option<Np> {
    let mut j = cue.checked_sub(1)?;
    let mut skipped = 0;
    while j >= lo && skipped < 6 {
        // `has long argued`, `last week said`, `on Monday said`.
        let time = cx.has_class(j, class::TIME) && !cx.has_class(j, class::FUNCTION)
            || cx.has_class(j, class::TIME) && cx.is_lower_word(j);
        let time_opener = j + 1 < cue
            && cx.has_class(j + 1, class::TIME)
            && matches!(
                cx.lower(j),
                "on" | "last" | "this" | "earlier" | "late" | "early"
            );
        if is_skippable(cx, j)
            || (time || time_opener || matches!(cx.lower(j), "long" | "ever" | "since"))
        {
            j = j.checked_sub(1)?;
            skipped += 1;
        } else {
            break;
        }
    }
    if j < lo {
        return None;
    }
    if cx.is(j, ")") {
        j = before_parenthesis(cx, j, lo)?;
    }
    let w = cx.lower(j);
    if w == "who" || w == "which" || w == "that" {
        let k = if j > lo && cx.is(j - 1, ",") {
            j - 2
        } else {
            j - 1
        };
        return np_ending_at(cx, k, lo).filter(|np| np.form != Form::Pronoun || k + 1 == j);
    }
    if cx.is(j, ",") {
        return apposition(cx, j, lo);
    }
    // `Washington, star of television's "Scandal," thanked Obama`: an apposition ending in a
    // short quoted title, its comma inside the marks.
    if cx.kind(j) == crate::nlp::text::TokenKind::Quote
        && j > lo + 1
        && cx.is(j - 1, ",")
        && let Some(q) = cx.quote_at(j)
        && cx.quoted[q].close == Some(j)
        && cx.quoted[q].tokens.len() <= 5
        && cx.quoted[q].open > lo
        && cx.is_word(cx.quoted[q].open - 1)
    {
        return apposition(cx, j - 1, lo);
    }
    let np = np_ending_at(cx, j, lo);
    // `a source close to him said`, `people familiar with the plan said`
    let object_start = if matches!(cx.lower(j), "him" | "her" | "them" | "us" | "me") {
        Some(j)
    } else {
        np.as_ref().map(|np| np.start)
    };
    if let Some(o) = object_start
        && o >= lo + 3
        && matches!(
            (cx.lower(o - 2), cx.lower(o - 1)),
            ("close", "to") | ("familiar", "with")
        )
        && let Some(head) = np_ending_at(cx, o - 3, lo)
        && head.form != Form::Pronoun
    {
        return Some(head);
    }
    np.filter(|np| np.form == Form::Pronoun || !after_preposition(cx, np.start))
}

/// The token before the parenthesis that closes at `close` (`Mica (R-Fla.)` → `Mica`), when
/// it opens within a few tokens and not before `lo`.
pub fn before_parenthesis(cx: &Context, close: usize, lo: usize) -> Option<usize> {
    let open = (close.saturating_sub(12).max(lo)..close)
        .rev()
        .find(|&k| cx.is(k, "("))?;
    open.checked_sub(1).filter(|&j| j >= lo)
}

/// The subject before an apposition or parenthetical clause ending at the comma `j`:
/// `Khan, who spoke to Channel 4, said`; `the deputy press secretary, Sarah Sanders, said`.
fn apposition(cx: &Context, j: usize, lo: usize) -> Option<Np> {
    let from = j.saturating_sub(MAX_APPOSITION).max(lo);
    // A relative clause may hold commas of its own (`the Council, which represents importers
    // in the Netherlands, Germany and the UK, said`): its opening comma counts.
    let k = (from..j)
        .rev()
        .find(|&k| cx.is(k, ",") && matches!(cx.lower(k + 1), "which" | "who" | "whose"))
        .or_else(|| (from..j).rev().find(|&k| cx.is(k, ",")))?;
    if k == 0 || k < lo + 1 {
        return None;
    }
    // `Rep. Jim Jordan (R-Ohio), an oversight panel member, said`
    let last = if cx.is(k - 1, ")") {
        before_parenthesis(cx, k - 1, lo)
    } else {
        Some(k - 1)
    };
    let before = last.and_then(|l| np_ending_at(cx, l, lo));
    let first = k + 1;
    if first >= j {
        return before;
    }
    let w = cx.lower(first);
    if w == "who" || w == "which" || INTRODUCERS.contains(&w) || w.ends_with("ing") {
        return before;
    }
    let inner = np_ending_at(cx, j - 1, first);
    let found = match (before, inner) {
        (Some(b), Some(i)) if i.form == Form::Name && b.form != Form::Name => Some(i),
        (Some(b), _) => Some(b),
        (None, Some(i)) if i.head.start == first || is_determiner(cx, first) => Some(i),
        _ => None,
    };
    // Two appositions: `Scott Pruitt, the attorney general of Oklahoma, one of the states
    // suing the EPA, said`: the name before the first one.
    if let Some(np) = &found
        && np.form != Form::Name
        && np.start > lo + 1
        && cx.is(np.start - 1, ",")
        && let Some(outer) = apposition_once(cx, np.start - 1, lo)
        && outer.form == Form::Name
    {
        return Some(outer);
    }
    found
}

/// The name right before the comma `j` that opens an apposition (`Scott Pruitt, the
/// attorney general`).
fn apposition_once(cx: &Context, j: usize, lo: usize) -> Option<Np> {
    if j < lo + 1 {
        return None;
    }
    np_ending_at(cx, j - 1, lo).filter(|np| np.form == Form::Name)
}

/// The phrase after an inverted cue ending before token `i`: `said Mark Jones, a political
/// scientist` → `Mark Jones`; `said the spokesman, John Smith` → `John Smith`.
pub fn subject_after(cx: &Context, i: usize, hi: usize) -> Option<Np> {
    // `said 9/11 widow Terry Strada`: a name after a few modifiers.
    let np = np_starting_at(cx, i, hi).or_else(|| {
        let k = (i..(i + 4).min(hi)).find(|&k| cx.is_name_word(k))?;
        if (i..k).any(|t| !(cx.is_word(t) || cx.kind(t) == crate::nlp::text::TokenKind::Number)) {
            return None;
        }
        np_starting_at(cx, k, hi).filter(|np| np.form == Form::Name)
    })?;
    // `noted NBC’s Dante Chinni`: the name after a possessive.
    let e = np.head.end;
    if np.form == Form::Name
        && e + 1 < hi
        && matches!(cx.text(e), "'s" | "’s")
        && cx.is_name_word(e + 1)
        && let Some(owned) = np_starting_at(cx, e + 1, hi)
        && owned.form == Form::Name
    {
        return Some(owned);
    }
    // `announced this morning in Oslo`: a time is no speaker.
    if cx.has_class(np.head.start, class::TIME) {
        return None;
    }
    if np.form == Form::Nominal {
        // `said the spokesman, John Smith.`
        let e = np.head.end;
        if e + 1 < hi
            && cx.is(e, ",")
            && cx.is_name_word(e + 1)
            && let Some(inner) = np_starting_at(cx, e + 1, hi)
            && inner.form == Form::Name
            && (inner.head.end >= hi
                || cx.is(inner.head.end, ",")
                || cx.is_terminal(inner.head.end))
        {
            return Some(inner);
        }
    }
    Some(np)
}

/// The subject of the clause that token `before` sits in: the first phrase of its sentence
/// after an introductory phrase (`At the briefing on Monday, Theresa May defended Khan`).
pub fn clause_subject(cx: &Context, before: usize) -> Option<Np> {
    let sentence = cx.sentence_tokens(before);
    subject_from(cx, sentence.start, before)
}

/// The first phrase of the clause that opens at token `start`, after an introductory phrase,
/// ending before token `before`.
pub fn subject_from(cx: &Context, start: usize, before: usize) -> Option<Np> {
    let mut i = start;
    while i < before && (cx.kind(i) == crate::nlp::text::TokenKind::Quote) {
        i += 1;
    }
    let mut guard = 0;
    while i < before && guard < 4 {
        guard += 1;
        let w = cx.lower(i);
        if CLAUSE_OPENERS.contains(&w) || cx.is(i, ",") {
            i += 1;
        } else if INTRODUCERS.contains(&w) || (cx.is_word(i) && w.ends_with("ing")) {
            let limit = (i + MAX_APPOSITION).min(before);
            i = (i..limit).find(|&k| cx.is(k, ","))? + 1;
        } else {
            break;
        }
    }
    if i >= before {
        return None;
    }
    np_starting_at(cx, i, before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::text::Doc;

    fn cue_index(doc: &Doc, word: &str) -> usize {
        (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == word)
            .unwrap_or(0)
    }

    fn before(text: &str, cue: &str) -> Option<String> {
        let doc = Doc::new(text);
        let cx = Context::new(&doc);
        let c = cue_index(&doc, cue);
        subject_before(&cx, c, 0).map(|np| doc.span_text(np.head).to_string())
    }

    #[test]
    fn names_titles_and_appositions() {
        assert_eq!(before("Khan said: yes", "said").as_deref(), Some("Khan"));
        assert_eq!(
            before("London Mayor Sadiq Khan has repeatedly said no", "said").as_deref(),
            Some("Sadiq Khan")
        );
        assert_eq!(
            before(
                "At the briefing, the deputy press secretary, Sarah Huckabee Sanders said: no",
                "said"
            )
            .as_deref(),
            Some("Sarah Huckabee Sanders")
        );
        assert_eq!(
            before("Khan, who spoke to Channel 4 News, said no", "said").as_deref(),
            Some("Khan")
        );
        assert_eq!(
            before("Sen. Ted Cruz (R-Texas) said no", "said").as_deref(),
            Some("Ted Cruz")
        );
        assert_eq!(
            before("Secretary of State John Kerry said no", "said").as_deref(),
            Some("John Kerry")
        );
        assert_eq!(
            before("A spokesman for the campaign said no", "said").as_deref(),
            Some("A spokesman for the campaign")
        );
        assert_eq!(
            before("The White House said no", "said").as_deref(),
            Some("White House")
        );
        assert_eq!(
            before("and she then said no", "said").as_deref(),
            Some("she")
        );
    }

    #[test]
    fn inverted_and_clause_subjects() {
        let text = "\"No,\" said Mark Jones, a political scientist at Rice University.";
        let doc = Doc::new(text);
        let cx = Context::new(&doc);
        let c = cue_index(&doc, "said");
        let np = subject_after(&cx, c + 1, doc.tokens.len()).map(|n| doc.span_text(n.head));
        assert_eq!(np, Some("Mark Jones"));

        let text = "At a press conference on Monday (5 June), Theresa May defended Khan saying that he was fine.";
        let doc = Doc::new(text);
        let cx = Context::new(&doc);
        let c = cue_index(&doc, "saying");
        let np = clause_subject(&cx, c).map(|n| doc.span_text(n.head));
        assert_eq!(np, Some("Theresa May"));
    }
}
