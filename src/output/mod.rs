//! Output: the CSV tables, written in input order by one writer, committed atomically.
//!
//! [`tables`] turns an article's extraction into rows of every table; [`cells`] makes cells
//! safe for spreadsheets; [`commit`] owns the output folder: its lock, the temporary files and
//! the final renames that make a run all-or-nothing.

pub mod cells;
pub mod commit;
pub mod tables;
