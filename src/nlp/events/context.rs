//! What the sentence around an event trigger says of it: its status (planned, cancelled, …),
//! the time expression that dates it, its place and its participants.

use super::pos;
use crate::extraction::{Entity, EntityType, Mention, TimeExpr, TimeType};
use crate::nlp::time::pieces::Piece;
use rustc_hash::FxHashSet;

/// Whether an event happened, as one mention tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// The text says it did not happen.
    Negated,
    /// It might happen.
    Hypothetical,
    /// It happened.
    Occurred,
    /// It is planned or expected.
    Planned,
    /// It was called off.
    Cancelled,
}

impl Status {
    /// The status of an event from its first mention and a later one: the first tells, unless
    /// the later one reports that it was called off.
    pub fn combine(self, later: Status) -> Status {
        if later == Status::Cancelled {
            later
        } else {
            self
        }
    }
}

const NEGATION: &[&str] = &["not", "n't", "never", "no", "without", "nor"];
const CANCEL: &[&str] = &[
    "cancelled",
    "canceled",
    "cancel",
    "cancels",
    "cancelling",
    "cancellation",
    "scrapped",
    "scrap",
    "scraps",
    "abandoned",
    "axed",
    "off",
];
const PLANNED: &[&str] = &[
    "planned",
    "plans",
    "plan",
    "planning",
    "will",
    "'ll",
    "shall",
    "scheduled",
    "upcoming",
    "proposed",
    "expected",
    "set",
    "due",
    "forthcoming",
    "future",
    "next",
    "intends",
    "intend",
    "aims",
    "preparing",
    "postponed",
    "delayed",
    "rescheduled",
    "slated",
    "coming",
];
const HYPOTHETICAL: &[&str] = &[
    "if",
    "can",
    "capable",
    "able",
    "could",
    "would",
    "might",
    "may",
    "possible",
    "potential",
    "threat",
    "risk",
    "fear",
    "fears",
    "unless",
    "whether",
    "feared",
    "threatened",
    "threatens",
];
/// Words that make a cancellation a wish: "called for the visit to be cancelled".
const WISH: &[&str] = &[
    "called", "calls", "calling", "urged", "urges", "demanded", "demands", "wants", "want",
    "petition", "asked", "asks",
];

/// Words that end the phrase before a trigger: what precedes them governs something else.
const LINKS: &[&str] = &[
    "as", "on", "in", "at", "for", "after", "before", "and", "but", "because", "while", "when",
    "with", "by", "than", "from", "since", "until", ",",
];

fn is_break(w: &str) -> bool {
    matches!(w, ";" | ":" | "\"" | "“" | "”" | "(" | ")")
}

fn cue_word(x: &Piece, sentence_start: usize) -> &str {
    if x.capital && x.start != sentence_start {
        ""
    } else {
        x.norm.as_str()
    }
}

/// The status of the event whose trigger is pieces `start..end`.
pub fn status(p: &[Piece], start: usize, end: usize) -> Status {
    status_of(p, start, end, false, false)
}

/// The status of the event whose trigger is pieces `start..end`; `noun` if the trigger is a
/// noun, `reporting` if it is a reporting verb (`announced`, `said`), whose own status is told
/// before it: what follows is what was reported ("announced that it will …").
pub fn status_of<'p>(
    p: &'p [Piece],
    start: usize,
    end: usize,
    noun: bool,
    reporting: bool,
) -> Status {
    // a capitalised word inside the sentence is a name: Theresa May is no modal
    let first = p.first().map_or(0, |x| x.start);
    let cue = |x: &'p Piece| -> &'p str { cue_word(x, first) };
    let before: Vec<&str> = (start.saturating_sub(7)..start)
        .rev()
        .map(|i| cue(&p[i]))
        .take_while(|w| !is_break(w))
        .collect();
    let after: Vec<&str> = p
        .iter()
        .skip(end)
        .take(if reporting { 0 } else { 5 })
        .map(cue)
        .take_while(|w| !is_break(w) && *w != ",")
        .collect();
    // "due to a string of accidents" gives a cause, not a schedule ("due to arrive")
    let causal_due = |k: usize| {
        k >= 1
            && before[k - 1] == "to"
            && (k >= 2
                && matches!(
                    before[k - 2],
                    "a" | "an" | "the" | "its" | "their" | "his" | "her"
                )
                || k == 1 && noun)
    };
    // `ws` in text order, or nearest first when `reversed`; "off" counts after "called"
    let near_cancel = |ws: &[&str], reversed: bool| {
        ws.iter().enumerate().any(|(k, w)| {
            let previous = if reversed {
                ws.get(k + 1)
            } else {
                k.checked_sub(1).and_then(|j| ws.get(j))
            };
            CANCEL.contains(w)
                && (*w != "off"
                    || previous.is_some_and(|p| matches!(*p, "called" | "call" | "calls")))
        })
    };
    // "cancelled the visit" before the trigger, but not "cancelled trains on Monday as a
    // strike …": a cancelling word before it must govern the trigger's own phrase
    let own_phrase = before
        .iter()
        .position(|w| LINKS.contains(w))
        .map_or(&before[..], |k| &before[..k]);
    // "to be cancelled" after the trigger
    if near_cancel(&after, false) || near_cancel(own_phrase, true) {
        // "called for it to be cancelled" is a wish; "called off" is the cancelling itself
        let window = &p[start.saturating_sub(30)..start];
        let wished = window.iter().enumerate().any(|(k, x)| {
            WISH.contains(&x.norm.as_str()) && window.get(k + 1).is_none_or(|n| n.norm != "off")
        });
        return if wished {
            Status::Planned
        } else {
            Status::Cancelled
        };
    }
    if before.iter().take(3).any(|w| NEGATION.contains(w)) {
        return Status::Negated;
    }
    if before
        .iter()
        .enumerate()
        .any(|(k, w)| PLANNED.contains(w) && !(*w == "due" && causal_due(k)))
        || after
            .first()
            .is_some_and(|w| matches!(*w, "planned" | "scheduled" | "expected" | "due"))
        || after
            .iter()
            .take(3)
            .any(|w| matches!(*w, "will" | "'ll" | "shall"))
    {
        return Status::Planned;
    }
    if before.iter().any(|w| HYPOTHETICAL.contains(w))
        || after
            .iter()
            .take(2)
            .any(|w| matches!(*w, "could" | "would" | "might" | "may"))
    {
        return Status::Hypothetical;
    }
    Status::Occurred
}

/// One sentence as the event readers see it.
pub struct SentenceContext<'a> {
    /// Its words.
    pub pieces: &'a [Piece],
    /// Every entity of the article.
    pub entities: &'a [Entity],
    /// The entity mentions of this sentence.
    pub mentions: &'a [Mention],
    /// The names of the article's locations: an organisation of the same name ("get Cork
    /// running again" after "the plant in Cork") is the place, not a participant.
    pub place_names: &'a FxHashSet<&'a str>,
    /// The time expressions of this sentence.
    pub times: &'a [TimeExpr],
    /// The index of `times[0]` among the article's time expressions.
    pub time_offset: usize,
    /// For each piece, how many clause breaks (quotation marks, colons, semicolons) come
    /// before it: whether two pieces are in one clause is then one subtraction.
    pub breaks_before: Vec<u32>,
    /// Whether the sentence is in the article's lead (see [`super::anchor::lead_end`]).
    pub in_lead: bool,
    /// Whether the article is a sports report (see [`super::triggers::Triggers::is_sports_report`]).
    pub sports_report: bool,
}

/// Words that open an adverbial before the first comma of a sentence ("On Thursday, …").
const FRONTING: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "since",
    "last",
    "earlier",
    "early",
    "late",
    "later",
    "by",
    "from",
    "until",
    "following",
    "this",
    "that",
    "yesterday",
    "today",
];

/// Forms of the verbs of saying whose object is the reported clause itself (not "told", whose
/// object is its hearer).
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "claimed",
    "claims",
    "claim",
    "insisted",
    "insists",
    "insist",
    "argued",
    "argues",
    "argue",
    "explained",
    "explains",
    "stated",
    "states",
];

/// Whether a TIMEX3 value is coarser than a day (a quarter, month or year: `XXXX-Q4`,
/// `2017-01`, `2004`), as a time modifying a noun is ("fourth quarter sales", "2004 profits");
/// a day or a time of day right after a verb is its adverbial ("announced Sunday drastic cuts").
fn coarser_than_a_day(value: &str) -> bool {
    !value.contains('T') && value.split('-').count() < 3
}

/// How far (in words) a date, place or participant may be from its trigger.
const WINDOW: usize = 40;

/// The running count of clause breaks for [`SentenceContext::breaks_before`].
pub fn count_breaks(pieces: &[Piece]) -> Vec<u32> {
    let mut out = Vec::with_capacity(pieces.len() + 1);
    let mut n = 0u32;
    for x in pieces {
        out.push(n);
        // "billed for June, but … protests that could take place": a contrasting clause
        // keeps its own time
        if is_break(&x.norm) && !matches!(x.norm.as_str(), "(" | ")")
            || matches!(
                x.norm.as_str(),
                "but" | "although" | "though" | "whereas" | "while"
            )
        {
            n += 1;
        }
    }
    out.push(n);
    out
}

impl SentenceContext<'_> {
    /// The piece index at or after byte offset `byte`.
    fn piece_at(&self, byte: usize) -> usize {
        self.pieces.partition_point(|x| x.end <= byte)
    }

    /// True if byte `at` is inside one of the sentence's time expressions.
    pub fn inside_time(&self, at: usize) -> bool {
        self.times
            .iter()
            .any(|t| t.span.start <= at && at < t.span.end)
    }

    /// Whether a quotation mark, colon or semicolon lies between pieces `a` and `b`.
    pub fn crosses(&self, a: usize, b: usize) -> bool {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        let at = |i: usize| {
            self.breaks_before
                .get(i.min(self.breaks_before.len().saturating_sub(1)))
                .copied()
                .unwrap_or(0)
        };
        at(hi) > at(lo)
    }

    /// The range of `items` (in text order, by the byte offset `at` gives) that lies within
    /// [`WINDOW`] words of pieces `start..end`.
    fn near<T>(
        &self,
        items: &[T],
        start: usize,
        end: usize,
        at: impl Fn(&T) -> usize,
    ) -> std::ops::Range<usize> {
        let lo_piece = start.saturating_sub(WINDOW);
        let hi_piece = end + WINDOW;
        let lo_byte = self.pieces.get(lo_piece).map_or(0, |x| x.start);
        let hi_byte = self.pieces.get(hi_piece).map_or(usize::MAX, |x| x.start);
        let a = items.partition_point(|x| at(x) < lo_byte);
        let b = items.partition_point(|x| at(x) < hi_byte);
        a..b.max(a)
    }

    /// How far (in words) the time expression `index` (article-wide) is from pieces
    /// `start..end`, or `usize::MAX` when a quotation mark or clause break lies between.
    pub fn distance_to_time(&self, index: usize, start: usize, end: usize) -> usize {
        let Some(t) = index
            .checked_sub(self.time_offset)
            .and_then(|k| self.times.get(k))
        else {
            return usize::MAX;
        };
        let a = self.piece_at(t.span.start);
        let b = self.piece_at(t.span.end.saturating_sub(1));
        let (distance, crossing) = if a >= end {
            (a - end, self.crosses(end, a))
        } else {
            (start.saturating_sub(b + 1), self.crosses(b + 1, start))
        };
        if crossing { usize::MAX } else { distance }
    }

    /// The article-wide index of the time expression that dates the trigger at pieces
    /// `start..end`: the nearest calendar date or time in its sentence and clause.
    pub fn attached_time(&self, start: usize, end: usize) -> Option<usize> {
        self.attached_time_of(start, end, false)
    }

    /// [`Self::attached_time`]; for a reporting verb (`announced`, `said`) only a time before
    /// it or right after it ("announced on Friday") dates it: one further on dates what was
    /// reported. A time that modifies a noun ("this year's conference") dates no verb.
    pub fn attached_time_of(&self, start: usize, end: usize, reporting: bool) -> Option<usize> {
        self.time_of(start, end, reporting, true)
    }

    /// Like [`Self::attached_time_of`], but a time in the reported words before a reporting
    /// verb counts: it makes the statement news worth a row ("…, police said") though it
    /// does not date it.
    pub fn time_near_statement(&self, start: usize, end: usize, reporting: bool) -> Option<usize> {
        self.time_of(start, end, reporting, false)
    }

    fn time_of(&self, start: usize, end: usize, reporting: bool, strict: bool) -> Option<usize> {
        self.near(self.times, start, end, |t| t.span.start)
            .filter(|&k| matches!(self.times[k].kind, TimeType::Date | TimeType::Time))
            .filter(|&k| !self.times[k].value.ends_with("_REF"))
            .filter(|&k| {
                let t = &self.times[k];
                let a = self.piece_at(t.span.start);
                let after = self.piece_at(t.span.end);
                // "Monday's email announcement": a possessive time dates its own noun only
                let possessive = self
                    .pieces
                    .get(after)
                    .is_some_and(|x| matches!(x.norm.as_str(), "'s" | "'"))
                    && !(after + 1..after + 4).contains(&start);
                // "announced that in 2007 …", "said sales in the fourth quarter rose": the
                // time dates what was announced
                let complement = reporting
                    && a >= end
                    && (a > end + 4
                        || self.pieces[end..a].iter().any(|x| x.norm == "that")
                        || self.subject_before_time(start, end, a));
                // "said 2004 had been a great year", "said fourth quarter sales rose": a time
                // that opens the reported clause, as its subject or a modifier of it
                let subject_of_complement = reporting
                    && a == end
                    && self.pieces.get(after).is_some_and(|x| {
                        matches!(
                            x.norm.as_str(),
                            "had"
                                | "has"
                                | "have"
                                | "was"
                                | "were"
                                | "is"
                                | "are"
                                | "will"
                                | "would"
                        ) || coarser_than_a_day(&t.value) && pos::opens_reported_clause(x)
                    });
                // "the lowest rate since September 1995, the Bank of England said": a time in
                // the reported words before a reporting verb put after them
                let reported_before =
                    strict && reporting && self.reported_before(a, after, start, end);
                let other_clause = self.in_other_clause(a, after, start, end);
                let other_noun = (Self::adjectival(t) || self.after_determiner(a))
                    && self.modifies_other_noun(after, start);
                !(possessive
                    || complement
                    || subject_of_complement
                    || reported_before
                    || other_clause
                    || other_noun)
            })
            .map(|k| {
                let index = self.time_offset + k;
                (self.distance_to_time(index, start, end), index)
            })
            .filter(|(d, _)| *d != usize::MAX)
            .min()
            .map(|(_, index)| index)
    }

    /// Whether the words between the verb of saying at `start..end` and a time at piece `a`
    /// begin the reported clause: a content word before any preposition ("said sales in the
    /// fourth quarter rose"; but "said in a report last month", "told local media Monday").
    /// An announcement's object is often a noun phrase ("announced plans on Monday"), and a
    /// hearer follows "told": neither is a clause.
    fn subject_before_time(&self, start: usize, end: usize, a: usize) -> bool {
        let says = self
            .pieces
            .get(start)
            .is_some_and(|x| SAYING.contains(&x.norm.as_str()));
        says && self
            .pieces
            .get(end..a)
            .unwrap_or(&[])
            .iter()
            .take_while(|x| {
                !pos::is_preposition(&x.norm)
                    && !matches!(
                        x.norm.as_str(),
                        "after" | "before" | "during" | "since" | "until" | "following"
                    )
            })
            .any(pos::opens_reported_clause)
    }

    /// Whether the time expression at pieces `a..after` lies in reported words that come before
    /// their reporting verb at `start..end`: a comma between, the verb (with its subject) near
    /// the comma and near the end of the sentence ("… since September 1995, the Bank of England
    /// said."; "…, said Mr Irish."). A time that opens the sentence before its first comma
    /// dates the verb ("On Thursday, Lord Goldsmith said …").
    fn reported_before(&self, a: usize, after: usize, start: usize, end: usize) -> bool {
        let p = self.pieces;
        if after > start {
            return false;
        }
        let Some(comma) = (after..start).rev().find(|&k| p[k].norm == ",") else {
            return false;
        };
        let words = |r: std::ops::Range<usize>| p[r].iter().filter(|x| !x.punct).count();
        // "In an e-mail to media members Thursday night, Henry said": an opening adverbial
        let fronted = p[after].norm == ","
            && !p[..a].iter().any(|x| x.norm == ",")
            && p.first()
                .is_some_and(|x| FRONTING.contains(&x.norm.as_str()));
        !fronted && start - comma <= 7 && words(end.min(p.len())..p.len()) <= 4
    }

    /// Whether the time expression at pieces `a..after` lies in a clause of its own, apart from
    /// the trigger at `start..end`: after a "that" that does not follow the trigger ("told a
    /// press conference in Oslo that the company had added … in the quarter"; but "the attack
    /// that killed three on Monday"), or in a relative clause closed by a comma before the
    /// trigger ("Fitzgerald, who had led Brightwater since 2019, said").
    fn in_other_clause(&self, a: usize, after: usize, start: usize, end: usize) -> bool {
        let p = self.pieces;
        if a >= end {
            return p
                .get(end + 1..a)
                .is_some_and(|between| between.iter().any(|x| x.norm == "that"));
        }
        let comma_between = p
            .get(after..start)
            .is_some_and(|between| between.iter().any(|x| x.norm == ","));
        if !comma_between {
            return false;
        }
        let mut k = a;
        while k > 0 && a - k < 12 {
            k -= 1;
            match p[k].norm.as_str() {
                "," => return false,
                "who" | "which" | "whose" => return true,
                // "the crowd trouble that marred the same fixture last year": a relative "that"
                // follows a noun, a complement "that" a verb ("said that")
                "that" => return k > 0 && pos::head_noun(&p[k - 1]),
                _ => {}
            }
        }
        false
    }

    /// Whether a time expression reads as an adjective: one hyphenated word (`full-year`,
    /// `fourth-quarter`, `mid-2011`).
    fn adjectival(t: &TimeExpr) -> bool {
        t.text.contains('-') && !t.text.contains(' ')
    }

    /// Whether pieces `lo..hi` (at most a few dozen) hold a colon, a semicolon, a contrasting
    /// conjunction or an odd number of quotation marks: one end is in the words quoted and the other outside ("She
    /// told analysts on a conference call: \"… get Cork running again\""), or one is the
    /// speaker's. A phrase quoted whole ("said it was \"shocked\" by the accident") is no
    /// such break.
    fn speech_between(&self, lo: usize, hi: usize) -> bool {
        let mut quotes = 0;
        for x in self.pieces.get(lo..hi).unwrap_or(&[]) {
            match x.norm.as_str() {
                // "rejected the proposal, although experts say … the Pentagon": a contrasting
                // clause has its own actors
                ":" | ";" | "but" | "although" | "though" | "whereas" => return true,
                "\"" | "“" | "”" | "``" | "''" => quotes += 1,
                _ => {}
            }
        }
        quotes % 2 == 1
    }

    /// Whether the time expression at piece `a` follows a determiner, as a modifier of a noun
    /// does ("the 1991 agreement").
    fn after_determiner(&self, a: usize) -> bool {
        a > 0
            && matches!(
                self.pieces[a - 1].norm.as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that"
            )
    }

    /// Whether the time expression ending before piece `after` modifies the noun after it
    /// ("full-year profit") and the trigger at `start` is not that noun or close behind it.
    fn modifies_other_noun(&self, after: usize, start: usize) -> bool {
        self.pieces.get(after).is_some_and(pos::head_noun) && !(after..after + 3).contains(&start)
    }

    /// Where the noun phrase ending in the trigger at `start` begins: back over articles,
    /// possessives, numbers and names ("the London terror attack", "Apple 's launch").
    fn noun_phrase_start(&self, start: usize) -> usize {
        let mut i = start;
        while i > 0 && start - i < 6 {
            let x = &self.pieces[i - 1];
            let w = x.norm.as_str();
            let part = x.capital && !x.punct
                || x.number
                || x.joined
                || matches!(
                    w,
                    "the"
                        | "a"
                        | "an"
                        | "this"
                        | "that"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "'s"
                        | "s"
                        | "'"
                );
            if !part {
                break;
            }
            i -= 1;
        }
        i
    }

    fn canonical(&self, m: &Mention) -> String {
        // ids are 1-based positions; fall back to a search if a stage numbered otherwise
        let by_position = m
            .entity_id
            .checked_sub(1)
            .and_then(|k| self.entities.get(k))
            .filter(|e| e.id == m.entity_id);
        by_position
            .or_else(|| self.entities.iter().find(|e| e.id == m.entity_id))
            .map_or_else(|| m.text.clone(), |e| e.canonical.clone())
    }

    /// The place of the trigger at pieces `start..end`: a location in its sentence, preferring
    /// one after `in`, `at` or `near`, then the nearest; a building named after `at` will do.
    pub fn place(&self, start: usize, end: usize) -> Option<String> {
        let mut best: Option<(usize, String)> = None;
        for m in &self.mentions[self.near(self.mentions, start, end, |m| m.span.start)] {
            let a = self.piece_at(m.span.start);
            let prev = if a > 0 {
                self.pieces[a - 1].norm.as_str()
            } else {
                ""
            };
            let prev2 = if a > 1 {
                self.pieces[a - 2].norm.as_str()
            } else {
                ""
            };
            let prep = if prev == "the" { prev2 } else { prev };
            let located = matches!(
                prep,
                "in" | "at" | "near" | "outside" | "inside" | "across" | "into" | "on" | "from"
            );
            let ok = match m.kind {
                EntityType::Loc => true,
                EntityType::Org | EntityType::Misc => prep == "at" && is_building(&m.text),
                EntityType::Person => false,
            };
            if !ok {
                continue;
            }
            let distance = if a >= end {
                a - end
            } else {
                start - a.min(start)
            };
            let score = distance
                + if located { 0 } else { 8 }
                + if prep == "to" || prep == "from" { 4 } else { 0 }
                + if self.crosses(a, start) { 20 } else { 0 };
            if best.as_ref().is_none_or(|(s, _)| score < *s) {
                best = Some((score, self.canonical(m)));
            }
        }
        best.map(|(_, name)| name)
    }

    /// The people and organisations taking part in the event at pieces `start..end`, agent
    /// first: the one after `by`, else the nearest before the trigger; then the others, nearest
    /// first. Locations are places, not participants.
    pub fn participants(&self, start: usize, end: usize) -> Vec<String> {
        self.participants_of(start, end, false, false, false)
    }

    /// [`Self::participants`] of a trigger that is a `noun` or not; with `things`, named
    /// things (products, aircraft: MISC entities) take part too, after the people and
    /// organisations (the iPhone of a launch, the A380 of a flight). A noun that is the object
    /// of a preposition ("in the wake of the London terror attack") has as participants only its
    /// agent after `by` and the names inside its own phrase ("Apple's launch"); so does an
    /// `incident` noun after `in` or `during`.
    pub fn participants_of(
        &self,
        start: usize,
        end: usize,
        noun: bool,
        things: bool,
        incident: bool,
    ) -> Vec<String> {
        let phrase_start = if noun {
            self.noun_phrase_start(start)
        } else {
            start
        };
        let governed =
            noun && phrase_start > 0
                && match self.pieces[phrase_start - 1].norm.as_str() {
                    "of" | "after" | "following" | "since" | "amid" | "over" | "before"
                    | "about" => true,
                    // "wounded in terror attack": those near it are not its actors
                    "in" | "during" => incident,
                    _ => false,
                };
        let mut scored: Vec<(usize, String)> = Vec::new();
        for m in &self.mentions[self.near(self.mentions, start, end, |m| m.span.start)] {
            let thing = m.kind == EntityType::Misc;
            if !(matches!(m.kind, EntityType::Person | EntityType::Org) || things && thing) {
                continue;
            }
            if self.pieces.is_empty() {
                break;
            }
            let a = self.piece_at(m.span.start);
            let b = self.piece_at(m.span.end.saturating_sub(1));
            if a < end && b >= start {
                continue; // the trigger itself ("the Olympic Games")
            }
            let after = a >= end;
            let distance = if after {
                a - end
            } else {
                start.saturating_sub(b + 1)
            };
            let by = after && a > 0 && self.pieces[a - 1].norm == "by" && distance <= 3;
            if distance > 25 && !by || self.speech_between(a.min(start), a.max(start)) {
                continue;
            }
            if governed && !by && !(a >= phrase_start && b < start) {
                continue;
            }
            // "Fitzgerald, who had led Brightwater since 2019, said": a name in a relative
            // clause before the trigger is no agent of it
            let relative = !after && self.in_other_clause(a, b + 1, start, end);
            let score = if by {
                0
            } else if !after && !relative {
                1 + distance
            } else {
                10 + distance
            } + if thing { 5 } else { 0 };
            let name = self.canonical(m);
            if m.kind == EntityType::Org && self.place_names.contains(name.as_str()) {
                continue;
            }
            scored.push((score, name));
        }
        scored.sort_by_key(|x| x.0);
        let mut out: Vec<String> = Vec::new();
        for (_, name) in scored {
            if !out.contains(&name) {
                out.push(name);
            }
            if out.len() == 4 {
                break;
            }
        }
        out
    }
}

/// Names of buildings and venues that serve as places: the White House, Madison Square Garden.
fn is_building(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "house"
            | "palace"
            | "hall"
            | "centre"
            | "center"
            | "stadium"
            | "arena"
            | "garden"
            | "gardens"
            | "square"
            | "building"
            | "hotel"
            | "church"
            | "cathedral"
            | "mosque"
            | "temple"
            | "airport"
            | "station"
            | "street"
            | "park"
            | "bridge"
            | "market"
            | "parliament"
            | "pentagon"
            | "kremlin"
    )
}
