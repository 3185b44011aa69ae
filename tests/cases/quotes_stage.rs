//! Quote stage against the seed article and the PolNeAR development split in `../shared`
//! (each test prints a note and passes when the shared data is absent).

use newsmine::{Article, analyse};
use std::path::{Path, PathBuf};

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

#[test]
fn seed_article_quotes_and_speakers() {
    let Ok(body) = std::fs::read_to_string(shared("seed/000_7333f7b512f5e450.txt")) else {
        eprintln!("note: ../shared/seed is absent; skipping");
        return;
    };
    let article = Article {
        id: "seed".into(),
        body,
        ..Article::default()
    };
    let quotes = analyse(&article).quotes;
    let speaker_of = |start: &str| {
        quotes
            .iter()
            .find(|q| q.text.starts_with(start))
            .map(|q| q.speaker.as_str())
    };
    assert_eq!(
        speaker_of("I don't think we should roll out"),
        Some("Sadiq Khan")
    );
    assert_eq!(
        speaker_of("When you have a special relationship"),
        Some("Sadiq Khan")
    );
    assert_eq!(
        speaker_of("he was doing a \"good job\""),
        Some("Theresa May")
    );
    assert_eq!(
        speaker_of("I don't see that the president"),
        Some("Sarah Huckabee Sanders")
    );
    assert_eq!(speaker_of("media spin."), Some("Sarah Huckabee Sanders"));
    assert_eq!(speaker_of("At least 7 dead"), Some("Donald Trump"));
    assert_eq!(speaker_of("Pathetic excuse"), Some("Donald Trump"));
    let tweet = quotes
        .iter()
        .find(|q| q.text.starts_with("At least 7 dead"))
        .map(|q| q.text.as_str());
    assert_eq!(
        tweet,
        Some(
            "At least 7 dead and 48 wounded in terror attack and Mayor of London says there is 'no reason to be alarmed!"
        )
    );
}

#[test]
fn polnear_dev_does_not_regress() {
    let gold = shared("data/polnear/polnear_dev.jsonl");
    if !gold.exists() {
        eprintln!("note: ../shared/data/polnear is absent; skipping");
        return;
    }
    let report = newsmine::eval::quotes::polnear(&gold).expect("the dev split scores");
    let figure = |key: &str, field: &str| report.json[key][field].as_f64().unwrap_or(0.0);
    // Floors a little under the figures measured when this test was written.
    assert!(figure("all", "f1") >= 70.8, "{}", report.text);
    assert!(figure("direct", "f1") >= 86.0, "{}", report.text);
    assert!(figure("all", "speaker_acc") >= 90.0, "{}", report.text);
    assert!(figure("direct", "speaker_acc") >= 93.0, "{}", report.text);
}
