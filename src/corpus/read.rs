//! Reading a file's bytes within a size limit, and decompressing `.gz` / `.zst` files.
//!
//! Compressed files are recognised by name (`feed.jsonl.gz`, `a.txt.zst`) and decompressed in
//! memory with a separate limit on the decompressed size, so that a decompression bomb fails
//! alone with reason `decompressed-too-large` instead of filling the memory.

use super::{InputError, Stage};
use std::io::Read;
use std::path::Path;

/// How a file is compressed, judged by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed.
    None,
    /// gzip (`.gz`), one member or several.
    Gzip,
    /// Zstandard (`.zst`).
    Zstd,
}

impl Compression {
    /// The compression of a file called `name` (case-insensitive).
    pub fn of_name(name: &str) -> Compression {
        Compression::strip(&name.to_ascii_lowercase()).1
    }

    /// Splits a lower-case name into the name without its compression suffix and the
    /// compression (`feed.jsonl.gz` → `feed.jsonl`, gzip).
    pub fn strip(name: &str) -> (&str, Compression) {
        if let Some(base) = name.strip_suffix(".gz") {
            (base, Compression::Gzip)
        } else if let Some(base) = name.strip_suffix(".zst") {
            (base, Compression::Zstd)
        } else {
            (name, Compression::None)
        }
    }
}

/// The bytes of a file as found on disk, and what the file system says about it.
#[derive(Debug, Clone)]
pub struct RawFile {
    /// The bytes (still compressed, for a compressed file).
    pub bytes: Vec<u8>,
    /// The size on disk when the file was opened.
    pub size: u64,
    /// The modification time, in nanoseconds since 1970 (0 when unknown).
    pub mtime_ns: i64,
}

/// The modification time of `meta` in nanoseconds since 1970 (negative before; 0 if unknown).
pub fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    let Ok(t) = meta.modified() else { return 0 };
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_nanos()).unwrap_or(i64::MAX),
    }
}

/// Reads the file at `path` as it is on disk, failing files larger than `max_bytes` without
/// reading them; also returns its size and modification time as seen when it was opened.
pub fn read_raw(path: &Path, display: &str, max_bytes: u64) -> Result<RawFile, InputError> {
    let file = std::fs::File::open(path).map_err(|e| io_failure(display, &e))?;
    let (size, mtime) = match file.metadata() {
        Ok(m) => (m.len(), mtime_ns(&m)),
        Err(_) => (0, 0),
    };
    if size > max_bytes {
        return Err(too_large(display, size, max_bytes));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows while it is read.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_failure(display, &e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(display, bytes.len() as u64, max_bytes));
    }
    Ok(RawFile {
        bytes,
        size,
        mtime_ns: mtime,
    })
}

/// Decompresses `bytes`, failing when the result would exceed `max_bytes` (a decompression
/// bomb) or the data is not valid for its compression. Uncompressed bytes are returned as
/// they are.
pub fn decompress(
    bytes: Vec<u8>,
    compression: Compression,
    display: &str,
    max_bytes: u64,
) -> Result<Vec<u8>, InputError> {
    let reader: Box<dyn Read + '_> = match compression {
        Compression::None => return Ok(bytes),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(&bytes[..])),
        Compression::Zstd => match zstd::stream::read::Decoder::with_buffer(&bytes[..]) {
            Ok(d) => Box::new(d),
            Err(e) => return Err(bad_compression(display, compression, &e)),
        },
    };
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(max_bytes as usize));
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| bad_compression(display, compression, &e))?;
    if out.len() as u64 > max_bytes {
        return Err(InputError::failed(
            display,
            Stage::Read,
            "decompressed-too-large",
            format!(
                "decompresses to more than {} (a {} file; limit {}, raise it with \
                 --max-decompressed-size)",
                human_bytes(max_bytes),
                human_bytes(bytes.len() as u64),
                human_bytes(max_bytes)
            ),
        ));
    }
    Ok(out)
}

fn bad_compression(display: &str, compression: Compression, e: &std::io::Error) -> InputError {
    let name = match compression {
        Compression::Gzip => "gzip",
        _ => "zstd",
    };
    InputError::failed(
        display,
        Stage::Read,
        "bad-compression",
        format!("not valid {name} data: {e}"),
    )
}

/// Reads and decompresses the file at `path`: at most `max_file_size` bytes on disk and, for a
/// compressed file, at most `max_decompressed_size` bytes once decompressed.
pub fn read_input(
    path: &Path,
    display: &str,
    max_file_size: u64,
    max_decompressed_size: u64,
) -> Result<Vec<u8>, InputError> {
    let raw = read_raw(path, display, max_file_size)?;
    let compression = path
        .file_name()
        .map(|n| Compression::of_name(&n.to_string_lossy()))
        .unwrap_or(Compression::None);
    decompress(raw.bytes, compression, display, max_decompressed_size)
}

/// Reads the whole file at `path`, failing files larger than `max_bytes` without reading them.
pub fn read_limited(path: &Path, display: &str, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    read_raw(path, display, max_bytes).map(|r| r.bytes)
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

    #[test]
    fn gzip_and_zstd_round_trip_and_bombs_fail() {
        use std::io::Write;
        let text = b"The council met in Leeds on Monday.".repeat(10);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(
            decompress(gz.clone(), Compression::Gzip, "a.txt.gz", 1_000).unwrap(),
            text
        );
        let zst = zstd::encode_all(&text[..], 3).unwrap();
        assert_eq!(
            decompress(zst, Compression::Zstd, "a.txt.zst", 1_000).unwrap(),
            text
        );
        let e = decompress(gz, Compression::Gzip, "a.txt.gz", 100).unwrap_err();
        assert_eq!(e.kind, "decompressed-too-large");
        let e = decompress(b"not gzip".to_vec(), Compression::Gzip, "b.gz", 100).unwrap_err();
        assert_eq!(e.kind, "bad-compression");
        let e = decompress(b"not zstd".to_vec(), Compression::Zstd, "b.zst", 100).unwrap_err();
        assert_eq!(e.kind, "bad-compression");
        assert_eq!(Compression::of_name("Feed.JSONL.GZ"), Compression::Gzip);
        assert_eq!(Compression::of_name("a.txt"), Compression::None);
    }
}
