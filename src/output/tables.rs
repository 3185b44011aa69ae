//! The tables: their names, their columns, and the rows of one article.

use super::cells::guard;
use super::csvfmt::CsvFormatter;
use crate::article::Article;
use crate::config::TableStyle;
use crate::corpus::InputError;
use crate::extraction::Extraction;
use std::borrow::Cow;
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

/// The rows of one article, already formatted as CSV, per table: what an analysis worker hands
/// to the writer, so that formatting runs on every core and the one writer only appends bytes
/// in input order.
#[derive(Debug, Default)]
pub struct RenderedRows {
    /// The CSV bytes per table, in [`Table::ALL`] order.
    bytes: [Vec<u8>; 7],
    /// Rows per table.
    counts: RowCounts,
}

impl RenderedRows {
    /// Rows per table.
    pub fn counts(&self) -> RowCounts {
        self.counts
    }
}

/// Formats rows of every table into memory, one buffer per table.
struct RowFormatter {
    tables: Vec<CsvFormatter>,
    formula_guard: bool,
    counts: RowCounts,
    /// The table whose row is being written.
    table: usize,
    /// Scratch space for cells that must be built (joined lists).
    buf: Vec<u8>,
}

impl RowFormatter {
    fn new(style: TableStyle) -> RowFormatter {
        RowFormatter {
            tables: Table::ALL
                .iter()
                .map(|_| CsvFormatter::new(style.excel))
                .collect(),
            formula_guard: style.formula_guard,
            counts: RowCounts::default(),
            table: 0,
            buf: Vec::with_capacity(256),
        }
    }

    /// Starts a row of `table`.
    fn row(&mut self, table: Table) {
        self.table = table as usize;
    }

    fn cell(&mut self, text: &str) {
        if self.formula_guard
            && let Cow::Owned(guarded) = guard(text)
        {
            return self.tables[self.table].field(guarded.as_bytes());
        }
        self.tables[self.table].field(text.as_bytes());
    }

    /// A cell holding `items` joined by [`LIST_SEPARATOR`].
    fn list_cell(&mut self, items: &[String]) {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                buf.extend_from_slice(LIST_SEPARATOR.as_bytes());
            }
            buf.extend_from_slice(item.as_bytes());
        }
        match std::str::from_utf8(&buf) {
            Ok(text) => self.cell(text),
            Err(_) => self.cell(&String::from_utf8_lossy(&buf)),
        }
        self.buf = buf;
    }

    fn num(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.tables[self.table].field(&digits[at..]);
    }

    fn opt_num(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.num(n),
            None => self.tables[self.table].field(b""),
        }
    }

    fn emit(&mut self) {
        self.tables[self.table].end_record();
        self.counts.rows[self.table] += 1;
    }

    /// The rows of one analysed article in every table.
    fn article(&mut self, a: &Article, x: &Extraction) {
        let id = a.id.as_str();
        self.row(Table::Articles);
        self.cell(id);
        self.cell(a.source_id.as_deref().unwrap_or(""));
        self.cell(&a.path);
        self.opt_num(a.record);
        self.cell(a.title.as_deref().unwrap_or(""));
        self.cell(a.published.as_deref().unwrap_or(""));
        self.cell(a.url.as_deref().unwrap_or(""));
        self.list_cell(&a.authors);
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
        self.emit();

        for e in &x.entities {
            self.row(Table::Entities);
            self.cell(id);
            self.num(e.id);
            self.cell(e.kind.as_str());
            self.cell(&e.canonical);
            self.num(e.mention_count);
            self.list_cell(&e.surface_forms);
            self.num(e.first_start);
            self.emit();
        }
        for m in &x.mentions {
            self.row(Table::Mentions);
            self.cell(id);
            self.num(m.entity_id);
            self.cell(m.kind.as_str());
            self.cell(&m.text);
            self.num(m.span.start);
            self.num(m.span.end);
            self.num(m.sentence);
            self.emit();
        }
        for q in &x.quotes {
            self.row(Table::Quotes);
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
            self.emit();
        }
        for t in &x.times {
            self.row(Table::Times);
            self.cell(id);
            self.num(t.id);
            self.cell(&t.text);
            self.cell(t.kind.as_str());
            self.cell(&t.value);
            self.num(t.span.start);
            self.num(t.span.end);
            self.num(t.sentence);
            self.emit();
        }
        for e in &x.events {
            self.row(Table::Events);
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
            self.list_cell(&e.participants);
            self.num(e.sentence);
            self.cell(&e.evidence);
            self.num(e.mentions);
            self.emit();
        }
    }

    /// One row of `errors.csv`.
    fn error(&mut self, e: &InputError) {
        self.row(Table::Errors);
        self.cell(&e.path);
        self.opt_num(e.record);
        self.cell(e.stage.as_str());
        self.cell(e.kind);
        self.cell(&e.message);
        self.emit();
    }
}

/// One table file per table, all sharing one style.
///
/// Rows are formatted in memory and appended to the table's sink after each call, so that rows
/// formatted elsewhere ([`RenderedRows`]) can be appended in between.
pub struct TableWriters<W: Write> {
    rows: RowFormatter,
    sinks: Vec<W>,
    /// Bytes on their way to each sink, passed on in blocks of [`SINK_BLOCK`]: the table digests
    /// hash large blocks many times faster than one article's rows at a time.
    pending: Vec<Vec<u8>>,
}

/// How many bytes of a table are gathered before they go to its sink.
const SINK_BLOCK: usize = 64 * 1024;

impl<W: Write> TableWriters<W> {
    /// Wraps one sink per table (in [`Table::ALL`] order) and writes the headers.
    pub fn new(mut sinks: Vec<W>, style: TableStyle) -> csv::Result<TableWriters<W>> {
        assert_eq!(sinks.len(), Table::ALL.len(), "one sink per table");
        let mut rows = RowFormatter::new(style);
        for (table, sink) in Table::ALL.iter().zip(&mut sinks) {
            if style.excel {
                sink.write_all("\u{FEFF}".as_bytes())?;
            }
            rows.tables[*table as usize].record(table.columns().iter().map(|c| c.as_bytes()));
        }
        let pending = vec![Vec::new(); sinks.len()];
        let mut writers = TableWriters {
            rows,
            sinks,
            pending,
        };
        writers.drain()?;
        Ok(writers)
    }

    /// Rows written so far (headers not counted).
    pub fn counts(&self) -> RowCounts {
        self.rows.counts
    }

    /// Moves the formatted rows of every table on towards its sink.
    fn drain(&mut self) -> std::io::Result<()> {
        let tables = self.rows.tables.iter_mut().zip(&mut self.pending);
        for ((formatted, pending), sink) in tables.zip(&mut self.sinks) {
            if !formatted.bytes().is_empty() {
                pass_on(formatted.bytes(), pending, sink)?;
                formatted.clear();
            }
        }
        Ok(())
    }

    /// Writes the rows of one analysed article to every table.
    pub fn write_article(&mut self, a: &Article, x: &Extraction) -> csv::Result<()> {
        self.rows.article(a, x);
        Ok(self.drain()?)
    }

    /// Appends the rows of an article formatted by a [`RowRenderer`], as they are.
    pub fn append(&mut self, rendered: &RenderedRows) -> std::io::Result<()> {
        for (i, bytes) in rendered.bytes.iter().enumerate() {
            if !bytes.is_empty() {
                pass_on(bytes, &mut self.pending[i], &mut self.sinks[i])?;
            }
            self.rows.counts.rows[i] += rendered.counts.rows[i];
        }
        Ok(())
    }

    /// Writes one row of `errors.csv`.
    pub fn write_error(&mut self, e: &InputError) -> csv::Result<()> {
        self.rows.error(e);
        Ok(self.drain()?)
    }

    /// Writes a row carried over from an earlier run's `table`, as it was.
    pub fn copy_row(&mut self, table: Table, row: &csv::ByteRecord) -> csv::Result<()> {
        self.rows.tables[table as usize].record(row.iter());
        self.rows.counts.rows[table as usize] += 1;
        Ok(self.drain()?)
    }

    /// Flushes every table and returns the sinks.
    pub fn finish(mut self) -> Result<Vec<W>, std::io::Error> {
        self.drain()?;
        for (sink, pending) in self.sinks.iter_mut().zip(&self.pending) {
            sink.write_all(pending)?;
            sink.flush()?;
        }
        Ok(self.sinks)
    }
}

/// Adds `bytes` to a table's `pending` bytes, passing them on to its sink once they fill a block.
fn pass_on<W: Write>(bytes: &[u8], pending: &mut Vec<u8>, sink: &mut W) -> std::io::Result<()> {
    pending.extend_from_slice(bytes);
    if pending.len() >= SINK_BLOCK {
        sink.write_all(pending)?;
        pending.clear();
    }
    Ok(())
}

/// Formats the rows of one article at a time, for [`TableWriters::append`]: each analysis
/// worker keeps one, so that formatting runs on every core.
pub struct RowRenderer {
    rows: RowFormatter,
}

impl RowRenderer {
    /// A renderer for tables of `style`.
    pub fn new(style: TableStyle) -> RowRenderer {
        RowRenderer {
            rows: RowFormatter::new(style),
        }
    }

    /// The rows of one analysed article.
    pub fn render(&mut self, a: &Article, x: &Extraction) -> RenderedRows {
        self.rows.article(a, x);
        let mut rendered = RenderedRows {
            counts: std::mem::take(&mut self.rows.counts),
            ..RenderedRows::default()
        };
        for (out, formatted) in rendered.bytes.iter_mut().zip(&mut self.rows.tables) {
            if !formatted.bytes().is_empty() {
                *out = formatted.take();
            }
        }
        rendered
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
    fn rows_beyond_one_block_arrive_whole_and_in_order() {
        let mut w = writers(TableStyle::default());
        let message = "m".repeat(100);
        for i in 0..2_000 {
            w.write_error(&InputError::failed(
                &format!("f{i}.txt"),
                Stage::Read,
                "too-large",
                &message,
            ))
            .unwrap();
        }
        let out = w.finish().unwrap();
        let errors = String::from_utf8(out[6].clone()).unwrap();
        assert!(errors.len() > 2 * SINK_BLOCK);
        let lines: Vec<&str> = errors.lines().collect();
        assert_eq!(lines.len(), 2_001);
        assert_eq!(lines[0], "path,record,stage,kind,message");
        for (i, line) in lines[1..].iter().enumerate() {
            assert_eq!(*line, format!("f{i}.txt,,read,too-large,{message}"));
        }
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
