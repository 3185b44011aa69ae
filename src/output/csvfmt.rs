//! CSV records formatted into a growing byte buffer, with the quoting rules of the `csv` crate
//! (both are [`csv_core`]): rows can be formatted on any thread and the bytes appended to a
//! table elsewhere.

use csv_core::{Terminator, WriteResult};

/// Formats records into [`bytes`](Self::bytes); nothing here can fail.
pub struct CsvFormatter {
    core: csv_core::Writer,
    out: Vec<u8>,
    fields: usize,
    // csv_core writes into a slice; the quoting of one piece never needs more than this
    scratch: Box<[u8; SCRATCH]>,
}

const SCRATCH: usize = 4096;

impl CsvFormatter {
    /// A formatter ending records with `\r\n` when `crlf`, else `\n`.
    pub fn new(crlf: bool) -> CsvFormatter {
        let terminator = if crlf {
            Terminator::CRLF
        } else {
            Terminator::Any(b'\n')
        };
        CsvFormatter {
            core: csv_core::WriterBuilder::new()
                .terminator(terminator)
                .build(),
            out: Vec::new(),
            fields: 0,
            scratch: Box::new([0; SCRATCH]),
        }
    }

    /// Adds one field to the record being formatted, quoted if it needs to be.
    pub fn field(&mut self, mut input: &[u8]) {
        if self.fields > 0 {
            let (_, n) = self.core.delimiter(&mut self.scratch[..]);
            self.out.extend_from_slice(&self.scratch[..n]);
        }
        loop {
            let (result, read, wrote) = self.core.field(input, &mut self.scratch[..]);
            self.out.extend_from_slice(&self.scratch[..wrote]);
            input = &input[read..];
            if result == WriteResult::InputEmpty {
                break;
            }
        }
        self.fields += 1;
    }

    /// Ends the record.
    pub fn end_record(&mut self) {
        let (_, n) = self.core.terminator(&mut self.scratch[..]);
        self.out.extend_from_slice(&self.scratch[..n]);
        self.fields = 0;
    }

    /// Adds a whole record.
    pub fn record<'a>(&mut self, fields: impl IntoIterator<Item = &'a [u8]>) {
        for f in fields {
            self.field(f);
        }
        self.end_record();
    }

    /// The bytes of the records ended so far.
    pub fn bytes(&self) -> &[u8] {
        &self.out
    }

    /// Takes the bytes formatted so far, leaving the buffer empty.
    pub fn take(&mut self) -> Vec<u8> {
        let capacity = self.out.capacity();
        std::mem::replace(&mut self.out, Vec::with_capacity(capacity))
    }

    /// Empties the buffer, keeping its memory.
    pub fn clear(&mut self) {
        self.out.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the `csv` crate writes for the same records.
    fn with_csv(records: &[Vec<Vec<u8>>], crlf: bool) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(if crlf {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .from_writer(Vec::new());
        for r in records {
            w.write_record(r).unwrap();
        }
        w.into_inner().unwrap()
    }

    fn with_formatter(records: &[Vec<Vec<u8>>], crlf: bool) -> Vec<u8> {
        let mut f = CsvFormatter::new(crlf);
        for r in records {
            f.record(r.iter().map(|x| x.as_slice()));
        }
        f.take()
    }

    #[test]
    fn quotes_like_the_csv_crate() {
        let records: Vec<Vec<Vec<u8>>> = vec![
            vec![b"plain".to_vec(), b"with, comma".to_vec(), b"".to_vec()],
            vec![
                b"say \"hi\"".to_vec(),
                b"two\nlines".to_vec(),
                b"cr\r".to_vec(),
            ],
            vec![b"".to_vec()],
            vec![vec![b'"'; 10_000], vec![b'x'; 9_000]],
        ];
        for crlf in [false, true] {
            assert_eq!(with_formatter(&records, crlf), with_csv(&records, crlf));
        }
    }

    proptest! {
        #[test]
        fn any_records_match_the_csv_crate(
            records in prop::collection::vec(
                prop::collection::vec(prop::collection::vec(any::<u8>(), 0..40), 1..6),
                0..6,
            ),
            crlf in any::<bool>(),
        ) {
            prop_assert_eq!(with_formatter(&records, crlf), with_csv(&records, crlf));
        }
    }
}
