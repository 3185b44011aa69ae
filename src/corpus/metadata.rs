//! Article metadata: publication dates as sources write them, read into calendar dates.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Reads the calendar date out of a publication date or time as news sources write them:
/// ISO 8601 / RFC 3339 (`2017-06-06`, `2017-06-06T10:00:00Z`), RFC 2822
/// (`Tue, 06 Jun 2017 10:00:00 GMT`), `2017/06/06`, `June 6, 2017`, `6 June 2017`, `20170606`.
/// The date is the one the source wrote, in its own time zone.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.date());
        }
    }
    // A date at the start, whatever follows (a time, a zone we do not know).
    let head: String = s.chars().take(10).collect();
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(&head, fmt) {
            return Some(d);
        }
    }
    if s.len() == 8
        && s.bytes().all(|b| b.is_ascii_digit())
        && let Ok(d) = NaiveDate::parse_from_str(s, "%Y%m%d")
    {
        return Some(d);
    }
    let cleaned: String = s
        .replace(',', " ")
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .map(strip_ordinal)
        .map(|w| {
            if w.eq_ignore_ascii_case("sept") {
                "Sep"
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    for fmt in [
        "%B %d %Y",
        "%b %d %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A %B %d %Y",
        "%A %d %B %Y",
        "%a %b %d %Y",
        "%a %d %b %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, fmt) {
            return Some(d);
        }
    }
    // "June 6, 2017 10:30 AM EST": try the first three or four words.
    let words: Vec<&str> = cleaned.split(' ').collect();
    for n in [3, 4] {
        if words.len() > n {
            let head = words[..n].join(" ");
            for fmt in [
                "%B %d %Y",
                "%b %d %Y",
                "%d %B %Y",
                "%d %b %Y",
                "%A %B %d %Y",
                "%A %d %B %Y",
            ] {
                if let Ok(d) = NaiveDate::parse_from_str(&head, fmt) {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn strip_ordinal(w: &str) -> &str {
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(num) = w.strip_suffix(suffix)
            && !num.is_empty()
            && num.bytes().all(|b| b.is_ascii_digit())
        {
            return num;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn formats_news_sources_use() {
        assert_eq!(parse_date("2017-06-06"), d(2017, 6, 6));
        assert_eq!(parse_date("2017-06-06T10:00:00Z"), d(2017, 6, 6));
        assert_eq!(parse_date("2017-06-06T23:30:00-05:00"), d(2017, 6, 6));
        assert_eq!(parse_date("2017-06-06 10:00:00"), d(2017, 6, 6));
        assert_eq!(parse_date("Tue, 06 Jun 2017 10:00:00 GMT"), d(2017, 6, 6));
        assert_eq!(parse_date("June 6, 2017"), d(2017, 6, 6));
        assert_eq!(parse_date("6 June 2017"), d(2017, 6, 6));
        assert_eq!(parse_date("Tuesday, June 6th, 2017"), d(2017, 6, 6));
        assert_eq!(parse_date("Sept. 6, 2017"), d(2017, 9, 6));
        assert_eq!(parse_date("20170606"), d(2017, 6, 6));
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date(""), None);
    }
}
