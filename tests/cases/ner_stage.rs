//! Entity tagger and clustering: properties over arbitrary text, and scores on the shared data
//! (skipped with a note when ../shared is absent).

use newsmine::extraction::EntityType;
use newsmine::nlp::entities::cluster;
use newsmine::nlp::ner;
use newsmine::nlp::text::Doc;
use proptest::prelude::*;
use std::path::Path;

fn check(text: &str) {
    let doc = Doc::new(text);
    let names = ner::tag(&doc);
    let mut last_end = 0;
    for n in &names {
        assert!(n.tokens.start < n.tokens.end && n.tokens.end <= doc.tokens.len());
        assert!(
            n.tokens.start >= last_end,
            "names overlap or are out of order"
        );
        assert_eq!(
            doc.sentence_of(n.tokens.start),
            doc.sentence_of(n.tokens.end - 1),
            "a name crosses a sentence"
        );
        last_end = n.tokens.end;
    }
    let found = cluster(&doc, &names);
    assert_eq!(found.mentions.len(), names.len());
    let total: usize = found.entities.iter().map(|e| e.mention_count).sum();
    assert_eq!(total, found.mentions.len());
    for (i, e) in found.entities.iter().enumerate() {
        assert_eq!(e.id, i + 1);
        assert!(!e.surface_forms.is_empty());
        assert!(text.is_char_boundary(e.first_start));
    }
    let mut last_first = 0;
    for e in &found.entities {
        assert!(e.first_start >= last_first, "ids follow first mentions");
        last_first = e.first_start;
    }
    for m in &found.mentions {
        assert!(m.entity_id >= 1 && m.entity_id <= found.entities.len());
        assert_eq!(&text[m.span.start..m.span.end], m.text);
        assert!(m.sentence < doc.sentences.len());
        assert_eq!(m.kind, found.entities[m.entity_id - 1].kind);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_is_tagged_without_panic(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn news_like_text_in_any_case(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "Sadiq", "Khan", "'s", "London", "U.S.", "said", "the", "BBC", "(", ")", "\"",
                "Mr.", "Trump", "of", "United", "States", ".", ",", "👍🏽", "שלום", "عالم", "IBM",
                "New", "York", "-", "1996", "C$", "Channel", "4", "News",
            ]),
            0..120,
        ),
        case in 0u8..3,
    ) {
        let text = words.join(" ");
        let text = match case {
            0 => text,
            1 => text.to_uppercase(),
            _ => text.to_lowercase(),
        };
        check(&text);
    }
}

#[test]
fn a_ten_thousand_token_sentence() {
    let text = "Sadiq Khan met Donald Trump and the UK in London , ".repeat(1000);
    let doc = Doc::new(&text);
    assert!(doc.tokens.len() >= 10_000);
    check(&text);
    assert!(!ner::tag(&doc).is_empty());
}

#[test]
fn headlines_lower_case_emoji_and_rtl() {
    check("LONDON MAYOR SADIQ KHAN CALLS FOR TRUMP VISIT TO BE CANCELLED");
    check("london mayor sadiq khan calls for trump visit to be cancelled");
    check("🎉🎉 Khan 🎉 said שלום עולם and مرحبا بالعالم to Trump 👨‍👩‍👧");
    check("\"unbalanced ' quotes “ everywhere ( Khan");
    check("");
}

#[test]
fn tags_a_pre_tokenised_sentence() {
    let names = ner::tag_sentence(&["Sadiq", "Khan", "visited", "Paris", "on", "Monday", "."]);
    assert_eq!(
        names,
        vec![(0..2, EntityType::Person), (3..4, EntityType::Loc)]
    );
}

fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("note: {} absent, test skipped", p.display());
        None
    }
}

#[test]
fn conll_testa_f1_at_least_91() {
    let Some(path) = shared("data/conll2003/eng.testa") else {
        return;
    };
    let report = newsmine::eval::ner::conll(&path).expect("scores");
    let f1 = report.json["f1"].as_f64().unwrap_or(0.0);
    assert!(f1 >= 91.0, "testa F1 {f1}\n{}", report.text);
}

#[test]
fn seed_article_entities() {
    let Some(path) = shared("seed/000_7333f7b512f5e450.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("seed");
    let doc = Doc::new(&text);
    let found = cluster(&doc, &ner::tag(&doc));
    let has = |name: &str, kind: EntityType| {
        found
            .entities
            .iter()
            .any(|e| e.canonical == name && e.kind == kind)
    };
    use EntityType::*;
    for (name, kind) in [
        ("Sadiq Khan", Person),
        ("Donald Trump", Person),
        ("Theresa May", Person),
        ("Sarah Huckabee Sanders", Person),
        ("White House", Org),
        ("Channel 4 News", Org),
        ("MSM", Org),
        ("London", Loc),
        ("UK", Loc),
        ("USA", Loc),
        ("London Bridge", Loc),
        ("Borough Market", Loc),
    ] {
        assert!(
            has(name, kind),
            "{name} {kind:?} missing: {:#?}",
            found.entities
        );
    }
    let khan = found
        .entities
        .iter()
        .find(|e| e.canonical == "Sadiq Khan")
        .map(|e| e.mention_count);
    assert_eq!(khan, Some(5));
}

#[test]
fn numbered_broadcasters_stay_whole_but_scores_split() {
    let names = ner::tag_sentence(&[
        "Speaking", "to", "Channel", "4", "News", ",", "Khan", "said",
    ]);
    assert!(names.contains(&(2..5, EntityType::Org)), "{names:?}");
    let names = ner::tag_document(&[vec!["Partizan", "6", "Becej", "0"]]);
    assert!(names[0].iter().all(|(r, _)| r.len() == 1), "{names:?}");
}

/// The sentences of `text` as the pipeline tokenises them.
fn sentences_of(text: &str) -> Vec<Vec<&str>> {
    let doc = Doc::new(text);
    doc.sentences
        .iter()
        .map(|s| s.tokens.clone().map(|i| doc.token_text(i)).collect())
        .collect()
}

/// The fast tagger and the plain path training uses must agree exactly.
fn assert_same_tags<S: AsRef<str> + std::fmt::Debug>(sentences: &[Vec<S>]) {
    let Some(model) = ner::shipped_model() else {
        return;
    };
    let fast = ner::tag_document(sentences);
    let plain = ner::tag_document_reference(model, sentences);
    assert_eq!(fast, plain, "{sentences:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fast_tagger_matches_the_plain_path(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "Sadiq", "Khan", "KHAN", "khan", "'s", "’s", "London", "LONDON", "U.S.", "said",
                "SAID", "the", "THE", "The", "BBC", "(", ")", "\"", "“", "”", "''", "``", "'",
                "Mr.", "Trump", "of", "United", "UNITED", "States", "STATES", ".", ",", ":", "-",
                "—", "…", "👍🏽", "שלום", "ΑΘΗΝΑ", "Zürich", "ZÜRICH", "ǅemal", "IBM", "New",
                "NEW", "York", "YORK", "1996", "C$", "Channel", "4", "News", "Radio", "Lockheed",
                "Martin", "Ⅻ", "ⓐⓑ", "İstanbul", "x",
            ]),
            0..60,
        ),
        cuts in prop::collection::vec(0usize..60, 0..6),
    ) {
        let mut sentences: Vec<Vec<&str>> = Vec::new();
        let mut at = 0;
        let mut cuts = cuts;
        cuts.sort_unstable();
        for c in cuts.into_iter().chain([words.len()]) {
            let c = c.min(words.len());
            if c >= at {
                sentences.push(words[at..c].to_vec());
                at = c;
            }
        }
        assert_same_tags(&sentences);
    }

    #[test]
    fn fast_tagger_matches_on_any_text(text in "\\PC{0,300}") {
        assert_same_tags(&sentences_of(&text));
    }
}

#[test]
fn fast_tagger_matches_on_odd_documents() {
    let long = "Sadiq Khan met Donald Trump and the UK in London , ".repeat(1000);
    let tall = "LONDON MAYOR SADIQ KHAN CALLS FOR TRUMP VISIT. Khan said London is fine.";
    let long_word = format!("{} Khan visited Paris.", "A".repeat(500));
    for text in [
        long.as_str(),
        tall,
        &long_word,
        "",
        "SOCCER - JAPAN GET LUCKY WIN",
    ] {
        assert_same_tags(&sentences_of(text));
        assert_same_tags(&sentences_of(&text.to_uppercase()));
        assert_same_tags(&sentences_of(&text.to_lowercase()));
    }
}

#[test]
fn fast_tagger_matches_on_bbc_and_conll() {
    let Some(bbc) = shared("data/bbc-news") else {
        return;
    };
    let mut files: Vec<_> = walk(&bbc);
    files.sort();
    for f in files.iter().step_by(3) {
        let text = String::from_utf8_lossy(&std::fs::read(f).expect("read")).into_owned();
        assert_same_tags(&sentences_of(&text));
        assert_same_tags(&sentences_of(&text.to_uppercase()));
    }
    let Some(conll) = shared("data/conll2003/eng.testa") else {
        return;
    };
    let text = std::fs::read_to_string(conll).expect("read");
    for doc in ner::conll::parse(&text) {
        let sentences: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        assert_same_tags(&sentences);
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    out
}
