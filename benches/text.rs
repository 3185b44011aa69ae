//! Benchmarks of the text layer and of the whole analysis of one article, on the seed article
//! and on BBC articles from `../shared/data/bbc-news` (skipped when the data is absent).

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use newsmine::nlp::language;
use newsmine::nlp::text::Doc;
use newsmine::{Article, analyse};
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
        "London mayor Sadiq Khan said on Monday that the visit should be cancelled. ".repeat(40)
    })
}

/// Up to 200 BBC articles joined into one list (empty when the data is absent).
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
