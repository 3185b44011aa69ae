//! Which way a bare `Monday` or `October` points: the tense of the words around it.

use super::pieces::Piece;

/// The time a clause talks about, as far as its verbs tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Before the reference date.
    Past,
    /// After the reference date.
    Future,
    /// Nothing tells.
    Unknown,
}

const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "wo",
    "going",
    "planning",
    "scheduled",
    "expected",
    "expects",
    "expect",
    "due",
    "upcoming",
    "forthcoming",
    "intends",
    "intend",
    "hopes",
    "aims",
    "next",
    "tomorrow",
    "soon",
    "postponed",
    "delayed",
    "billed",
];

const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "ago",
    "last",
    "came",
    "went",
    "made",
    "took",
    "gave",
    "fell",
    "rose",
    "left",
    "met",
    "held",
    "began",
    "won",
    "lost",
    "saw",
    "found",
    "got",
    "struck",
    "hit",
    "died",
    "killed",
    "since",
    "earlier",
    "yesterday",
    "wrote",
    "spoke",
    "ran",
    "sold",
    "bought",
    "paid",
    "led",
    "brought",
    "thought",
    "felt",
    "kept",
    "became",
    "shot",
    "stood",
    "sent",
    "put",
    "shut",
    "cut",
    "quit",
    "spent",
    "built",
    "heard",
    "fought",
    "flew",
    "drove",
    "broke",
    "chose",
    "rang",
    "sank",
    "swore",
    "threw",
    "wore",
    "knew",
    "grew",
    "drew",
    "fled",
    "bled",
    "fed",
    "forgot",
    "lent",
    "meant",
    "sat",
    "slept",
    "spoke",
    "stole",
    "struck",
    "taught",
    "understood",
    "woke",
    "won",
];

const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "hundred",
    "red",
    "bed",
    "shed",
    "feed",
    "seed",
    "indeed",
    "proceed",
    "succeed",
    "exceed",
    "breed",
    "embed",
    "greed",
    "weed",
    "creed",
    "steed",
    "naked",
    "wicked",
    "sacred",
    "kindred",
    "wretched",
    "rugged",
    "ragged",
    "scheduled",
    "expected",
    "billed",
    "postponed",
    "delayed",
    "proposed",
    "intended",
    "anticipated",
    "slated",
];

/// Cues strong enough to count after the expression too ("on Monday, he will ...").
const STRONG: &[&str] = &[
    "will", "'ll", "shall", "wo", "said", "says", "was", "were", "had", "did",
];

/// Words before `to` that make the infinitive a future: "set to resume", "is to meet".
const TO_FUTURE: &[&str] = &[
    "set",
    "is",
    "are",
    "due",
    "expected",
    "scheduled",
    "going",
    "planning",
    "plans",
    "hopes",
    "intends",
    "aims",
    "likely",
    "ready",
    "about",
    "slated",
];

fn cue(word: &str) -> Tense {
    if FUTURE.contains(&word)
        || matches!(word, "slated" | "proposed" | "planned" | "until" | "till")
    {
        return Tense::Future;
    }
    if PAST.contains(&word) {
        return Tense::Past;
    }
    if word.len() > 4 && word.ends_with("ed") && !NOT_PAST_ED.contains(&word) {
        return Tense::Past;
    }
    Tense::Unknown
}

/// The cue at piece `i`, with its neighbours: "to be completed" and "set to resume" look ahead,
/// "had been due" looks back.
fn cue_at(p: &[Piece], i: usize) -> Tense {
    let w = p[i].norm.as_str();
    let prev = if i > 0 { p[i - 1].norm.as_str() } else { "" };
    if w == "to" {
        return if TO_FUTURE.contains(&prev) {
            Tense::Future
        } else {
            Tense::Unknown
        };
    }
    match cue(w) {
        // "to be completed by Dec. 15", "will be paid": a passive future
        Tense::Past if prev == "be" => Tense::Future,
        // "had been due to expire Friday", "as previously planned": a future seen from the past
        Tense::Future if matches!(prev, "been" | "had" | "previously" | "originally") => {
            Tense::Past
        }
        t => t,
    }
}

/// The tense of the clause around pieces `start..end` of a sentence and how close its cue is
/// (in words): the nearest cue before the expression (up to ten words back), else the nearest
/// strong cue after it (up to eight on).
pub fn tense_near(p: &[Piece], start: usize, end: usize) -> (Tense, usize) {
    let clause_break = |x: &Piece| matches!(x.norm.as_str(), ";" | ":" | "\"" | "“" | "”");
    for i in (start.saturating_sub(10)..start.min(p.len())).rev() {
        if clause_break(&p[i]) {
            break;
        }
        match cue_at(p, i) {
            Tense::Unknown => {}
            t => return (t, start - i),
        }
    }
    for (k, x) in p.iter().enumerate().skip(end).take(8) {
        if clause_break(x) {
            break;
        }
        let w = x.norm.as_str();
        if STRONG.contains(&w)
            || PAST.contains(&w)
            || w.len() > 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w)
        {
            return (cue_at(p, k), k + 1 - end);
        }
    }
    (Tense::Unknown, usize::MAX)
}

/// The tense of the clause around pieces `start..end` of a sentence.
pub fn tense_around(p: &[Piece], start: usize, end: usize) -> Tense {
    tense_near(p, start, end).0
}
