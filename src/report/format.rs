//! Numbers, durations and times written for people: `12,345`, `3.2 s`, `2025-03-15 02:41 UTC`.

use chrono::{DateTime, SecondsFormat, Utc};

/// An integer with thousands separators: `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A length of time: `0.42 s`, `3.2 s`, `4 min 12 s`, `2 h 05 min`.
pub fn duration(seconds: f64) -> String {
    if !seconds.is_finite() || seconds < 0.0 {
        return "–".to_string();
    }
    if seconds < 1.0 {
        format!("{seconds:.2} s")
    } else if seconds < 60.0 {
        format!("{seconds:.1} s")
    } else if seconds < 3600.0 {
        let s = seconds.round() as u64;
        format!("{} min {:02} s", s / 60, s % 60)
    } else {
        let m = (seconds / 60.0).round() as u64;
        format!("{} h {:02} min", m / 60, m % 60)
    }
}

/// A rate or other decimal for people: `12,345` from 100 up, `42.5` below, `0.12` below 1.
pub fn decimal(x: f64) -> String {
    if !x.is_finite() || x < 0.0 {
        "–".to_string()
    } else if x >= 100.0 {
        thousands(x.round() as u64)
    } else if x >= 1.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

/// `part` as a share of `whole`: `12%`, `4.5%`, `<0.1%`.
pub fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "–".to_string();
    }
    let p = part as f64 * 100.0 / whole as f64;
    if part > 0 && p < 0.1 {
        "<0.1%".to_string()
    } else if p < 10.0 {
        format!("{p:.1}%")
    } else {
        format!("{p:.0}%")
    }
}

/// A byte count: `512 B`, `3.4 MB`, `1.2 GB`.
pub fn bytes(n: u64) -> String {
    let x = n as f64;
    if n < 1000 {
        format!("{n} B")
    } else if x < 1e6 {
        format!("{:.1} kB", x / 1e3)
    } else if x < 1e9 {
        format!("{:.1} MB", x / 1e6)
    } else {
        format!("{:.2} GB", x / 1e9)
    }
}

/// An RFC 3339 time as an ISO date and time in UTC (`2025-03-15 02:41:07 UTC`); other text as
/// given.
pub fn time(rfc3339: &str) -> String {
    match DateTime::parse_from_rfc3339(rfc3339.trim()) {
        Ok(t) => {
            let utc = t.with_timezone(&Utc);
            let s = utc.to_rfc3339_opts(SecondsFormat::Secs, true);
            format!("{} UTC", s.trim_end_matches('Z').replace('T', " "))
        }
        Err(_) => rfc3339.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn for_people() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(12_345), "12,345");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(duration(0.4234), "0.42 s");
        assert_eq!(duration(3.24), "3.2 s");
        assert_eq!(duration(252.0), "4 min 12 s");
        assert_eq!(duration(7500.0), "2 h 05 min");
        assert_eq!(decimal(12_345.4), "12,345");
        assert_eq!(decimal(42.46), "42.5");
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(1, 40), "2.5%");
        assert_eq!(percent(1, 10_000), "<0.1%");
        assert_eq!(bytes(3_400_000), "3.4 MB");
        assert_eq!(time("2025-03-15T03:41:07+01:00"), "2025-03-15 02:41:07 UTC");
        assert_eq!(time("yesterday"), "yesterday");
    }
}
