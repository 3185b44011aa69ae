//! The tables of an earlier run, read as a stream so their rows can be carried into new tables.
//!
//! The tables are in input order and every input's rows are contiguous in each table, so one
//! sequential reader per table is enough: the caller skips the rows of inputs that changed or
//! went away and copies those of inputs that did not, never holding more than one row. Every
//! byte read is hashed, and [`PrevTables::finish`] checks the hashes against the manifest, so
//! rows from tables that do not match their manifest are never committed.

use super::digest::{Digest, HashingReader};
use super::manifest::Trailer;
use super::tables::{Table, TableWriters};
use csv::ByteRecord;
use std::fs::File;
use std::io::{BufReader, Write};
use std::path::Path;

/// Why the earlier tables cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("the earlier {table} does not match the manifest: {why}")]
pub struct StaleTables {
    /// The table's file name.
    pub table: String,
    /// What does not match.
    pub why: String,
}

/// Where a row copy went wrong.
#[derive(Debug, thiserror::Error)]
pub enum CarryError {
    /// The earlier tables are not what the manifest says (a full run is needed).
    #[error(transparent)]
    Stale(#[from] StaleTables),
    /// Writing the new table failed.
    #[error("cannot write the tables: {0}")]
    Write(#[from] csv::Error),
}

struct TableReader {
    table: Table,
    csv: csv::Reader<HashingReader<BufReader<File>>>,
    expected: Digest,
    record: ByteRecord,
}

impl TableReader {
    fn stale(&self, why: impl Into<String>) -> StaleTables {
        StaleTables {
            table: self.table.file_name(),
            why: why.into(),
        }
    }

    fn next_row(&mut self) -> Result<&ByteRecord, StaleTables> {
        match self.csv.read_byte_record(&mut self.record) {
            Ok(true) => Ok(&self.record),
            Ok(false) => Err(self.stale("it has fewer rows")),
            Err(e) => Err(self.stale(e.to_string())),
        }
    }
}

/// One sequential reader per table of an earlier run.
pub struct PrevTables {
    readers: Vec<TableReader>,
}

impl PrevTables {
    /// Opens the tables in `dir` that `trailer` describes and checks their header rows.
    pub fn open(dir: &Path, trailer: &Trailer) -> Result<PrevTables, StaleTables> {
        let mut readers = Vec::with_capacity(Table::ALL.len());
        for table in Table::ALL {
            let name = table.file_name();
            let stale = |why: String| StaleTables {
                table: name.clone(),
                why,
            };
            let expected = trailer
                .end
                .tables
                .get(&name)
                .cloned()
                .ok_or_else(|| stale("the manifest does not describe it".into()))?;
            let file = File::open(dir.join(&name)).map_err(|e| stale(e.to_string()))?;
            let csv = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(HashingReader::new(BufReader::with_capacity(
                    256 * 1024,
                    file,
                )));
            let mut reader = TableReader {
                table,
                csv,
                expected,
                record: ByteRecord::new(),
            };
            let header = reader.next_row()?;
            if !header_matches(header, table) {
                return Err(reader.stale("its header row is not this newsmine's"));
            }
            readers.push(reader);
        }
        Ok(PrevTables { readers })
    }

    /// Reads and drops the next `n[t]` rows of every table `t`.
    pub fn skip(&mut self, n: &[u64; 7]) -> Result<(), StaleTables> {
        for (reader, &count) in self.readers.iter_mut().zip(n) {
            for _ in 0..count {
                reader.next_row()?;
            }
        }
        Ok(())
    }

    /// Copies the next `n[t]` rows of every table `t` into `out`, calling `on_error_row` with
    /// each row of `errors.csv` copied.
    pub fn copy<W: Write>(
        &mut self,
        n: &[u64; 7],
        out: &mut TableWriters<W>,
        mut on_error_row: impl FnMut(&ByteRecord),
    ) -> Result<(), CarryError> {
        for (reader, &count) in self.readers.iter_mut().zip(n) {
            let table = reader.table;
            for _ in 0..count {
                let row = reader.next_row()?;
                if table == Table::Errors {
                    on_error_row(row);
                }
                out.copy_row(table, row)?;
            }
        }
        Ok(())
    }

    /// Reads every table to its end and checks that it is, byte for byte, the table the
    /// manifest describes.
    pub fn finish(self) -> Result<(), StaleTables> {
        for reader in self.readers {
            let table = reader.table.file_name();
            let expected = reader.expected.clone();
            let digest = reader.csv.into_inner().finish().map_err(|e| StaleTables {
                table: table.clone(),
                why: e.to_string(),
            })?;
            if digest != expected {
                return Err(StaleTables {
                    table,
                    why: "its content hash differs".into(),
                });
            }
        }
        Ok(())
    }
}

/// True when `row` is the header row of `table` (a leading byte-order mark allowed).
pub fn header_matches(row: &ByteRecord, table: Table) -> bool {
    let columns = table.columns();
    row.len() == columns.len()
        && row.iter().zip(columns).enumerate().all(|(i, (got, want))| {
            let got = if i == 0 {
                got.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(got)
            } else {
                got
            };
            got == want.as_bytes()
        })
}
