//! The batch run: discover → read+decode → analyse → write, on every core, in input order.
//!
//! ```text
//! discover (1 thread) ─jobs─▶ readers (I/O threads) ─units─▶ analysis pool (rayon) ─done─▶ writer
//!        ▲                                                                               │
//!        └──────────────────────────── permits (files in flight) ◀──────────────────────┘
//! ```
//!
//! The analysis workers also format their article's rows as CSV
//! ([`crate::output::tables::RowRenderer`]), so the one writer only appends bytes in order: the
//! serial part of a run stays small however many cores analyse.
//!
//! Every file gets a sequence number as it is discovered and every article a place in its file,
//! so the writer can restore input order with a small reorder buffer: the tables are
//! byte-identical whatever the number of threads. The discoverer takes a permit per file and the
//! writer returns it once the file is written, so at most a fixed number of files are in flight
//! and memory stays flat however large the corpus is. Channels are bounded for the same reason.
//!
//! Incremental runs use the same flow. The discoverer pairs each input with the previous run's
//! manifest ([`crate::incremental`]); an unchanged input goes through the readers and the pool
//! as a mere marker, and when the writer reaches it in input order it copies the input's rows
//! from the previous tables, which it reads alongside as streams. Beside the tables the writer
//! lists every input in the new manifest, and `run.json` sums the run up; all of them are
//! committed together.

use crate::article::Article;
use crate::config::{ProgressMode, RunConfig};
use crate::corpus::InputError;
use crate::corpus::discover::{Found, discover_units};
use crate::incremental::{self, Plan, Previous};
use crate::output::carry::CarryError;
use crate::output::commit::{OutputDir, OutputError};
use crate::output::digest::HashingWriter;
use crate::output::manifest::{MANIFEST_FILE, ManifestWriter, Settings};
use crate::output::run_report::{
    Counts, RUN_REPORT_FILE, RunReport, StageSeconds, now_rfc3339, per_second,
};
use crate::output::tables::{RenderedRows, RowCounts, Table, TableWriters};
use crossbeam_channel::bounded;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

mod analyse;
mod jobs;
mod load;
mod write;

use analyse::analyse_units;
use jobs::{discover_jobs, discover_options};
use load::load;
use write::{Tally, write_in_order};

/// Why a run could not complete. The previous tables are untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// An input given on the command line does not exist.
    #[error("input not found: {0}")]
    MissingInput(PathBuf),
    /// The output folder cannot be used.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A table could not be written.
    #[error("cannot write the tables: {0}")]
    Csv(#[from] csv::Error),
    /// Writing failed.
    #[error("cannot write the tables: {0}")]
    Io(#[from] std::io::Error),
    /// The thread pool could not start.
    #[error("cannot start the worker threads: {0}")]
    Threads(String),
    /// The previous tables turned out not to match their manifest while their rows were being
    /// carried over (an incremental run then starts again as a full run).
    #[error("{0}")]
    Stale(String),
}

impl From<CarryError> for RunError {
    fn from(e: CarryError) -> RunError {
        match e {
            CarryError::Stale(s) => RunError::Stale(s.to_string()),
            CarryError::Write(e) => RunError::Csv(e),
        }
    }
}

/// What a run did, for the summary line and the exit status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    /// Inputs seen: articles, records and files that could not be split into articles.
    pub seen: u64,
    /// Articles analysed and listed in `articles.csv`.
    pub processed: u64,
    /// Articles of unchanged files carried over from the previous run (incremental runs).
    pub carried_over: u64,
    /// Inputs left out with a reason (empty, symbolic link not followed).
    pub skipped: u64,
    /// Inputs that failed.
    pub failed: u64,
    /// Files read.
    pub files: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Rows per table.
    pub rows: RowCounts,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// The output folder.
    pub output: PathBuf,
    /// Why an incremental run processed everything again, if it did.
    pub full_run_reason: Option<String>,
    /// Things the user should know that did not stop the run.
    pub warnings: Vec<String>,
}

impl RunSummary {
    /// The one-line summary printed at the end of a run.
    pub fn line(&self) -> String {
        let secs = self.seconds.max(1e-6);
        let rows: Vec<String> = Table::ALL
            .iter()
            .map(|t| format!("{} {}", t.name(), self.rows.get(*t)))
            .collect();
        let carried = if self.carried_over > 0 {
            format!("{} carried over, ", self.carried_over)
        } else {
            String::new()
        };
        format!(
            "newsmine: {} seen, {} processed, {carried}{} skipped, {} failed in {:.1} s \
             ({:.0} articles/s, {:.1} MB/s); rows: {}; tables in {}",
            self.seen,
            self.processed,
            self.skipped,
            self.failed,
            self.seconds,
            self.processed as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
            rows.join(", "),
            self.output.display()
        )
    }

    /// The exit status: 0 when no input failed, 3 otherwise.
    pub fn exit_status(&self) -> u8 {
        if self.failed > 0 { 3 } else { 0 }
    }
}

/// One input on its way to the writer: where it stands and what the previous run knew of it.
/// It travels with the input's first unit.
struct InputMeta {
    root: u32,
    rel: String,
    rel_raw: Option<Vec<u8>>,
    path: String,
    is_file: bool,
    plan: Plan,
    /// Filled in by the reader: the file as read.
    size: u64,
    mtime_ns: i64,
    hash: String,
    carried: bool,
}

/// One discovered input with its place in the input order.
struct Job {
    seq: u64,
    meta: Box<InputMeta>,
    found: Found,
}

/// An article, an input that could not become one, or an unchanged input whose rows are
/// carried over.
enum Item<T> {
    Work(T),
    Error(InputError),
    Carried,
}

/// One article (or one input that could not become an article) with its place.
struct Unit {
    seq: u64,
    index: u32,
    total: u32,
    meta: Option<Box<InputMeta>>,
    item: Item<Article>,
}

/// A unit after analysis.
struct Done {
    seq: u64,
    index: u32,
    total: u32,
    meta: Option<Box<InputMeta>>,
    item: Item<RenderedRows>,
}

/// Time spent in each stage, in nanoseconds, summed over threads.
#[derive(Default)]
struct StageClock {
    discover: AtomicU64,
    read: AtomicU64,
    parse: AtomicU64,
    analyse: AtomicU64,
    write: AtomicU64,
}

impl StageClock {
    fn add(counter: &AtomicU64, since: Instant) {
        counter.fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
    }

    fn seconds(&self) -> StageSeconds {
        let s = |c: &AtomicU64| c.load(Ordering::Relaxed) as f64 / 1e9;
        StageSeconds {
            discover: s(&self.discover),
            read: s(&self.read),
            parse: s(&self.parse),
            analyse: s(&self.analyse),
            write: s(&self.write),
        }
    }
}

/// Byte and file counters of the readers.
#[derive(Default)]
struct ReadCounters {
    files: AtomicU64,
    bytes: AtomicU64,
    decompressed: AtomicU64,
}

/// Everything a finished attempt leaves for the commit.
struct Finished {
    files: Vec<BufWriter<File>>,
    summary: RunSummary,
}

/// Runs the batch job described by `config`.
///
/// With `config.incremental`, the rows of inputs unchanged since the previous run are carried
/// over from its tables; if those turn out not to match their manifest part-way, the run starts
/// again and processes everything (the reason is in `run.json`).
pub fn run(config: &RunConfig) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    let started_at = now_rfc3339();
    for input in &config.inputs {
        if std::fs::symlink_metadata(input).is_err() {
            return Err(RunError::MissingInput(input.clone()));
        }
    }
    let mut out = OutputDir::open(&config.output)?;
    let settings = Settings::of_run(config);
    let (previous, reason) = if config.incremental {
        match incremental::open_previous(&config.output, &settings, config.verify_hash) {
            Ok(p) => (Some(p), None),
            Err(why) => (None, Some(why)),
        }
    } else {
        (None, None)
    };
    let began = (started, started_at.as_str());
    let finished = match attempt(config, &settings, &mut out, previous, reason, began) {
        Err(RunError::Stale(why)) => {
            out.discard();
            attempt(config, &settings, &mut out, None, Some(why), began)?
        }
        other => other?,
    };
    out.commit(finished.files)?;
    Ok(finished.summary)
}

/// One pass over the inputs: writes every table, the manifest and `run.json` to temporary
/// files in `out`, ready to commit.
fn attempt(
    config: &RunConfig,
    settings: &Settings,
    out: &mut OutputDir,
    previous: Option<Previous>,
    full_run_reason: Option<String>,
    (started, started_at): (Instant, &str),
) -> Result<Finished, RunError> {
    let mut sinks = Vec::with_capacity(Table::ALL.len());
    for table in Table::ALL {
        sinks.push(HashingWriter::new(out.create(&table.file_name())?));
    }
    let mut writers = TableWriters::new(sinks, config.style)?;
    let mut manifest = ManifestWriter::new(out.create(MANIFEST_FILE)?, settings)?;
    let (planner, prev_tables) = match previous {
        Some(p) => (Some(p.planner), Some(p.tables)),
        None => (None, None),
    };

    let threads = config.threads.max(1);
    let readers = (threads * 2).clamp(2, 16);
    let window = threads * 8 + readers * 2;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("newsmine-analyse-{i}"))
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;

    let (permit_tx, permit_rx) = bounded::<()>(window);
    for _ in 0..window {
        // cannot fail: the channel has room for every permit
        let _ = permit_tx.send(());
    }
    let (job_tx, job_rx) = bounded::<Job>(readers * 2);
    let (unit_tx, unit_rx) = bounded::<Unit>(threads * 16);
    let (done_tx, done_rx) = bounded::<Done>(threads * 16);
    let counters = Arc::new(ReadCounters::default());
    let stages = Arc::new(StageClock::default());
    let progress = make_progress(config);
    let mut tally = Tally {
        prev: prev_tables,
        run_started_ns: mtime_now_ns(),
        ..Tally::default()
    };

    let write_result: Result<(), RunError> = std::thread::scope(|scope| {
        let stages_ref = &stages;
        scope.spawn(move || discover_jobs(config, planner, permit_rx, job_tx, stages_ref));
        if let Some(bar) = &progress {
            spawn_counter(scope, config, bar.clone());
        }
        // read + decode + parse
        for _ in 0..readers {
            let job_rx = job_rx.clone();
            let unit_tx = unit_tx.clone();
            let counters = Arc::clone(&counters);
            let stages = Arc::clone(&stages);
            scope.spawn(move || {
                for mut job in job_rx.iter() {
                    let items = load(&mut job, config, &counters, &stages);
                    let total = items.len() as u32;
                    let mut meta = Some(job.meta);
                    for (index, item) in items.into_iter().enumerate() {
                        let unit = Unit {
                            seq: job.seq,
                            index: index as u32,
                            total,
                            meta: meta.take(),
                            item,
                        };
                        if unit_tx.send(unit).is_err() {
                            return;
                        }
                    }
                }
            });
        }
        drop(job_rx);
        drop(unit_tx);
        // analyse
        for _ in 0..threads {
            let unit_rx = unit_rx.clone();
            let done_tx = done_tx.clone();
            let stages = Arc::clone(&stages);
            let options = config.analysis;
            let style = config.style;
            pool.spawn(move || analyse_units(unit_rx, done_tx, &stages, &options, style));
        }
        drop(unit_rx);
        drop(done_tx);
        // write, in input order
        let result = write_in_order(
            done_rx,
            &permit_tx,
            &mut writers,
            &mut manifest,
            &mut tally,
            &progress,
            &stages,
        );
        drop(permit_tx);
        result
    });
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    write_result?;
    if let Some(prev) = tally.prev.take() {
        prev.finish().map_err(|e| RunError::Stale(e.to_string()))?;
    }

    // The tables are complete: fingerprint them in the manifest, then write run.json.
    let (rows, mut files) = crate::output::finish_tables(writers, manifest)?;
    let summary = RunSummary {
        seen: tally.counts.seen,
        processed: tally.counts.processed,
        carried_over: tally.counts.carried_over,
        skipped: tally.counts.skipped,
        failed: tally.counts.failed,
        files: counters.files.load(Ordering::Relaxed),
        bytes: counters.bytes.load(Ordering::Relaxed),
        rows,
        seconds: started.elapsed().as_secs_f64(),
        output: config.output.clone(),
        full_run_reason,
        warnings: Vec::new(),
    };
    let report = run_report(
        config,
        &summary,
        std::mem::take(&mut tally.failures).into_map(),
        stages.seconds(),
        counters.decompressed.load(Ordering::Relaxed),
        started_at.to_string(),
    );
    let mut json = out.create(RUN_REPORT_FILE)?;
    serde_json::to_writer_pretty(&mut json, &report).map_err(std::io::Error::from)?;
    json.write_all(b"\n")?;
    files.push(json);
    Ok(Finished { files, summary })
}

/// The contents of `run.json` for a finished run.
fn run_report(
    config: &RunConfig,
    summary: &RunSummary,
    failures_by_kind: BTreeMap<String, crate::output::run_report::KindTally>,
    stage_seconds: StageSeconds,
    bytes_decompressed: u64,
    started: String,
) -> RunReport {
    RunReport {
        newsmine_version: crate::VERSION.to_string(),
        extractor_version: crate::EXTRACTOR_VERSION.to_string(),
        started,
        finished: now_rfc3339(),
        seconds: summary.seconds,
        inputs: config
            .inputs
            .iter()
            .map(|p| crate::corpus::discover::to_slash(p))
            .collect(),
        output: crate::corpus::discover::to_slash(&config.output),
        reference_date: config.reference_date.map(|d| d.to_string()),
        threads: config.threads.max(1),
        incremental: config.incremental,
        shard: config.shard.map(|s| s.to_string()),
        exit_status: summary.exit_status(),
        counts: Counts {
            seen: summary.seen,
            processed: summary.processed,
            carried_over: summary.carried_over,
            skipped: summary.skipped,
            failed: summary.failed,
        },
        failures_by_kind,
        rows: summary.rows.into(),
        stage_seconds,
        bytes_read: summary.bytes,
        mb_per_s: per_second(summary.bytes as f64 / 1e6, summary.seconds),
        articles_per_s: per_second(summary.processed as f64, summary.seconds),
        command: "run".into(),
        files_read: summary.files,
        bytes_decompressed,
        full_run_reason: summary.full_run_reason.clone(),
        merged_from: Vec::new(),
        warnings: summary.warnings.clone(),
    }
}

/// Now, in nanoseconds since 1970, on the clock file times use.
fn mtime_now_ns() -> i64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(_) => 0,
    }
}

fn make_progress(config: &RunConfig) -> Option<ProgressBar> {
    let show = !config.quiet
        && match config.progress {
            ProgressMode::Never => false,
            ProgressMode::Always => true,
            ProgressMode::Auto => std::io::stderr().is_terminal(),
        };
    if !show {
        return None;
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
    let style = ProgressStyle::with_template(
        "{spinner} {pos}/{len} files [{elapsed_precise}] {wide_bar} {rate} ETA {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .with_key(
        "rate",
        |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0} files/s", state.per_sec());
        },
    );
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(250));
    Some(bar)
}

/// Counts the files to read in the background, so the progress bar can show an ETA.
fn spawn_counter<'s>(
    scope: &'s std::thread::Scope<'s, '_>,
    config: &'s RunConfig,
    bar: ProgressBar,
) {
    scope.spawn(move || {
        let options = discover_options(config);
        let n = discover_units(&config.inputs, &options)
            .filter(|d| config.shard.is_none_or(|s| s.contains(&d.shard_key)))
            .count();
        bar.set_length(n as u64);
    });
}
