//! Time expressions and their TIMEX3 values (issue 5).
//!
//! The grammar ([`grammar`]) finds the expressions of each sentence and what they mean; this
//! module resolves the ones counted from another date (`a year earlier`, `the quarter`) against
//! the dates mentioned before them, and writes the rows. Values are normalised against the
//! article's reference date; without one, they stay unresolved (`XXXX-06-05`, `XXXX-WXX-1`).

pub mod calendar;
pub mod grammar;
pub mod lexicon;
pub mod pieces;
pub mod tense;

use crate::extraction::{Span, TimeExpr, TimeType};
use crate::nlp::text::Doc;
use calendar::{Cal, Unit};
use chrono::{Datelike, NaiveDate};
use grammar::Meaning;

/// How to read a numeric date whose first two numbers could both be a month (`6/5/2017`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// `6/5/2017` is June 5: the US order, the one English-language news wires write.
    #[default]
    MonthFirst,
    /// `6/5/2017` is 6 May: the British and European order.
    DayFirst,
}

impl DateOrder {
    /// The short name used on the command line and in manifests: `mdy` or `dmy`.
    pub fn code(&self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "mdy",
            DateOrder::DayFirst => "dmy",
        }
    }
}

/// Options of the time stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimeOptions {
    /// The order of ambiguous numeric dates. A date is read the other way when that is the only
    /// valid reading (`22/3/2013`).
    pub date_order: DateOrder,
}

/// What the grammar needs besides the words.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The date relative expressions count from.
    pub reference: Option<NaiveDate>,
    /// The order of ambiguous numeric dates.
    pub order: DateOrder,
}

/// Finds the time expressions of `doc` and normalises them against `reference`, reading
/// ambiguous numeric dates month first.
pub fn extract(doc: &Doc, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    extract_with(doc, reference, &TimeOptions::default())
}

/// Finds the time expressions of `doc` with explicit options.
pub fn extract_with(
    doc: &Doc,
    reference: Option<NaiveDate>,
    options: &TimeOptions,
) -> Vec<TimeExpr> {
    let ctx = Context {
        reference,
        order: options.date_order,
    };
    let mut out: Vec<TimeExpr> = Vec::new();
    // the last calendar point mentioned, and the last quarter, for anchored expressions
    let mut anchor: Option<(Cal, usize)> = None;
    let mut last_quarter: Option<Cal> = None;
    // the sentence of the last quarter mentioned: "a year earlier" is the year-ago quarter
    // only while quarters are being discussed
    let mut quarter_sentence: Option<usize> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let p = pieces::pieces(doc, sentence.tokens.clone());
        for m in grammar::scan(&p, &ctx) {
            let (Some(first), Some(last)) = (p.get(m.start), p.get(m.end.saturating_sub(1))) else {
                continue;
            };
            let span = Span::new(first.start, last.end);
            let fixed = matches!(m.meaning, Meaning::Value(_));
            let counted_from_anchor = matches!(
                m.meaning,
                Meaning::Weekday { .. }
                    | Meaning::DayPart { .. }
                    | Meaning::Shift { deictic: false, .. }
            );
            let value = match m.meaning {
                Meaning::Value(v) => v,
                // "a year earlier" in a report of quarterly results is the year-ago quarter
                Meaning::Shift {
                    unit: Unit::Year,
                    n: -1,
                    ..
                } if last_quarter.is_some()
                    && quarter_sentence.is_some_and(|q| si.saturating_sub(q) <= QUARTER_REACH) =>
                {
                    last_quarter
                        .and_then(|q| q.shift(Unit::Year, -1))
                        .map_or_else(|| "XXXX-QX".to_string(), |c| c.value())
                }
                Meaning::Shift {
                    unit,
                    n,
                    deictic,
                    gran,
                } => shift_value(reference, anchor, si, unit, n, deictic, gran),
                Meaning::Weekday {
                    weekday,
                    direction,
                    fallback,
                } => match recent_day(anchor, si) {
                    Some(d) => {
                        let target = calendar::weekday(weekday);
                        let mut day = d;
                        for _ in 0..7 {
                            day = if direction < 0 {
                                day.pred_opt()
                            } else {
                                day.succ_opt()
                            }
                            .unwrap_or(day);
                            if day.weekday() == target {
                                break;
                            }
                        }
                        Cal::Day(day).value()
                    }
                    None => fallback,
                },
                Meaning::DayPart { n, part } => {
                    let base = recent_day(anchor, si).or(reference);
                    match base.and_then(|d| d.checked_add_signed(chrono::Duration::try_days(n)?)) {
                        Some(d) => format!("{}T{part}", Cal::Day(d).value()),
                        None => format!("XXXX-XX-XXT{part}"),
                    }
                }
                Meaning::Quarter { years, year, ended } => {
                    quarter_sentence = Some(si);
                    if last_quarter.is_none() && ended.is_some() {
                        last_quarter = ended;
                    }
                    let base = last_quarter.or_else(|| {
                        reference.and_then(|r| Cal::at(r, Unit::Quarter).shift(Unit::Quarter, -1))
                    });
                    let base = match (base, year) {
                        (Some(Cal::Quarter(_, q)), Some(y)) => Some(Cal::Quarter(y, q)),
                        (b, _) => b,
                    };
                    base.and_then(|q| q.shift(Unit::Year, years))
                        .map_or_else(|| "XXXX-QX".to_string(), |c| c.value())
                }
            };
            // only dates the article states anchor others: a chain of "a year earlier" must
            // not drift back a year at each step
            // an expression counted from the day under discussion keeps that day under
            // discussion ("On Friday ... Later in the day ... That night"), without moving it
            if counted_from_anchor
                && let Some((c, s)) = anchor
                && si.saturating_sub(s) <= 1
            {
                anchor = Some((c, si));
            }
            // a time of a given day anchors its day: "Friday night ... the next morning"
            if fixed
                && m.kind == TimeType::Time
                && let Some(c @ Cal::Day(_)) = value.get(..10).and_then(Cal::parse)
            {
                anchor = Some((c, si));
            }
            if fixed
                && m.kind == TimeType::Date
                && let Some(c) = Cal::parse(&value)
            {
                anchor = Some((c, si));
                // the quarter under discussion is one that has ended: a forecast for "the
                // third quarter of 1990" does not move "the year-ago period" of a report
                if matches!(c, Cal::Quarter(..)) {
                    quarter_sentence = Some(si);
                }
                if matches!(c, Cal::Quarter(..))
                    && reference.is_none_or(|r| {
                        c.shift(Unit::Quarter, 1)
                            .and_then(|next| next.first_day())
                            .is_some_and(|d| d <= r)
                    })
                {
                    last_quarter = Some(c);
                }
            }
            out.push(TimeExpr {
                id: out.len() + 1,
                text: doc.text[span.start..span.end].to_string(),
                kind: m.kind,
                value,
                span,
                sentence: si,
            });
        }
    }
    out
}

/// How many sentences after a quarter is mentioned "a year earlier" still means its year-ago
/// quarter.
const QUARTER_REACH: usize = 2;

/// The day last mentioned, if it was in this sentence or the one before.
fn recent_day(anchor: Option<(Cal, usize)>, sentence: usize) -> Option<NaiveDate> {
    match anchor {
        Some((Cal::Day(d), s)) if sentence.saturating_sub(s) <= 1 => Some(d),
        _ => None,
    }
}

/// The value of a shifted expression: from the last date mentioned (in this sentence for
/// `ago`, in the last two sentences otherwise), else from the reference date.
fn shift_value(
    reference: Option<NaiveDate>,
    anchor: Option<(Cal, usize)>,
    sentence: usize,
    unit: Unit,
    n: i64,
    deictic: bool,
    gran: Unit,
) -> String {
    let usable = anchor.filter(|(c, s)| {
        if deictic {
            *s == sentence && matches!(c, Cal::Quarter(..))
        } else {
            sentence.saturating_sub(*s) <= 1
        }
    });
    // a day counted from a month or a year ("in October ... that same day") is a day of it
    // that the text does not give
    if unit == Unit::Day
        && let Some((c, _)) = usable
        && granularity_rank(&c) > 0
    {
        return match c {
            Cal::Month(y, m) => format!("{y:04}-{m:02}-XX"),
            Cal::Year(y) => format!("{y:04}-XX-XX"),
            _ => "XXXX-XX-XX".into(),
        };
    }
    let base = match usable {
        // an anchor finer than the expression is read at the expression's granularity
        // ("the following year" after "May 22, 1995" is 1996, not 1996-05-22)
        Some((c, _)) if granularity_rank(&c) < unit_rank(gran) => {
            c.first_day().map(|d| Cal::at(d, gran))
        }
        Some((c, _)) => Some(c),
        None => reference.map(|r| Cal::at(r, gran)),
    };
    match base.and_then(|b| b.shift(unit, n)) {
        Some(c) => c.value(),
        None => match gran {
            Unit::Day => "XXXX-XX-XX".into(),
            Unit::Week => "XXXX-WXX".into(),
            Unit::Month => "XXXX-XX".into(),
            Unit::Quarter => "XXXX-QX".into(),
            _ => "XXXX".into(),
        },
    }
}

fn unit_rank(u: Unit) -> u8 {
    match u {
        Unit::Day => 0,
        Unit::Week => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        Unit::Year => 4,
        Unit::Decade => 5,
        Unit::Century => 6,
    }
}

fn granularity_rank(c: &Cal) -> u8 {
    match c {
        Cal::Day(_) => 0,
        Cal::Week(..) | Cal::Weekend(..) => 1,
        Cal::Month(..) => 2,
        Cal::Quarter(..) | Cal::Season(..) => 3,
        Cal::Half(..) | Cal::Year(_) => 4,
        Cal::Decade(_) => 5,
        Cal::Century(_) => 6,
    }
}
