//! Entity tagger speed: tokens per second on the seed article and on BBC News articles (read
//! from ../shared/data/bbc-news, skipped when absent), and model load time.

use divan::counter::ItemsCount;
use newsmine::nlp::ner;
use newsmine::nlp::text::Doc;
use std::path::Path;

fn main() {
    // load once outside the timings of tagging
    let _ = ner::shipped_model();
    divan::main();
}

const SEED: &str = include_str!("../../shared/seed/000_7333f7b512f5e450.txt");

fn bbc_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc-news");
    let mut out = Vec::new();
    for cat in ["business", "politics", "sport", "tech", "entertainment"] {
        let Ok(rd) = std::fs::read_dir(root.join(cat)) else {
            continue;
        };
        let mut files: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for f in files.into_iter().take(40) {
            if let Ok(b) = std::fs::read(&f) {
                out.push(String::from_utf8_lossy(&b).into_owned());
            }
        }
    }
    out
}

#[divan::bench]
fn tag_seed_article(bencher: divan::Bencher) {
    let doc = Doc::new(SEED);
    bencher
        .counter(ItemsCount::new(doc.tokens.len()))
        .bench(|| ner::tag(divan::black_box(&doc)));
}

#[divan::bench(sample_count = 20)]
fn tag_bbc_articles(bencher: divan::Bencher) {
    let texts = bbc_texts();
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
