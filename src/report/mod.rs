//! The morning report: `report.html`, the night's run and its news at a glance.
//!
//! Built from the tables of an output folder as they stream ([`aggregate`]), plus the run's
//! own `run.json` when there is one ([`runinfo`]); drawn as one self-contained HTML page with
//! inline SVG charts ([`html`], [`svg`]). Memory stays bounded at any corpus size: see
//! [`aggregate`] for how each figure is counted.

pub mod aggregate;
pub mod format;
pub mod html;
pub mod read;
pub mod runinfo;
pub mod svg;
pub mod topk;

use crate::output::commit::{OutputDir, OutputError};
use crate::output::tables::Table;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The report's file name inside the output folder.
pub const REPORT_FILE: &str = "report.html";

/// Why a report could not be built or written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The folder holds none of the tables.
    #[error(
        "{0} holds no newsmine tables (articles.csv, entities.csv, …): give the output folder \
         of a `newsmine run`"
    )]
    NoTables(PathBuf),
    /// The folder cannot be locked or the report cannot be written.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Whether `dir` holds at least one of the tables.
pub fn has_tables(dir: &Path) -> bool {
    Table::ALL.iter().any(|t| dir.join(t.file_name()).is_file())
}

/// Builds the report page for the output folder `dir`.
pub fn build_report(dir: &Path) -> Result<String, ReportError> {
    if !has_tables(dir) {
        return Err(ReportError::NoTables(dir.to_path_buf()));
    }
    let mut notes = Vec::new();
    let run = match runinfo::RunInfo::load(dir) {
        Ok(r) => r,
        Err(note) => {
            notes.push(note);
            None
        }
    };
    let reference = run
        .as_ref()
        .and_then(|r| r.reference_date.as_deref())
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok());
    let agg = aggregate::aggregate(dir, reference);
    for table in ["articles", "entities", "quotes", "events", "errors"] {
        if !agg.tables_found.contains(&table) {
            notes.push(format!("{table}.csv is missing: its figures show as empty"));
        }
    }
    notes.extend(agg.notes.iter().cloned());
    if let Some(n) = run.as_ref().and_then(|r| r.rows_of("articles"))
        && n != agg.articles.rows
    {
        notes.push(format!(
            "run.json counts {n} article rows but articles.csv has {}: the run details may \
             describe a different run than the tables",
            agg.articles.rows
        ));
    }
    let folder = std::fs::canonicalize(dir)
        .ok()
        .as_deref()
        .and_then(Path::file_name)
        .or_else(|| dir.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string());
    Ok(html::page(&html::ReportData {
        folder,
        run,
        agg,
        notes,
    }))
}

/// Builds the report for `dir` and writes it to `dir/report.html` atomically, holding the
/// folder's lock so that no run replaces the tables meanwhile. Returns the report's path.
pub fn write_report(dir: &Path) -> Result<PathBuf, ReportError> {
    if !has_tables(dir) {
        return Err(ReportError::NoTables(dir.to_path_buf()));
    }
    let out = OutputDir::open(dir)?;
    let page = build_report(dir)?;
    out.write_file_now(REPORT_FILE, page.as_bytes())?;
    Ok(dir.join(REPORT_FILE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn write_table(dir: &Path, name: &str, rows: &[Vec<String>]) {
        let table = Table::ALL
            .iter()
            .find(|t| t.name() == name)
            .expect("a table name");
        let mut w = csv::Writer::from_path(dir.join(table.file_name())).unwrap();
        w.write_record(table.columns()).unwrap();
        for r in rows {
            let mut r = r.clone();
            r.resize(table.columns().len(), String::new());
            w.write_record(&r).unwrap();
        }
        w.flush().unwrap();
    }

    /// Text as articles hold it: anything, markup, or something shaped like a date.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[<>\"'&=a-z ]{0,20}",
            "[0-9]{1,4}(-[0-9X]{1,2}){0,2}(T[0-9:]{0,8})?",
            Just("<script>alert(1)</script>".to_string()),
        ]
    }

    fn rows(width: usize) -> impl Strategy<Value = Vec<Vec<String>>> {
        proptest::collection::vec(proptest::collection::vec(cell(), width), 0..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Whatever the tables hold, the report is built, whole, with no markup from them.
        #[test]
        fn any_tables_make_an_inert_report(
            articles in rows(19),
            entities in rows(7),
            quotes in rows(15),
            events in rows(14),
            errors in rows(5),
            types in proptest::collection::vec(prop_oneof![Just("PERSON"), Just("ORG"), Just("LOC"), Just("X")], 12),
            garbage in proptest::collection::vec(any::<u8>(), 0..200),
        ) {
            let tmp = tempfile::tempdir().unwrap();
            let dir = tmp.path();
            let mut entities = entities;
            for (row, ty) in entities.iter_mut().zip(&types) {
                row[2] = ty.to_string();
            }
            write_table(dir, "articles", &articles);
            write_table(dir, "entities", &entities);
            write_table(dir, "quotes", &quotes);
            write_table(dir, "events", &events);
            write_table(dir, "errors", &errors);
            std::fs::write(dir.join("times.csv"), &garbage).unwrap();
            std::fs::write(dir.join(runinfo::RUN_FILE), &garbage).unwrap();
            let page = build_report(dir).unwrap();
            let lower = page.to_lowercase();
            prop_assert!(!lower.contains("<script"));
            prop_assert!(page.ends_with("</main></body></html>\n"));
            prop_assert_eq!(page.matches("<section").count(), page.matches("</section>").count());
        }
    }

    /// An unterminated quote at the end, bad UTF-8 and missing tables do not stop the report.
    #[test]
    fn odd_tables_are_read_leniently() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::write(
            dir.join("articles.csv"),
            "article_id,title\na,One\nb,\"Two\n",
        )
        .unwrap();
        // Invalid UTF-8 in a cell is shown with replacement characters.
        std::fs::write(dir.join("errors.csv"), b"path,kind\n\xff\xfe.txt,binary\n").unwrap();
        let page = build_report(dir).unwrap();
        assert!(page.contains("data-metric=\"articles\" data-value=\"2\""));
        assert!(page.contains("\u{FFFD}\u{FFFD}.txt"));
        assert!(page.contains("entities.csv is missing"));
    }
}
