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
    "plans",
    "plan",
    "planning",
    "scheduled",
    "schedule",
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
    "would",
    "could",
    "should",
    "may",
    "might",
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

/// Future cues strong enough to count after the expression too ("on Monday, he will ...").
const STRONG: &[&str] = &[
    "will", "'ll", "shall", "wo", "said", "says", "was", "were", "had", "did",
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

/// The tense of the clause around pieces `start..end` of a sentence: the nearest cue before the
/// expression (up to ten words back), else the nearest strong cue after it (up to eight on).
pub fn tense_around(p: &[Piece], start: usize, end: usize) -> Tense {
    let clause_break = |x: &Piece| matches!(x.norm.as_str(), ";" | ":" | "\"" | "“" | "”");
    for i in (start.saturating_sub(10)..start).rev() {
        if clause_break(&p[i]) {
            break;
        }
        // "the state visit set for October": the nearest cue decides
        match cue(&p[i].norm) {
            Tense::Unknown => {}
            // "had been due to expire Friday", "as previously planned": a future seen from
            // the past
            Tense::Future
                if i >= 1
                    && matches!(
                        p[i - 1].norm.as_str(),
                        "been" | "had" | "previously" | "originally"
                    ) =>
            {
                return Tense::Past;
            }
            t => return t,
        }
    }
    for x in p.iter().skip(end).take(8) {
        if clause_break(x) {
            break;
        }
        let w = x.norm.as_str();
        if STRONG.contains(&w) || w.len() > 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w) {
            return cue(w);
        }
    }
    Tense::Unknown
}
