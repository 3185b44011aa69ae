//! The readers' work: one job read, decoded and parsed into articles or error rows.

use super::{Item, Job, ReadCounters, StageClock};
use crate::article::Article;
use crate::config::RunConfig;
use crate::corpus::discover::Found;
use crate::corpus::formats::{self, Format};
use crate::corpus::read::{Compression, decompress, read_raw};
use crate::corpus::{InputError, Stage, decode};
use crate::incremental::Carry;
use crate::output::digest::short_hash;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::Ordering;
use std::time::Instant;

/// Reads, decodes and parses one discovered input into articles (or errors). Never empty.
///
/// An input the plan says is unchanged becomes a single [`Item::Carried`], without being read
/// (or after being read and hashed, when the plan asks for the hash to be compared).
pub(super) fn load(
    job: &mut Job,
    config: &RunConfig,
    counters: &ReadCounters,
    stages: &StageClock,
) -> Vec<Item<Article>> {
    let file = match &job.found {
        Found::File(f) => f,
        Found::Error(e) => return vec![Item::Error(e.clone())],
    };
    let meta = &mut job.meta;
    if let (Carry::Yes, Some(prev)) = (meta.plan.carry, &meta.plan.previous) {
        meta.size = prev.size;
        meta.mtime_ns = prev.mtime_ns;
        meta.hash = prev.hash.clone();
        meta.carried = true;
        return vec![Item::Carried];
    }
    let display = file.display_path.as_str();
    let t = Instant::now();
    let raw = match read_raw(&file.path, display, config.max_file_size) {
        Ok(r) => r,
        Err(e) => {
            StageClock::add(&stages.read, t);
            return vec![Item::Error(e)];
        }
    };
    meta.size = raw.size;
    meta.mtime_ns = raw.mtime_ns;
    meta.hash = short_hash(&raw.bytes);
    if let (Carry::IfSameHash, Some(prev)) = (meta.plan.carry, &meta.plan.previous)
        && prev.hash == meta.hash
        && prev.size == raw.size
        && prev.mtime_ns == raw.mtime_ns
    {
        StageClock::add(&stages.read, t);
        meta.carried = true;
        return vec![Item::Carried];
    }
    counters.files.fetch_add(1, Ordering::Relaxed);
    counters
        .bytes
        .fetch_add(raw.bytes.len() as u64, Ordering::Relaxed);
    let compression =
        Compression::of_name(&file.path.file_name().unwrap_or_default().to_string_lossy());
    let decompressed = decompress(
        raw.bytes,
        compression,
        display,
        config.max_decompressed_size,
    );
    StageClock::add(&stages.read, t);
    let bytes = match decompressed {
        Ok(b) => b,
        Err(e) => return vec![Item::Error(e)],
    };
    counters
        .decompressed
        .fetch_add(bytes.len() as u64, Ordering::Relaxed);
    if bytes.is_empty() {
        return vec![Item::Error(InputError::skipped(
            display,
            Stage::Read,
            "empty",
            "the file is empty",
        ))];
    }
    let t = Instant::now();
    let items = parse_bytes(file, bytes, config);
    StageClock::add(&stages.parse, t);
    items
}

/// Decodes and parses the bytes of `file` into articles (or errors).
fn parse_bytes(
    file: &crate::corpus::discover::InputFile,
    bytes: Vec<u8>,
    config: &RunConfig,
) -> Vec<Item<Article>> {
    let display = file.display_path.as_str();
    let text = match decode::decode(&bytes) {
        Ok(d) => d.text,
        Err(decode::DecodeError::Binary(why)) => {
            return vec![Item::Error(InputError::failed(
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
        formats::parse(file, format, &text, config.reference_date)
    }));
    match parsed {
        Ok(items) if items.is_empty() => vec![Item::Error(InputError::skipped(
            display,
            Stage::Parse,
            "no-articles",
            "the file holds no articles",
        ))],
        Ok(items) => items
            .into_iter()
            .map(|r| match r {
                Ok(a) => Item::Work(a),
                Err(e) => Item::Error(e),
            })
            .collect(),
        Err(_) => vec![Item::Error(InputError::failed(
            display,
            Stage::Parse,
            "internal-error",
            "the parser failed on this file (a bug: please report it with the file)",
        ))],
    }
}
