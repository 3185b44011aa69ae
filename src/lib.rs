//! newsmine: entities, quotes and events from folders of news, as CSV tables.
//!
//! The flow runs one way: [`corpus`] discovers and decodes articles, [`analyse`] extracts what
//! each one holds (pure, no I/O), [`pipeline`] runs that on every core and [`output`] writes
//! the tables in input order, and [`report`] draws `report.html` from them. [`eval`] scores
//! the extractor against annotated news.
#![deny(missing_docs)]

pub mod article;
pub mod config;
pub mod corpus;
pub mod eval;
pub mod extraction;
pub mod incremental;
pub mod merge;
pub mod nlp;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod show;

pub use article::Article;
pub use extraction::Extraction;
pub use nlp::{AnalysisOptions, analyse, analyse_with};

/// The version of the program (`Cargo.toml`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The version of the extractor: the program's version and a hash of every data file it embeds
/// (word lists, trained model), computed by `build.rs`. A retrained model or an edited word list
/// changes it, so incremental runs reprocess everything rather than mix old and new rows.
pub const EXTRACTOR_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+data.",
    env!("NEWSMINE_DATA_HASH")
);

/// The version of the extractor, as [`EXTRACTOR_VERSION`].
pub fn extractor_version() -> String {
    EXTRACTOR_VERSION.to_string()
}
