//! `run.json`: what a run (or a merge) did, for monitoring — counts, failures by kind, rows per
//! table, time per stage, throughput and versions. Written with the tables, in the same commit.
//!
//! The keys are a contract with monitoring scripts and with the HTML report: add keys, never
//! rename or remove them. Every count holds `seen = processed + carried_over + skipped + failed`.

use super::tables::{RowCounts, Table};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The file name of the report in the output folder.
pub const RUN_REPORT_FILE: &str = "run.json";

/// How many example paths are kept per failure kind.
pub const MAX_EXAMPLES: usize = 5;

/// The contents of `run.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    /// The program's version.
    pub newsmine_version: String,
    /// The extractor's version (program version and data hash).
    pub extractor_version: String,
    /// When the run started, RFC 3339 UTC.
    pub started: String,
    /// When the run finished, RFC 3339 UTC.
    pub finished: String,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// The inputs as given (for a merge: the shard folders).
    pub inputs: Vec<String>,
    /// The output folder.
    pub output: String,
    /// `--reference-date`, if given.
    pub reference_date: Option<String>,
    /// Analysis threads.
    pub threads: usize,
    /// Whether `--incremental` was asked for.
    pub incremental: bool,
    /// The shard (`K/N`), if any.
    pub shard: Option<String>,
    /// The exit status: 0, or 3 when some inputs failed.
    pub exit_status: u8,
    /// Inputs by outcome.
    pub counts: Counts,
    /// Skipped and failed inputs by `kind` (as in `errors.csv`).
    pub failures_by_kind: BTreeMap<String, KindTally>,
    /// Rows per table.
    pub rows: Rows,
    /// Seconds per stage. Stages that run on several threads add up the time of every thread
    /// (so they can exceed the wall-clock `seconds`); time spent waiting is not counted.
    pub stage_seconds: StageSeconds,
    /// Bytes read from disk (compressed files count their compressed size).
    pub bytes_read: u64,
    /// `bytes_read` in MB (10^6 bytes) per wall-clock second.
    pub mb_per_s: f64,
    /// Articles analysed per wall-clock second (carried-over articles not counted).
    pub articles_per_s: f64,
    /// `run` or `merge`.
    #[serde(default)]
    pub command: String,
    /// Files read from disk.
    #[serde(default)]
    pub files_read: u64,
    /// Bytes after decompression of `.gz` / `.zst` files (equal to `bytes_read` without them).
    #[serde(default)]
    pub bytes_decompressed: u64,
    /// Why an `--incremental` run reprocessed everything (no manifest, a new extractor
    /// version, other options, tables that do not match their manifest); null otherwise.
    #[serde(default)]
    pub full_run_reason: Option<String>,
    /// For a merge: the shard folders joined.
    #[serde(default)]
    pub merged_from: Vec<String>,
    /// Things worth knowing that did not stop the run (a merge missing some shards).
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Inputs by outcome: `seen = processed + carried_over + skipped + failed`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Articles, records and files that could not be split into articles.
    pub seen: u64,
    /// Articles analysed by this run.
    pub processed: u64,
    /// Articles of unchanged files whose rows were carried over from the previous run.
    pub carried_over: u64,
    /// Inputs left out with a reason (empty, link not followed).
    pub skipped: u64,
    /// Inputs that failed.
    pub failed: u64,
}

/// The skipped or failed inputs of one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindTally {
    /// How many.
    pub count: u64,
    /// Up to [`MAX_EXAMPLES`] distinct paths, in input order.
    pub examples: Vec<String>,
}

/// Rows per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rows {
    /// `articles.csv`.
    pub articles: u64,
    /// `entities.csv`.
    pub entities: u64,
    /// `mentions.csv`.
    pub mentions: u64,
    /// `quotes.csv`.
    pub quotes: u64,
    /// `times.csv`.
    pub times: u64,
    /// `events.csv`.
    pub events: u64,
    /// `errors.csv`.
    pub errors: u64,
}

impl From<RowCounts> for Rows {
    fn from(c: RowCounts) -> Rows {
        Rows {
            articles: c.get(Table::Articles),
            entities: c.get(Table::Entities),
            mentions: c.get(Table::Mentions),
            quotes: c.get(Table::Quotes),
            times: c.get(Table::Times),
            events: c.get(Table::Events),
            errors: c.get(Table::Errors),
        }
    }
}

/// Seconds per stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct StageSeconds {
    /// Walking the inputs (and, for incremental runs, comparing them with the manifest).
    pub discover: f64,
    /// Reading (and decompressing) files, summed over the reader threads.
    pub read: f64,
    /// Decoding text and reading formats, summed over the reader threads.
    pub parse: f64,
    /// The extractor, summed over the analysis threads.
    pub analyse: f64,
    /// Writing the tables (and copying carried-over rows).
    pub write: f64,
}

/// Failures counted by kind, with a few example paths each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FailureTally {
    kinds: BTreeMap<String, KindTally>,
}

impl FailureTally {
    /// Counts one skipped or failed input of `kind` at `path`.
    pub fn add(&mut self, kind: &str, path: &str) {
        let tally = match self.kinds.get_mut(kind) {
            Some(t) => t,
            None => self.kinds.entry(kind.to_string()).or_default(),
        };
        tally.count += 1;
        if tally.examples.len() < MAX_EXAMPLES && !tally.examples.iter().any(|p| p == path) {
            tally.examples.push(path.to_string());
        }
    }

    /// The tally, by kind.
    pub fn into_map(self) -> BTreeMap<String, KindTally> {
        self.kinds
    }
}

/// The current time as RFC 3339 UTC (`2025-03-01T02:30:00Z`).
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// `x / seconds`, or 0 for a run too short to measure.
pub fn per_second(x: f64, seconds: f64) -> f64 {
    if seconds > 0.0 { x / seconds } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_keeps_five_distinct_examples() {
        let mut t = FailureTally::default();
        for i in 0..8 {
            t.add("binary", &format!("f{}", i / 2));
        }
        t.add("empty", "e");
        let m = t.into_map();
        assert_eq!(m["binary"].count, 8);
        assert_eq!(m["binary"].examples, ["f0", "f1", "f2", "f3"]);
        assert_eq!(m["empty"].count, 1);
    }
}
