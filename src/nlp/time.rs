//! Time expressions and their TIMEX3 values (issue 5).

use crate::extraction::TimeExpr;
use crate::nlp::text::Doc;
use chrono::NaiveDate;

/// Finds the time expressions of `doc` and normalises them against `reference`.
/// (Stub until the normaliser lands.)
pub fn extract(doc: &Doc, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    let _ = (doc, reference);
    Vec::new()
}
