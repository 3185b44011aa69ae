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
pub mod digest;
pub mod manifest;
pub mod run_report;
pub mod tables;
