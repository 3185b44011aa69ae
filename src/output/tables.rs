//! The tables: their names, their columns, and the rows of one article.

use super::cells::guard;
use crate::article::Article;
use crate::config::TableStyle;
use crate::corpus::InputError;
use crate::extraction::Extraction;
use std::io::Write;

/// The tables, in the order they are listed in summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// One row per article.
    Articles,
    /// One row per distinct entity per article.
    Entities,
    /// One row per entity mention.
    Mentions,
    /// One row per quote.
    Quotes,
    /// One row per time expression.
    Times,
    /// One row per event.
    Events,
    /// One row per input that was skipped or failed.
    Errors,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 7] = [
        Table::Articles,
        Table::Entities,
        Table::Mentions,
        Table::Quotes,
        Table::Times,
        Table::Events,
        Table::Errors,
    ];

    /// The table's short name (`articles`).
    pub fn name(&self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Entities => "entities",
            Table::Mentions => "mentions",
            Table::Quotes => "quotes",
            Table::Times => "times",
            Table::Events => "events",
            Table::Errors => "errors",
        }
    }

    /// The table's file name (`articles.csv`).
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.name())
    }

    /// The header row.
    pub fn columns(&self) -> &'static [&'static str] {
        match self {
            Table::Articles => &[
                "article_id",
                "source_id",
                "path",
                "record",
                "title",
                "published",
                "url",
                "authors",
                "language",
                "chars",
                "words",
                "sentences",
                "entities",
                "mentions",
                "quotes",
                "times",
                "events",
                "content_hash",
                "status",
            ],
            Table::Entities => &[
                "article_id",
                "entity_id",
                "type",
                "canonical",
                "mentions",
                "surface_forms",
                "first_start",
            ],
            Table::Mentions => &[
                "article_id",
                "entity_id",
                "type",
                "text",
                "start",
                "end",
                "sentence",
            ],
            Table::Quotes => &[
                "article_id",
                "quote_id",
                "kind",
                "speaker",
                "speaker_entity_id",
                "speaker_text",
                "speaker_start",
                "speaker_end",
                "cue",
                "cue_start",
                "cue_end",
                "text",
                "start",
                "end",
                "sentence",
            ],
            Table::Times => &[
                "article_id",
                "time_id",
                "text",
                "type",
                "value",
                "start",
                "end",
                "sentence",
            ],
            Table::Events => &[
                "article_id",
                "event_id",
                "type",
                "status",
                "trigger",
                "trigger_start",
                "trigger_end",
                "date_text",
                "date",
                "place",
                "participants",
                "sentence",
                "evidence",
                "mentions",
            ],
            Table::Errors => &["path", "record", "stage", "kind", "message"],
        }
    }
}

/// The separator of lists inside one cell (authors, surface forms, participants).
pub const LIST_SEPARATOR: &str = "; ";

/// Rows written per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowCounts {
    /// Per table, in [`Table::ALL`] order.
    pub rows: [u64; 7],
}

impl RowCounts {
    /// Rows of `table`.
    pub fn get(&self, table: Table) -> u64 {
        self.rows[table as usize]
    }
}

/// One CSV writer per table, all sharing one style.
pub struct TableWriters<W: Write> {
    writers: Vec<csv::Writer<W>>,
    style: TableStyle,
    counts: RowCounts,
    record: Vec<String>,
}

impl<W: Write> TableWriters<W> {
    /// Wraps one sink per table (in [`Table::ALL`] order) and writes the headers.
    pub fn new(mut sinks: Vec<W>, style: TableStyle) -> csv::Result<TableWriters<W>> {
        assert_eq!(sinks.len(), Table::ALL.len(), "one sink per table");
        let mut writers = Vec::with_capacity(sinks.len());
        for (table, mut sink) in Table::ALL.iter().zip(sinks.drain(..)) {
            if style.excel {
                sink.write_all("\u{FEFF}".as_bytes())?;
            }
            let mut w = csv::WriterBuilder::new()
                .terminator(if style.excel {
                    csv::Terminator::CRLF
                } else {
                    csv::Terminator::Any(b'\n')
                })
                .from_writer(sink);
            w.write_record(table.columns())?;
            writers.push(w);
        }
        Ok(TableWriters {
            writers,
            style,
            counts: RowCounts::default(),
            record: Vec::with_capacity(20),
        })
    }

    /// Rows written so far (headers not counted).
    pub fn counts(&self) -> RowCounts {
        self.counts
    }

    fn cell(&mut self, text: &str) {
        let value = if self.style.formula_guard {
            guard(text).into_owned()
        } else {
            text.to_string()
        };
        self.record.push(value);
    }

    fn num(&mut self, n: usize) {
        self.record.push(n.to_string());
    }

    fn opt_num(&mut self, n: Option<usize>) {
        self.record
            .push(n.map(|n| n.to_string()).unwrap_or_default());
    }

    fn emit(&mut self, table: Table) -> csv::Result<()> {
        self.writers[table as usize].write_record(&self.record)?;
        self.record.clear();
        self.counts.rows[table as usize] += 1;
        Ok(())
    }

    /// Writes the rows of one analysed article to every table.
    pub fn write_article(&mut self, a: &Article, x: &Extraction) -> csv::Result<()> {
        let id = a.id.as_str();
        self.cell(id);
        self.cell(a.source_id.as_deref().unwrap_or(""));
        self.cell(&a.path);
        self.opt_num(a.record);
        self.cell(a.title.as_deref().unwrap_or(""));
        self.cell(a.published.as_deref().unwrap_or(""));
        self.cell(a.url.as_deref().unwrap_or(""));
        self.cell(&a.authors.join(LIST_SEPARATOR));
        self.cell(&x.language);
        self.num(x.stats.chars);
        self.num(x.stats.words);
        self.num(x.stats.sentences);
        self.num(x.entities.len());
        self.num(x.mentions.len());
        self.num(x.quotes.len());
        self.num(x.times.len());
        self.num(x.events.len());
        self.cell(&x.content_hash);
        self.cell(x.status.as_str());
        self.emit(Table::Articles)?;

        for e in &x.entities {
            self.cell(id);
            self.num(e.id);
            self.cell(e.kind.as_str());
            self.cell(&e.canonical);
            self.num(e.mention_count);
            self.cell(&e.surface_forms.join(LIST_SEPARATOR));
            self.num(e.first_start);
            self.emit(Table::Entities)?;
        }
        for m in &x.mentions {
            self.cell(id);
            self.num(m.entity_id);
            self.cell(m.kind.as_str());
            self.cell(&m.text);
            self.num(m.span.start);
            self.num(m.span.end);
            self.num(m.sentence);
            self.emit(Table::Mentions)?;
        }
        for q in &x.quotes {
            self.cell(id);
            self.num(q.id);
            self.cell(q.kind.as_str());
            self.cell(&q.speaker);
            self.opt_num(q.speaker_entity_id);
            self.cell(&q.speaker_text);
            self.opt_num(q.speaker_span.map(|s| s.start));
            self.opt_num(q.speaker_span.map(|s| s.end));
            self.cell(&q.cue);
            self.opt_num(q.cue_span.map(|s| s.start));
            self.opt_num(q.cue_span.map(|s| s.end));
            self.cell(&q.text);
            self.num(q.span.start);
            self.num(q.span.end);
            self.num(q.sentence);
            self.emit(Table::Quotes)?;
        }
        for t in &x.times {
            self.cell(id);
            self.num(t.id);
            self.cell(&t.text);
            self.cell(t.kind.as_str());
            self.cell(&t.value);
            self.num(t.span.start);
            self.num(t.span.end);
            self.num(t.sentence);
            self.emit(Table::Times)?;
        }
        for e in &x.events {
            self.cell(id);
            self.num(e.id);
            self.cell(&e.kind);
            self.cell(e.status.as_str());
            self.cell(&e.trigger);
            self.num(e.trigger_span.start);
            self.num(e.trigger_span.end);
            self.cell(&e.date_text);
            self.cell(&e.date);
            self.cell(&e.place);
            self.cell(&e.participants.join(LIST_SEPARATOR));
            self.num(e.sentence);
            self.cell(&e.evidence);
            self.num(e.mentions);
            self.emit(Table::Events)?;
        }
        Ok(())
    }

    /// Writes one row of `errors.csv`.
    pub fn write_error(&mut self, e: &InputError) -> csv::Result<()> {
        self.cell(&e.path);
        self.opt_num(e.record);
        self.cell(e.stage.as_str());
        self.cell(e.kind);
        self.cell(&e.message);
        self.emit(Table::Errors)
    }

    /// Writes a row carried over from an earlier run's `table`, as it was.
    pub fn copy_row(&mut self, table: Table, row: &csv::ByteRecord) -> csv::Result<()> {
        self.writers[table as usize].write_byte_record(row)?;
        self.counts.rows[table as usize] += 1;
        Ok(())
    }

    /// Flushes every table and returns the sinks.
    pub fn finish(self) -> Result<Vec<W>, std::io::Error> {
        let mut out = Vec::with_capacity(self.writers.len());
        for w in self.writers {
            out.push(w.into_inner().map_err(|e| e.into_error())?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Stage;

    fn writers(style: TableStyle) -> TableWriters<Vec<u8>> {
        TableWriters::new(vec![Vec::new(); 7], style).unwrap()
    }

    #[test]
    fn headers_guard_and_excel() {
        let mut w = writers(TableStyle::default());
        w.write_error(&InputError::failed(
            "=cmd.txt",
            Stage::Read,
            "too-large",
            "big",
        ))
        .unwrap();
        let out = w.finish().unwrap();
        let errors = String::from_utf8(out[6].clone()).unwrap();
        assert_eq!(
            errors,
            "path,record,stage,kind,message\n'=cmd.txt,,read,too-large,big\n"
        );
        let mut w = writers(TableStyle {
            excel: true,
            formula_guard: false,
        });
        w.write_error(&InputError::failed(
            "=cmd.txt",
            Stage::Read,
            "too-large",
            "big",
        ))
        .unwrap();
        let out = w.finish().unwrap();
        let errors = String::from_utf8(out[6].clone()).unwrap();
        assert_eq!(
            errors,
            "\u{FEFF}path,record,stage,kind,message\r\n=cmd.txt,,read,too-large,big\r\n"
        );
    }
}
