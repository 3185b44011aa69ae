//! The validated settings of a run, built once from the command line.
//!
//! Nothing downstream reads raw flags: the CLI checks and converts them into a [`RunConfig`].

use crate::corpus::shard::Shard;
use chrono::NaiveDate;
use std::path::PathBuf;

/// The extensions read by default.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "json", "jsonl", "html", "htm"];

/// The default per-file size limit: 20 MB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 20_000_000;

/// The default limit on the decompressed size of a `.gz` / `.zst` file: 100 MB.
pub const DEFAULT_MAX_DECOMPRESSED_SIZE: u64 = 100_000_000;

/// When to draw a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProgressMode {
    /// On a terminal only.
    #[default]
    Auto,
    /// Always (to stderr).
    Always,
    /// Never.
    Never,
}

/// How table cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableStyle {
    /// Start each file with a UTF-8 byte-order mark and end lines with CRLF, as Excel likes.
    pub excel: bool,
    /// Prefix cells that begin with `=`, `+`, `-`, `@`, tab or carriage return with `'`.
    pub formula_guard: bool,
}

impl Default for TableStyle {
    fn default() -> Self {
        TableStyle {
            excel: false,
            formula_guard: true,
        }
    }
}

/// Everything a batch run needs to know.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// Input folders and files.
    pub inputs: Vec<PathBuf>,
    /// The output folder.
    pub output: PathBuf,
    /// Analysis threads.
    pub threads: usize,
    /// File name endings to read (lower case, no dot).
    pub extensions: Vec<String>,
    /// Files larger than this fail without being read.
    pub max_file_size: u64,
    /// The date for articles that carry none.
    pub reference_date: Option<NaiveDate>,
    /// No summary line, no progress.
    pub quiet: bool,
    /// When to show progress.
    pub progress: ProgressMode,
    /// Cell and line style of the tables.
    pub style: TableStyle,
    /// Follow symbolic links.
    pub follow_links: bool,
    /// Read hidden files and folders.
    pub hidden: bool,
    /// Settings of the analysis (numeric date order).
    pub analysis: crate::nlp::AnalysisOptions,
    /// Compressed files that decompress to more than this fail.
    pub max_decompressed_size: u64,
    /// Carry the rows of unchanged files over from the previous run's tables.
    pub incremental: bool,
    /// In incremental runs, compare content hashes too, not only size and modification time.
    pub verify_hash: bool,
    /// Take only this part of the inputs.
    pub shard: Option<Shard>,
}

impl RunConfig {
    /// A configuration with the defaults, for `inputs` and `output`.
    pub fn new(inputs: Vec<PathBuf>, output: PathBuf) -> RunConfig {
        RunConfig {
            inputs,
            output,
            threads: default_threads(),
            extensions: DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            reference_date: None,
            quiet: false,
            progress: ProgressMode::Auto,
            style: TableStyle::default(),
            follow_links: false,
            hidden: false,
            analysis: crate::nlp::AnalysisOptions::default(),
            max_decompressed_size: DEFAULT_MAX_DECOMPRESSED_SIZE,
            incremental: false,
            verify_hash: false,
            shard: None,
        }
    }
}

/// Everything `newsmine merge` needs to know.
#[derive(Debug, Clone)]
pub struct MergeConfig {
    /// The output folders of the shard runs.
    pub shards: Vec<PathBuf>,
    /// The folder for the joined tables.
    pub output: PathBuf,
    /// No summary line.
    pub quiet: bool,
}

/// The number of cores available to this process.
pub fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}
