//! `newsmine merge`: joins the tables of shard runs (`run --shard K/N`) into the tables of the
//! whole corpus, byte for byte those that one run over every input would have written.
//!
//! Each shard's manifest lists its inputs in input order with the number of rows each has in
//! every table, so the merge is a k-way merge of the manifests by input order (the order
//! discovery walks in, [`input_order`]), copying each input's rows from its shard's tables as
//! a stream: memory holds one row and one manifest entry per shard. Before anything is
//! written, the shards must agree on the extractor version, the options and the table headers,
//! and their tables must match their manifests; an input found in two shards is refused. The
//! output is committed like a run's (lock, temporary files, journal) with a manifest — so an
//! `--incremental` run can build on it — and `run.json`.

use crate::config::MergeConfig;
use crate::corpus::discover::{input_order, to_slash};
use crate::output::carry::{CarryError, PrevTables};
use crate::output::commit::{OutputDir, OutputError};
use crate::output::digest::HashingWriter;
use crate::output::manifest::{
    Entry, MANIFEST_FILE, ManifestError, ManifestReader, ManifestWriter, Settings, tables_match,
};
use crate::output::run_report::{
    Counts, FailureTally, RUN_REPORT_FILE, RunReport, StageSeconds, now_rfc3339, per_second,
};
use crate::output::tables::{Table, TableWriters};
use crate::pipeline::RunSummary;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Why a merge could not complete. The output folder is untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// A shard folder does not exist or holds no manifest.
    #[error("{0} holds no {MANIFEST_FILE}: merge needs the output folders of `newsmine run`")]
    NoManifest(PathBuf),
    /// A shard's manifest cannot be read.
    #[error("{dir}: {source}")]
    Manifest {
        /// The shard folder.
        dir: PathBuf,
        /// The cause.
        source: ManifestError,
    },
    /// The shards cannot be joined (different versions, options, headers, tables).
    #[error("{0}")]
    Mismatch(String),
    /// An input appears in two shards.
    #[error(
        "duplicate article ids: {path} (article ids {id}…) is in both {first} and {second}; \
         each input must be in one shard only"
    )]
    Duplicate {
        /// The input's path.
        path: String,
        /// The start of its article ids.
        id: String,
        /// One shard folder.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// The output folder cannot be used.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A table could not be written.
    #[error("cannot write the tables: {0}")]
    Csv(#[from] csv::Error),
    /// Writing failed.
    #[error("cannot write the tables: {0}")]
    Io(#[from] std::io::Error),
}

/// One shard being read.
struct Shard {
    dir: PathBuf,
    manifest: ManifestReader,
    tables: PrevTables,
    head: Option<Entry>,
    // Held for its lock, so no run rewrites the shard while it is read (none when the folder
    // is read-only: then no run can write there either).
    _lock: Option<OutputDir>,
}

impl Shard {
    fn advance(&mut self) -> Result<(), MergeError> {
        let next = self
            .manifest
            .next_entry()
            .map_err(|source| MergeError::Manifest {
                dir: self.dir.clone(),
                source,
            })?;
        if let (Some(before), Some(after)) = (&self.head, &next)
            && input_order(
                (before.root, &before.order_key()),
                (after.root, &after.order_key()),
            ) != Ordering::Less
        {
            return Err(MergeError::Mismatch(format!(
                "{}: {MANIFEST_FILE} is not in input order at {}",
                self.dir.display(),
                after.path
            )));
        }
        self.head = next;
        Ok(())
    }
}

/// The position of a shard's next entry in the input order, for the merge's heap.
#[derive(PartialEq, Eq)]
struct Key {
    root: u32,
    key: Vec<u8>,
    shard: usize,
}

impl Key {
    fn same_input(&self, other: &Key) -> bool {
        self.root == other.root && self.key == other.key
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        input_order((self.root, &self.key), (other.root, &other.key))
            .then(self.shard.cmp(&other.shard))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Joins the shard folders of `config` into its output folder.
pub fn merge(config: &MergeConfig) -> Result<RunSummary, MergeError> {
    let started = Instant::now();
    let started_at = now_rfc3339();
    check_output_is_not_a_shard(config)?;
    let mut shards = open_shards(&config.shards)?;
    let settings = common_settings(&shards)?;
    let warnings = shard_warnings(&shards);

    let mut out = OutputDir::open(&config.output)?;
    let mut sinks = Vec::with_capacity(Table::ALL.len());
    for table in Table::ALL {
        sinks.push(HashingWriter::new(out.create(&table.file_name())?));
    }
    let style = crate::config::TableStyle {
        excel: settings.excel,
        formula_guard: settings.formula_guard,
    };
    let mut writers = TableWriters::new(sinks, style)?;
    let mut manifest = ManifestWriter::new(out.create(MANIFEST_FILE)?, &settings)?;
    let mut counts = Counts::default();
    let mut failures = FailureTally::default();

    let mut heap = BinaryHeap::new();
    for (i, s) in shards.iter_mut().enumerate() {
        s.advance()?;
        if let Some(e) = &s.head {
            heap.push(Reverse(key(e, i)));
        }
    }
    while let Some(Reverse(k)) = heap.pop() {
        if let Some(Reverse(other)) = heap.peek()
            && other.same_input(&k)
        {
            let id = shards[k.shard]
                .head
                .as_ref()
                .map(|e| e.rel.clone())
                .unwrap_or_default();
            return Err(MergeError::Duplicate {
                path: shards[k.shard]
                    .head
                    .as_ref()
                    .map(|e| e.path.clone())
                    .unwrap_or_default(),
                id,
                first: shards[k.shard].dir.clone(),
                second: shards[other.shard].dir.clone(),
            });
        }
        let shard = &mut shards[k.shard];
        let Some(entry) = shard.head.take() else {
            continue;
        };
        shard
            .tables
            .copy(&entry.rows, &mut writers, |row| {
                let kind = String::from_utf8_lossy(row.get(3).unwrap_or_default());
                let path = String::from_utf8_lossy(row.get(0).unwrap_or_default());
                failures.add(&kind, &path);
            })
            .map_err(|e| carry_error(&shard.dir, e))?;
        counts.seen += entry.records();
        counts.processed += entry.articles;
        counts.skipped += entry.skipped;
        counts.failed += entry.failed;
        manifest.entry(&entry)?;
        shard.head = Some(entry);
        shard.advance()?;
        if let Some(e) = &shard.head {
            heap.push(Reverse(key(e, k.shard)));
        }
    }
    let mut bytes_read = 0;
    for s in shards {
        let dir = s.dir.clone();
        for table in Table::ALL {
            bytes_read += std::fs::metadata(dir.join(table.file_name()))
                .map(|m| m.len())
                .unwrap_or(0);
        }
        s.tables
            .finish()
            .map_err(|e| MergeError::Mismatch(format!("{}: {e}", dir.display())))?;
    }

    let (rows, mut files) = crate::output::finish_tables(writers, manifest)?;
    let seconds = started.elapsed().as_secs_f64();
    let summary = RunSummary {
        seen: counts.seen,
        processed: counts.processed,
        carried_over: 0,
        skipped: counts.skipped,
        failed: counts.failed,
        files: 0,
        bytes: bytes_read,
        rows,
        seconds,
        output: config.output.clone(),
        full_run_reason: None,
        warnings,
    };
    let report = RunReport {
        newsmine_version: crate::VERSION.to_string(),
        extractor_version: settings.extractor_version.clone(),
        started: started_at,
        finished: now_rfc3339(),
        seconds,
        inputs: config.shards.iter().map(|p| to_slash(p)).collect(),
        output: to_slash(&config.output),
        reference_date: settings.reference_date.clone(),
        threads: 1,
        incremental: false,
        shard: None,
        exit_status: summary.exit_status(),
        counts,
        failures_by_kind: failures.into_map(),
        rows: rows.into(),
        stage_seconds: StageSeconds {
            write: seconds,
            ..StageSeconds::default()
        },
        bytes_read,
        mb_per_s: per_second(bytes_read as f64 / 1e6, seconds),
        articles_per_s: per_second(counts.processed as f64, seconds),
        command: "merge".into(),
        files_read: 0,
        bytes_decompressed: 0,
        full_run_reason: None,
        merged_from: config.shards.iter().map(|p| to_slash(p)).collect(),
        warnings: summary.warnings.clone(),
    };
    let mut json = out.create(RUN_REPORT_FILE)?;
    serde_json::to_writer_pretty(&mut json, &report).map_err(std::io::Error::from)?;
    json.write_all(b"\n")?;
    files.push(json);
    out.commit(files)?;
    Ok(summary)
}

fn key(e: &Entry, shard: usize) -> Key {
    Key {
        root: e.root,
        key: e.order_key(),
        shard,
    }
}

fn carry_error(dir: &Path, e: CarryError) -> MergeError {
    match e {
        CarryError::Stale(s) => MergeError::Mismatch(format!("{}: {s}", dir.display())),
        CarryError::Write(e) => MergeError::Csv(e),
    }
}

fn check_output_is_not_a_shard(config: &MergeConfig) -> Result<(), MergeError> {
    let output = std::fs::canonicalize(&config.output).ok();
    for dir in &config.shards {
        if output.is_some() && std::fs::canonicalize(dir).ok() == output {
            return Err(MergeError::Mismatch(format!(
                "the output folder {} is one of the shard folders; choose another --output",
                config.output.display()
            )));
        }
    }
    Ok(())
}

/// Opens every shard: takes its lock, reads its manifest and checks its tables.
fn open_shards(dirs: &[PathBuf]) -> Result<Vec<Shard>, MergeError> {
    let mut shards = Vec::with_capacity(dirs.len());
    let mut canonical = Vec::with_capacity(dirs.len());
    for dir in dirs {
        let c = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
        if canonical.contains(&c) {
            return Err(MergeError::Mismatch(format!(
                "{} is given twice: each shard folder must be merged once",
                dir.display()
            )));
        }
        canonical.push(c);
        if !dir.join(MANIFEST_FILE).is_file() {
            return Err(MergeError::NoManifest(dir.clone()));
        }
        // The lock also finishes a commit that was interrupted there.
        let lock = match OutputDir::open(dir) {
            Ok(lock) => Some(lock),
            Err(OutputError::Unwritable { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        let manifest = ManifestReader::open(dir)
            .map_err(|source| MergeError::Manifest {
                dir: dir.clone(),
                source,
            })?
            .ok_or_else(|| MergeError::NoManifest(dir.clone()))?;
        let mismatch = |why: String| MergeError::Mismatch(format!("{}: {why}", dir.display()));
        let tables =
            PrevTables::open(dir, &manifest.trailer).map_err(|e| mismatch(e.to_string()))?;
        tables_match(dir, &manifest.trailer).map_err(mismatch)?;
        shards.push(Shard {
            dir: dir.clone(),
            manifest,
            tables,
            head: None,
            _lock: lock,
        });
    }
    Ok(shards)
}

/// The settings every shard shares (without its shard), or why they differ.
fn common_settings(shards: &[Shard]) -> Result<Settings, MergeError> {
    let unsharded = |s: &Shard| Settings {
        shard: None,
        ..s.manifest.header.settings.clone()
    };
    let first = unsharded(&shards[0]);
    for s in &shards[1..] {
        let other = unsharded(s);
        if other.extractor_version != first.extractor_version {
            return Err(MergeError::Mismatch(format!(
                "the shards were made by different extractor versions: {} in {}, {} in {}; \
                 run every shard with the same newsmine",
                first.extractor_version,
                shards[0].dir.display(),
                other.extractor_version,
                s.dir.display()
            )));
        }
        if let Some(why) = first.difference(&other) {
            return Err(MergeError::Mismatch(format!(
                "{} and {} cannot be merged: {why}",
                shards[0].dir.display(),
                s.dir.display()
            )));
        }
    }
    Ok(first)
}

/// Notes on shard specifications that do not make a whole corpus (missing or repeated parts).
fn shard_warnings(shards: &[Shard]) -> Vec<String> {
    let specs: Vec<Option<String>> = shards
        .iter()
        .map(|s| s.manifest.header.settings.shard.clone())
        .collect();
    let parsed: Vec<crate::corpus::shard::Shard> = specs
        .iter()
        .flatten()
        .filter_map(|s| s.parse().ok())
        .collect();
    let Some(n) = parsed.first().map(|s| s.n) else {
        return Vec::new();
    };
    let mut seen: Vec<u32> = parsed.iter().filter(|s| s.n == n).map(|s| s.k).collect();
    seen.sort_unstable();
    seen.dedup();
    let whole = parsed.len() == specs.len()
        && parsed.iter().all(|s| s.n == n)
        && seen.len() == n as usize
        && parsed.len() == n as usize;
    if whole {
        return Vec::new();
    }
    let given: Vec<String> = specs
        .iter()
        .map(|s| s.clone().unwrap_or_else(|| "no shard".into()))
        .collect();
    vec![format!(
        "the shards merged ({}) are not parts 1 to {n} of {n} once each: the tables hold only \
         the inputs of these shards",
        given.join(", ")
    )]
}
