//! Inputs: discover files, read and decode them, and turn each format into articles.
//!
//! This is the I/O edge before the pure analysis: [`discover`] walks the input roots in a
//! deterministic order, [`read`] loads bytes within a size limit, [`decode`] turns bytes into
//! text, and [`formats`] splits the text into [`Article`](crate::Article)s with their metadata.
//! [`shard`] picks a deterministic part of the inputs for runs spread over several machines.

pub mod decode;
pub mod discover;
pub mod formats;
pub mod metadata;
pub mod read;
pub mod shard;

use std::fmt;

/// Where in the flow an input failed or was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Walking the input folders.
    Discover,
    /// Reading the file from disk.
    Read,
    /// Turning bytes into text.
    Decode,
    /// Reading the file's format (JSON, HTML, front matter).
    Parse,
    /// Analysing the article.
    Analyse,
}

impl Stage {
    /// The value written to the `stage` column of `errors.csv`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Stage::Discover => "discover",
            Stage::Read => "read",
            Stage::Decode => "decode",
            Stage::Parse => "parse",
            Stage::Analyse => "analyse",
        }
    }
}

/// Whether an input was failed (an error) or skipped (nothing to analyse).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something went wrong with the input.
    Failed,
    /// The input holds nothing to analyse, or policy says to leave it.
    Skipped,
}

/// One input that was not analysed: a row of `errors.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file's path.
    pub path: String,
    /// The 1-based record number, for one record of a multi-article file.
    pub record: Option<usize>,
    /// Where it failed.
    pub stage: Stage,
    /// A short machine-friendly reason (`binary`, `too-large`, `malformed-json`, …).
    pub kind: &'static str,
    /// What happened, for people.
    pub message: String,
    /// Failed or skipped.
    pub outcome: Outcome,
}

impl InputError {
    /// A failure of a whole file.
    pub fn failed(
        path: &str,
        stage: Stage,
        kind: &'static str,
        message: impl Into<String>,
    ) -> Self {
        InputError {
            path: path.to_string(),
            record: None,
            stage,
            kind,
            message: message.into(),
            outcome: Outcome::Failed,
        }
    }

    /// A whole file that was skipped.
    pub fn skipped(
        path: &str,
        stage: Stage,
        kind: &'static str,
        message: impl Into<String>,
    ) -> Self {
        InputError {
            outcome: Outcome::Skipped,
            ..InputError::failed(path, stage, kind, message)
        }
    }

    /// The same error for one record of the file.
    pub fn with_record(mut self, record: usize) -> Self {
        self.record = Some(record);
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(r) => write!(f, "{}#{}: {}: {}", self.path, r, self.kind, self.message),
            None => write!(f, "{}: {}: {}", self.path, self.kind, self.message),
        }
    }
}

impl std::error::Error for InputError {}
