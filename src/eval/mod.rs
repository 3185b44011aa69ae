//! Scorers for each gold format: entities (CoNLL, MEANTIME), quotes (PolNeAR), time
//! (TempEval-3) and events (MEANTIME, ECB+). They measure the extractor the same way
//! `../shared/tools/score.py` measures the release binary.

pub mod events;
pub mod ner;
pub mod quotes;
pub mod time;

use std::path::{Path, PathBuf};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The gold file is not in the expected format.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The scorer is not available yet.
    #[error("{0}")]
    Unsupported(String),
}

/// The outcome of an evaluation: a table for people and the same figures as JSON.
#[derive(Debug, Clone)]
pub struct EvalReport {
    /// Human-readable summary.
    pub text: String,
    /// Machine-readable figures.
    pub json: serde_json::Value,
}

/// Reads a JSON Lines gold file into values, with line numbers in errors.
pub fn read_jsonl(path: &Path) -> Result<Vec<serde_json::Value>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v = serde_json::from_str(line).map_err(|e| EvalError::Format {
            path: path.to_path_buf(),
            line: i + 1,
            message: e.to_string(),
        })?;
        out.push(v);
    }
    Ok(out)
}

/// Precision, recall and F1 in percent from counts.
pub fn prf(true_pred: usize, n_pred: usize, true_gold: usize, n_gold: usize) -> (f64, f64, f64) {
    let p = if n_pred > 0 {
        true_pred as f64 / n_pred as f64
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        true_gold as f64 / n_gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (100.0 * p, 100.0 * r, 100.0 * f)
}
