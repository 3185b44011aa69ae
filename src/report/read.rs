//! Reading a table row by row: columns found by header name, cells as the article wrote them.
//!
//! The tables may come from any run style: a leading UTF-8 byte-order mark (`--excel`), CRLF
//! line ends, and the formula guard's apostrophe in front of cells starting with `=`, `+`, `-`,
//! `@`, tab or carriage return (taken off again here, so the report shows the article's text).
//! A table that is missing or breaks off is not fatal: the report says so in a note.

use std::borrow::Cow;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// A table opened for streaming, with the positions of the columns asked for.
pub struct TableReader {
    name: String,
    reader: csv::Reader<BufReader<File>>,
    record: csv::ByteRecord,
    columns: Vec<Option<usize>>,
    rows: u64,
}

/// What went wrong while reading a table; becomes a note in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct TableNote(pub String);

impl TableReader {
    /// Opens `dir/name.csv` and finds `columns` in its header. `Ok(None)` when the file does
    /// not exist.
    pub fn open(
        dir: &Path,
        name: &str,
        columns: &[&str],
    ) -> Result<Option<TableReader>, TableNote> {
        let path = dir.join(format!("{name}.csv"));
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(TableNote(format!("{name}.csv cannot be read: {e}"))),
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .from_reader(BufReader::with_capacity(256 * 1024, file));
        let header = reader
            .byte_headers()
            .map_err(|e| TableNote(format!("{name}.csv has no readable header: {e}")))?
            .clone();
        let names: Vec<String> = header
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim_start_matches('\u{FEFF}')
                    .trim()
                    .to_string()
            })
            .collect();
        let columns = columns
            .iter()
            .map(|c| names.iter().position(|n| n == c))
            .collect();
        Ok(Some(TableReader {
            name: name.to_string(),
            reader,
            record: csv::ByteRecord::new(),
            columns,
            rows: 0,
        }))
    }

    /// Moves to the next row. `Ok(false)` at the end; an error stops the table (the rows read
    /// so far still count).
    pub fn next_row(&mut self) -> Result<bool, TableNote> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(more) => {
                if more {
                    self.rows += 1;
                }
                Ok(more)
            }
            Err(e) => Err(TableNote(format!(
                "{}.csv breaks off after {} rows: {e}; the figures count the rows before it",
                self.name, self.rows
            ))),
        }
    }

    /// The raw bytes of the `i`-th requested column in the current row (empty if absent).
    pub fn bytes(&self, i: usize) -> &[u8] {
        self.columns
            .get(i)
            .copied()
            .flatten()
            .and_then(|c| self.record.get(c))
            .unwrap_or(b"")
    }

    /// The `i`-th requested column as text, with the formula guard taken off.
    pub fn text(&self, i: usize) -> Cow<'_, str> {
        match String::from_utf8_lossy(self.bytes(i)) {
            Cow::Borrowed(s) => Cow::Borrowed(unguard(s)),
            Cow::Owned(s) => Cow::Owned(unguard(&s).to_string()),
        }
    }

    /// The `i`-th requested column as a number (0 when empty or not a number).
    pub fn number(&self, i: usize) -> u64 {
        std::str::from_utf8(self.bytes(i))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0)
    }

    /// Whether the header has the `i`-th requested column.
    pub fn has(&self, i: usize) -> bool {
        matches!(self.columns.get(i), Some(Some(_)))
    }

    /// Rows read so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }
}

/// Takes off the apostrophe that the formula guard puts in front of a cell.
pub fn unguard(cell: &str) -> &str {
    match cell.as_bytes() {
        [b'\'', b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r', ..] => &cell[1..],
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unguard_takes_off_only_the_guard() {
        assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguard("'-5"), "-5");
        assert_eq!(unguard("'tis"), "'tis");
        assert_eq!(unguard("'"), "'");
        assert_eq!(unguard("Khan"), "Khan");
    }

    #[test]
    fn reads_excel_style_tables_by_column_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("t.csv"),
            "\u{FEFF}b,a\r\n'=x,1\r\nshort\r\n",
        )
        .unwrap();
        let mut t = TableReader::open(dir.path(), "t", &["a", "b", "c"])
            .unwrap()
            .unwrap();
        assert!(t.next_row().unwrap());
        assert_eq!((t.number(0), &*t.text(1), &*t.text(2)), (1, "=x", ""));
        assert!(!t.has(2));
        assert!(t.next_row().unwrap());
        assert_eq!((t.number(0), &*t.text(1)), (0, "short"));
        assert!(!t.next_row().unwrap());
        assert_eq!(t.rows(), 2);
        assert!(
            TableReader::open(dir.path(), "missing", &[])
                .unwrap()
                .is_none()
        );
    }
}
