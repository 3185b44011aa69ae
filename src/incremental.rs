//! Incremental runs: which inputs are unchanged since the previous run, and where their rows
//! are in the previous tables.
//!
//! The previous run's manifest lists its inputs in input order, and discovery yields today's
//! inputs in the same order, so one pass over both (a merge join, like `comm`) pairs them up
//! with the manifest streamed from disk: memory does not grow with the corpus. For every input
//! the [`Planner`] says how many rows of the previous tables to pass over first (those of
//! inputs deleted since, or changed) and whether this input's own rows can be carried over.
//!
//! Unchanged means the same size and modification time as recorded, like make and rsync — a
//! `stat`, without reading the file. Two cases also compare the content hash (which costs the
//! read but not the analysis): `--verify-hash`, and files modified so shortly before the
//! previous run read them that an equal time does not prove equal content ("racy" entries, as
//! git calls them). Files whose reading or decoding failed last time are always tried again:
//! the cause (a permission, a file being written) may have gone.

use crate::corpus::discover::input_order;
use crate::output::carry::PrevTables;
use crate::output::manifest::{Entry, EntryKind, ManifestReader, Settings, tables_match};
use std::cmp::Ordering;
use std::path::Path;

/// Whether an input's rows can be taken from the previous tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carry {
    /// No: the input is new, changed or failed last time.
    No,
    /// Yes, if its content hash is still the recorded one.
    IfSameHash,
    /// Yes: same size and modification time.
    Yes,
}

/// What the previous run has to do with one input of this run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Rows of each previous table to pass over before this input (inputs gone since).
    pub skip: [u64; 7],
    /// The previous run's entry for the same input, if there is one.
    pub previous: Option<Entry>,
    /// Whether that entry's rows can be carried over.
    pub carry: Carry,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            skip: [0; 7],
            previous: None,
            carry: Carry::No,
        }
    }
}

/// Pairs today's inputs, in input order, with the previous run's manifest entries.
pub struct Planner {
    manifest: ManifestReader,
    next: Option<Entry>,
    skip: [u64; 7],
    verify_hash: bool,
    broken: Option<String>,
}

/// The previous run, when it can be built on: the planner for the discoverer and the tables
/// for the writer.
pub struct Previous {
    /// Pairs inputs with manifest entries.
    pub planner: Planner,
    /// Streams the previous rows.
    pub tables: PrevTables,
}

/// Opens the previous run in `dir` if its manifest was written with `settings` and still
/// describes the tables there; otherwise says why everything must be processed again.
pub fn open_previous(
    dir: &Path,
    settings: &Settings,
    verify_hash: bool,
) -> Result<Previous, String> {
    let manifest = match ManifestReader::open(dir) {
        Ok(Some(m)) => m,
        Ok(None) => return Err("there is no manifest from an earlier run".into()),
        Err(e) => return Err(format!("the earlier manifest cannot be used: {e}")),
    };
    if let Some(why) = manifest.header.settings.difference(settings) {
        return Err(why);
    }
    tables_match(dir, &manifest.trailer)?;
    let tables = PrevTables::open(dir, &manifest.trailer).map_err(|e| e.to_string())?;
    Ok(Previous {
        planner: Planner {
            manifest,
            next: None,
            skip: [0; 7],
            verify_hash,
            broken: None,
        },
        tables,
    })
}

impl Planner {
    /// The plan for the input at (`root`, `key`: its relative path's bytes); `stat` is its size
    /// and modification time when it is a file. Inputs must come in input order.
    pub fn plan(&mut self, root: u32, key: &[u8], stat: Option<(u64, i64)>) -> Plan {
        let mut previous = None;
        while let Some(entry) = self.peek() {
            match input_order((entry.root, &entry.order_key()), (root, key)) {
                Ordering::Less => {
                    // Gone since the previous run: its rows are dropped.
                    let rows = entry.rows;
                    add(&mut self.skip, &rows);
                    self.next = None;
                }
                Ordering::Equal => {
                    previous = self.next.take();
                    break;
                }
                Ordering::Greater => break,
            }
        }
        let carry = match (&previous, stat) {
            (Some(e), Some((size, mtime)))
                if e.kind == EntryKind::File
                    && !e.retry
                    && e.size == size
                    && e.mtime_ns == mtime =>
            {
                if self.verify_hash || e.racy || e.hash.is_empty() {
                    Carry::IfSameHash
                } else {
                    Carry::Yes
                }
            }
            _ => Carry::No,
        };
        Plan {
            skip: std::mem::take(&mut self.skip),
            previous,
            carry,
        }
    }

    /// Why the manifest stopped being read part-way, if it did (the inputs after that point
    /// were processed again).
    pub fn broken(&self) -> Option<&str> {
        self.broken.as_deref()
    }

    fn peek(&mut self) -> Option<&Entry> {
        if self.next.is_none() && self.broken.is_none() {
            match self.manifest.next_entry() {
                Ok(e) => self.next = e,
                Err(e) => self.broken = Some(e.to_string()),
            }
        }
        self.next.as_ref()
    }
}

/// Adds row counts table by table.
pub fn add(total: &mut [u64; 7], rows: &[u64; 7]) {
    for (t, r) in total.iter_mut().zip(rows) {
        *t += r;
    }
}
