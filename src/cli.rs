//! The command-line interface: what was typed (clap), checked once and turned into the
//! library's configuration.

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use newsmine::config::{MergeConfig, ProgressMode, RunConfig, TableStyle};
use newsmine::corpus::read::parse_size;
use newsmine::corpus::shard::Shard;
use newsmine::eval::EvalReport;
use std::path::PathBuf;
use std::process::ExitCode;

/// Every input was processed.
pub const EXIT_OK: u8 = 0;
/// The run itself failed (output not writable, lock held, input missing); tables untouched.
pub const EXIT_RUN_FAILED: u8 = 1;
/// The run completed but some inputs failed (see errors.csv).
pub const EXIT_SOME_FAILED: u8 = 3;

const AFTER_HELP: &str = "\
Examples:
  newsmine run ~/news --output tables
  newsmine run feed.jsonl archive/ -o out --threads 4 --reference-date 2024-05-01
  newsmine run ~/news -o out --excel            # tables for Excel (BOM, CRLF)
  newsmine run ~/news -o out --incremental      # nightly: only new and changed files
  newsmine run ~/news -o part2 --shard 2/4      # one of four machines
  newsmine merge part1 part2 part3 part4 -o out # join the shards' tables
  newsmine show article.txt                     # one article's extraction, for a person
  newsmine report out                           # rebuild out/report.html from the tables
  newsmine eval ner --conll ../shared/data/conll2003/eng.testa
  newsmine train ner --train eng.train --dev eng.testa --out data/ner-en.model

Exit status: 0 all inputs processed; 3 the run completed and some inputs failed (see
errors.csv); 1 the run itself failed and the previous tables are untouched; 2 usage error.";

/// newsmine: named entities, quotes with their speakers, and dated events from folders of
/// news articles, as CSV tables.
#[derive(Debug, Parser)]
#[command(name = "newsmine", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract entities, quotes, times and events from every article under the inputs.
    #[command(after_help = RUN_HELP)]
    Run(RunArgs),
    /// Join the tables of shard runs (`run --shard K/N`) into the tables of the whole corpus.
    #[command(after_help = MERGE_HELP)]
    Merge(MergeArgs),
    /// Show one file's extraction, as text for a person or as JSON.
    Show(ShowArgs),
    /// Rebuild report.html (the run and its news at a glance) from an output folder's tables.
    Report(ReportArgs),
    /// Score the extractor against annotated data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(TrainCommand),
}

#[derive(Debug, Subcommand)]
enum TrainCommand {
    /// The entity tagger, from CoNLL-2003 files (deterministic for a given seed).
    Ner(TrainNerArgs),
}

#[derive(Debug, Args)]
struct TrainNerArgs {
    /// CoNLL training file.
    #[arg(long, value_name = "FILE")]
    train: PathBuf,
    /// CoNLL development file (picks the epoch).
    #[arg(long, value_name = "FILE")]
    dev: PathBuf,
    /// Where to write the model.
    #[arg(long, value_name = "FILE", default_value = "data/ner-en.model")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = newsmine::nlp::ner::train::TrainOptions::default().epochs)]
    epochs: usize,
    /// Seed of the sentence order.
    #[arg(long, default_value_t = newsmine::nlp::ner::train::TrainOptions::default().seed)]
    seed: u64,
    /// Word clusters learned from unlabelled news.
    #[arg(long, value_name = "FILE", default_value = "data/word-clusters.tsv")]
    clusters: PathBuf,
    /// Casing table learned from unlabelled news.
    #[arg(long, value_name = "FILE", default_value = "data/casing.tsv")]
    casing: PathBuf,
}

const RUN_HELP: &str = "\
Tables written to the output folder: articles.csv, entities.csv, mentions.csv, quotes.csv,
times.csv, events.csv, errors.csv; beside them manifest.jsonl (every input, for --incremental
and merge), run.json (counts, timings, failures by kind) and report.html (the run and its news
at a glance). All are replaced together, only when the run completes. .gz and .zst files
(feed.jsonl.gz) are read as what they hold.

Examples:
  newsmine run ~/news --output tables
  newsmine run a/ b/ feed.jsonl -o out --threads 2 --max-file-size 50MB
  newsmine run ~/news -o out --quiet --progress never --incremental   # from cron
  newsmine run ~/news -o part3 --shard 3/8                             # machine 3 of 8

Exit status: 0 all inputs processed; 3 some inputs failed (see errors.csv); 1 the run failed
and the previous tables are untouched; 2 usage error.";

const MERGE_HELP: &str = "\
Each folder must hold the tables and manifest.jsonl of `newsmine run --shard K/N` (same inputs,
options and newsmine version). The joined tables are in input order, byte for byte those of
one run over the whole corpus; an article found in two folders is refused.

Examples:
  newsmine merge part1 part2 part3 part4 --output tables

Exit status: 0 merged; 3 merged, and the shards list failed inputs (see errors.csv); 1 the
merge failed (mismatched shards, duplicate articles) and the output is untouched; 2 usage.";

#[derive(Debug, Args)]
struct RunArgs {
    /// Folders and files to read (any mix).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The folder for the tables (created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// Analysis threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// File extensions to read, comma-separated.
    #[arg(
        long,
        value_name = "LIST",
        default_value = "txt,md,json,jsonl,html,htm",
        value_delimiter = ','
    )]
    ext: Vec<String>,
    /// Files larger than this fail without being read (500KB, 10MB, 1GB).
    #[arg(long, value_name = "SIZE", default_value = "20MB", value_parser = parse_size)]
    max_file_size: u64,
    /// The date relative expressions (yesterday, on Monday) count from, for articles that
    /// carry no date of their own.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_reference_date)]
    reference_date: Option<NaiveDate>,
    /// No summary line and no progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// When to draw the progress bar (on stderr).
    #[arg(long, value_enum, default_value_t = ProgressArg::Auto)]
    progress: ProgressArg,
    /// Write tables for Excel: a UTF-8 byte-order mark and CRLF line ends.
    #[arg(long)]
    excel: bool,
    /// Do not prefix cells starting with = + - @ tab or CR with an apostrophe.
    #[arg(long)]
    no_formula_guard: bool,
    /// Follow symbolic links (loops are detected and reported).
    #[arg(long)]
    follow_links: bool,
    /// Read hidden files and folders (names starting with a dot).
    #[arg(long)]
    hidden: bool,
    /// How to read numeric dates such as 6/5/2017: mdy (June 5, as US wires write) or dmy
    /// (6 May). A date with one valid reading (22/3/2013) is read that way either way.
    #[arg(long, value_enum, default_value_t = DateOrderArg::Mdy)]
    date_order: DateOrderArg,
    /// .gz and .zst files that decompress to more than this fail (a decompression bomb fails
    /// alone).
    #[arg(long, value_name = "SIZE", default_value = "100MB", value_parser = parse_size)]
    max_decompressed_size: u64,
    /// Analyse only new and changed files; carry the rows of unchanged files over from the
    /// previous run in the output folder (same size and modification time as recorded in its
    /// manifest.jsonl).
    #[arg(long)]
    incremental: bool,
    /// With --incremental: also compare content hashes (reads every file, but analyses only
    /// the changed ones).
    #[arg(long, requires = "incremental")]
    verify_hash: bool,
    /// Take only part K of N (1 ≤ K ≤ N) of the inputs, chosen by a hash of each file's
    /// relative path; join the N outputs with `newsmine merge`.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<Shard>,
}

#[derive(Debug, Args)]
struct MergeArgs {
    /// The output folders of the shard runs.
    #[arg(required = true, value_name = "DIR")]
    shards: Vec<PathBuf>,
    /// The folder for the joined tables (created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// No summary line.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ProgressArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
struct ShowArgs {
    /// The article file (any supported format; every record of a JSON Lines file is shown).
    file: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// The date relative expressions count from, if the article carries none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_reference_date)]
    reference_date: Option<NaiveDate>,
    /// How to read numeric dates such as 6/5/2017 (mdy or dmy).
    #[arg(long, value_enum, default_value_t = DateOrderArg::Mdy)]
    date_order: DateOrderArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DateOrderArg {
    /// Month first: 6/5/2017 is June 5.
    Mdy,
    /// Day first: 6/5/2017 is 6 May.
    Dmy,
}

impl DateOrderArg {
    fn options(self) -> newsmine::AnalysisOptions {
        use newsmine::nlp::time::DateOrder;
        newsmine::AnalysisOptions {
            date_order: match self {
                DateOrderArg::Mdy => DateOrder::MonthFirst,
                DateOrderArg::Dmy => DateOrder::DayFirst,
            },
        }
    }
}

#[derive(Debug, Args)]
struct ReportArgs {
    /// The output folder of a run (or of a merge); report.html is written into it.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Entities: CoNLL-2003 files (exact span and type) or MEANTIME (raw text, PER/ORG/LOC).
    Ner(EvalNerArgs),
    /// Quotes against PolNeAR attributions.
    Quotes(EvalQuotesArgs),
    /// Time expressions against TempEval-3 TIMEX3 annotations.
    Time(EvalTimeArgs),
    /// Events against MEANTIME or ECB+ event mentions.
    Events(EvalEventsArgs),
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
struct EvalNerArgs {
    /// A CoNLL-2003 column file (token POS chunk tag).
    #[arg(long, value_name = "FILE")]
    conll: Option<PathBuf>,
    /// A MEANTIME JSON Lines file.
    #[arg(long, value_name = "FILE")]
    meantime: Option<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct EvalQuotesArgs {
    /// A PolNeAR JSON Lines file.
    #[arg(long, value_name = "FILE", required = true)]
    polnear: PathBuf,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct EvalTimeArgs {
    /// A TempEval-3 JSON Lines file.
    #[arg(long, value_name = "FILE", required = true)]
    tempeval: PathBuf,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
struct EvalEventsArgs {
    /// A MEANTIME JSON Lines file.
    #[arg(long, value_name = "FILE")]
    meantime: Option<PathBuf>,
    /// An ECB+ JSON Lines file.
    #[arg(long, value_name = "FILE")]
    ecbplus: Option<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    s.parse()
}

fn parse_reference_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("invalid date '{s}': expected YYYY-MM-DD, e.g. 2024-05-01"))
}

/// Parses the command line; exits with status 2 on usage errors (0 for --help, --version).
pub fn parse() -> Cli {
    Cli::parse()
}

/// Runs the command and returns the process exit code.
pub fn execute(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run(args) => run(args),
        Command::Merge(args) => merge(args),
        Command::Show(args) => {
            let options = args.date_order.options();
            let out = newsmine::show::show(&args.file, args.reference_date, &options, args.json)
                .with_context(|| format!("cannot show {}", args.file.display()))?;
            print_stdout(&out)?;
            Ok(ExitCode::from(EXIT_OK))
        }
        Command::Report(args) => {
            let path = newsmine::report::write_report(&args.dir)?;
            print_stdout(&format!("{}\n", path.display()))?;
            Ok(ExitCode::from(EXIT_OK))
        }
        Command::Eval(cmd) => eval(cmd),
        Command::Train(TrainCommand::Ner(args)) => train_ner(args),
    }
}

fn train_ner(args: TrainNerArgs) -> anyhow::Result<ExitCode> {
    use newsmine::nlp::ner::train::{self, TrainInput, TrainOptions};
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
    };
    let (train_text, dev_text) = (read(&args.train)?, read(&args.dev)?);
    let (clusters, casing) = (read(&args.clusters)?, read(&args.casing)?);
    let started = std::time::Instant::now();
    let input = TrainInput {
        train: &train_text,
        dev: &dev_text,
        clusters: &clusters,
        casing: &casing,
    };
    let options = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
    };
    let trained = train::train(input, options, &mut |r| {
        eprintln!(
            "epoch {:>2}: {:>5} sentences wrong, dev P {:.2} R {:.2} F1 {:.2}  ({:.0}s)",
            r.epoch,
            r.mistakes,
            r.dev.0,
            r.dev.1,
            r.dev.2,
            started.elapsed().as_secs_f64()
        )
    })?;
    let bytes = trained.model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "kept epoch {} (dev F1 {:.2}); wrote {} ({} bytes) in {:.0}s",
        trained.best_epoch,
        trained.dev_f1,
        args.out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::from(EXIT_OK))
}

fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let mut config = RunConfig::new(args.inputs, args.output);
    if let Some(n) = args.threads {
        config.threads = n as usize;
    }
    config.extensions = args
        .ext
        .iter()
        .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
        .filter(|e| !e.is_empty())
        .collect();
    anyhow::ensure!(
        !config.extensions.is_empty(),
        "--ext needs at least one extension"
    );
    config.max_file_size = args.max_file_size;
    config.reference_date = args.reference_date;
    config.quiet = args.quiet;
    config.progress = match args.progress {
        ProgressArg::Auto => ProgressMode::Auto,
        ProgressArg::Always => ProgressMode::Always,
        ProgressArg::Never => ProgressMode::Never,
    };
    config.style = TableStyle {
        excel: args.excel,
        formula_guard: !args.no_formula_guard,
    };
    config.follow_links = args.follow_links;
    config.hidden = args.hidden;
    config.analysis = args.date_order.options();
    config.max_decompressed_size = args.max_decompressed_size;
    config.incremental = args.incremental;
    config.verify_hash = args.verify_hash;
    config.shard = args.shard;
    let summary = newsmine::pipeline::run(&config)?;
    if !config.quiet {
        if let Some(why) = &summary.full_run_reason {
            eprintln!("newsmine: processed every input: {why}");
        }
        eprintln!("{}", summary.line());
    }
    write_report_or_warn(&config.output);
    Ok(ExitCode::from(if summary.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }))
}

fn merge(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let config = MergeConfig {
        shards: args.shards,
        output: args.output,
        quiet: args.quiet,
    };
    let summary = newsmine::merge::merge(&config)?;
    for warning in &summary.warnings {
        eprintln!("newsmine: warning: {warning}");
    }
    if !config.quiet {
        eprintln!("{}", summary.line());
    }
    write_report_or_warn(&config.output);
    Ok(ExitCode::from(if summary.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }))
}

/// Writes report.html after the tables are committed; a report that cannot be written is only
/// a warning and leaves the exit status alone.
fn write_report_or_warn(output: &std::path::Path) {
    if let Err(e) = newsmine::report::write_report(output) {
        eprintln!("newsmine: warning: report.html not written: {e}");
    }
}

fn eval(cmd: EvalCommand) -> anyhow::Result<ExitCode> {
    use newsmine::eval;
    let (report, json): (EvalReport, bool) = match cmd {
        EvalCommand::Ner(a) => match (a.conll, a.meantime) {
            (Some(f), _) => (eval::ner::conll(&f)?, a.json),
            (_, Some(f)) => (eval::ner::meantime(&f)?, a.json),
            _ => unreachable!("clap requires one of --conll and --meantime"),
        },
        EvalCommand::Quotes(a) => (eval::quotes::polnear(&a.polnear)?, a.json),
        EvalCommand::Time(a) => (eval::time::tempeval(&a.tempeval)?, a.json),
        EvalCommand::Events(a) => match (a.meantime, a.ecbplus) {
            (Some(f), _) => (eval::events::meantime(&f)?, a.json),
            (_, Some(f)) => (eval::events::ecbplus(&f)?, a.json),
            _ => unreachable!("clap requires one of --meantime and --ecbplus"),
        },
    };
    if json {
        print_stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&report.json)?
        ))?;
    } else {
        print_stdout(&report.text)?;
    }
    Ok(ExitCode::from(EXIT_OK))
}

fn print_stdout(s: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
