//! The tables: exact headers, metadata columns, spreadsheet safety, Excel style, languages.

use crate::util::{TestDir, code, run_in, stderr};

const HEADERS: [(&str, &str); 7] = [
    (
        "articles",
        "article_id,source_id,path,record,title,published,url,authors,language,chars,words,sentences,entities,mentions,quotes,times,events,content_hash,status",
    ),
    (
        "entities",
        "article_id,entity_id,type,canonical,mentions,surface_forms,first_start",
    ),
    (
        "mentions",
        "article_id,entity_id,type,text,start,end,sentence",
    ),
    (
        "quotes",
        "article_id,quote_id,kind,speaker,speaker_entity_id,speaker_text,speaker_start,speaker_end,cue,cue_start,cue_end,text,start,end,sentence",
    ),
    (
        "times",
        "article_id,time_id,text,type,value,start,end,sentence",
    ),
    (
        "events",
        "article_id,event_id,type,status,trigger,trigger_start,trigger_end,date_text,date,place,participants,sentence,evidence,mentions",
    ),
    ("errors", "path,record,stage,kind,message"),
];

#[test]
fn every_table_has_its_exact_header_even_when_empty() {
    let t = TestDir::new();
    std::fs::create_dir_all(t.join("in")).unwrap();
    let out = run_in(t.path(), &["run", "in", "-o", "out", "-q"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for (name, header) in HEADERS {
        assert_eq!(t.table("out", name), format!("{header}\n"), "{name}.csv");
    }
}

#[test]
fn metadata_from_every_format() {
    let t = TestDir::new();
    t.write(
        "in/a.md",
        "Title: Floods in York\nDate: 2024-02-03\nAuthor: Ann Poe, Bo Li\nURL: https://example.org/a\n\nRivers rose overnight.\n",
    );
    t.write(
        "in/b.json",
        r#"{"id":"x-1","title":"Strike","date_publish":"2024-02-04 10:00:00","url":"https://e.org/b","authors":["Cy Doe"],"maintext":"Workers walked out."}"#,
    );
    t.write(
        "in/c.jsonl",
        "{\"id\":7,\"title\":\"T1\",\"published\":\"2024-02-05\",\"text\":\"One.\"}\n{\"title\":\"T2\",\"content\":\"Two.\"}\n",
    );
    t.write("in/d.txt", "Plain headline\n\nBody text here.\n");
    let out = run_in(t.path(), &["run", "in", "-o", "out", "-q"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let rows = t.rows("out", "articles");
    let cols = |r: &Vec<String>| -> Vec<String> {
        [0, 1, 3, 4, 5, 6, 7]
            .iter()
            .map(|&i| r[i].clone())
            .collect()
    };
    let got: Vec<Vec<String>> = rows[1..].iter().map(cols).collect();
    let want: Vec<Vec<&str>> = vec![
        vec![
            "a.md",
            "",
            "",
            "Floods in York",
            "2024-02-03",
            "https://example.org/a",
            "Ann Poe; Bo Li",
        ],
        vec![
            "b.json",
            "x-1",
            "",
            "Strike",
            "2024-02-04 10:00:00",
            "https://e.org/b",
            "Cy Doe",
        ],
        vec!["c.jsonl#1", "7", "1", "T1", "2024-02-05", "", ""],
        vec!["c.jsonl#2", "", "2", "T2", "", "", ""],
        vec!["d.txt", "", "", "Plain headline", "", "", ""],
    ];
    assert_eq!(got, want);
    // the body of a.md starts after the front matter
    assert_eq!(rows[1][9], "23");
    assert!(rows[1..].iter().all(|r| r[18] == "ok" && r[8] == "en"));
}

#[test]
fn formula_guard_on_by_default_and_off_on_request() {
    let t = TestDir::new();
    t.write(
        "in/a.json",
        r#"{"title":"=HYPERLINK(\"http://evil\",\"x\")","url":"@SUM(1)","text":"-1 is the answer, they said."}"#,
    );
    run_in(t.path(), &["run", "in", "-o", "guarded", "-q"]);
    let rows = t.rows("guarded", "articles");
    assert_eq!(rows[1][4], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(rows[1][6], "'@SUM(1)");
    run_in(
        t.path(),
        &["run", "in", "-o", "raw", "-q", "--no-formula-guard"],
    );
    let rows = t.rows("raw", "articles");
    assert_eq!(rows[1][4], "=HYPERLINK(\"http://evil\",\"x\")");
}

#[test]
fn excel_style_has_bom_and_crlf() {
    let t = TestDir::new();
    t.write("in/a.txt", "Line one.\n");
    run_in(t.path(), &["run", "in", "-o", "out", "-q", "--excel"]);
    let bytes = std::fs::read(t.join("out/articles.csv")).unwrap();
    assert!(bytes.starts_with("\u{FEFF}article_id,".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.matches("\r\n").count(), 2, "{text:?}");
    assert_eq!(text.matches('\n').count(), 2);
}

#[test]
fn other_languages_are_listed_not_analysed() {
    let t = TestDir::new();
    t.write(
        "in/de.txt",
        "Die Bundesregierung hat am Montag in Berlin beschlossen, die Steuern für alle Bürger \
         deutlich zu senken, wie ein Sprecher des Finanzministeriums mitteilte.",
    );
    let out = run_in(t.path(), &["run", "in", "-o", "out", "-q"]);
    assert_eq!(code(&out), 0);
    let rows = t.rows("out", "articles");
    assert_eq!(rows[1][8], "de");
    assert_eq!(rows[1][18], "unsupported-language");
    assert_eq!(t.rows("out", "mentions").len(), 1);
}

#[test]
fn reference_date_fills_in_for_undated_articles() {
    let t = TestDir::new();
    t.write("in/a.txt", "The vote was held yesterday.");
    let out = run_in(
        t.path(),
        &[
            "run",
            "in",
            "-o",
            "out",
            "-q",
            "--reference-date",
            "2024-05-02",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn numeric_date_order_is_configurable() {
    let t = TestDir::new();
    t.write(
        "in/a.json",
        r#"{"published":"2024-01-10","text":"The hearing on 6/5/2017 was adjourned, the court said."}"#,
    );
    let value_of = |out: &str| -> Vec<String> {
        t.rows(out, "times")[1..]
            .iter()
            .map(|r| r[4].clone())
            .collect()
    };
    let o = run_in(t.path(), &["run", "in", "-o", "mdy", "-q"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(value_of("mdy"), ["2017-06-05"]);
    let o = run_in(
        t.path(),
        &["run", "in", "-o", "dmy", "-q", "--date-order", "dmy"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(value_of("dmy"), ["2017-05-06"]);
}
