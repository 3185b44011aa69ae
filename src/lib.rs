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
pub mod nlp;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod show;

pub use article::Article;
pub use extraction::Extraction;
pub use nlp::analyse;

/// The version of the extractor, written to `articles.csv`-adjacent reports and manifests.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
