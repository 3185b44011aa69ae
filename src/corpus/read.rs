//! Reading a file's bytes within a size limit.

use super::{InputError, Stage};
use std::io::Read;
use std::path::Path;

/// Reads the whole file at `path`, failing files larger than `max_bytes` without reading them.
pub fn read_limited(path: &Path, display: &str, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let file = std::fs::File::open(path).map_err(|e| io_failure(display, &e))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max_bytes {
        return Err(too_large(display, len, max_bytes));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // `take` guards against a file that grows while it is read.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_failure(display, &e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(display, bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

/// The error for a file over the size limit.
pub fn too_large(display: &str, len: u64, max_bytes: u64) -> InputError {
    InputError::failed(
        display,
        Stage::Read,
        "too-large",
        format!(
            "file is {} (limit {}; raise it with --max-file-size)",
            human_bytes(len),
            human_bytes(max_bytes)
        ),
    )
}

fn io_failure(display: &str, e: &std::io::Error) -> InputError {
    let kind = match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission-denied",
        std::io::ErrorKind::NotFound => "not-found",
        _ if e.raw_os_error() == Some(21) => "is-a-directory",
        _ => "read-error",
    };
    InputError::failed(display, Stage::Read, kind, e.to_string())
}

/// Formats a byte count for people: `512 B`, `1.5 KB`, `20.0 MB`.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Parses a size such as `500KB`, `10MB`, `1GB`, `1.5 MiB` or a plain byte count.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let value: f64 = num
        .parse()
        .map_err(|_| format!("invalid size '{s}': expected a number such as 500KB, 10MB or 1GB"))?;
    let mult: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "t" | "tb" => 1e12,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        other => {
            return Err(format!(
                "invalid size unit '{other}' in '{s}': use B, KB, MB, GB, TB, KiB, MiB or GiB"
            ));
        }
    };
    let bytes = value * mult;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(format!("invalid size '{s}': must be at least one byte"));
    }
    Ok(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("20MB"), Ok(20_000_000));
        assert_eq!(parse_size("500KB"), Ok(500_000));
        assert_eq!(parse_size("1GB"), Ok(1_000_000_000));
        assert_eq!(parse_size("1.5 MiB"), Ok(1_572_864));
        assert_eq!(parse_size("123"), Ok(123));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("0").is_err());
        assert_eq!(human_bytes(20_000_000), "20.0 MB");
        assert_eq!(human_bytes(12), "12 B");
    }
}
