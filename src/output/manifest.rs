//! The manifest: what every input of a run was, so the next run can carry unchanged files over
//! and `merge` can put the rows of several shard runs back in input order.
//!
//! `manifest.jsonl` sits beside the tables and is committed with them. It is JSON Lines, read
//! and written as a stream (a million files never sit in memory):
//!
//! ```text
//! {"newsmine_manifest":1,"newsmine_version":…,"settings":{…}}        header: what the run was
//! {"root":0,"rel":"a/b.txt","path":…,"kind":"file","size":…,…}        one entry per input, in
//! …                                                                    input order
//! {"end":{"entries":N,"tables":{"articles.csv":{"bytes":…,"blake3":…},…}}}   trailer
//! ```
//!
//! An entry lists its file's size, modification time and content hash and how many rows it
//! has in each table; since the tables are written in input order, a file's rows are the next
//! `rows[t]` rows of table `t` after those of the entries before it. The trailer fingerprints
//! every table, so a manifest is only trusted with the very tables it was written with.

use super::digest::Digest;
use super::tables::Table;
use crate::config::RunConfig;
use crate::corpus::discover::to_slash;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

/// The manifest's file name in the output folder.
pub const MANIFEST_FILE: &str = "manifest.jsonl";

/// The version of the manifest's format.
pub const FORMAT: u32 = 1;

/// Why a manifest cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// Reading failed.
    #[error("cannot read {MANIFEST_FILE}: {0}")]
    Io(#[from] std::io::Error),
    /// A line is not what it should be.
    #[error("{MANIFEST_FILE} line {line}: {message}")]
    Malformed {
        /// The 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
}

/// Everything about a run that changes the rows it writes for a given file. Two runs with equal
/// settings write equal rows for equal files, so rows can be carried from one to the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The extractor version (program version and data hash).
    pub extractor_version: String,
    /// The inputs, as given on the command line.
    pub inputs: Vec<String>,
    /// The file name endings read.
    pub extensions: Vec<String>,
    /// The per-file size limit.
    pub max_file_size: u64,
    /// The limit on a compressed file's decompressed size.
    pub max_decompressed_size: u64,
    /// The fallback date for relative time expressions.
    pub reference_date: Option<String>,
    /// Excel style (BOM and CRLF).
    pub excel: bool,
    /// Formula guard on cells.
    pub formula_guard: bool,
    /// Symbolic links followed.
    pub follow_links: bool,
    /// Hidden files read.
    pub hidden: bool,
    /// The shard (`K/N`), if the run took one.
    pub shard: Option<String>,
    /// How ambiguous numeric dates are read (`mdy` or `dmy`).
    #[serde(default)]
    pub date_order: String,
}

impl Settings {
    /// The settings of a run with `config`, by the extractor of this build.
    pub fn of_run(config: &RunConfig) -> Settings {
        Settings {
            extractor_version: crate::EXTRACTOR_VERSION.to_string(),
            inputs: config.inputs.iter().map(|p| to_slash(p)).collect(),
            extensions: config.extensions.clone(),
            max_file_size: config.max_file_size,
            max_decompressed_size: config.max_decompressed_size,
            reference_date: config.reference_date.map(|d| d.to_string()),
            excel: config.style.excel,
            formula_guard: config.style.formula_guard,
            follow_links: config.follow_links,
            hidden: config.hidden,
            shard: config.shard.map(|s| s.to_string()),
            date_order: config.analysis.date_order.code().to_string(),
        }
    }

    /// How `self` (the earlier run) differs from `now`, for people; `None` when equal.
    pub fn difference(&self, now: &Settings) -> Option<String> {
        let changed = |what: &str, before: String, after: String| {
            Some(format!("{what} changed ({before} → {after})"))
        };
        if self.extractor_version != now.extractor_version {
            return changed(
                "the extractor version",
                self.extractor_version.clone(),
                now.extractor_version.clone(),
            );
        }
        if self.inputs != now.inputs {
            return changed("the inputs", self.inputs.join(" "), now.inputs.join(" "));
        }
        if self.shard != now.shard {
            let show = |s: &Option<String>| s.clone().unwrap_or_else(|| "none".into());
            return changed("the shard", show(&self.shard), show(&now.shard));
        }
        if self != now {
            let (serde_json::Value::Object(a), serde_json::Value::Object(b)) = (
                serde_json::to_value(self).unwrap_or_default(),
                serde_json::to_value(now).unwrap_or_default(),
            ) else {
                return Some("the options changed".into());
            };
            let diffs: Vec<String> = a
                .iter()
                .filter(|(k, v)| b.get(*k) != Some(v))
                .map(|(k, v)| format!("{k}: {v} → {}", b.get(k).unwrap_or_default()))
                .collect();
            return Some(format!("the options changed ({})", diffs.join(", ")));
        }
        None
    }
}

/// The first line of a manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The manifest format ([`FORMAT`]).
    pub newsmine_manifest: u32,
    /// The program that wrote it.
    pub newsmine_version: String,
    /// The run's settings.
    pub settings: Settings,
}

/// What an entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A file that was read (or tried).
    File,
    /// Something discovery reported without reading it (a link not followed, a folder that
    /// could not be listed); rebuilt by every run, never carried over.
    Error,
}

/// One input of a run and its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The index of its root among the inputs.
    pub root: u32,
    /// Its path relative to the root, `/`-separated.
    pub rel: String,
    /// The bytes of `rel` in hex, for names that are not UTF-8 (`rel` is then lossy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel_hex: Option<String>,
    /// Its path as written to the tables.
    pub path: String,
    /// File or discovery error.
    pub kind: EntryKind,
    /// Size on disk in bytes.
    #[serde(default)]
    pub size: u64,
    /// Modification time, nanoseconds since 1970.
    #[serde(default)]
    pub mtime_ns: i64,
    /// BLAKE3 of the bytes on disk (32 hex digits); empty when the file was not read.
    #[serde(default)]
    pub hash: String,
    /// Modified so shortly before (or during) the run that an equal size and time does not
    /// prove it unchanged: the next run compares the content hash.
    #[serde(default)]
    pub racy: bool,
    /// The file itself failed (could not be read or decoded): tried again by every run.
    #[serde(default)]
    pub retry: bool,
    /// Articles (rows of `articles.csv`).
    pub articles: u64,
    /// Records or files skipped.
    pub skipped: u64,
    /// Records or files failed.
    pub failed: u64,
    /// Rows in each table, in [`Table::ALL`] order.
    pub rows: [u64; 7],
}

impl Entry {
    /// The relative path's bytes, which [`input_order`](crate::corpus::discover::input_order)
    /// compares.
    pub fn order_key(&self) -> Vec<u8> {
        match self.rel_hex.as_deref().and_then(from_hex) {
            Some(raw) => raw,
            None => self.rel.as_bytes().to_vec(),
        }
    }

    /// Records of the input: articles, skipped and failed.
    pub fn records(&self) -> u64 {
        self.articles + self.skipped + self.failed
    }
}

/// The last line of a manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trailer {
    /// The summary.
    pub end: End,
}

/// How many entries the manifest holds and which tables it goes with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct End {
    /// The number of entries.
    pub entries: u64,
    /// Each table's digest, by file name.
    pub tables: BTreeMap<String, Digest>,
}

/// Writes a manifest line by line.
pub struct ManifestWriter<W: Write> {
    out: W,
    entries: u64,
    line: Vec<u8>,
}

impl<W: Write> ManifestWriter<W> {
    /// Starts a manifest with its header.
    pub fn new(mut out: W, settings: &Settings) -> std::io::Result<Self> {
        let header = Header {
            newsmine_manifest: FORMAT,
            newsmine_version: crate::VERSION.to_string(),
            settings: settings.clone(),
        };
        serde_json::to_writer(&mut out, &header)?;
        out.write_all(b"\n")?;
        Ok(ManifestWriter {
            out,
            entries: 0,
            line: Vec::with_capacity(256),
        })
    }

    /// Appends one entry.
    pub fn entry(&mut self, entry: &Entry) -> std::io::Result<()> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, entry)?;
        self.line.push(b'\n');
        self.out.write_all(&self.line)?;
        self.entries += 1;
        Ok(())
    }

    /// Writes the trailer with the digests of the finished tables and returns the sink.
    pub fn finish(mut self, tables: &[(Table, Digest)]) -> std::io::Result<W> {
        let trailer = Trailer {
            end: End {
                entries: self.entries,
                tables: tables
                    .iter()
                    .map(|(t, d)| (t.file_name(), d.clone()))
                    .collect(),
            },
        };
        serde_json::to_writer(&mut self.out, &trailer)?;
        self.out.write_all(b"\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A manifest being read: its header and trailer, and its entries as a stream.
pub struct ManifestReader {
    /// The header.
    pub header: Header,
    /// The trailer.
    pub trailer: Trailer,
    lines: BufReader<File>,
    line_no: u64,
    read: u64,
    buf: String,
    done: bool,
}

impl ManifestReader {
    /// Opens the manifest in `dir`; `Ok(None)` when there is none.
    pub fn open(dir: &Path) -> Result<Option<ManifestReader>, ManifestError> {
        let path = dir.join(MANIFEST_FILE);
        let mut file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let trailer = read_trailer(&mut file)?;
        file.seek(SeekFrom::Start(0))?;
        let mut lines = BufReader::with_capacity(256 * 1024, file);
        let mut first = String::new();
        lines.read_line(&mut first)?;
        let header: Header = serde_json::from_str(&first).map_err(|e| malformed(1, e))?;
        if header.newsmine_manifest != FORMAT {
            return Err(ManifestError::Malformed {
                line: 1,
                message: format!(
                    "format {} is not the format {FORMAT} this newsmine reads",
                    header.newsmine_manifest
                ),
            });
        }
        Ok(Some(ManifestReader {
            header,
            trailer,
            lines,
            line_no: 1,
            read: 0,
            buf: String::new(),
            done: false,
        }))
    }

    /// The next entry, in input order; `None` after the last.
    pub fn next_entry(&mut self) -> Result<Option<Entry>, ManifestError> {
        if self.done {
            return Ok(None);
        }
        self.buf.clear();
        self.line_no += 1;
        let n = self.lines.read_line(&mut self.buf)?;
        if n == 0 || self.buf.starts_with("{\"end\"") {
            self.done = true;
            if self.read != self.trailer.end.entries {
                return Err(ManifestError::Malformed {
                    line: self.line_no,
                    message: format!(
                        "{} entries where the trailer counts {}",
                        self.read, self.trailer.end.entries
                    ),
                });
            }
            return Ok(None);
        }
        let entry: Entry =
            serde_json::from_str(&self.buf).map_err(|e| malformed(self.line_no, e))?;
        self.read += 1;
        Ok(Some(entry))
    }
}

/// `bytes` as lower-case hex.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

fn malformed(line: u64, e: serde_json::Error) -> ManifestError {
    ManifestError::Malformed {
        line,
        message: e.to_string(),
    }
}

/// Reads the last line of the manifest: the trailer. Only the end of the file is read.
fn read_trailer(file: &mut File) -> Result<Trailer, ManifestError> {
    let len = file.metadata()?.len();
    let start = len.saturating_sub(64 * 1024);
    file.seek(SeekFrom::Start(start))?;
    let mut tail = String::new();
    file.read_to_string(&mut tail)
        .map_err(|_| ManifestError::Malformed {
            line: 0,
            message: "the end of the file is not text".into(),
        })?;
    let last = tail
        .trim_end_matches('\n')
        .rsplit('\n')
        .next()
        .unwrap_or("");
    serde_json::from_str(last).map_err(|e| ManifestError::Malformed {
        line: 0,
        message: format!("the last line is not the trailer (the manifest is incomplete): {e}"),
    })
}

/// Checks that the tables in `dir` are the ones `trailer` describes, by size (cheap; the
/// content hashes are checked as the tables are read). Returns what does not match.
pub fn tables_match(dir: &Path, trailer: &Trailer) -> Result<(), String> {
    for table in Table::ALL {
        let name = table.file_name();
        let Some(digest) = trailer.end.tables.get(&name) else {
            return Err(format!("the manifest does not describe {name}"));
        };
        match std::fs::metadata(dir.join(&name)) {
            Ok(m) if m.len() == digest.bytes => {}
            Ok(_) => return Err(format!("{name} is not the table the manifest describes")),
            Err(_) => return Err(format!("{name} is missing")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            extractor_version: "0.1.0+data.x".into(),
            inputs: vec!["in".into()],
            extensions: vec!["txt".into()],
            max_file_size: 10,
            max_decompressed_size: 20,
            reference_date: None,
            excel: false,
            formula_guard: true,
            follow_links: false,
            hidden: false,
            shard: None,
            date_order: "mdy".into(),
        }
    }

    fn entry(rel: &str) -> Entry {
        Entry {
            root: 0,
            rel: rel.into(),
            rel_hex: None,
            path: format!("in/{rel}"),
            kind: EntryKind::File,
            size: 3,
            mtime_ns: 5,
            hash: "ab".into(),
            racy: false,
            retry: false,
            articles: 1,
            skipped: 0,
            failed: 0,
            rows: [1, 2, 3, 0, 0, 0, 0],
        }
    }

    #[test]
    fn round_trip_streams_entries() {
        let tmp = tempfile::tempdir().unwrap();
        let f = File::create(tmp.path().join(MANIFEST_FILE)).unwrap();
        let mut w = ManifestWriter::new(f, &settings()).unwrap();
        w.entry(&entry("a.txt")).unwrap();
        w.entry(&entry("b/c.txt")).unwrap();
        let d = Digest {
            bytes: 1,
            blake3: "x".into(),
        };
        w.finish(&[(Table::Articles, d)]).unwrap();
        let mut r = ManifestReader::open(tmp.path()).unwrap().unwrap();
        assert_eq!(r.header.settings, settings());
        assert_eq!(r.trailer.end.entries, 2);
        assert_eq!(r.next_entry().unwrap(), Some(entry("a.txt")));
        assert_eq!(r.next_entry().unwrap(), Some(entry("b/c.txt")));
        assert_eq!(r.next_entry().unwrap(), None);
        assert!(
            ManifestReader::open(&tmp.path().join("none"))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn an_incomplete_manifest_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let mut f = File::create(tmp.path().join(MANIFEST_FILE)).unwrap();
        let mut w = ManifestWriter::new(&mut f, &settings()).unwrap();
        w.entry(&entry("a.txt")).unwrap();
        drop(w);
        assert!(ManifestReader::open(tmp.path()).is_err());
    }

    #[test]
    fn order_keys_keep_raw_bytes() {
        let mut e = entry("odd-\u{FFFD}.txt");
        e.rel_hex = Some(to_hex(b"odd-\xff.txt"));
        assert_eq!(e.order_key(), b"odd-\xff.txt");
        assert_eq!(entry("a.txt").order_key(), b"a.txt");
        let line = serde_json::to_string(&entry("a.txt")).unwrap();
        assert!(!line.contains("rel_hex"));
    }

    #[test]
    fn differences_are_explained() {
        let a = settings();
        let mut b = settings();
        assert_eq!(a.difference(&b), None);
        b.extractor_version = "0.2.0+data.y".into();
        assert!(a.difference(&b).unwrap().contains("extractor version"));
        let mut c = settings();
        c.excel = true;
        assert!(a.difference(&c).unwrap().contains("options"));
    }
}
