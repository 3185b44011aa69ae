//! Scorer for the quotes stage.

use super::{EvalError, EvalReport};
use std::path::Path;

/// Scores against the polnear gold file at `gold`. (Not yet available.)
pub fn polnear(gold: &Path) -> Result<EvalReport, EvalError> {
    let _ = gold;
    Err(EvalError::Unsupported(
        "the quotes polnear scorer is not built yet".into(),
    ))
}
