//! The batch run: discover → read+decode → analyse → write, on every core, in input order.
//!
//! ```text
//! discover (1 thread) ─jobs─▶ readers (I/O threads) ─units─▶ analysis pool (rayon) ─done─▶ writer
//!        ▲                                                                               │
//!        └──────────────────────────── permits (files in flight) ◀──────────────────────┘
//! ```
//!
//! Every file gets a sequence number as it is discovered and every article a place in its file,
//! so the writer can restore input order with a small reorder buffer: the tables are
//! byte-identical whatever the number of threads. The discoverer takes a permit per file and the
//! writer returns it once the file is written, so at most a fixed number of files are in flight
//! and memory stays flat however large the corpus is. Channels are bounded for the same reason.

use crate::article::Article;
use crate::config::{ProgressMode, RunConfig};
use crate::corpus::discover::{DiscoverOptions, Found, InputFile, discover};
use crate::corpus::formats::{self, Format};
use crate::corpus::read::read_limited;
use crate::corpus::{InputError, Outcome, Stage, decode};
use crate::extraction::{ArticleStatus, Extraction};
use crate::output::commit::{OutputDir, OutputError};
use crate::output::tables::{RowCounts, Table, TableWriters};
use crossbeam_channel::{Receiver, Sender, bounded};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

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
}

/// What a run did, for the summary line and the exit status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    /// Inputs seen: articles, records and files that could not be split into articles.
    pub seen: u64,
    /// Articles analysed and listed in `articles.csv`.
    pub processed: u64,
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
}

impl RunSummary {
    /// The one-line summary printed at the end of a run.
    pub fn line(&self) -> String {
        let secs = self.seconds.max(1e-6);
        let rows: Vec<String> = Table::ALL
            .iter()
            .map(|t| format!("{} {}", t.name(), self.rows.get(*t)))
            .collect();
        format!(
            "newsmine: {} seen, {} processed, {} skipped, {} failed in {:.1} s \
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
}

/// One discovered input with its place in the input order.
struct Job {
    seq: u64,
    found: Found,
}

/// One article (or one input that could not become an article) with its place.
struct Unit {
    seq: u64,
    index: u32,
    total: u32,
    item: Result<Article, InputError>,
}

/// A unit after analysis.
struct Done {
    seq: u64,
    index: u32,
    total: u32,
    result: Result<(Article, Extraction), InputError>,
}

/// Runs the batch job described by `config`.
pub fn run(config: &RunConfig) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    for input in &config.inputs {
        if std::fs::symlink_metadata(input).is_err() {
            return Err(RunError::MissingInput(input.clone()));
        }
    }
    let mut out = OutputDir::open(&config.output)?;
    let mut sinks = Vec::with_capacity(Table::ALL.len());
    for table in Table::ALL {
        sinks.push(out.create(&table.file_name())?);
    }
    let mut writers = TableWriters::new(sinks, config.style)?;

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
    let bytes_read = Arc::new(AtomicU64::new(0));
    let files_read = Arc::new(AtomicU64::new(0));
    let progress = make_progress(config);

    let mut summary = RunSummary {
        output: config.output.clone(),
        ..RunSummary::default()
    };
    let write_result: Result<(), RunError> = std::thread::scope(|scope| {
        // discover
        let discover_options = DiscoverOptions {
            extensions: config.extensions.clone(),
            hidden: config.hidden,
            follow_links: config.follow_links,
        };
        let inputs = &config.inputs;
        scope.spawn(move || {
            for (seq, found) in discover(inputs, &discover_options).enumerate() {
                if permit_rx.recv().is_err() {
                    return; // the writer stopped
                }
                if job_tx
                    .send(Job {
                        seq: seq as u64,
                        found,
                    })
                    .is_err()
                {
                    return;
                }
            }
        });
        if let Some(bar) = &progress {
            spawn_counter(scope, config, bar.clone());
        }
        // read + decode + parse
        for _ in 0..readers {
            let job_rx = job_rx.clone();
            let unit_tx = unit_tx.clone();
            let bytes_read = Arc::clone(&bytes_read);
            let files_read = Arc::clone(&files_read);
            scope.spawn(move || {
                for job in job_rx.iter() {
                    let items = load(job.found, config, &bytes_read, &files_read);
                    let total = items.len() as u32;
                    for (index, item) in items.into_iter().enumerate() {
                        let unit = Unit {
                            seq: job.seq,
                            index: index as u32,
                            total,
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
            pool.spawn(move || analyse_units(unit_rx, done_tx));
        }
        drop(unit_rx);
        drop(done_tx);
        // write, in input order
        let result = write_in_order(done_rx, &permit_tx, &mut writers, &mut summary, &progress);
        drop(permit_tx);
        result
    });
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    write_result?;
    summary.rows = writers.counts();
    let files = writers.finish()?;
    out.commit(files)?;
    summary.files = files_read.load(Ordering::Relaxed);
    summary.bytes = bytes_read.load(Ordering::Relaxed);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Reads, decodes and parses one discovered input into articles (or errors). Never empty.
fn load(
    found: Found,
    config: &RunConfig,
    bytes_read: &AtomicU64,
    files_read: &AtomicU64,
) -> Vec<Result<Article, InputError>> {
    let file: InputFile = match found {
        Found::File(f) => f,
        Found::Error(e) => return vec![Err(e)],
    };
    let display = file.display_path.as_str();
    let bytes = match read_limited(&file.path, display, config.max_file_size) {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    files_read.fetch_add(1, Ordering::Relaxed);
    bytes_read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    if bytes.is_empty() {
        return vec![Err(InputError::skipped(
            display,
            Stage::Read,
            "empty",
            "the file is empty",
        ))];
    }
    let text = match decode::decode(&bytes) {
        Ok(d) => d.text,
        Err(decode::DecodeError::Binary(why)) => {
            return vec![Err(InputError::failed(
                display,
                Stage::Decode,
                "binary",
                why,
            ))];
        }
    };
    drop(bytes);
    let format = Format::for_extension(&file.extension);
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        formats::parse(&file, format, &text, config.reference_date)
    }));
    match parsed {
        Ok(items) if items.is_empty() => vec![Err(InputError::skipped(
            display,
            Stage::Parse,
            "no-articles",
            "the file holds no articles",
        ))],
        Ok(items) => items,
        Err(_) => vec![Err(InputError::failed(
            display,
            Stage::Parse,
            "internal-error",
            "the parser failed on this file (a bug: please report it with the file)",
        ))],
    }
}

/// The loop of one analysis worker.
fn analyse_units(units: Receiver<Unit>, done: Sender<Done>) {
    for unit in units.iter() {
        let result = unit.item.and_then(analyse_one);
        let d = Done {
            seq: unit.seq,
            index: unit.index,
            total: unit.total,
            result,
        };
        if done.send(d).is_err() {
            return;
        }
    }
}

/// Analyses one article; a panic becomes an error row instead of ending the run.
fn analyse_one(article: Article) -> Result<(Article, Extraction), InputError> {
    match catch_unwind(AssertUnwindSafe(|| crate::nlp::analyse(&article))) {
        Ok(x) if x.status == ArticleStatus::Empty => {
            let e = InputError::skipped(
                &article.path,
                Stage::Analyse,
                "empty",
                "no words in the text",
            );
            Err(match article.record {
                Some(r) => e.with_record(r),
                None => e,
            })
        }
        Ok(x) => Ok((article, x)),
        Err(_) => {
            let e = InputError::failed(
                &article.path,
                Stage::Analyse,
                "internal-error",
                "the extractor failed on this article (a bug: please report it with the article)",
            );
            Err(match article.record {
                Some(r) => e.with_record(r),
                None => e,
            })
        }
    }
}

/// Receives analysed units in any order and writes them in input order.
fn write_in_order<W: std::io::Write>(
    done: Receiver<Done>,
    permits: &Sender<()>,
    writers: &mut TableWriters<W>,
    summary: &mut RunSummary,
    progress: &Option<ProgressBar>,
) -> Result<(), RunError> {
    let mut pending: BTreeMap<(u64, u32), Done> = BTreeMap::new();
    let mut next: (u64, u32) = (0, 0);
    for d in done.iter() {
        pending.insert((d.seq, d.index), d);
        while let Some(d) = pending.remove(&next) {
            summary.seen += 1;
            match &d.result {
                Ok((article, x)) => {
                    writers.write_article(article, x)?;
                    summary.processed += 1;
                }
                Err(e) => {
                    writers.write_error(e)?;
                    match e.outcome {
                        Outcome::Failed => summary.failed += 1,
                        Outcome::Skipped => summary.skipped += 1,
                    }
                }
            }
            if d.index + 1 >= d.total {
                next = (d.seq + 1, 0);
                let _ = permits.try_send(());
                if let Some(bar) = progress {
                    bar.inc(1);
                }
            } else {
                next = (d.seq, d.index + 1);
            }
        }
    }
    debug_assert!(pending.is_empty(), "every unit is written");
    Ok(())
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
        let options = DiscoverOptions {
            extensions: config.extensions.clone(),
            hidden: config.hidden,
            follow_links: config.follow_links,
        };
        let n = discover(&config.inputs, &options).count();
        bar.set_length(n as u64);
    });
}
