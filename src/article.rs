//! The article: one decoded news text with its metadata, the input of [`crate::analyse`].

use chrono::NaiveDate;

/// One news article as decoded from a file or a record of a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The id used in every table: the path relative to the input root, plus `#N` for records.
    pub id: String,
    /// The record's own id (`id` field of a JSON record), if any.
    pub source_id: Option<String>,
    /// The path of the file, as given on the command line joined with the relative path.
    pub path: String,
    /// The 1-based record number within a multi-article file (JSON array, JSON Lines).
    pub record: Option<usize>,
    /// The headline, if the format gives one.
    pub title: Option<String>,
    /// The publication date or time as the source wrote it.
    pub published: Option<String>,
    /// The article's web address.
    pub url: Option<String>,
    /// Authors, in the order given.
    pub authors: Vec<String>,
    /// The body text, exactly as decoded: every offset in every table counts into it.
    pub body: String,
    /// The date that relative time expressions are resolved against: the article's own date,
    /// else the run's `--reference-date`, else none.
    pub reference_date: Option<NaiveDate>,
}
