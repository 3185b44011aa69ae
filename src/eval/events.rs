//! Scorer for the events stage.

use super::{EvalError, EvalReport};
use std::path::Path;

/// Scores against the meantime gold file at `gold`. (Not yet available.)
pub fn meantime(gold: &Path) -> Result<EvalReport, EvalError> {
    let _ = gold;
    Err(EvalError::Unsupported(
        "the events meantime scorer is not built yet".into(),
    ))
}

/// Scores against the ecbplus gold file at `gold`. (Not yet available.)
pub fn ecbplus(gold: &Path) -> Result<EvalReport, EvalError> {
    let _ = gold;
    Err(EvalError::Unsupported(
        "the events ecbplus scorer is not built yet".into(),
    ))
}
