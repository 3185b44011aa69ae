//! Benchmarks of the time-expression and event stages, on the seed article and on BBC
//! articles from `../shared/data/bbc-news` (an empty list when the data is absent). The text
//! layer is built outside the timed loop: these measure the stages alone.

use chrono::NaiveDate;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use newsmine::nlp::text::Doc;
use newsmine::nlp::{events, time};

mod common;
use common::{bbc, seed};

fn main() {
    divan::main();
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
