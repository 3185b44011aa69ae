//! Entity tagger speed: tokens per second on the seed article and on BBC News articles (read
//! from ../shared/data/bbc-news, skipped when absent), and model load time.

use divan::counter::ItemsCount;
use newsmine::nlp::ner;
use newsmine::nlp::text::Doc;

mod common;
use common::{bbc, seed};

fn main() {
    // load once outside the timings of tagging
    let _ = ner::shipped_model();
    divan::main();
}

#[divan::bench]
fn tag_seed_article(bencher: divan::Bencher) {
    let seed = seed();
    let doc = Doc::new(&seed);
    bencher
        .counter(ItemsCount::new(doc.tokens.len()))
        .bench(|| ner::tag(divan::black_box(&doc)));
}

#[divan::bench(sample_count = 20)]
fn tag_bbc_articles(bencher: divan::Bencher) {
    let texts = bbc();
    if texts.is_empty() {
        eprintln!("note: ../shared/data/bbc-news absent, BBC bench skipped");
        return;
    }
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    bencher.counter(ItemsCount::new(tokens)).bench(|| {
        for d in &docs {
            divan::black_box(ner::tag(divan::black_box(d)));
        }
    });
}

#[divan::bench(sample_count = 10)]
fn load_model() -> ner::model::Model {
    ner::load_shipped_model().expect("the shipped model loads")
}
