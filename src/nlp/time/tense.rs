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
    "would",
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

/// Cues strong enough to count after the expression too ("on Monday, he will ..."); so do
/// "plans to" and the like ("on Tuesday, the league plans to hold ...").
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
    "plan",
    "hopes",
    "intends",
    "aims",
    "likely",
    "ready",
    "about",
    "slated",
];

fn cue(word: &str) -> Tense {
    if FUTURE.contains(&word) || matches!(word, "slated" | "proposed" | "planned") {
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
    // a capital inside a sentence starts a name: "the United States", "Fort Worth Limited"
    if i > 0 && p[i].capital {
        return Tense::Unknown;
    }
    if w == "to" {
        return if TO_FUTURE.contains(&prev) {
            Tense::Future
        } else {
            Tense::Unknown
        };
    }
    let prev2 = if i > 1 { p[i - 2].norm.as_str() } else { "" };
    let next = p.get(i + 1).map_or("", |x| x.norm.as_str());
    // "as early as Tuesday", "as soon as Friday": the earliest of what is still to come
    if w == "as" && matches!(prev, "early" | "soon") && prev2 == "as" {
        return Tense::Future;
    }
    // "next to the embassy" is a place
    if w == "next" && next == "to" {
        return Tense::Unknown;
    }
    // "extended the deadline until Friday" points ahead; "Until Thursday, they had not ..."
    // opening a sentence is a frame for what follows
    if matches!(w, "until" | "till") {
        return if i == 0 {
            Tense::Unknown
        } else {
            Tense::Future
        };
    }
    match cue(w) {
        // "to be completed by Dec. 15", "will be paid": a passive future; "could be located"
        // says nothing of the time
        Tense::Past if prev == "be" => {
            if matches!(prev2, "will" | "'ll" | "shall" | "wo" | "to" | "would") {
                Tense::Future
            } else {
                Tense::Unknown
            }
        }
        // "when the case is heard in May": a present passive, not a past
        Tense::Past if matches!(prev, "is" | "are" | "am" | "being") => Tense::Unknown,
        // "had been due to expire Friday", "as previously planned": a future seen from the past
        Tense::Future if matches!(prev, "been" | "had" | "previously" | "originally") => {
            Tense::Past
        }
        t => t,
    }
}

/// The tense of the clause around pieces `start..end` of a sentence and how far before the
/// expression its cue is (in words; `usize::MAX` for a cue after it or none): the nearest cue
/// before the expression (up to ten words back), else the nearest strong cue after it (up to
/// eight on).
pub fn tense_near(p: &[Piece], start: usize, end: usize) -> (Tense, usize) {
    let clause_break = |x: &Piece| matches!(x.norm.as_str(), ";" | ":" | "\"" | "“" | "”");
    for i in (start.saturating_sub(10)..start.min(p.len())).rev() {
        // "created an office, effective Feb. 1": the date the change takes effect, which
        // the tense of the verb before it does not place
        if clause_break(&p[i]) || p[i].norm == "effective" {
            break;
        }
        match cue_at(p, i) {
            Tense::Unknown => {}
            t => return (t, start - i),
        }
    }
    // a time opening the sentence ("In January, a week after ..., a bomb exploded") dates
    // the main clause, which may come a long way after it
    let reach = if start <= 2 { 25 } else { 8 };
    for (k, x) in p.iter().enumerate().skip(end).take(reach) {
        if clause_break(x) {
            break;
        }
        let w = x.norm.as_str();
        let next = p.get(k + 1).map_or("", |x| x.norm.as_str());
        if next == "to" && matches!(w, "plans" | "plan" | "expects" | "intends" | "hopes") {
            return (Tense::Future, usize::MAX);
        }
        if STRONG.contains(&w) {
            return (cue_at(p, k), usize::MAX);
        }
        // a past verb after the expression; "planned", "scheduled" there are adjectives as
        // often as not ("a hastily planned trip")
        if (PAST.contains(&w) || w.len() > 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w))
            && cue_at(p, k) == Tense::Past
        {
            return (Tense::Past, usize::MAX);
        }
    }
    (Tense::Unknown, usize::MAX)
}

/// The tense of the clause around pieces `start..end` of a sentence.
pub fn tense_around(p: &[Piece], start: usize, end: usize) -> Tense {
    tense_near(p, start, end).0
}
