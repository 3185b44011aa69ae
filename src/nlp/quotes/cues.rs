//! Cue words in the text: every place where a form of the cue list occurs.

use super::context::Context;
use super::lexicon::{CueClass, CueForm, Tense, class};
use super::speakers;
use crate::nlp::text::TokenKind;
use std::ops::Range;

/// One occurrence of a cue form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The tokens of the cue (`said`, `pointed out`, `according to`).
    pub tokens: Range<usize>,
    /// Index into `Lexicon::forms`.
    pub form: u32,
}

impl Cue {
    /// The form this occurrence matched.
    pub fn form(&self, cx: &Context) -> &'static CueForm {
        &cx.lx.forms[self.form as usize]
    }

    /// The class of the cue.
    pub fn class(&self, cx: &Context) -> CueClass {
        self.form(cx).class
    }
}

/// Finds every cue form in the text, longest match first, in text order. Noun cues are left
/// out: they only count next to a verb (`said in a statement`) and are found from there.
pub fn find(cx: &Context) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.len() {
        match match_at(cx, i) {
            Some((form, len))
                if cx.lx.forms[form as usize].class != CueClass::Noun
                    && is_verb_use(cx, i, form) =>
            {
                out.push(Cue {
                    tokens: i..i + len,
                    form,
                });
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

/// The longest cue form starting at token `i`, with its length in tokens.
pub fn match_at(cx: &Context, i: usize) -> Option<(u32, usize)> {
    let candidates = &cx.entry(i).forms;
    for &f in candidates {
        let words = &cx.lx.forms[f as usize].words;
        if i + words.len() <= cx.len()
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| cx.lower(i + k) == w.as_str())
        {
            return Some((f, words.len()));
        }
    }
    None
}

/// Words before a base form that make it a verb: `they say`, `will say`, `to say`.
const BASE_VERB_BEFORE: &[&str] = &[
    "i", "we", "you", "they", "will", "would", "could", "can", "may", "might", "should", "must",
    "did", "do", "does", "to", "not", "n't", "never", "also", "often", "still", "who", "and",
    "'ll", "’ll", "'d", "’d",
];
/// Plural nouns without an `s` that take a base-form verb: `police say`, `people believe`.
const PLURALS: &[&str] = &[
    "people", "police", "men", "women", "children", "staff", "media", "clergy", "folks",
];
/// Words before a cue form that make it a noun: `the attack`, `two tweets`, `his remarks`.
const NOUN_BEFORE: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "some", "many", "several", "two", "three", "four", "few", "such", "any", "no", "'s", "’s",
    "of", "separate", "recent", "new", "latest", "previous", "earlier", "public", "own", "first",
    "last", "next", "same", "whose", "other", "further", "more",
];

/// Nouns of a text that speaks: an -ing cue after them is a participle (`a statement
/// calling the test "a violation"`, `a letter saying …`).
const SPEECH_NOUNS: &[&str] = &[
    "statement",
    "letter",
    "message",
    "tweet",
    "post",
    "release",
    "memo",
    "email",
    "e-mail",
    "video",
    "report",
    "resolution",
    "editorial",
    "note",
    "complaint",
    "lawsuit",
    "filing",
];

/// True when the cue form at token `i` is used as a verb here, not as a noun (`the attack`,
/// `two separate tweets`) or a word of a capitalised title (`Star Asked Actors`).
fn is_verb_use(cx: &Context, i: usize, form: u32) -> bool {
    let f = &cx.lx.forms[form as usize];
    if matches!(f.class, CueClass::Accord | CueClass::Seem) {
        return true;
    }
    let sentence = cx.sentence_tokens(i);
    if cx.is_capitalised(i)
        && i > sentence.start
        && !matches!(cx.kind(i - 1), TokenKind::Quote | TokenKind::Punct)
    {
        return false;
    }
    // The word before, past adverbs.
    let mut j = i;
    let mut steps = 0;
    while j > sentence.start && steps < 3 {
        let w = cx.lower(j - 1);
        if cx.is_lower_word(j - 1)
            && (speakers::is_ly_adverb(w) || cx.has_class(j - 1, class::SKIP))
            && !matches!(w, "also" | "still" | "often" | "not" | "never")
        {
            j -= 1;
            steps += 1;
        } else {
            break;
        }
    }
    let prev = if j > sentence.start {
        Some(cx.lower(j - 1))
    } else {
        None
    };
    let prev_is_noun_marker = prev.is_some_and(|w| NOUN_BEFORE.contains(&w))
        || j > sentence.start && cx.kind(j - 1) == TokenKind::Number;
    // `on backing Clinton`: a gerund of stance after a preposition is no attribution.
    if f.tense == Tense::Ing
        && f.class == CueClass::Think
        && prev.is_some_and(|w| {
            matches!(
                w,
                "on" | "of"
                    | "for"
                    | "about"
                    | "in"
                    | "at"
                    | "from"
                    | "to"
                    | "with"
                    | "without"
                    | "by"
                    | "after"
                    | "before"
                    | "while"
            )
        })
    {
        return false;
    }
    // `reports of deaths`, `fear of roadworks`: a noun.
    if matches!(f.tense, Tense::Base | Tense::Third)
        && f.words.len() == 1
        && !matches!(f.words[0].as_str(), "say" | "says" | "tell" | "tells")
        && i + 1 < cx.len()
        && cx.lower(i + 1) == "of"
    {
        return false;
    }
    // `a profit warning that …`: a noun after a determiner and a noun (but `a statement
    // calling …`: a participle after a noun of speech).
    if f.tense == Tense::Ing
        && j >= sentence.start + 2
        && cx.is_lower_word(j - 1)
        && !cx.has_class(j - 1, class::FUNCTION | class::SKIP)
        && !SPEECH_NOUNS.contains(&cx.lower(j - 1))
        && matches!(
            cx.lower(j - 2),
            "a" | "an" | "the" | "his" | "her" | "its" | "their"
        )
    {
        return false;
    }
    let next = i + f.words.len();
    let next_word = if next < sentence.end {
        cx.lower(next)
    } else {
        ""
    };
    if f.words.len() == 1 && idiom_without_saying(cx, &f.words[0], next, sentence.end) {
        return false;
    }
    // `secret promises from Turkey`, `remarks by Patricia Smith`: a noun (but `he says during
    // a car ride`: `says` and `tells` are verbs).
    if matches!(f.tense, Tense::Third | Tense::Base)
        && f.words.len() == 1
        && !matches!(f.words[0].as_str(), "says" | "tells")
        && matches!(next_word, "from" | "by" | "over" | "during")
    {
        return false;
    }
    // `“mean-spirited” comments`: a present form right after a short quoted fragment that
    // has no punctuation of its own is a noun it modifies (but `"…," says X` is a tag).
    if matches!(f.tense, Tense::Third | Tense::Base)
        && j == i
        && i > sentence.start
        && let Some(q) = cx.quote_at(i - 1)
        && cx.quoted[q].close == Some(i - 1)
        && cx.quoted[q].tokens.len() <= 4
        && !cx.quoted[q].tokens.is_empty()
        && cx.kind(cx.quoted[q].tokens.end - 1) != TokenKind::Punct
    {
        return false;
    }
    match f.tense {
        Tense::Ing | Tense::Past => {
            // `He's claiming`: after a pronoun `'s` is `is` (but `Trump's saying` is a noun).
            let is_after_pronoun = f.tense == Tense::Ing
                && matches!(prev, Some("'s" | "’s"))
                && j >= sentence.start + 2
                && matches!(
                    cx.lower(j - 2),
                    "he" | "she" | "it" | "that" | "who" | "there" | "what"
                );
            is_after_pronoun
                || !(j > sentence.start
                    && matches!(
                        prev,
                        Some("the" | "a" | "an" | "his" | "her" | "their" | "its" | "'s" | "’s")
                    ))
        }
        Tense::Third => !prev_is_noun_marker,
        Tense::Base => {
            // `"…," say officials`: an inverted tag after a quotation.
            let closes = |k: usize| {
                cx.quote_at(k)
                    .is_some_and(|q| cx.quoted[q].close == Some(k))
            };
            let after_quote = j > sentence.start
                && (closes(j - 1) || cx.is(j - 1, ",") && j >= 2 && closes(j - 2));
            // `sources close to the campaign say`: `say` and `tell` are nouns only after a
            // determiner (`a say in`, `their final say`).
            let saying = matches!(f.words[0].as_str(), "say" | "tell")
                && prev.is_some_and(|w| {
                    !NOUN_BEFORE.contains(&w)
                        && !matches!(w, "final" | "equal" | "greater" | "bigger" | "real")
                        && (cx.is_word(j - 1) || w == ",")
                });
            after_quote
                || saying
                || prev.is_some_and(|w| {
                    BASE_VERB_BEFORE.contains(&w)
                        || PLURALS.contains(&w)
                        || (w.len() > 3
                            && w.ends_with('s')
                            && !w.ends_with("ss")
                            && !w.ends_with("'s")
                            && !NOUN_BEFORE.contains(&w)
                            && cx.is_word(j - 1)
                            && !cx.has_class(j - 1, class::FUNCTION))
                })
                || j == sentence.start && f.words.len() > 1
                || j > sentence.start && names_joined_before(cx, j - 1, sentence.start)
                || j > sentence.start && plural_before_name(cx, j - 1, sentence.start)
        }
    }
}

/// True when the one-word cue form `word`, followed by the token `next`, is an idiom that
/// attributes nothing: finding oneself (`found themselves unable to`), seeing whether (`to see
/// if it works`), seeing an event (`Motors saw its profits fall`; a view only as `saw X as Y`
/// or `saw that …`), a verb with a particle (`show off`, `add up`) and ruling out (`ruled out
/// a return`, `ruled him out of the final`).
fn idiom_without_saying(cx: &Context, word: &str, next: usize, end: usize) -> bool {
    let next_word = if next < end { cx.lower(next) } else { "" };
    let reflexive = |w: &str| {
        matches!(
            w,
            "himself" | "herself" | "itself" | "themselves" | "ourselves" | "myself"
        )
    };
    match word {
        "find" | "finds" | "found" | "finding" if reflexive(next_word) => true,
        "see" | "sees" | "saw" | "seeing" if matches!(next_word, "if" | "whether") => true,
        "saw" => next_word != "that" && !(next..(next + 8).min(end)).any(|t| cx.lower(t) == "as"),
        _ if matches!(next_word, "off" | "up") => true,
        _ if word.starts_with("rul") => {
            next_word == "out"
                || next + 1 < end
                    && matches!(
                        next_word,
                        "him" | "her" | "them" | "it" | "himself" | "herself"
                    )
                    && cx.lower(next + 1) == "out"
        }
        _ => false,
    }
}

/// True when token `last` ends a name after a plural and a preposition (`Economists at
/// Barclays Capital`, `officials from the European Commission`): a plural subject, so a base
/// form after it is a verb.
fn plural_before_name(cx: &Context, last: usize, lo: usize) -> bool {
    let mut k = last;
    while k > lo && cx.is_name_word(k) && last - k < 5 {
        k -= 1;
    }
    if k == last || k <= lo {
        return false;
    }
    if cx.lower(k) == "the" {
        k -= 1;
    }
    if k <= lo || !matches!(cx.lower(k), "at" | "from" | "for" | "of" | "in" | "with") {
        return false;
    }
    let w = cx.lower(k - 1);
    (cx.is_lower_word(k - 1) || k - 1 == lo && cx.is_word(k - 1))
        && (PLURALS.contains(&w)
            || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s"))
}

/// True when token `last` ends two names joined by `and` (`Obama and Clinton`): a plural
/// subject, so a base form after it is a verb (`Obama and Clinton call them …`).
fn names_joined_before(cx: &Context, last: usize, lo: usize) -> bool {
    let mut k = last;
    while k > lo && cx.is_name_word(k) && last - k < 4 {
        k -= 1;
    }
    k < last && k > lo && cx.lower(k) == "and" && cx.is_name_word(k - 1)
}
