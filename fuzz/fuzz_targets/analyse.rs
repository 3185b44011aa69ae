//! Any text through the whole analysis: nothing may panic, every span must slice the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmine::{analyse, Article};

fuzz_target!(|text: &str| {
    let article = Article {
        body: text.to_string(),
        reference_date: chrono::NaiveDate::from_ymd_opt(2017, 6, 6),
        ..Article::default()
    };
    let x = analyse(&article);
    let chars = text.chars().count();
    for m in &x.mentions {
        assert!(m.span.start < m.span.end && m.span.end <= chars);
    }
    for q in &x.quotes {
        assert!(q.span.start <= q.span.end && q.span.end <= chars);
    }
    for t in &x.times {
        assert!(t.span.start < t.span.end && t.span.end <= chars);
    }
    for e in &x.events {
        assert!(e.trigger_span.start < e.trigger_span.end && e.trigger_span.end <= chars);
    }
});
