//! Scorer for the ner stage.

use super::{EvalError, EvalReport};
use std::path::Path;

/// Scores against the conll gold file at `gold`. (Not yet available.)
pub fn conll(gold: &Path) -> Result<EvalReport, EvalError> {
    let _ = gold;
    Err(EvalError::Unsupported(
        "the ner conll scorer is not built yet".into(),
    ))
}

/// Scores against the meantime gold file at `gold`. (Not yet available.)
pub fn meantime(gold: &Path) -> Result<EvalReport, EvalError> {
    let _ = gold;
    Err(EvalError::Unsupported(
        "the ner meantime scorer is not built yet".into(),
    ))
}
