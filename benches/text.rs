//! Benchmarks of the text layer and of the whole analysis of one article, on the seed article
//! and on BBC articles from `../shared/data/bbc-news` (skipped when the data is absent).

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use newsmine::nlp::language;
use newsmine::nlp::text::Doc;
use newsmine::{Article, analyse};

mod common;
use common::{bbc, seed};

fn main() {
    divan::main();
}

#[divan::bench]
fn tokenize_seed(bencher: Bencher) {
    let text = seed();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| Doc::new(black_box(&text)).tokens.len());
}

#[divan::bench]
fn tokenize_bbc_200(bencher: Bencher) {
    let texts = bbc();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        texts
            .iter()
            .map(|t| Doc::new(black_box(t)).tokens.len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn detect_language_bbc_200(bencher: Bencher) {
    let texts = bbc();
    bencher.bench(|| {
        texts
            .iter()
            .filter(|t| language::detect(black_box(t)).supported)
            .count()
    });
}

#[divan::bench]
fn analyse_seed(bencher: Bencher) {
    let article = Article {
        body: seed(),
        reference_date: chrono::NaiveDate::from_ymd_opt(2017, 6, 6),
        ..Article::default()
    };
    bencher
        .counter(BytesCount::of_str(&article.body))
        .bench(|| analyse(black_box(&article)));
}

#[divan::bench]
fn analyse_bbc_200(bencher: Bencher) {
    let articles: Vec<Article> = bbc()
        .into_iter()
        .map(|body| Article {
            body,
            ..Article::default()
        })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        articles
            .iter()
            .map(|a| analyse(black_box(a)).stats.words)
            .sum::<usize>()
    });
}
