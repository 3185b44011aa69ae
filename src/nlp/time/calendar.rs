//! Calendar points at every TIMEX3 granularity, their arithmetic and their values.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A resolved calendar point or period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cal {
    /// A day: `2017-06-05`.
    Day(NaiveDate),
    /// An ISO week: `2017-W22`.
    Week(i32, u32),
    /// The weekend of an ISO week: `2017-W22-WE`.
    Weekend(i32, u32),
    /// A month: `2017-06`.
    Month(i32, u32),
    /// A quarter: `2017-Q2`.
    Quarter(i32, u32),
    /// A half year: `2017-H1`.
    Half(i32, u32),
    /// A season: `2017-SU`.
    Season(i32, &'static str),
    /// A year: `2017`.
    Year(i32),
    /// A decade, by its first three digits: `201` for the 2010s.
    Decade(i32),
    /// A century, by its first two digits: `19` for the 1900s.
    Century(i32),
}

/// The units calendar points are shifted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// The unit for a TIMEX3 unit letter of the lexicon (`Y`, `M`, `W`, `D`, `Q`, `E`, `C`).
    pub fn from_letter(letter: &str) -> Option<Unit> {
        Some(match letter {
            "D" => Unit::Day,
            "W" | "WE" => Unit::Week,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "E" => Unit::Decade,
            "C" => Unit::Century,
            _ => return None,
        })
    }
}

/// The weekday for 1 (Monday) ..= 7 (Sunday).
pub fn weekday(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// Adds `n` months to `d`, clamping the day to the length of the month.
pub fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let total = d.year() as i64 * 12 + d.month0() as i64 + n;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = total.rem_euclid(12) as u32 + 1;
    let mut day = d.day();
    loop {
        if let Some(x) = NaiveDate::from_ymd_opt(year, month, day) {
            return Some(x);
        }
        if day <= 28 {
            return None;
        }
        day -= 1;
    }
}

fn month_shift(year: i32, month: u32, n: i64) -> Option<(i32, u32)> {
    let total = year as i64 * 12 + month as i64 - 1 + n;
    Some((
        i32::try_from(total.div_euclid(12)).ok()?,
        total.rem_euclid(12) as u32 + 1,
    ))
}

fn week_of(d: NaiveDate) -> (i32, u32) {
    let w = d.iso_week();
    (w.year(), w.week())
}

/// The Monday of ISO week `week` of `year`.
pub fn monday_of(year: i32, week: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
}

impl Cal {
    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match *self {
            Cal::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Cal::Week(y, w) => format!("{y:04}-W{w:02}"),
            Cal::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Cal::Month(y, m) => format!("{y:04}-{m:02}"),
            Cal::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Cal::Half(y, h) => format!("{y:04}-H{h}"),
            Cal::Season(y, s) => format!("{y:04}-{s}"),
            Cal::Year(y) => format!("{y:04}"),
            Cal::Decade(d) => format!("{d:03}"),
            Cal::Century(c) => format!("{c:02}"),
        }
    }

    /// Reads a TIMEX3 calendar value back (the forms [`Cal::value`] writes).
    pub fn parse(v: &str) -> Option<Cal> {
        let b = v.as_bytes();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
        match b.len() {
            2 if digits(v) => return v.parse().ok().map(Cal::Century),
            3 if digits(v) => return v.parse().ok().map(Cal::Decade),
            4 if digits(v) => return v.parse().ok().map(Cal::Year),
            _ => {}
        }
        if b.len() < 7 || !digits(&v[..4]) || b[4] != b'-' {
            return None;
        }
        let year: i32 = v[..4].parse().ok()?;
        let rest = &v[5..];
        if let Some(w) = rest.strip_prefix('W') {
            let (num, we) = match w.split_once('-') {
                Some((n, "WE")) => (n, true),
                Some(_) => return None,
                None => (w, false),
            };
            let week: u32 = num.parse().ok()?;
            return Some(if we {
                Cal::Weekend(year, week)
            } else {
                Cal::Week(year, week)
            });
        }
        if let Some(q) = rest.strip_prefix('Q') {
            return q.parse().ok().map(|q| Cal::Quarter(year, q));
        }
        if let Some(h) = rest.strip_prefix('H') {
            return h.parse().ok().map(|h| Cal::Half(year, h));
        }
        for s in ["SP", "SU", "FA", "WI"] {
            if rest == s {
                return Some(Cal::Season(year, s));
            }
        }
        let month_part = rest.get(..2)?;
        if !digits(month_part) {
            return None;
        }
        let month: u32 = month_part.parse().ok()?;
        if rest.len() == 2 {
            return (1..=12).contains(&month).then_some(Cal::Month(year, month));
        }
        let day_part = rest.get(3..5)?;
        if !digits(day_part) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day_part.parse().ok()?).map(Cal::Day)
    }

    /// The year the point falls in (its first year for decades and centuries).
    pub fn year(&self) -> i32 {
        match *self {
            Cal::Day(d) => d.year(),
            Cal::Week(y, _)
            | Cal::Weekend(y, _)
            | Cal::Month(y, _)
            | Cal::Quarter(y, _)
            | Cal::Half(y, _)
            | Cal::Season(y, _)
            | Cal::Year(y) => y,
            Cal::Decade(d) => d * 10,
            Cal::Century(c) => c * 100,
        }
    }

    /// The point `n` units later (earlier when `n` is negative), at the same granularity; a
    /// shift finer than the point (days from a month) keeps the point's granularity.
    pub fn shift(&self, unit: Unit, n: i64) -> Option<Cal> {
        let n32 = i32::try_from(n).ok()?;
        let months = match unit {
            Unit::Month => Some(n),
            Unit::Quarter => Some(3 * n),
            Unit::Year => Some(12 * n),
            Unit::Decade => Some(120 * n),
            Unit::Century => Some(1200 * n),
            _ => None,
        };
        Some(match *self {
            Cal::Day(d) => match unit {
                Unit::Day => Cal::Day(d.checked_add_signed(Duration::try_days(n)?)?),
                Unit::Week => Cal::Day(d.checked_add_signed(Duration::try_weeks(n)?)?),
                _ => Cal::Day(add_months(d, months?)?),
            },
            Cal::Week(y, w) | Cal::Weekend(y, w) => {
                let monday = monday_of(y, w)?;
                let moved = match unit {
                    Unit::Day => monday.checked_add_signed(Duration::try_days(n)?)?,
                    Unit::Week => monday.checked_add_signed(Duration::try_weeks(n)?)?,
                    _ => add_months(monday, months?)?,
                };
                let (y2, w2) = week_of(moved);
                if matches!(self, Cal::Weekend(..)) {
                    Cal::Weekend(y2, w2)
                } else {
                    Cal::Week(y2, w2)
                }
            }
            Cal::Month(y, m) => match months {
                Some(k) => {
                    let (y2, m2) = month_shift(y, m, k)?;
                    Cal::Month(y2, m2)
                }
                None => *self,
            },
            Cal::Quarter(y, q) => match months {
                Some(k) if k % 3 == 0 => {
                    let (y2, m2) = month_shift(y, (q - 1) * 3 + 1, k)?;
                    Cal::Quarter(y2, (m2 - 1) / 3 + 1)
                }
                _ => *self,
            },
            Cal::Half(y, h) => match months {
                Some(k) if k % 6 == 0 => {
                    let (y2, m2) = month_shift(y, (h - 1) * 6 + 1, k)?;
                    Cal::Half(y2, (m2 - 1) / 6 + 1)
                }
                _ => *self,
            },
            Cal::Season(y, s) => match unit {
                Unit::Year => Cal::Season(y.checked_add(n32)?, s),
                _ => *self,
            },
            Cal::Year(y) => match unit {
                Unit::Year => Cal::Year(y.checked_add(n32)?),
                Unit::Decade => Cal::Year(y.checked_add(n32.checked_mul(10)?)?),
                Unit::Century => Cal::Year(y.checked_add(n32.checked_mul(100)?)?),
                _ => *self,
            },
            Cal::Decade(d) => match unit {
                Unit::Decade => Cal::Decade(d.checked_add(n32)?),
                Unit::Century => Cal::Decade(d.checked_add(n32.checked_mul(10)?)?),
                _ => *self,
            },
            Cal::Century(c) => match unit {
                Unit::Century => Cal::Century(c.checked_add(n32)?),
                _ => *self,
            },
        })
    }

    /// The point of granularity `unit` that holds day `d`.
    pub fn at(d: NaiveDate, unit: Unit) -> Cal {
        match unit {
            Unit::Day => Cal::Day(d),
            Unit::Week => {
                let (y, w) = week_of(d);
                Cal::Week(y, w)
            }
            Unit::Month => Cal::Month(d.year(), d.month()),
            Unit::Quarter => Cal::Quarter(d.year(), (d.month() - 1) / 3 + 1),
            Unit::Year => Cal::Year(d.year()),
            Unit::Decade => Cal::Decade(d.year().div_euclid(10)),
            Unit::Century => Cal::Century(d.year().div_euclid(100)),
        }
    }

    /// The weekend of the ISO week holding `d`.
    pub fn weekend_of(d: NaiveDate) -> Cal {
        let (y, w) = week_of(d);
        Cal::Weekend(y, w)
    }

    /// The first day of the point (for ordering and for tense decisions).
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Cal::Day(d) => Some(d),
            Cal::Week(y, w) => monday_of(y, w),
            Cal::Weekend(y, w) => monday_of(y, w)?.checked_add_signed(Duration::days(5)),
            Cal::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Cal::Quarter(y, q) => NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) - 1) * 3 + 1, 1),
            Cal::Half(y, h) => NaiveDate::from_ymd_opt(y, (h.clamp(1, 2) - 1) * 6 + 1, 1),
            Cal::Season(y, s) => NaiveDate::from_ymd_opt(
                y,
                match s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                },
                1,
            ),
            Cal::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Cal::Decade(d) => NaiveDate::from_ymd_opt(d.checked_mul(10)?, 1, 1),
            Cal::Century(c) => NaiveDate::from_ymd_opt(c.checked_mul(100)?, 1, 1),
        }
    }
}

/// Easter Sunday of `year` (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`-th (1-based) `weekday` of `month` in `year`.
pub fn nth_weekday(year: i32, month: u32, wd: Weekday, n: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(n).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn values_round_trip() {
        for v in [
            "2017-06-05",
            "2017-W22",
            "2017-W22-WE",
            "2017-06",
            "2017-Q3",
            "2017-H2",
            "2017-SU",
            "2017",
            "199",
            "19",
        ] {
            assert_eq!(Cal::parse(v).map(|c| c.value()).as_deref(), Some(v));
        }
        assert_eq!(Cal::parse("XXXX-06"), None);
        assert_eq!(Cal::parse("PRESENT_REF"), None);
    }

    #[test]
    fn shifts_keep_granularity() {
        assert_eq!(
            Cal::Quarter(1989, 3).shift(Unit::Year, -1),
            Some(Cal::Quarter(1988, 3))
        );
        assert_eq!(
            Cal::Month(2000, 1).shift(Unit::Month, -2),
            Some(Cal::Month(1999, 11))
        );
        assert_eq!(
            Cal::Day(d(2017, 3, 31)).shift(Unit::Month, -1),
            Some(Cal::Day(d(2017, 2, 28)))
        );
        assert_eq!(
            Cal::Week(2017, 1).shift(Unit::Week, -1),
            Some(Cal::Week(2016, 52))
        );
        assert_eq!(Cal::Year(i32::MAX).shift(Unit::Year, 1), None);
    }

    #[test]
    fn feasts() {
        assert_eq!(easter(2017), Some(d(2017, 4, 16)));
        assert_eq!(easter(2000), Some(d(2000, 4, 23)));
        assert_eq!(
            nth_weekday(1999, 11, Weekday::Thu, 4),
            Some(d(1999, 11, 25))
        );
    }
}
