//! The run's own account of itself: `run.json` in the output folder, every key optional.
//!
//! Older or hand-made output folders have no `run.json`; merged folders may have one without
//! some keys. Every field is therefore optional and the report falls back on the tables.

use serde_json::Value;
use std::path::Path;

/// The run file's name inside the output folder.
pub const RUN_FILE: &str = "run.json";

/// One kind of skipped or failed input as the run counted it.
#[derive(Debug, Clone, PartialEq)]
pub struct FailureKind {
    /// The kind (`binary`, `too-large`).
    pub kind: String,
    /// How many inputs were skipped or failed this way.
    pub count: u64,
    /// The first few paths.
    pub examples: Vec<String>,
}

/// What `run.json` says, as far as it says it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunInfo {
    /// newsmine's version.
    pub newsmine_version: Option<String>,
    /// The extractor's version.
    pub extractor_version: Option<String>,
    /// Start time, RFC 3339.
    pub started: Option<String>,
    /// End time, RFC 3339.
    pub finished: Option<String>,
    /// Wall-clock seconds.
    pub seconds: Option<f64>,
    /// The inputs as given.
    pub inputs: Vec<String>,
    /// The reference date, if one was given.
    pub reference_date: Option<String>,
    /// Analysis threads.
    pub threads: Option<u64>,
    /// Whether the run was incremental.
    pub incremental: Option<bool>,
    /// The shard (`1/4`), if any.
    pub shard: Option<String>,
    /// The exit status.
    pub exit_status: Option<i64>,
    /// Inputs seen.
    pub seen: Option<u64>,
    /// Articles analysed by this run.
    pub processed: Option<u64>,
    /// Articles whose rows were carried over from the previous run.
    pub carried_over: Option<u64>,
    /// Inputs skipped with a reason.
    pub skipped: Option<u64>,
    /// Inputs that failed.
    pub failed: Option<u64>,
    /// Skipped and failed inputs by kind, in the file's order.
    pub failures_by_kind: Vec<FailureKind>,
    /// Rows per table.
    pub rows: Vec<(String, u64)>,
    /// Seconds per stage.
    pub stage_seconds: Vec<(String, f64)>,
    /// Bytes read.
    pub bytes_read: Option<u64>,
    /// Megabytes read per second.
    pub mb_per_s: Option<f64>,
    /// Articles per second.
    pub articles_per_s: Option<f64>,
    /// `run` or `merge`.
    pub command: Option<String>,
    /// Files read.
    pub files_read: Option<u64>,
    /// Why an incremental run processed everything, if it did.
    pub full_run_reason: Option<String>,
    /// For a merge: the folders joined.
    pub merged_from: Vec<String>,
    /// What did not stop the run but is worth knowing.
    pub warnings: Vec<String>,
}

impl RunInfo {
    /// Reads `dir/run.json`: `Ok(None)` when there is none, `Err` with a note when it cannot be
    /// read or is not a JSON object.
    pub fn load(dir: &Path) -> Result<Option<RunInfo>, String> {
        let path = dir.join(RUN_FILE);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{RUN_FILE} cannot be read: {e}")),
        };
        let value: Value = serde_json::from_slice(&bytes)
            .map_err(|e| format!("{RUN_FILE} is not valid JSON: {e}"))?;
        if !value.is_object() {
            return Err(format!("{RUN_FILE} is not a JSON object"));
        }
        Ok(Some(RunInfo::from_value(&value)))
    }

    /// Reads the fields it knows from a JSON object, ignoring the rest.
    pub fn from_value(v: &Value) -> RunInfo {
        let counts = &v["counts"];
        RunInfo {
            newsmine_version: string(&v["newsmine_version"]),
            extractor_version: string(&v["extractor_version"]),
            started: string(&v["started"]),
            finished: string(&v["finished"]),
            seconds: v["seconds"].as_f64(),
            inputs: strings(&v["inputs"]),
            reference_date: string(&v["reference_date"]),
            threads: v["threads"].as_u64(),
            incremental: v["incremental"].as_bool(),
            shard: string(&v["shard"]),
            exit_status: v["exit_status"].as_i64(),
            seen: counts["seen"].as_u64(),
            processed: counts["processed"].as_u64(),
            carried_over: counts["carried_over"].as_u64(),
            skipped: counts["skipped"].as_u64(),
            failed: counts["failed"].as_u64(),
            failures_by_kind: v["failures_by_kind"]
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(kind, f)| FailureKind {
                            kind: kind.clone(),
                            count: f["count"].as_u64().unwrap_or(0),
                            examples: strings(&f["examples"]),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            rows: v["rows"]
                .as_object()
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, n)| n.as_u64().map(|n| (k.clone(), n)))
                        .collect()
                })
                .unwrap_or_default(),
            stage_seconds: v["stage_seconds"]
                .as_object()
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, n)| n.as_f64().map(|n| (k.clone(), n)))
                        .collect()
                })
                .unwrap_or_default(),
            bytes_read: v["bytes_read"].as_u64(),
            mb_per_s: v["mb_per_s"].as_f64(),
            articles_per_s: v["articles_per_s"].as_f64(),
            command: string(&v["command"]),
            files_read: v["files_read"].as_u64(),
            full_run_reason: string(&v["full_run_reason"]),
            merged_from: strings(&v["merged_from"]),
            warnings: strings(&v["warnings"]),
        }
    }

    /// Rows of `table` according to the run, if it says.
    pub fn rows_of(&self, table: &str) -> Option<u64> {
        self.rows.iter().find(|(k, _)| k == table).map(|(_, n)| *n)
    }
}

/// A JSON array of strings (other items and other values ignored).
fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(string).collect())
        .unwrap_or_default()
}

/// A JSON string or number as text; `None` for null and anything else.
fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_schema_and_tolerates_gaps() {
        let v: Value = serde_json::from_str(
            r#"{"newsmine_version":"0.1.0","seconds":12.5,"reference_date":null,
                "counts":{"seen":10,"processed":8,"failed":2},
                "failures_by_kind":{"binary":{"count":2,"examples":["a.txt","b.txt"]}},
                "rows":{"articles":8},"shard":"1/4"}"#,
        )
        .unwrap();
        let r = RunInfo::from_value(&v);
        assert_eq!(r.newsmine_version.as_deref(), Some("0.1.0"));
        assert_eq!(r.seconds, Some(12.5));
        assert_eq!(r.reference_date, None);
        assert_eq!((r.seen, r.processed, r.skipped), (Some(10), Some(8), None));
        assert_eq!(r.failures_by_kind[0].examples, vec!["a.txt", "b.txt"]);
        assert_eq!(r.rows_of("articles"), Some(8));
        assert_eq!(r.shard.as_deref(), Some("1/4"));
        assert_eq!(RunInfo::from_value(&Value::Null), RunInfo::default());
    }
}
