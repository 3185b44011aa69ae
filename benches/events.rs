//! Benchmarks of the time-expression and event stages, on the seed article and on BBC
//! articles from `../shared/data/bbc-news` (an empty list when the data is absent). The text
//! layer is built outside the timed loop: these measure the stages alone.

use chrono::NaiveDate;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use newsmine::nlp::text::Doc;
use newsmine::nlp::{events, time};
use std::path::Path;

fn main() {
    divan::main();
}

fn shared(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

fn seed() -> String {
    std::fs::read_to_string(shared("seed/000_7333f7b512f5e450.txt")).unwrap_or_else(|_| {
        "London mayor Sadiq Khan said on Monday that the state visit in October should be cancelled. "
            .repeat(40)
    })
}

/// Up to 200 BBC articles (40 from each topic).
fn bbc() -> Vec<String> {
    let mut out = Vec::new();
    for topic in ["business", "politics", "sport", "tech", "entertainment"] {
        let Ok(dir) = std::fs::read_dir(shared("data/bbc-news").join(topic)) else {
            continue;
        };
        let mut files: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.into_iter().take(40) {
            if let Ok(bytes) = std::fs::read(&f) {
                out.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    out
}

fn reference() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2017, 6, 6)
}

#[divan::bench]
fn time_seed(bencher: Bencher) {
    let text = seed();
    let doc = Doc::new(&text);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| time::extract(black_box(&doc), reference()).len());
}

#[divan::bench]
fn time_bbc_200(bencher: Bencher) {
    let texts = bbc();
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        docs.iter()
            .map(|d| time::extract(black_box(d), reference()).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn events_seed(bencher: Bencher) {
    let text = seed();
    let doc = Doc::new(&text);
    let times = time::extract(&doc, reference());
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| events::extract(black_box(&doc), &[], &[], &times).len());
}

#[divan::bench]
fn events_bbc_200(bencher: Bencher) {
    let texts = bbc();
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
    let times: Vec<_> = docs.iter().map(|d| time::extract(d, reference())).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        docs.iter()
            .zip(&times)
            .map(|(d, t)| events::extract(black_box(d), &[], &[], t).len())
            .sum::<usize>()
    });
}

/// A 10,000-word sentence full of time and event words: cost must stay linear.
#[divan::bench]
fn time_and_events_long_sentence(bencher: Bencher) {
    let text = "the attack on Monday and the protest last week in June 2017 ".repeat(800);
    let doc = Doc::new(&text);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        let t = time::extract(black_box(&doc), reference());
        events::extract(&doc, &[], &[], &t).len()
    });
}
