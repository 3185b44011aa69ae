//! The writer: analysed units back into input order, as table rows and manifest entries.

use super::{Done, InputMeta, Item, RunError, StageClock};
use crate::corpus::Outcome;
use crate::output::carry::{CarryError, PrevTables};
use crate::output::manifest::{Entry, EntryKind, ManifestWriter, to_hex};
use crate::output::run_report::{Counts, FailureTally};
use crate::output::tables::{RowCounts, TableWriters};
use crossbeam_channel::{Receiver, Sender};
use indicatif::ProgressBar;
use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

/// The writer's running account: counts, failures, and the previous tables being streamed.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) counts: Counts,
    pub(super) failures: FailureTally,
    pub(super) prev: Option<PrevTables>,
    pub(super) run_started_ns: i64,
}

/// The input the writer is in the middle of, and the counts when it started.
struct Current {
    meta: Box<InputMeta>,
    rows_before: RowCounts,
    counts_before: Counts,
    retry: bool,
}

/// Receives analysed units in any order and writes them in input order, carrying over the
/// rows of unchanged inputs and listing every input in the manifest.
pub(super) fn write_in_order<W: Write, M: Write>(
    done: Receiver<Done>,
    permits: &Sender<()>,
    writers: &mut TableWriters<W>,
    manifest: &mut ManifestWriter<M>,
    tally: &mut Tally,
    progress: &Option<ProgressBar>,
    stages: &StageClock,
) -> Result<(), RunError> {
    let mut pending: BTreeMap<(u64, u32), Done> = BTreeMap::new();
    let mut next: (u64, u32) = (0, 0);
    let mut current: Option<Current> = None;
    for d in done.iter() {
        pending.insert((d.seq, d.index), d);
        while let Some(mut d) = pending.remove(&next) {
            let t = Instant::now();
            if let Some(meta) = d.meta.take() {
                current = Some(start_input(meta, writers, tally)?);
            }
            match &d.item {
                Item::Work(rows) => {
                    writers.append(rows)?;
                    tally.counts.seen += 1;
                    tally.counts.processed += 1;
                }
                Item::Error(e) => {
                    writers.write_error(e)?;
                    tally.counts.seen += 1;
                    tally.failures.add(e.kind, &e.path);
                    match e.outcome {
                        Outcome::Failed => tally.counts.failed += 1,
                        Outcome::Skipped => tally.counts.skipped += 1,
                    }
                    if e.outcome == Outcome::Failed
                        && e.record.is_none()
                        && let Some(c) = current.as_mut()
                    {
                        c.retry = true;
                    }
                }
                Item::Carried => {}
            }
            if d.index + 1 >= d.total {
                if let Some(c) = current.take() {
                    manifest.entry(&finish_input(c, writers, tally))?;
                }
                next = (d.seq + 1, 0);
                let _ = permits.try_send(());
                if let Some(bar) = progress {
                    bar.inc(1);
                }
            } else {
                next = (d.seq, d.index + 1);
            }
            StageClock::add(&stages.write, t);
        }
    }
    debug_assert!(pending.is_empty(), "every unit is written");
    Ok(())
}

/// Begins an input: passes over the previous rows of inputs gone or changed, and copies this
/// input's previous rows if it is carried over.
fn start_input<W: Write>(
    meta: Box<InputMeta>,
    writers: &mut TableWriters<W>,
    tally: &mut Tally,
) -> Result<Current, RunError> {
    let rows_before = writers.counts();
    let counts_before = tally.counts;
    if let Some(prev) = tally.prev.as_mut() {
        prev.skip(&meta.plan.skip).map_err(CarryError::from)?;
        if let Some(entry) = &meta.plan.previous {
            if meta.carried {
                let failures = &mut tally.failures;
                prev.copy(&entry.rows, writers, |row| {
                    let kind = String::from_utf8_lossy(row.get(3).unwrap_or_default());
                    let path = String::from_utf8_lossy(row.get(0).unwrap_or_default());
                    failures.add(&kind, &path);
                })?;
                let c = &mut tally.counts;
                c.seen += entry.records();
                c.carried_over += entry.articles;
                c.skipped += entry.skipped;
                c.failed += entry.failed;
            } else {
                prev.skip(&entry.rows).map_err(CarryError::from)?;
            }
        }
    }
    Ok(Current {
        meta,
        rows_before,
        counts_before,
        retry: false,
    })
}

/// Ends an input: its manifest entry, from the rows written since it began.
fn finish_input<W: Write>(c: Current, writers: &TableWriters<W>, tally: &Tally) -> Entry {
    let after = writers.counts();
    let mut rows = [0u64; 7];
    for (i, r) in rows.iter_mut().enumerate() {
        *r = after.rows[i] - c.rows_before.rows[i];
    }
    let now = tally.counts;
    let before = c.counts_before;
    let meta = c.meta;
    // A file modified within two seconds of the run's start (or during it) may change again
    // without its size or time changing (coarse clocks): the next run checks its content.
    let racy = meta.is_file && meta.mtime_ns >= tally.run_started_ns.saturating_sub(2_000_000_000);
    Entry {
        root: meta.root,
        rel: meta.rel,
        rel_hex: meta.rel_raw.as_deref().map(to_hex),
        path: meta.path,
        kind: if meta.is_file {
            EntryKind::File
        } else {
            EntryKind::Error
        },
        size: meta.size,
        mtime_ns: meta.mtime_ns,
        hash: meta.hash,
        racy,
        retry: c.retry,
        articles: (now.processed - before.processed) + (now.carried_over - before.carried_over),
        skipped: now.skipped - before.skipped,
        failed: now.failed - before.failed,
        rows,
    }
}
