//! The grammar of time expressions: which runs of words are one, and what they mean.
//!
//! Every rule is a function from a start position to the longest match it can make there; the
//! scanner tries them all at each word and keeps the longest. The words themselves (month names,
//! numbers, units, vague references) come from `data/time-words.txt` through [`Lexicon`]. Rules
//! look ahead a bounded number of words, so scanning is linear in the length of the sentence.

use super::calendar::{self, Cal, Unit};
use super::lexicon::{Class, Lexicon};
use super::pieces::Piece;
use super::tense::{Tense, tense_around};
use super::{Context, DateOrder};
use crate::extraction::TimeType;
use chrono::{Datelike, Duration, NaiveDate};

/// What a match means, before the expressions of the whole article are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    /// A finished TIMEX3 value.
    Value(String),
    /// A point found by shifting another: the last date the article mentioned (`a year
    /// earlier`), else the reference date.
    Shift {
        /// The unit of the shift.
        unit: Unit,
        /// How many units (negative: back).
        n: i64,
        /// Shift the last date mentioned in the sentence when there is one (`a year ago` in a
        /// sentence about the third quarter), else the reference date.
        deictic: bool,
        /// The granularity of the result when counted from the reference date.
        gran: Unit,
    },
    /// A weekday counted from the last day the article gave: "the previous Friday", "the
    /// following Monday"; the fallback is the value counted from the reference date.
    Weekday {
        /// 1 (Monday) ..= 7 (Sunday).
        weekday: u32,
        /// -1 for the one before the day, 1 for the one after.
        direction: i32,
        /// The value when the article has given no day.
        fallback: String,
    },
    /// A part of a day counted from the last day the article gave: "the next morning",
    /// "that night".
    DayPart {
        /// Days from the day given.
        n: i64,
        /// MO, AF, EV, NI…
        part: &'static str,
    },
    /// The quarter under discussion (`the quarter`, `the latest quarter`), shifted by years.
    Quarter {
        /// Years to shift it by (`the year-ago quarter` is -1).
        years: i64,
        /// The year given with it (`the 1988 quarter`).
        year: Option<i32>,
        /// The calendar quarter its end date falls in (`the quarter ended Sept. 30`), for
        /// when no quarter is under discussion yet.
        ended: Option<Cal>,
    },
}

/// One time expression found in a sentence: pieces `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// First piece.
    pub start: usize,
    /// One past the last piece.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub kind: TimeType,
    /// Its value or how to find it.
    pub meaning: Meaning,
}

/// Finds the time expressions among the pieces of one sentence.
pub fn scan(p: &[Piece], ctx: &Context) -> Vec<Match> {
    let parser = Parser::new(p, ctx);
    // Every expression holds a time word (a month, a unit, a number, `today`…) among its first
    // few words: positions with none nearby are skipped without trying the rules.
    let lex = Lexicon::get();
    let mut strong_before = Vec::with_capacity(p.len() + 1);
    let mut n = 0u32;
    for x in p {
        strong_before.push(n);
        if x.number || lex.is_time_word(&x.norm) {
            n += 1;
        }
    }
    strong_before.push(n);
    let mut out: Vec<Match> = Vec::new();
    let mut i = 0;
    while i < p.len() {
        let ahead = (i + 6).min(p.len());
        if p[i].joined || p[i].punct || strong_before[ahead] == strong_before[i] {
            i += 1;
            continue;
        }
        match parser.at(i) {
            Some(mut m) if m.end > i => {
                // a match ends at the end of a word: "10-year-old", not "10-year"
                while m.end < p.len() && p[m.end].joined {
                    m.end += 1;
                }
                m.start = modifier_start(p, &m).max(out.last().map_or(0, |x| x.end));
                i = m.end;
                let second = parser.coordinated_day(&m);
                out.push(m);
                if let Some(d) = second {
                    i = d.end;
                    out.push(d);
                }
            }
            _ => i += 1,
        }
    }
    out
}

type Found = Option<Match>;

/// Articles, demonstratives and possessives: words that open a noun phrase.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
    )
}

/// Where a match really starts. A hyphenated compound at its end ("a third-quarter loss",
/// "its two-year plan", "the year-earlier $4.5 million") modifies the noun after it, and the
/// determiner before it belongs to that noun, not to the time expression.
fn modifier_start(p: &[Piece], m: &Match) -> usize {
    let last = m.end.saturating_sub(1);
    let lex = Lexicon::get();
    // "the winter of nineteen ninety-four" ends in a number, not a modifier
    if !p
        .get(last)
        .is_some_and(|x| x.joined && !lex.is(&x.norm, Class::Number))
    {
        return m.start;
    }
    let mut start = m.start;
    while start < last && !p[start].joined {
        let w = p[start].norm.as_str();
        let next = p.get(start + 1).map_or("", |x| x.norm.as_str());
        if is_determiner(w) || matches!(w, "over" | "under") && is_determiner(next) {
            start += 1;
        } else {
            break;
        }
    }
    if p[start].joined { m.start } else { start }
}

fn found(start: usize, end: usize, kind: TimeType, value: String) -> Found {
    Some(Match {
        start,
        end,
        kind,
        meaning: Meaning::Value(value),
    })
}

fn date(start: usize, end: usize, value: String) -> Found {
    found(start, end, TimeType::Date, value)
}

/// An amount of units: a number or a vague `X`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Amount {
    N(f64),
    X,
}

impl Amount {
    fn text(self) -> String {
        match self {
            Amount::X => "X".to_string(),
            Amount::N(n) if n.fract() == 0.0 => format!("{}", n as i64),
            Amount::N(n) => format!("{n}"),
        }
    }
}

/// Words that stand before a year on its own ("in 1990"), so that a bare number is a year.
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "during",
    "of",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "fiscal",
    "and",
    "or",
    "between",
    "around",
    "circa",
    "spring",
    "summer",
    "autumn",
    "winter",
    "fall",
    "year",
    "the",
    "for",
    "throughout",
    "as",
    "until",
    "beyond",
    "post",
    "pre",
    "s",
];

/// Words that stand before a bare month name, so that `May` is a month.
const MONTH_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "during",
    "of",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "before",
    "after",
    "between",
    "around",
    "throughout",
    "on",
    "for",
    "past",
    "that",
    "end",
    "beginning",
    "start",
    "middle",
];

const CLOCK_ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "bst", "utc", "cet", "cest",
    "et", "pt", "ct", "ist", "jst", "aest",
];

struct Parser<'a> {
    p: &'a [Piece],
    /// The normalised words of the pieces.
    words: Vec<&'a str>,
    ctx: &'a Context,
    lex: &'static Lexicon,
    /// Whether the sentence mixes upper and lower case (so capitals mean something).
    cased: bool,
}

impl<'a> Parser<'a> {
    fn new(p: &'a [Piece], ctx: &'a Context) -> Parser<'a> {
        let upper = p.iter().filter(|x| x.capital && !x.number).count();
        let lower = p
            .iter()
            .filter(|x| x.norm.starts_with(char::is_lowercase) && !x.capital)
            .count();
        Parser {
            p,
            words: p.iter().map(|x| x.norm.as_str()).collect(),
            ctx,
            lex: Lexicon::get(),
            cased: lower > 0 && upper * 2 < p.len().max(1),
        }
    }

    fn w(&self, i: usize) -> &str {
        self.p.get(i).map_or("", |x| x.norm.as_str())
    }

    fn lex(&self, i: usize, class: Class) -> Option<(usize, &'static str)> {
        let words = self.words.get(i..(i + 6).min(self.words.len()))?;
        self.lex
            .longest(words, class)
            .map(|(n, e)| (i + n, e.value))
    }

    fn reference(&self) -> Option<NaiveDate> {
        self.ctx.reference
    }

    fn tense(&self, start: usize, end: usize) -> Tense {
        tense_around(self.p, start, end)
    }

    /// The best match starting at piece `i`.
    fn at(&self, i: usize) -> Found {
        let mut best = self.core(i);
        // "about two years", "nearly forty years ago", "around Nov. 1"
        if let Some((k, _)) = self.lex(i, Class::Approx)
            && self.approximates(i, k)
            && let Some(m) = self.core(k)
        {
            let dateish = matches!(
                self.w(i),
                "around" | "about" | "approximately" | "roughly" | "nearly" | "almost"
            ) || matches!(m.meaning, Meaning::Shift { .. });
            if (m.kind == TimeType::Duration || dateish)
                && best.as_ref().is_none_or(|b| m.end > b.end)
            {
                best = Some(Match { start: i, ..m });
            }
        }
        // "early 2016", "late November", "the end of the year", "mid-1990s", and with an
        // article: "the late 1970s", "the early summer"
        let article = self.w(i) == "the" && self.w(i + 1) != "the";
        for from in [Some(i), article.then_some(i + 1)].into_iter().flatten() {
            if let Some((k, _)) = self.lex(from, Class::Mod)
                && let Some(m) = self.core(k)
                && matches!(m.kind, TimeType::Date | TimeType::Time)
                && best.as_ref().is_none_or(|b| m.end > b.end)
            {
                best = Some(Match { start: i, ..m });
            }
        }
        best
    }

    /// Whether the approximating words at `i..k` belong to the amount that follows. Focus
    /// particles ("only six months", "just a decade ago") do not; `over` and `under` are "more
    /// than" and "less than" only after "just", "well", "for" or a verb of lasting ("lasted
    /// over a week"), elsewhere they are the preposition ("over the past 20 years", "used over
    /// three years").
    fn approximates(&self, i: usize, k: usize) -> bool {
        let first = self.w(i);
        if matches!(first, "only" | "just" | "barely" | "merely") {
            return false;
        }
        if matches!(first, "over" | "under") {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            return matches!(
                prev,
                "just"
                    | "well"
                    | "for"
                    | "last"
                    | "lasts"
                    | "lasted"
                    | "lasting"
                    | "take"
                    | "takes"
                    | "took"
                    | "taken"
                    | "taking"
            ) && (!is_determiner(self.w(k)) || matches!(self.w(k), "a" | "an"));
        }
        true
    }

    /// The longest match of any rule at `i`.
    fn core(&self, i: usize) -> Found {
        if i >= self.p.len() || self.p[i].punct {
            return None;
        }
        let rules: [fn(&Self, usize) -> Found; 19] = [
            Self::clock,
            Self::deictic_day,
            Self::relative,
            Self::weekday_date,
            Self::month_date,
            Self::day_month,
            Self::numeric,
            Self::year,
            Self::quarter,
            Self::season,
            Self::holiday,
            Self::duration,
            Self::set,
            Self::vague,
            Self::anchored,
            Self::reference_word,
            Self::the_unit,
            Self::lasting,
            Self::part_of_day,
        ];
        let mut best: Found = None;
        for rule in rules {
            if let Some(m) = rule(self, i)
                && m.end > i
                && best.as_ref().is_none_or(|b| m.end > b.end)
            {
                best = Some(m);
            }
        }
        best
    }

    // ---- building blocks ----

    /// A number: digits or words (`24`, `1,000`, `twenty-four`, `a couple of`, `several`).
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let x = self.p.get(i)?;
        if x.number {
            let digits: String = x.norm.chars().filter(|c| *c != ',').collect();
            let n = digits.parse::<f64>().ok()?;
            // "2 1/2 years"
            if let Some(f) = self.p.get(i + 1).and_then(|y| fraction(&y.norm)) {
                return Some((i + 2, Amount::N(n + f)));
            }
            return Some((i + 1, Amount::N(n)));
        }
        let (mut end, v) = self.lex(i, Class::Number)?;
        if v == "X" {
            return Some((end, Amount::X));
        }
        let mut n: f64 = v.parse().ok()?;
        // twenty four, twenty-four, one hundred, two thousand
        if (20.0..100.0).contains(&n)
            && let Some((e2, v2)) = self.lex(end, Class::Number)
            && let Ok(k) = v2.parse::<f64>()
            && k < 10.0
            && !matches!(self.w(end), "a" | "an")
        {
            n += k;
            end = e2;
        }
        while let Some((e2, v2)) = self.lex(end, Class::Number)
            && matches!(v2, "100" | "1000")
            && !matches!(self.w(end), "a" | "an" | "one")
        {
            n *= v2.parse::<f64>().unwrap_or(1.0);
            end = e2;
        }
        Some((end, Amount::N(n)))
    }

    /// A day of the month: `5`, `05`, `5th`, `fifth`.
    fn day_number(&self, i: usize) -> Option<(usize, u32)> {
        let x = self.p.get(i)?;
        if x.number {
            let digits = x
                .norm
                .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
                .trim_end_matches(',');
            let n: u32 = digits.parse().ok()?;
            return (1..=31).contains(&n).then_some((i + 1, n));
        }
        let (end, v) = self.lex(i, Class::Ordinal)?;
        let n: u32 = v.parse().ok()?;
        (n <= 31).then_some((end, n))
    }

    /// A year: `2017`, `'97`, `nineteen ninety-six`, `two thousand`.
    fn year_number(&self, i: usize) -> Option<(usize, i32)> {
        let x = self.p.get(i)?;
        if x.number {
            if x.norm.len() == 4 && x.norm.bytes().all(|b| b.is_ascii_digit()) {
                let y: i32 = x.norm.parse().ok()?;
                return (1000..=2199).contains(&y).then_some((i + 1, y));
            }
            return None;
        }
        if let Some(short) = x.norm.strip_prefix('\'')
            && short.len() == 2
            && short.bytes().all(|b| b.is_ascii_digit())
        {
            let yy: i32 = short.parse().ok()?;
            let century = self.reference().map_or(1900, |r| r.year() / 100 * 100);
            let y = if century + yy > self.reference().map_or(2100, |r| r.year() + 10) {
                century - 100 + yy
            } else {
                century + yy
            };
            return Some((i + 1, y));
        }
        // nineteen ninety-six, two thousand (and) one
        let (end, v) = self.lex(i, Class::Number)?;
        let first: i32 = v.parse().ok()?;
        if first == 2 && self.w(end) == "thousand" {
            let mut y = 2000;
            let mut e = end + 1;
            let e_and = if self.w(e) == "and" { e + 1 } else { e };
            if let Some((e2, Amount::N(k))) = self.amount(e_and)
                && k < 100.0
                && self.lex(e_and, Class::Number).is_some()
            {
                y += k as i32;
                e = e2;
            }
            return Some((e, y));
        }
        if (11..=20).contains(&first)
            && let Some((e2, Amount::N(k))) = self.amount(end)
            && (10.0..100.0).contains(&k)
            && self.lex(end, Class::Number).is_some()
        {
            return Some((e2, first * 100 + k as i32));
        }
        None
    }

    /// A month name, with the checks that keep `may`, `march` and `Jan` (a name) out.
    fn month(&self, i: usize) -> Option<(usize, u32)> {
        let (end, v) = self.lex(i, Class::Month)?;
        let m: u32 = v.parse().ok()?;
        let x = &self.p[i];
        let raw_has_period = x.end > x.start && x.norm.len() < x.end - x.start;
        let full = matches!(
            x.norm.as_str(),
            "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        );
        let next_is_number = self.p.get(end).is_some_and(|n| n.number);
        if self.cased && !x.capital {
            return None;
        }
        if !full && !raw_has_period && !next_is_number {
            return None;
        }
        if matches!(x.norm.as_str(), "may" | "march" | "august") && !next_is_number {
            // a modal verb, a verb, an adjective: a month only after a preposition or before
            // a year, and not at the start of a sentence
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let ok = MONTH_PREPOSITIONS.contains(&prev)
                || self.year_number(end).is_some()
                || (matches!(prev, "," | "and" | "or" | "to")
                    && i >= 2
                    && self.lex(i - 2, Class::Month).is_some());
            if !ok || (x.norm == "may" && !x.capital) {
                return None;
            }
        }
        Some((end, m))
    }

    fn weekday(&self, i: usize) -> Option<(usize, u32)> {
        let (end, v) = self.lex(i, Class::Weekday)?;
        let x = &self.p[i];
        let full = x.norm.ends_with("day");
        if self.cased && !x.capital {
            return None;
        }
        let raw_has_period = x.norm.len() < x.end - x.start;
        if !full && !raw_has_period && !self.p.get(end).is_some_and(|n| n.number) {
            return None;
        }
        Some((end, v.parse().ok()?))
    }

    /// Skips a comma.
    fn comma(&self, i: usize) -> usize {
        if self.w(i) == "," { i + 1 } else { i }
    }

    // ---- resolution helpers ----

    /// The date of a bare weekday: the past one unless the clause speaks of the future.
    fn resolve_weekday(&self, wd: u32, direction: i32, start: usize, end: usize) -> String {
        let Some(r) = self.reference() else {
            return format!("XXXX-WXX-{wd}");
        };
        let today = r.weekday().number_from_monday() as i64;
        let target = wd as i64;
        let back = (today - target).rem_euclid(7);
        let fwd = (target - today).rem_euclid(7);
        let offset = match direction {
            -1 => -(if back == 0 { 7 } else { back }),
            1 => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            2 => target - today, // this Monday: within the reference's week
            _ => match self.tense(start, end) {
                Tense::Future if fwd != 0 => fwd,
                Tense::Future => 0,
                _ => -back,
            },
        };
        day_value(r.checked_add_signed(Duration::days(offset)))
    }

    /// The year of a month (and day) given without one.
    fn resolve_year(&self, month: u32, day: u32, start: usize, end: usize) -> Option<i32> {
        // The nearest occurrence, unless the tense says otherwise: a past clause reaches at
        // most three months ahead ("payable Dec. 15" in a story told in the past), a future one
        // never back.
        let r = self.reference()?;
        let here = r.year() as i64 * 12 + r.month() as i64;
        let dist = |y: i32| -> i64 {
            let d = y as i64 * 12 + month as i64 - here;
            if d == 0 {
                // same month: the day decides the side, but it stays the nearest
                0
            } else {
                d
            }
        };
        let _ = day;
        let candidates = [r.year() - 1, r.year(), r.year() + 1];
        let (tense, distance) = super::tense::tense_near(self.p, start, end);
        // "was extended to Nov. 16": the date a past act points to may lie ahead
        let target = start > 0 && matches!(self.w(start - 1), "to" | "through");
        let allowed = |y: &i32| -> bool {
            let d = dist(*y);
            match tense {
                // "the fiscal year ended Jan. 31": a past verb right before it is the past
                Tense::Past if distance <= 2 && !target => d <= 0,
                Tense::Past => d <= 3,
                Tense::Future => d >= 0,
                Tense::Unknown => true,
            }
        };
        // the nearest occurrence; news tells more of the past, so a later one must be nearer
        // by more than two months
        candidates
            .iter()
            .copied()
            .filter(allowed)
            .min_by_key(|y| {
                let d = dist(*y);
                (if d > 0 { d + 2 } else { -d }, if d > 0 { 1 } else { 0 })
            })
            .or(Some(r.year()))
    }

    /// A calendar point relative to the reference date, or the unresolved form.
    fn relative_to_reference(&self, unit: Unit, n: i64, unknown: &str) -> String {
        self.reference()
            .and_then(|r| Cal::at(r, unit).shift(unit, n))
            .map_or_else(|| unknown.to_string(), |c| c.value())
    }

    // ---- rules ----

    /// `10 p.m.`, `10:30`, `noon`, `midnight`, with a zone and a day: `10 p.m. EST Wednesday`.
    fn clock(&self, i: usize) -> Found {
        let x = self.p.get(i)?;
        if matches!(x.norm.as_str(), "noon" | "midnight")
            && (self.cased && x.capital && i > 0 || i > 0 && self.w(i - 1) == "high")
        {
            return None; // "High Noon", "high noon comes today"
        }
        let (mut end, hour, minute) = if matches!(x.norm.as_str(), "noon" | "midday") {
            (i + 1, 12, 0)
        } else if x.norm == "midnight" {
            (i + 1, 24, 0)
        } else if x.number {
            let (digits, suffix) = split_suffix(&x.norm);
            let (h, m) = match digits.split_once([':', '.']) {
                Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
                None => (digits.parse::<u32>().ok()?, 0),
            };
            if h > 24 || m > 59 {
                return None;
            }
            let mut end = i + 1;
            let mut ampm = suffix;
            if ampm.is_empty() && matches!(self.w(end), "am" | "pm") {
                ampm = if self.w(end) == "am" { "am" } else { "pm" };
                end += 1;
            } else if ampm.is_empty() && self.w(end) == "o'clock" {
                end += 1;
                ampm = "h";
            }
            let colon = digits.contains(':');
            let h = match ampm {
                "am" if h == 12 => 0,
                "am" => h,
                "pm" if h < 12 => h + 12,
                "pm" => h,
                "h" => h,
                _ if colon => {
                    let prev = if i > 0 { self.w(i - 1) } else { "" };
                    let zone = CLOCK_ZONES.contains(&self.w(end));
                    if !(zone
                        || matches!(prev, "at" | "by" | "from" | "until" | "around" | "about")
                        || self.w(end) == "local")
                    {
                        return None;
                    }
                    h
                }
                _ => return None,
            };
            if ampm.is_empty() && !colon {
                return None;
            }
            (end, h, m)
        } else {
            return None;
        };
        if CLOCK_ZONES.contains(&self.w(end)) {
            end += 1;
        } else if self.w(end) == "local" && self.w(end + 1) == "time" {
            end += 2;
        }
        // the day it belongs to: "10 p.m. Wednesday", "noon Thursday", "9 a.m. EST, Nov. 4"
        let mut day = self.reference().map(|r| day_value(Some(r)));
        let after = self.comma(end);
        if let Some(m) = self
            .weekday_date(after)
            .or_else(|| self.month_date(after))
            .or_else(|| self.deictic_day(after))
            && m.kind == TimeType::Date
            && let Meaning::Value(v) = &m.meaning
        {
            day = Some(v.split('T').next().unwrap_or(v).to_string());
            // a bare weekday takes the tense of the whole expression: "will leave at 4 a.m.
            // EDT Thursday"
            if let Some((e, wd)) = self.weekday(after)
                && e == m.end
            {
                day = Some(self.resolve_weekday(wd, 0, i, e));
            }
            end = m.end;
        }
        let day = day.unwrap_or_else(|| "XXXX-XX-XX".to_string());
        let time = if hour == 24 {
            "T24:00".to_string()
        } else {
            format!("T{hour:02}:{minute:02}")
        };
        found(i, end, TimeType::Time, format!("{day}{time}"))
    }

    /// today, yesterday, tomorrow, tonight, last night, this morning — with a part of the day.
    fn deictic_day(&self, i: usize) -> Found {
        let (offset, mut end) = match self.w(i) {
            "today" => (0, i + 1),
            "yesterday" => (-1, i + 1),
            "tomorrow" => (1, i + 1),
            "tonight" => {
                return found(i, i + 1, TimeType::Time, self.day_part(0, "NI"));
            }
            "overnight" => return found(i, i + 1, TimeType::Time, self.day_part(0, "NI")),
            "the"
                if self.w(i + 1) == "day"
                    && self.w(i + 2) == "before"
                    && self.w(i + 3) == "yesterday" =>
            {
                (-2, i + 4)
            }
            "the"
                if self.w(i + 1) == "day"
                    && self.w(i + 2) == "after"
                    && self.w(i + 3) == "tomorrow" =>
            {
                (2, i + 4)
            }
            "earlier" | "later" | "late" | "early"
                if matches!(self.w(i + 1), "today" | "yesterday" | "tomorrow") =>
            {
                let o = match self.w(i + 1) {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                (o, i + 2)
            }
            _ => return None,
        };
        if self.w(i) == "today" && self.w(i + 1) == "'s" {
            return date(i, i + 1, self.day_value_at(offset));
        }
        if let Some((e, part)) = self.lex(end, Class::Part) {
            end = e;
            return found(i, end, TimeType::Time, self.day_part(offset, part));
        }
        date(i, end, self.day_value_at(offset))
    }

    fn day_value_at(&self, offset: i64) -> String {
        match self.reference() {
            Some(r) => day_value(r.checked_add_signed(Duration::days(offset))),
            None => "XXXX-XX-XX".to_string(),
        }
    }

    fn day_part(&self, offset: i64, part: &str) -> String {
        format!("{}T{part}", self.day_value_at(offset))
    }

    /// this week, last month, next year, this morning, last night, the past week, next Friday,
    /// last June, this summer, earlier this year, the coming weekend.
    fn relative(&self, i: usize) -> Found {
        let mut j = i;
        let mut lead = "";
        if matches!(self.w(j), "earlier" | "later" | "early" | "late")
            && matches!(self.w(j + 1), "this" | "last" | "next" | "that")
        {
            lead = "in";
            j += 1;
        }
        if lead == "in" && self.w(j) == "in" && self.w(j + 1) == "the" {
            j += 2;
        }
        let mut the = false;
        if self.w(j) == "the" {
            the = true;
            j += 1;
        }
        let mut this_past = false;
        let dir: i64 = match self.w(j) {
            "this" if self.w(j + 1) == "past" => {
                j += 1;
                this_past = true;
                -1
            }
            "this" if self.w(j + 1) == "coming" => {
                j += 1;
                1
            }
            "this" | "current" | "present" if !the || self.w(j) != "this" => 0,
            "last" | "past" | "previous" | "preceding" => -1,
            "next" | "coming" | "following" | "upcoming" => 1,
            "that" => 0,
            _ => return None,
        };
        let deictic = !matches!(self.w(j), "previous" | "preceding" | "following" | "that");
        if !deictic && !matches!(self.w(j + 1), "day" | "week" | "month" | "year" | "quarter") {
            // "the previous Friday", "the following month": counted from the last date
            // mentioned; here only the units, the weekdays follow
        }
        let mut k = j + 1;
        if matches!(
            self.w(k),
            "fiscal" | "calendar" | "financial" | "full" | "entire" | "whole"
        ) {
            k += 1;
        }
        // "ABC's \"This Week\"": a capitalised unit inside a cased sentence is a title
        if self.cased
            && i > 0
            && self.p.get(k).is_some_and(|x| x.capital)
            && self.lex(k, Class::Unit).is_some()
        {
            return None;
        }
        // a unit: week, month, year, quarter, weekend, day, decade, century
        if let Some((end, u)) = self.lex(k, Class::Unit)
            && !self.w(k).ends_with('s')
        {
            if u == "WE" {
                let value = match self.reference() {
                    Some(r) => {
                        let base = match dir {
                            0 => self.nearby_weekend(r, k, end),
                            _ => Cal::weekend_of(r),
                        };
                        base.shift(Unit::Week, dir).map(|c| c.value())
                    }
                    None => None,
                };
                return date(i, end, value.unwrap_or_else(|| "XXXX-WXX-WE".into()));
            }
            let unit = Unit::from_letter(u);
            if let Some(unit) = unit {
                if !deictic {
                    return Some(Match {
                        start: i,
                        end,
                        kind: TimeType::Date,
                        meaning: Meaning::Shift {
                            unit,
                            n: dir,
                            deictic: false,
                            gran: unit,
                        },
                    });
                }
                if unit == Unit::Day {
                    // "the next day", "the previous day" only; "this day" is rare
                    return None;
                }
                let unknown = match unit {
                    Unit::Week => "XXXX-WXX",
                    Unit::Month => "XXXX-XX",
                    Unit::Quarter => "XXXX-QX",
                    _ => "XXXX",
                };
                // "the past year" and "the last year" are a year back, like "last year"
                return date(i, end, self.relative_to_reference(unit, dir, unknown));
            }
            return None;
        }
        // "last night", "this morning"; "that night" is counted from the day under discussion
        if let Some((end, part)) = self.lex(k, Class::Part)
            && deictic
        {
            let offset = if dir < 0 && part == "NI" {
                -1
            } else {
                dir.min(0)
            };
            if dir > 0 {
                return None;
            }
            return found(i, end, TimeType::Time, self.day_part(offset, part));
        }
        if let Some((end, wd)) = self.weekday(k) {
            let direction = match dir {
                0 => 2,
                d => d as i32,
            };
            if !deictic {
                return None;
            }
            return date(i, end, self.resolve_weekday(wd, direction, i, end));
        }
        if let Some((end, m)) = self.lex(k, Class::Month)
            && (!self.cased || self.p[k].capital)
        {
            let m: u32 = m.parse().ok()?;
            // "last Oct. 23": a day may follow
            let day = self.day_number(end).filter(|(_, d)| valid_day(m, *d));
            let end = day.map_or(end, |(e, _)| e);
            let value = match (self.reference(), day) {
                (Some(r), _) => {
                    let y = r.year();
                    let year = match dir {
                        -1 if m >= r.month() => y - 1,
                        1 if m <= r.month() => y + 1,
                        _ => y,
                    };
                    match day {
                        Some((_, d)) => day_value(NaiveDate::from_ymd_opt(year, m, d)),
                        None => format!("{year:04}-{m:02}"),
                    }
                }
                (None, Some((_, d))) => format!("XXXX-{m:02}-{d:02}"),
                (None, None) => format!("XXXX-{m:02}"),
            };
            return date(i, end, value);
        }
        if let Some((end, s)) = self.lex(k, Class::Season) {
            let value = match self.reference() {
                Some(r) => {
                    let here = Cal::Season(r.year(), s);
                    let start_day = here.first_day();
                    // "last spring" said in the autumn is a year back, as TimeBank reads it;
                    // "this past spring" is the one just gone
                    let year = match dir {
                        -1 if this_past
                            && start_day.is_some_and(|d| d + Duration::days(90) <= r) =>
                        {
                            r.year()
                        }
                        -1 => r.year() - 1,
                        1 if start_day.is_some_and(|d| d <= r) => r.year() + 1,
                        _ => r.year(),
                    };
                    Cal::Season(year, s).value()
                }
                None => format!("XXXX-{s}"),
            };
            return date(i, end, value);
        }
        let _ = lead;
        None
    }

    /// The weekend around `r`: the one just past unless the clause speaks of the future.
    fn nearby_weekend(&self, r: NaiveDate, start: usize, end: usize) -> Cal {
        let wd = r.weekday().number_from_monday();
        if wd >= 6 {
            return Cal::weekend_of(r);
        }
        match self.tense(start, end) {
            Tense::Future => Cal::weekend_of(r),
            _ => Cal::weekend_of(r - Duration::days(7)),
        }
    }

    /// Monday, Monday night, Monday (5 June), Monday, June 5, Friday Oct. 13, the weekend.
    fn weekday_date(&self, i: usize) -> Found {
        if self.w(i) == "the" && self.w(i + 1) == "weekend" {
            let value = match self.reference() {
                Some(r) => self.nearby_weekend(r, i, i + 2).value(),
                None => "XXXX-WXX-WE".to_string(),
            };
            return date(i, i + 2, value);
        }
        let (end, wd) = self.weekday(i)?;
        // a plural weekday is a recurrence: "on Tuesdays"
        if self.p[i].norm.ends_with("days") {
            return found(i, end, TimeType::Set, format!("XXXX-WXX-{wd}"));
        }
        // a date follows: "Monday, June 5", "Monday (5 June)", "Friday Oct. 13"
        let mut j = end;
        let paren = self.w(j) == "(";
        if paren || self.w(j) == "," {
            j += 1;
        }
        if let Some(m) = self.month_date(j).or_else(|| self.day_month(j))
            && m.kind == TimeType::Date
        {
            let mut e = m.end;
            if paren {
                if self.w(e) != ")" {
                    return None;
                }
                e += 1;
            }
            if let Meaning::Value(v) = &m.meaning
                && v.len() >= 10
            {
                return date(i, e, v.clone());
            }
        }
        let mut e = end;
        let base = self.resolve_weekday(wd, 0, i, end);
        if let Some((e2, part)) = self.lex(e, Class::Part) {
            e = e2;
            let plural = self.p[e2 - 1].norm.ends_with('s');
            if plural {
                return found(i, e, TimeType::Set, format!("XXXX-WXX-{wd}T{part}"));
            }
            let kind = if matches!(part, "MO" | "AF" | "EV" | "NI") {
                TimeType::Time
            } else {
                TimeType::Date
            };
            return found(i, e, kind, format!("{base}T{part}"));
        }
        date(i, e, base)
    }

    /// June, June 2017, June 5, June 5th, June 5, 2017, Sept. 11, June of 2017.
    fn month_date(&self, i: usize) -> Found {
        let (end, m) = self.month(i)?;
        if let Some((e, d)) = self.day_number(end)
            && valid_day(m, d)
        {
            // "June 5, 2017" / "June 5 2017"
            let after = self.comma(e);
            if let Some((e2, y)) = self.year_number(after) {
                return date(i, e2, day_value(NaiveDate::from_ymd_opt(y, m, d)));
            }
            // "June 5" but not "June 2017" misread as a day; a number over 31 is not a day
            let year = self.resolve_year(m, d, i, e);
            let value = match year {
                Some(y) => day_value(NaiveDate::from_ymd_opt(y, m, d)),
                None => format!("XXXX-{m:02}-{d:02}"),
            };
            return date(i, e, value);
        }
        // "June 2017", "June of 2017", "June, 2017"
        let mut j = end;
        if self.w(j) == "of" || self.w(j) == "," {
            j += 1;
        }
        if let Some((e, y)) = self.year_number(j) {
            return date(i, e, format!("{y:04}-{m:02}"));
        }
        // "June last year", "January this year", "July next year"
        if matches!(self.w(end), "last" | "this" | "next")
            && self.w(end + 1) == "year"
            && let Some(r) = self.reference()
        {
            let y = r.year()
                + match self.w(end) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
            return date(i, end + 2, format!("{y:04}-{m:02}"));
        }
        let value = match self.resolve_year(m, 1, i, end) {
            Some(y) => format!("{y:04}-{m:02}"),
            None => format!("XXXX-{m:02}"),
        };
        date(i, end, value)
    }

    /// 5 June, 5th June 2017, the 5th of June, 22 March 2013.
    fn day_month(&self, i: usize) -> Found {
        let mut j = i;
        if self.w(j) == "the" {
            j += 1;
        }
        let (mut e, d) = self.day_number(j)?;
        if self.w(e) == "of" {
            e += 1;
        }
        let (e2, m) = self.month(e)?;
        if !valid_day(m, d) {
            return None;
        }
        let after = self.comma(e2);
        if let Some((e3, y)) = self.year_number(after) {
            return date(i, e3, day_value(NaiveDate::from_ymd_opt(y, m, d)));
        }
        let value = match self.resolve_year(m, d, i, e2) {
            Some(y) => day_value(NaiveDate::from_ymd_opt(y, m, d)),
            None => format!("XXXX-{m:02}-{d:02}"),
        };
        date(i, e2, value)
    }

    /// 2013-03-22, 2013-03-22T14:30, 6/5/2017, 22/3/2013, 2013/03/22.
    fn numeric(&self, i: usize) -> Found {
        let x = self.p.get(i)?;
        if !x.number {
            return None;
        }
        let t = x.norm.as_str();
        let (date_part, time_part) = match t.split_once('t') {
            Some((d, tm)) => (d, Some(tm)),
            None => (t, None),
        };
        let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if nums.len() != 3 {
            return None;
        }
        let sep_dash = date_part.contains('-');
        let (y, m, d) = if parts[0].len() == 4 {
            (nums[0] as i32, nums[1], nums[2])
        } else if parts[2].len() == 4 || parts[2].len() == 2 {
            if sep_dash && parts[2].len() == 2 {
                return None; // 1990-91-92 and the like
            }
            let y = if parts[2].len() == 2 {
                let yy = nums[2] as i32;
                if yy > 50 { 1900 + yy } else { 2000 + yy }
            } else {
                nums[2] as i32
            };
            let (a, b) = (nums[0], nums[1]);
            let (m, d) = if a > 12 {
                (b, a)
            } else if b > 12 {
                (a, b)
            } else {
                match self.ctx.order {
                    DateOrder::MonthFirst => (a, b),
                    DateOrder::DayFirst => (b, a),
                }
            };
            (y, m, d)
        } else {
            return None;
        };
        let day = NaiveDate::from_ymd_opt(y, m, d)?;
        let mut value = day_value(Some(day));
        let mut kind = TimeType::Date;
        if let Some(tm) = time_part
            && let Some((h, mi)) = tm.split_once(':')
            && let (Ok(h), Ok(mi)) = (h.parse::<u32>(), mi.get(..2).unwrap_or(mi).parse::<u32>())
            && h < 24
            && mi < 60
        {
            value = format!("{value}T{h:02}:{mi:02}");
            kind = TimeType::Time;
        }
        found(i, i + 1, kind, value)
    }

    /// 2017, fiscal 1989, the year 2000, 1990s, the '90s, the nineties, the 20th century.
    fn year(&self, i: usize) -> Found {
        let mut j = i;
        let the = self.w(j) == "the";
        if the {
            j += 1;
        }
        // the 1990s, the '90s, 1990s
        let w = self.w(j);
        // "the '90s", "the 90s", "the 1990s", "1990s"; but "in his 30s" is an age
        if let Some(d) = decade(w, self.reference()).or_else(|| {
            the.then(|| decade(&format!("'{w}"), self.reference()))
                .flatten()
        }) {
            return date(i, j + 1, format!("{d:03}"));
        }
        // the nineties
        if the || self.w(j).ends_with("ies") {
            let tens = match w {
                "twenties" => Some(2),
                "thirties" => Some(3),
                "forties" => Some(4),
                "fifties" => Some(5),
                "sixties" => Some(6),
                "seventies" => Some(7),
                "eighties" => Some(8),
                "nineties" => Some(9),
                _ => None,
            };
            if let Some(t) = tens
                && the
            {
                let century = self.reference().map_or(19, |r| {
                    if t * 10 > r.year() % 100 {
                        r.year() / 100 - 1
                    } else {
                        r.year() / 100
                    }
                });
                return date(i, j + 1, format!("{:03}", century * 10 + t));
            }
        }
        // the 20th century, the twentieth century
        if let Some((e, n)) = self
            .lex(j, Class::Ordinal)
            .and_then(|(e, v)| v.parse::<i32>().ok().map(|n| (e, n)))
            && self.w(e) == "century"
        {
            return date(i, e + 1, format!("{:02}", n - 1));
        }
        // the year 2000, fiscal 1989, fiscal year 1990; "the 1992 protests" is a year alone
        let mut k = j;
        if the && self.w(j) != "year" {
            k = i;
        }
        if self.w(k) == "fiscal" {
            k += 1;
        }
        if self.w(k) == "year" {
            k += 1;
        }
        let (e, y) = self.year_number(k)?;
        let x = &self.p[k];
        if x.number {
            // a bare four-digit number is a year only where years stand
            let prev = if k > 0 { self.w(k - 1) } else { "" };
            let next = self.w(e);
            let next_ok = e >= self.p.len()
                || self.p[e].punct
                || matches!(
                    next,
                    "and"
                        | "or"
                        | "to"
                        | "through"
                        | "when"
                        | "as"
                        | "after"
                        | "before"
                        | "that"
                        | "the"
                )
                || self.p[e].capital;
            let plausible = (1900..=2100).contains(&y);
            let prev_ok = YEAR_PREPOSITIONS.contains(&prev) || prev == "," || k == 0;
            // "its 1989 results": a year before most nouns, but not "2000 troops"
            let next_plural = next.len() > 3
                && next.ends_with('s')
                && !next.starts_with('\'')
                && self.p.get(e).is_some_and(|x| !x.capital)
                && !matches!(
                    next,
                    "was" | "has" | "does" | "this" | "its" | "his" | "whereas"
                );
            let likely = (1900..=2040).contains(&y) && !next_plural;
            // "for 2000 troops", "of 1990 shares": a quantity
            if next_plural
                && matches!(
                    prev,
                    "for"
                        | "of"
                        | "to"
                        | "by"
                        | "than"
                        | "about"
                        | "around"
                        | "some"
                        | "nearly"
                        | "over"
                )
            {
                return None;
            }
            if !(prev_ok && (next_ok || plausible) || plausible && next_ok || likely) {
                return None;
            }
            if matches!(next, "%" | "percent") || self.p.get(e).is_some_and(|n| n.number) {
                return None;
            }
            if k > 0 && matches!(self.w(k - 1), "$" | "£" | "€" | "#" | "no") {
                return None;
            }
        }
        date(i, e, format!("{y:04}"))
    }

    /// the third quarter (of 1989), third-quarter, Q3 2017, the first half, the last half of
    /// 1989, the year-earlier quarter, the latest quarter.
    fn quarter(&self, i: usize) -> Found {
        let mut j = i;
        let mut years: i64 = 0;
        let mut explicit_year: Option<i32> = None;
        let mut anchored = false;
        // "the year-ago quarter" keeps its article; "the year" alone is another rule's
        let year_ago = self.w(j + 1) == "year"
            && self
                .p
                .get(j + 2)
                .is_some_and(|x| x.joined && matches!(x.norm.as_str(), "ago" | "earlier"));
        if matches!(
            self.w(j),
            "the" | "its" | "their" | "a" | "that" | "this" | "each"
        ) && (self.w(j + 1) != "year" || year_ago)
        {
            if self.w(j) == "that" {
                anchored = true;
            }
            j += 1;
        }
        // "this year's third quarter", "last year's fourth quarter", "1988's second quarter"
        if matches!(self.w(j), "this" | "last" | "next")
            && self.w(j + 1) == "year"
            && self.w(j + 2) == "'s"
        {
            years = match self.w(j) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            j += 3;
        } else if let Some((e, y)) = self.year_number(j)
            && (self.w(e) == "'s"
                || self.lex(e, Class::Ordinal).is_some()
                || matches!(self.w(e), "quarter" | "fiscal" | "period"))
        {
            explicit_year = Some(y);
            j = if self.w(e) == "'s" { e + 1 } else { e };
        }
        loop {
            match self.w(j) {
                "year" if matches!(self.w(j + 1), "earlier" | "ago") => {
                    years = -1;
                    j += 2;
                }
                "comparable" | "same" | "corresponding" | "flat" | "strong" | "weak" | "fiscal"
                | "calendar" | "financial" | "final" | "full" => j += 1,
                "latest" | "recent" | "most" | "just" | "past" | "completed" | "ended"
                | "previous" | "prior" => {
                    anchored = true;
                    j += 1;
                }
                "current" | "present" => {
                    j += 1;
                    if self.w(j) == "quarter" {
                        return date(
                            i,
                            j + 1,
                            self.relative_to_reference(Unit::Quarter, 0, "XXXX-QX"),
                        );
                    }
                }
                _ => break,
            }
        }
        // Q3, Q3 2017, 3Q
        let w = self.w(j);
        let q_token = w
            .strip_prefix('q')
            .filter(|d| d.len() == 1)
            .or_else(|| w.strip_suffix('q').filter(|d| d.len() == 1))
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|q| (1..=4).contains(q));
        let (mut end, part, count) = if let Some(q) = q_token {
            (j + 1, q, 4)
        } else if let Some((e, v)) = self.lex(j, Class::Ordinal) {
            let n: u32 = v.parse().ok()?;
            match self.w(e) {
                "quarter" | "quarters" | "qtr" if (1..=4).contains(&n) => (e + 1, n, 4),
                "half" if (1..=2).contains(&n) => (e + 1, n, 2),
                _ => return None,
            }
        } else if matches!(w, "last" | "latter" | "second") && self.w(j + 1) == "half" {
            (j + 2, 2, 2)
        } else if w == "quarter" || w == "period" {
            if i == j && w == "period" {
                return None;
            }
            if w == "period" && years == 0 && !anchored && explicit_year.is_none() {
                return None;
            }
            // "a quarter of the market": a fraction
            if w == "quarter" && self.w(j + 1) == "of" && !self.time_follows(j + 2) {
                return None;
            }
            // the quarter under discussion
            let mut end = j + 1;
            if self.w(end) == "a"
                && self.w(end + 1) == "year"
                && matches!(self.w(end + 2), "ago" | "earlier")
            {
                years = -1;
                end += 3;
            }
            if self.w(end) == "last" && self.w(end + 1) == "year" {
                years = -1;
                end += 2;
            }
            // "the quarter ended Sept. 30": unless a (fiscal) quarter is already under
            // discussion, the three months up to that day, named by the calendar quarter that
            // holds most of them
            let ended = if matches!(self.w(end), "ended" | "ending")
                && let Some(m) = self.month_date(end + 1)
                && let Meaning::Value(v) = &m.meaning
                && let Some(Cal::Day(last)) = Cal::parse(v)
            {
                Some(Cal::at(last - Duration::days(45), Unit::Quarter))
            } else {
                None
            };
            return Some(Match {
                start: i,
                end,
                kind: TimeType::Date,
                meaning: Meaning::Quarter {
                    years,
                    year: explicit_year,
                    ended,
                },
            });
        } else {
            return None;
        };
        // "of 1989", "of fiscal 1990", "of this year", "of next year"
        let mut k = end;
        if self.w(k) == "of" || self.w(k) == "," {
            k += 1;
            if self.w(k) == "fiscal" {
                k += 1;
            }
            if let Some((e, y)) = self.year_number(k) {
                explicit_year = Some(y);
                end = e;
            } else if matches!(self.w(k), "this" | "last" | "next") && self.w(k + 1) == "year" {
                years = match self.w(k) {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                end = k + 2;
            } else if self.w(k) == "the" && self.w(k + 1) == "year" {
                end = k + 2;
            }
        } else if let Some((e, y)) = self.year_number(k)
            && q_token.is_some()
        {
            explicit_year = Some(y);
            end = e;
        }
        let make = |y: i32| -> String {
            if count == 4 {
                Cal::Quarter(y, part).value()
            } else {
                Cal::Half(y, part).value()
            }
        };
        let unknown = if count == 4 {
            format!("XXXX-Q{part}")
        } else {
            format!("XXXX-H{part}")
        };
        let value = match (explicit_year, self.reference()) {
            (Some(y), _) => make(y + years as i32),
            (None, Some(r)) => {
                let mut y = r.year() + years as i32;
                let this_part = if count == 4 {
                    (r.month() - 1) / 3 + 1
                } else {
                    (r.month() - 1) / 6 + 1
                };
                if years == 0 && part > this_part && self.tense(i, end) == Tense::Past {
                    y -= 1;
                }
                make(y)
            }
            (None, None) => unknown,
        };
        date(i, end, value)
    }

    /// spring, the summer of 2017, last fall, early winter.
    fn season(&self, i: usize) -> Found {
        let mut j = i;
        let the = self.w(j) == "the";
        if the {
            j += 1;
        }
        let (end, s) = self.lex(j, Class::Season)?;
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let mut k = end;
        if self.w(k) == "of" {
            k += 1;
        }
        if let Some((e, y)) = self.year_number(k) {
            return date(i, e, format!("{y:04}-{s}"));
        }
        if self.w(end) == "'s" && !the {
            // "summer's heat": still the season
        }
        let after_prep = matches!(
            prev,
            "in" | "into"
                | "since"
                | "until"
                | "by"
                | "during"
                | "this"
                | "through"
                | "over"
                | "for"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
        );
        let ok = if s == "FA" && self.w(j) == "fall" {
            the && prev == "in" && !matches!(self.w(end), "of" | "in")
        } else {
            after_prep && !matches!(self.w(end), "of")
        };
        if !ok {
            return None;
        }
        let value = match self.reference() {
            Some(r) => {
                let here = Cal::Season(r.year(), s);
                let year = match self.tense(i, end) {
                    Tense::Past if here.first_day().is_some_and(|d| d > r) => r.year() - 1,
                    Tense::Future
                        if here.first_day().is_some_and(|d| d + Duration::days(90) < r) =>
                    {
                        r.year() + 1
                    }
                    _ => r.year(),
                };
                Cal::Season(year, s).value()
            }
            None => format!("XXXX-{s}"),
        };
        date(i, end, value)
    }

    /// Christmas, New Year's Day, Thanksgiving, Easter.
    fn holiday(&self, i: usize) -> Found {
        let (dir, j) = match self.w(i) {
            "last" | "past" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" => (0, i + 1),
            _ => (0, i),
        };
        let (end, v) = self.lex(j, Class::Holiday)?;
        if self.cased && !self.p[j].capital && self.w(j) != "the" {
            return None;
        }
        let on = |y: i32| -> Option<NaiveDate> {
            match v {
                "thanksgiving" => calendar::nth_weekday(y, 11, chrono::Weekday::Thu, 4),
                "easter" => calendar::easter(y),
                "good-friday" => calendar::easter(y).map(|d| d - Duration::days(2)),
                "easter-monday" => calendar::easter(y).map(|d| d + Duration::days(1)),
                // the Tuesday after the first Monday of November
                "election-day" => calendar::nth_weekday(y, 11, chrono::Weekday::Mon, 1)
                    .map(|d| d + Duration::days(1)),
                md => {
                    let (m, d) = md.split_once('-')?;
                    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
                }
            }
        };
        let Some(r) = self.reference() else {
            let value = match v.split_once('-') {
                Some((m, d)) if m.len() == 2 => format!("XXXX-{m}-{d}"),
                _ => "XXXX-XX-XX".to_string(),
            };
            return date(i, end, value);
        };
        // the nearest one, or the last or next one
        let tense = self.tense(i, end);
        let best = [r.year() - 1, r.year(), r.year() + 1]
            .into_iter()
            .filter_map(on)
            .filter(|d| match dir {
                -1 => *d < r,
                1 => *d > r,
                _ => match tense {
                    Tense::Past => *d <= r,
                    Tense::Future => *d >= r,
                    Tense::Unknown => true,
                },
            })
            .min_by_key(|d| (*d - r).num_days().abs());
        date(i, end, day_value(best))
    }

    /// Durations: three days, the past two months, the first nine months, a few weeks,
    /// 10-year, the next 12 to 18 months; with `ago`, `earlier`, `later`: a shifted date.
    fn duration(&self, i: usize) -> Found {
        let mut j = i;
        let mut framed = false;
        if matches!(
            self.w(j),
            "the" | "a" | "an" | "its" | "their" | "his" | "her"
        ) && !matches!(self.w(j), "a" | "an")
        {
            j += 1;
            framed = true;
        }
        if matches!(
            self.w(j),
            "past"
                | "last"
                | "next"
                | "first"
                | "coming"
                | "previous"
                | "following"
                | "latest"
                | "final"
                | "initial"
                | "remaining"
                | "ensuing"
                | "preceding"
                | "recent"
        ) {
            j += 1;
            framed = true;
        } else if framed
            && self.w(j - 1) == "the"
            && !self.p.get(j).is_some_and(|x| x.number)
            && self.amount(j).is_none()
        {
            return None;
        }
        // "the first nine months", "the past two quarters"
        let approx_end = self
            .lex(j, Class::Approx)
            .map(|(e, _)| e)
            .filter(|e| self.approximates(j, *e));
        let mut amount_start = j;
        let (mut e, amount) = match self.amount(j) {
            Some(x) => x,
            None => match approx_end.and_then(|a| self.amount(a).map(|x| (a, x))) {
                Some((a, x)) => {
                    amount_start = a;
                    x
                }
                None => {
                    // "the past year" is a date (relative); "years" alone after "for"
                    return self.bare_plural(i, j, framed);
                }
            },
        };
        // "12 to 18 months", "two or three weeks"
        let mut amount = amount;
        if matches!(self.w(e), "to" | "or" | "-")
            && let Some((e2, _)) = self.amount(e + 1)
            && self.lex(e2, Class::Unit).is_some()
        {
            e = e2;
            if matches!(self.w(i), "the") || framed {
                amount = Amount::X;
            }
        }
        if self.w(e) == "more"
            || self.w(e) == "additional"
            || self.w(e) == "trading"
            || self.w(e) == "business"
            || self.w(e) == "straight"
            || self.w(e) == "consecutive"
            || self.w(e) == "full"
        {
            e += 1;
        }
        // "one and a half years"
        let mut half = false;
        if self.w(e) == "and" && self.w(e + 1) == "a" && self.w(e + 2) == "half" {
            half = true;
            e += 3;
        }
        let (end, u) = self.lex(e, Class::Unit)?;
        let unit_piece = &self.p[e];
        // "a year" and friends need more than the article to be a duration
        let joined = unit_piece.joined;
        if let Amount::N(n) = amount
            && n > 1.0
            && !joined
            && !unit_piece.norm.ends_with('s')
            && !matches!(
                unit_piece.norm.as_str(),
                "hour" | "year" | "day" | "week" | "month" | "minute"
            )
        {
            // "three quarter" and other odd singulars
        }
        if let Amount::N(n) = amount
            && n == 1.0
            && unit_piece.norm.ends_with('s')
            && !joined
        {
            return None; // "one weeks" is not English; "1 years" is noise
        }
        if let Amount::N(n) = amount
            && !(0.0..=10000.0).contains(&n)
        {
            return None;
        }
        if u == "WE" || u == "L" && matches!(amount, Amount::X) {
            return None;
        }
        // "three-quarters of its food", "a quarter of the market": a fraction
        if u == "Q"
            && (unit_piece.joined || matches!(self.w(amount_start), "a" | "one"))
            && self.w(end) == "of"
            && !self.time_follows(end + 1)
        {
            return None;
        }
        // "he would one day follow Glenn", "One day, she left": some day, not a length
        let before = if i > 0 { self.w(i - 1) } else { "" };
        if self.w(i) == "one"
            && self.w(e) == "day"
            && end == e + 1
            && matches!(
                before,
                "" | ","
                    | "would"
                    | "could"
                    | "might"
                    | "will"
                    | "may"
                    | "can"
                    | "should"
                    | "must"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "it"
            )
            && !matches!(
                self.w(end),
                "of" | "after" | "before" | "later" | "earlier" | "ago" | "and" | "or"
            )
        {
            let past = self.tense(i, end) == Tense::Past
                && !matches!(before, "would" | "could" | "might" | "will" | "may" | "can");
            return date(
                i,
                end,
                if past { "PAST_REF" } else { "FUTURE_REF" }.to_string(),
            );
        }
        if half && let Amount::N(n) = amount {
            amount = Amount::N(n + 0.5);
        }
        let mut end = end;
        if self.w(end) == "or" && self.w(end + 1) == "so" {
            end += 2;
        }
        // "a minute and a half"
        if !half
            && self.w(end) == "and"
            && self.w(end + 1) == "a"
            && self.w(end + 2) == "half"
            && let Amount::N(n) = amount
        {
            amount = Amount::N(n + 0.5);
            end += 3;
        }
        // "two days ago", "a year earlier", "three weeks later", "two months from now"
        let shift_word = self.w(end);
        let back = match shift_word {
            "ago" | "earlier" | "before" | "previously" | "prior" => Some(-1),
            "later" | "after" | "hence" | "afterwards" | "on" => Some(1),
            "from" if self.w(end + 1) == "now" => Some(1),
            _ => None,
        };
        // "three days later", "a week earlier": TimeBank marks the length of time
        let short_unit = matches!(u, "D" | "W" | "TH" | "TM" | "TS")
            && matches!(shift_word, "later" | "earlier");
        if let Some(sign) = back
            && !framed
            && !short_unit
        {
            let mut e2 = end + 1;
            if shift_word == "from" {
                e2 += 1;
            }
            // "two days before the election": anchored to an event, not a date
            let followed = matches!(shift_word, "before" | "after" | "prior" | "on")
                && !(e2 >= self.p.len() || self.p[e2].punct);
            if !followed {
                let unit = Unit::from_letter(u);
                let deictic = matches!(shift_word, "ago" | "from" | "hence");
                return match (amount, unit) {
                    (Amount::N(n), Some(unit)) if n.fract() == 0.0 => Some(Match {
                        start: i,
                        end: e2,
                        kind: TimeType::Date,
                        meaning: Meaning::Shift {
                            unit,
                            n: sign * n as i64,
                            deictic,
                            gran: if unit == Unit::Decade {
                                Unit::Year
                            } else {
                                unit
                            },
                        },
                    }),
                    (Amount::X, _) | (_, Some(_)) => date(
                        i,
                        e2,
                        if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string(),
                    ),
                    (_, None) => date(i, e2, self.day_value_at(0)),
                };
            }
        }
        // "52 years old" and "a 44-year-old" are ages
        if matches!(self.w(end), "old" | "older" | "younger") && matches!(u, "Y" | "M" | "W" | "D")
        {
            return None;
        }
        // "60 Minutes" is a programme
        if self.cased && unit_piece.capital && !self.p[i].capital {
            return None;
        }
        // "$1.76 a year", "700 seats a week": a rate, not a length of time
        if matches!(self.w(j), "a" | "an") && i == j && i > 0 {
            let prev = &self.p[i - 1];
            if prev.number
                || matches!(
                    prev.norm.as_str(),
                    "million"
                        | "billion"
                        | "thousand"
                        | "hundred"
                        | "times"
                        | "cents"
                        | "dollars"
                        | "%"
                        | "percent"
                )
                || prev.norm.ends_with('s')
                    && !matches!(
                        prev.norm.as_str(),
                        "is" | "was" | "has" | "this" | "its" | "as"
                    )
            {
                return None;
            }
        }
        if matches!(self.w(j), "a" | "an") && u == "TS" {
            return None; // "a second group"
        }
        // "a three-year period", "its one-year term": the length and the noun it measures
        let mut start = i;
        if joined && matches!(self.w(end), "period" | "term" | "span" | "stretch") {
            end += 1;
            if i > 0 && matches!(self.w(i - 1), "a" | "an" | "the") {
                start = i - 1;
            }
        }
        found(start, end, TimeType::Duration, duration_value(amount, u))
    }

    /// "for years", "recent weeks", "the coming months", "the past year".
    fn bare_plural(&self, i: usize, j: usize, framed: bool) -> Found {
        let (end, u) = self.lex(j, Class::Unit)?;
        let plural = self.p[j].norm.ends_with('s');
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if !plural {
            return None;
        }
        let lead = if framed { self.w(j - 1) } else { prev };
        if self.w(end) == "ago" {
            return date(i, end + 1, "PAST_REF".into());
        }
        let ok = framed
            || matches!(prev, "for" | "in" | "over" | "within" | "recent" | "coming")
            || matches!(self.w(end), "ago" | "later" | "earlier");
        if !ok || u == "WE" || u == "L" {
            return None;
        }
        if matches!(lead, "past" | "last" | "recent" | "previous" | "preceding")
            && u == "Y"
            && framed
            && self.w(i) != "the"
        {
            return date(i, end, "PAST_REF".into());
        }
        found(i, end, TimeType::Duration, duration_value(Amount::X, u))
    }

    /// The part of the day after early, mid or late: "by mid afternoon", "at mid-afternoon
    /// yesterday", "late Friday evening" is the weekday's.
    fn part_of_day(&self, i: usize) -> Found {
        if i == 0 || !matches!(self.w(i - 1), "mid" | "early" | "late") {
            return None;
        }
        let (end, part) = self.lex(i, Class::Part)?;
        if self.w(end - 1).ends_with('s') {
            return None;
        }
        if let Some(m) = self.deictic_day(end).or_else(|| self.weekday_date(end))
            && m.kind == TimeType::Date
            && let Meaning::Value(v) = &m.meaning
            && v.len() == 10
        {
            return found(i, m.end, TimeType::Time, format!("{v}T{part}"));
        }
        found(i, end, TimeType::Time, self.day_part(0, part))
    }

    /// Whether a time follows `of` at `k`: "of 1990", "of the year", "of fiscal 1989".
    fn time_follows(&self, k: usize) -> bool {
        let mut k = k;
        while matches!(
            self.w(k),
            "the" | "this" | "last" | "next" | "that" | "fiscal"
        ) {
            k += 1;
        }
        self.year_number(k).is_some()
            || matches!(self.w(k), "year" | "calendar")
            || self.lex(k, Class::Unit).is_some()
    }

    /// day-long, decades-long, weeklong: adjectives of length.
    fn lasting(&self, i: usize) -> Found {
        let w = self.w(i);
        let closed = match w {
            "hourlong" => Some("TH"),
            "daylong" => Some("D"),
            "weeklong" => Some("W"),
            "monthlong" => Some("M"),
            "yearlong" => Some("Y"),
            _ => None,
        };
        if let Some(u) = closed {
            return found(
                i,
                i + 1,
                TimeType::Duration,
                duration_value(Amount::N(1.0), u),
            );
        }
        let (end, u) = self.lex(i, Class::Unit)?;
        if end != i + 1
            || self.w(end) != "long"
            || !self.p.get(end).is_some_and(|x| x.joined)
            || matches!(u, "WE" | "L")
        {
            return None;
        }
        let amount = if w.ends_with('s') {
            Amount::X
        } else {
            Amount::N(1.0)
        };
        found(i, end + 1, TimeType::Duration, duration_value(amount, u))
    }

    /// "April 24 and 25": the second day of a pair written once with its month, after the
    /// match `m` of the first.
    fn coordinated_day(&self, m: &Match) -> Found {
        let Meaning::Value(v) = &m.meaning else {
            return None;
        };
        let last = self.p.get(m.end.checked_sub(1)?)?;
        if m.kind != TimeType::Date || v.len() != 10 || !last.number {
            return None;
        }
        if !matches!(self.w(m.end), "and" | "or" | "to" | "through" | "-" | "–") {
            return None;
        }
        let second = self.p.get(m.end + 1)?;
        if !second.number {
            return None;
        }
        let (end, d2) = self.day_number(m.end + 1)?;
        let first: u32 = v.get(8..10)?.parse().ok()?;
        let month: u32 = v.get(5..7)?.parse().ok()?;
        let after = self.p.get(end);
        let closes = after.is_none_or(|x| {
            x.punct && !matches!(x.norm.as_str(), "%" | "$" | "/")
                || matches!(
                    x.norm.as_str(),
                    "in" | "at"
                        | "on"
                        | "and"
                        | "or"
                        | "to"
                        | "with"
                        | "when"
                        | "before"
                        | "after"
                        | "for"
                        | "respectively"
                )
        });
        if d2 <= first || !valid_day(month, d2) || !closes {
            return None;
        }
        let value = format!("{}{d2:02}", v.get(..8)?);
        if let Some(Cal::Day(_)) = Cal::parse(&value) {
            return date(m.end + 1, end, value);
        }
        v.starts_with("XXXX").then(|| Match {
            start: m.end + 1,
            end,
            kind: TimeType::Date,
            meaning: Meaning::Value(value),
        })
    }

    /// daily, every Monday, each July, twice a week, three times a year, Tuesday nights.
    fn set(&self, i: usize) -> Found {
        if let Some((end, v)) = self.lex(i, Class::Set) {
            // "its quarterly dividend": an adjective, not a recurrence
            let adjective = self.w(i) == "quarterly"
                && self.p.get(end).is_some_and(|x| {
                    !x.punct
                        && !matches!(
                            x.norm.as_str(),
                            "and" | "or" | "in" | "at" | "by" | "to" | "for" | "since" | "through"
                        )
                });
            // "the Communist Party daily Granma": a newspaper
            let newspaper = matches!(self.w(i), "daily" | "weekly")
                && self.cased
                && self.p.get(end).is_some_and(|x| x.capital && !x.number);
            if adjective || newspaper {
                return None;
            }
            if matches!(self.w(i), "per" | "every" | "each")
                || !self.cased
                || !self.p[i].capital
                || i == 0
            {
                return found(i, end, TimeType::Set, v.to_string());
            }
        }
        if matches!(self.w(i), "every" | "each") {
            let j = i + 1;
            if let Some((end, wd)) = self.weekday(j) {
                let mut e = end;
                let mut v = format!("XXXX-WXX-{wd}");
                if let Some((e2, part)) = self.lex(e, Class::Part) {
                    e = e2;
                    v.push('T');
                    v.push_str(part);
                }
                return found(i, e, TimeType::Set, v);
            }
            if let Some((end, m)) = self.month(j) {
                return found(i, end, TimeType::Set, format!("XXXX-{m:02}"));
            }
            if let Some((end, part)) = self.lex(j, Class::Part) {
                return found(
                    i,
                    end,
                    TimeType::Set,
                    format!("TXX{part}").replace("TXX", "T"),
                );
            }
            if let Some((e, Amount::N(n))) = self.amount(j)
                && let Some((end, u)) = self.lex(e, Class::Unit)
            {
                return found(i, end, TimeType::Set, duration_value(Amount::N(n), u));
            }
            if matches!(self.w(j), "other" | "second")
                && let Some((end, u)) = self.lex(j + 1, Class::Unit)
            {
                return found(i, end, TimeType::Set, duration_value(Amount::N(2.0), u));
            }
        }
        // "twice a week", "three times a year", "once a month"
        let (j, _times) = match self.w(i) {
            "once" | "twice" | "thrice" => (i + 1, true),
            _ => {
                let (e, _) = self.amount(i)?;
                if self.w(e) != "times" {
                    return None;
                }
                (e + 1, true)
            }
        };
        if matches!(self.w(j), "a" | "an" | "per" | "each" | "every")
            && let Some((end, u)) = self.lex(j + 1, Class::Unit)
            && !self.w(j + 1).ends_with('s')
        {
            return found(i, end, TimeType::Set, duration_value(Amount::N(1.0), u));
        }
        None
    }

    /// recent years, the coming weeks, in coming months.
    fn vague(&self, i: usize) -> Found {
        let mut j = i;
        if self.w(j) == "the" {
            j += 1;
        }
        if !matches!(self.w(j), "recent" | "coming" | "past") {
            return None;
        }
        let (end, u) = self.lex(j + 1, Class::Unit)?;
        if !self.w(j + 1).ends_with('s') {
            return None;
        }
        if self.w(j) == "past" && j == i {
            if u == "Y" {
                return date(i, end, "PAST_REF".into());
            }
            return None;
        }
        if u == "Y" && self.w(j) == "recent" {
            return date(i, end, "PAST_REF".into());
        }
        found(i, end, TimeType::Duration, duration_value(Amount::X, u))
    }

    /// Expressions counted from another date: a year earlier, year-ago, that day, the next day,
    /// the previous Friday, the same day, later that year.
    fn anchored(&self, i: usize) -> Found {
        let shift = |end: usize, unit: Unit, n: i64| -> Found {
            Some(Match {
                start: i,
                end,
                kind: TimeType::Date,
                meaning: Meaning::Shift {
                    unit,
                    n,
                    deictic: false,
                    gran: unit,
                },
            })
        };
        // "year-earlier", "year-ago" (adjectives before a noun)
        if self.w(i) == "year"
            && matches!(self.w(i + 1), "earlier" | "ago")
            && self.p.get(i + 1).is_some_and(|x| x.joined)
        {
            return shift(i + 2, Unit::Year, -1);
        }
        // "later in the day", "earlier in the day": the day under discussion
        if self.w(i) == "the"
            && self.w(i + 1) == "day"
            && i >= 2
            && self.w(i - 1) == "in"
            && matches!(self.w(i - 2), "later" | "earlier")
        {
            return shift(i + 2, Unit::Day, 0);
        }
        let mut j = i;
        let lead_later =
            matches!(self.w(j), "earlier" | "later") && matches!(self.w(j + 1), "that" | "the");
        if lead_later {
            j += 1;
        }
        if matches!(self.w(j), "that" | "the") {
            let det = self.w(j);
            let (n, k) = match self.w(j + 1) {
                "same" => (0, j + 2),
                "next" | "following" => (1, j + 2),
                "previous" | "preceding" | "prior" => (-1, j + 2),
                _ if det == "that" => (0, j + 1),
                _ => return None,
            };
            if let Some((end, u)) = self.lex(k, Class::Unit)
                && !self.w(k).ends_with('s')
                && let Some(unit) = Unit::from_letter(u)
                && u != "WE"
                && unit != Unit::Quarter
            {
                return shift(end, unit, n);
            }
            // "the next morning", "that night"
            if let Some((end, part)) = self.lex(k, Class::Part)
                && !self.w(end - 1).ends_with('s')
                && (n != 0 || det == "that")
            {
                return Some(Match {
                    start: i,
                    end,
                    kind: TimeType::Time,
                    meaning: Meaning::DayPart { n, part },
                });
            }
            // "the previous Friday": the one before the day under discussion
            if n != 0
                && let Some((end, wd)) = self.weekday(k)
            {
                let direction = if n < 0 { -1 } else { 1 };
                return Some(Match {
                    start: i,
                    end,
                    kind: TimeType::Date,
                    meaning: Meaning::Weekday {
                        weekday: wd,
                        direction,
                        fallback: self.resolve_weekday(wd, direction, i, end),
                    },
                });
            }
        }
        None
    }

    /// the year, the fiscal year, the week, year-end, year's end, the morning: the ones the
    /// reference date is in; `the year ended March 31` is a length of time.
    fn the_unit(&self, i: usize) -> Found {
        if self.w(i) == "year" {
            let end = match (self.w(i + 1), self.w(i + 2)) {
                ("end", _) => i + 2,
                ("'s", "end") => i + 3,
                _ => return None,
            };
            return date(i, end, self.relative_to_reference(Unit::Year, 0, "XXXX"));
        }
        if self.w(i) != "the" {
            return None;
        }
        let mut k = i + 1;
        if matches!(
            self.w(k),
            "fiscal" | "full" | "calendar" | "financial" | "entire" | "whole"
        ) {
            k += 1;
        }
        if let Some((end, part)) = self.lex(k, Class::Part)
            && k == i + 1
            && !self.w(k).ends_with('s')
            && matches!(self.w(i.wrapping_sub(1)), "in" | "during" | "by" | "until")
        {
            return found(i, end, TimeType::Time, self.day_part(0, part));
        }
        let (unit, unknown, letter) = match self.w(k) {
            "year" => (Unit::Year, "XXXX", "Y"),
            "week" if k == i + 1 => (Unit::Week, "XXXX-WXX", "W"),
            "month" if k == i + 1 => (Unit::Month, "XXXX-XX", "M"),
            _ => return None,
        };
        let end = k + 1;
        if self.p.get(end).is_some_and(|x| x.joined) {
            return None; // the year-ago quarter
        }
        if matches!(
            self.w(end),
            "ended" | "ending" | "to" | "through" | "before" | "after"
        ) {
            return found(i, end, TimeType::Duration, format!("P1{letter}"));
        }
        // "the week of March 6", "the week of June 5, 2017": the week that holds the day
        if self.w(end) == "of"
            && let Some(m) = self.month_date(end + 1).or_else(|| self.day_month(end + 1))
            && let Meaning::Value(v) = &m.meaning
            && let Some(Cal::Day(d)) = Cal::parse(v)
        {
            return date(i, m.end, Cal::at(d, unit).value());
        }
        date(i, end, self.relative_to_reference(unit, 0, unknown))
    }

    /// now, currently, recently, the future, these days.
    fn reference_word(&self, i: usize) -> Found {
        let (end, v) = self.lex(i, Class::Ref)?;
        let w = self.w(i);
        if w == "current"
            && matches!(
                self.w(end),
                "account"
                    | "accounts"
                    | "affairs"
                    | "events"
                    | "flows"
                    | "flow"
                    | "density"
                    | "sea"
            )
        {
            return None;
        }
        if w == "now" && i == 0 && self.w(end) == "," {
            return None; // "Now," opening a sentence is a discourse marker
        }
        // "the long-term value": an adjective
        if self.w(end - 1) == "term"
            && self.p.get(end - 1).is_some_and(|x| x.joined)
            && !self.p.get(end).is_none_or(|x| x.punct)
        {
            return None;
        }
        if w == "recent" && self.lex(end, Class::Unit).is_some() {
            return None;
        }
        date(i, end, v.to_string())
    }
}

fn split_suffix(s: &str) -> (&str, &'static str) {
    if let Some(d) = s.strip_suffix("am") {
        (d, "am")
    } else if let Some(d) = s.strip_suffix("pm") {
        (d, "pm")
    } else if let Some(d) = s.strip_suffix('h') {
        (d, "h")
    } else {
        (s, "")
    }
}

fn valid_day(month: u32, day: u32) -> bool {
    day >= 1
        && day
            <= match month {
                2 => 29,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            }
}

/// `2017-06-05`, or the unresolved form when the date does not exist.
fn day_value(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "XXXX-XX-XX".to_string(), |d| Cal::Day(d).value())
}

/// The decade of `1990s`, `'90s`, `90s`: `199`.
fn decade(w: &str, reference: Option<NaiveDate>) -> Option<i32> {
    let digits = w.strip_suffix('s')?.trim_start_matches('\'');
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match digits.len() {
        4 if digits.ends_with('0') => {
            let y: i32 = digits.parse().ok()?;
            (1000..=2190).contains(&y).then_some(y / 10)
        }
        2 if digits.ends_with('0') && w.starts_with('\'') => {
            let t: i32 = digits.parse().ok()?;
            let r = reference.map_or(2000, |r| r.year());
            let century = if t > r % 100 { r / 100 - 1 } else { r / 100 };
            Some(century * 10 + t / 10)
        }
        _ => None,
    }
}

/// A simple fraction written with a slash: `1/2`, `3/4`.
fn fraction(w: &str) -> Option<f64> {
    let (a, b) = w.split_once('/')?;
    let (a, b): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
    (a > 0 && a < b && b <= 16).then(|| f64::from(a) / f64::from(b))
}

/// A fractional amount in whole units and whole units of the next smaller one (`2 1/2 years`
/// is `P2Y6M`, `5 1/2 hours` is `PT5H30M`), when it comes out even.
fn split_duration(n: f64, unit: &str) -> Option<String> {
    let (sub, per, time_first, time_second) = match unit {
        "Y" => ("M", 12.0, false, false),
        "D" => ("H", 24.0, false, true),
        "TH" => ("M", 60.0, true, true),
        "TM" => ("S", 60.0, true, true),
        "W" => ("D", 7.0, false, false),
        _ => return None,
    };
    let whole = n.trunc();
    let rest = (n - whole) * per;
    if n < 0.0 || rest.fract().abs() > 1e-9 || rest < 1.0 {
        return None;
    }
    if unit == "W" {
        // weeks do not mix with days in ISO 8601
        let days = n * 7.0;
        return (days.fract() == 0.0).then(|| format!("P{}D", days as i64));
    }
    let letter = &unit[unit.len() - 1..];
    let first = if whole > 0.0 {
        format!("{}{letter}", whole as i64)
    } else {
        String::new()
    };
    Some(match (time_first, time_second) {
        (true, _) => format!("PT{first}{}{sub}", rest as i64),
        (false, true) => format!("P{first}T{}{sub}", rest as i64),
        (false, false) => format!("P{first}{}{sub}", rest as i64),
    })
}

/// The TIMEX3 duration for an amount of a unit letter: `P3D`, `PT5H`, `PXY`, `P20Y`.
fn duration_value(amount: Amount, unit: &str) -> String {
    if let Amount::N(n) = amount
        && n.fract() != 0.0
        && let Some(v) = split_duration(n, unit)
    {
        return v;
    }
    let (time, letter, factor) = match unit {
        "TH" => (true, "H", 1.0),
        "TM" => (true, "M", 1.0),
        "TS" => (true, "S", 1.0),
        "E" => (false, "Y", 10.0),
        "WE" => (false, "D", 2.0),
        other => (false, other, 1.0),
    };
    let amount = match amount {
        Amount::N(n) => Amount::N(n * factor),
        Amount::X if unit == "E" => return "PXE".to_string(),
        x => x,
    };
    format!(
        "P{}{}{}",
        if time { "T" } else { "" },
        amount.text(),
        letter
    )
}
