//! Scorer for the time stage.

use super::{EvalError, EvalReport};
use std::path::Path;

/// Scores against the tempeval gold file at `gold`. (Not yet available.)
pub fn tempeval(gold: &Path) -> Result<EvalReport, EvalError> {
    let _ = gold;
    Err(EvalError::Unsupported(
        "the time tempeval scorer is not built yet".into(),
    ))
}
