//! Output: the CSV tables, written in input order by one writer, committed atomically.
//!
//! [`tables`] turns an article's extraction into rows of every table; [`cells`] makes cells
//! safe for spreadsheets; [`commit`] owns the output folder: its lock, the temporary files and
//! the final renames that make a run all-or-nothing. [`manifest`] records what each input was
//! and where its rows are, [`carry`] streams an earlier run's rows into new tables, [`digest`]
//! fingerprints the tables, and [`run_report`] is `run.json`, the run's figures for monitoring.

pub mod carry;
pub mod cells;
pub mod commit;
pub mod csvfmt;
pub mod digest;
pub mod manifest;
pub mod run_report;
pub mod tables;

use digest::HashingWriter;
use manifest::ManifestWriter;
use std::io::Write;
use tables::{RowCounts, Table, TableWriters};

/// Finishes complete tables and the manifest that fingerprints them: the rows written, and the
/// files in commit order (every table, then the manifest).
pub fn finish_tables<W: Write>(
    writers: TableWriters<HashingWriter<W>>,
    manifest: ManifestWriter<W>,
) -> std::io::Result<(RowCounts, Vec<W>)> {
    let rows = writers.counts();
    let mut files = Vec::with_capacity(Table::ALL.len() + 2);
    let mut digests = Vec::with_capacity(Table::ALL.len());
    for (table, sink) in Table::ALL.into_iter().zip(writers.finish()?) {
        let (file, digest) = sink.into_parts();
        files.push(file);
        digests.push((table, digest));
    }
    files.push(manifest.finish(&digests)?);
    Ok((rows, files))
}
