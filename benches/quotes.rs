//! Benchmarks of the quote stage against the whole analysis of an article, on the seed article
//! and on BBC articles from `../shared/data/bbc-news` (the BBC benches are skipped when the data
//! is absent), plus a pathological input: one sentence of 10,000 tokens full of quotation marks
//! and cues, which must stay linear.
//!
//! The quote stage's share of a full run is `quotes_*` / `analyse_*`.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use newsmine::nlp::text::Doc;
use newsmine::nlp::{entities, ner, quotes};
use newsmine::{Article, analyse};

mod common;
use common::{bbc, seed};

fn main() {
    divan::main();
}

fn article(body: &str) -> Article {
    Article {
        id: "bench".into(),
        body: body.to_string(),
        ..Article::default()
    }
}

#[divan::bench]
fn analyse_seed(bencher: Bencher) {
    let a = article(&seed());
    bencher
        .counter(BytesCount::of_str(&a.body))
        .bench(|| analyse(black_box(&a)).quotes.len());
}

#[divan::bench]
fn quotes_stage_seed(bencher: Bencher) {
    let text = seed();
    let doc = Doc::new(&text);
    let names = ner::tag(&doc);
    let found = entities::cluster(&doc, &names);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| quotes::extract(black_box(&doc), &found.entities, &found.mentions).len());
}

#[divan::bench]
fn analyse_bbc_200(bencher: Bencher) {
    let articles: Vec<Article> = bbc().iter().map(|t| article(t)).collect();
    if articles.is_empty() {
        eprintln!("note: ../shared/data/bbc-news is absent; skipping");
        return;
    }
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        articles
            .iter()
            .map(|a| analyse(black_box(a)).quotes.len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn quotes_stage_bbc_200(bencher: Bencher) {
    let texts = bbc();
    if texts.is_empty() {
        eprintln!("note: ../shared/data/bbc-news is absent; skipping");
        return;
    }
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
    let found: Vec<_> = docs
        .iter()
        .map(|d| entities::cluster(d, &ner::tag(d)))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        docs.iter()
            .zip(&found)
            .map(|(d, f)| quotes::extract(black_box(d), &f.entities, &f.mentions).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn quotes_long_sentence(bencher: Bencher) {
    // No sentence ends: 10,000 tokens with quotation marks, cues and names throughout.
    let text = "Khan said \"we will , \" Sanders told reporters that , according to officials , "
        .repeat(600);
    let doc = Doc::new(&text);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| quotes::extract(black_box(&doc), &[], &[]).len());
}
