//! The morning report: its figures agree with the tables, article text stays text, the page
//! needs nothing from outside, and `newsmine report` works on any output folder.

use crate::util::{TestDir, code, project_root, read_csv, run_in, stderr};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// The attributes of every tag that carries `attr` (e.g. `data-entity`), unescaped.
fn tags_with(html: &str, attr: &str) -> Vec<HashMap<String, String>> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&needle) {
        let at = from + i;
        let start = html[..at].rfind('<').expect("tag start");
        let end = at + html[at..].find('>').expect("tag end");
        out.push(attributes(&html[start..end]));
        from = end;
    }
    out
}

fn attributes(tag: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].rsplit(' ').next().unwrap_or("").to_string();
        let after = &rest[eq + 2..];
        let close = after.find('"').expect("closing quote");
        out.insert(name, unescape(&after[..close]));
        rest = &after[close + 1..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `data-value` of the element with `data-metric="name"`.
fn metric(html: &str, name: &str) -> Option<String> {
    tags_with(html, "data-metric")
        .into_iter()
        .find(|a| a.get("data-metric").map(String::as_str) == Some(name))
        .and_then(|a| a.get("data-value").cloned())
}

fn report(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("report.html")).expect("report.html written")
}

/// Rows of a table as maps from column name to cell (formula guard taken off).
fn table(dir: &Path, name: &str) -> Vec<HashMap<String, String>> {
    let rows = read_csv(&dir.join(format!("{name}.csv")));
    let header: Vec<String> = rows[0]
        .iter()
        .map(|h| h.trim_start_matches('\u{FEFF}').to_string())
        .collect();
    rows[1..]
        .iter()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.iter().map(|c| match c.as_bytes() {
                    [b'\'', b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r', ..] => c[1..].to_string(),
                    _ => c.clone(),
                }))
                .collect()
        })
        .collect()
}

/// Counts sorted as the report sorts them: highest first, ties by name; top `n`.
fn ranked(counts: HashMap<String, u64>, n: usize) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

fn listed(html: &str, attr: &str, filter: Option<(&str, &str)>, name: &str) -> Vec<(String, u64)> {
    tags_with(html, attr)
        .into_iter()
        .filter(|a| filter.is_none_or(|(k, v)| a.get(k).map(String::as_str) == Some(v)))
        .map(|a| {
            (
                a[name].clone(),
                a["data-count"].parse::<u64>().expect("count"),
            )
        })
        .collect()
}

/// Checks every aggregate of the report in `out` against counts computed here from the tables.
fn check_against_tables(out: &Path) {
    let html = report(out);
    let articles = table(out, "articles");
    let errors = table(out, "errors");
    let run = std::fs::read(out.join("run.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok());
    let n = |s: Option<String>| s.and_then(|v| v.parse::<u64>().ok());
    match &run {
        Some(run) => {
            assert_eq!(n(metric(&html, "seen")), run["counts"]["seen"].as_u64());
            assert_eq!(
                n(metric(&html, "processed")),
                run["counts"]["processed"].as_u64()
            );
        }
        None => {
            assert_eq!(metric(&html, "status").as_deref(), Some("unknown"));
            assert!(html.contains("Run details unavailable"));
            assert_eq!(n(metric(&html, "processed")), Some(articles.len() as u64));
            assert_eq!(
                n(metric(&html, "seen")),
                Some((articles.len() + errors.len()) as u64)
            );
            assert_eq!(n(metric(&html, "not_analysed")), Some(errors.len() as u64));
        }
    }
    assert_eq!(n(metric(&html, "articles")), Some(articles.len() as u64));

    // Most mentioned: articles per canonical name, per type.
    let entities = table(out, "entities");
    for ty in ["PERSON", "ORG", "LOC", "MISC"] {
        let mut per_article: HashSet<(String, String)> = HashSet::new();
        let mut counts: HashMap<String, u64> = HashMap::new();
        for e in entities.iter().filter(|e| e["type"] == ty) {
            let name = e["canonical"].trim().to_string();
            if per_article.insert((e["article_id"].clone(), name.clone())) {
                *counts.entry(name).or_default() += 1;
            }
        }
        assert_eq!(
            listed(&html, "data-entity", Some(("data-entity", ty)), "data-name"),
            ranked(counts, 15),
            "{ty}"
        );
    }
    // Most quoted.
    let quotes = table(out, "quotes");
    let mut speakers: HashMap<String, u64> = HashMap::new();
    for q in &quotes {
        let s = q["speaker"].trim();
        if !s.is_empty() {
            *speakers.entry(s.to_string()).or_default() += 1;
        }
    }
    assert_eq!(
        listed(&html, "data-speaker", None, "data-speaker"),
        ranked(speakers, 15)
    );
    // Event types.
    let events = table(out, "events");
    let mut types: HashMap<String, u64> = HashMap::new();
    for e in &events {
        *types.entry(e["type"].trim().to_string()).or_default() += 1;
    }
    assert_eq!(
        listed(&html, "data-event-type", None, "data-event-type"),
        ranked(types, usize::MAX)
    );
    // Inputs not analysed, by kind.
    let mut kinds: HashMap<String, u64> = HashMap::new();
    for e in &errors {
        *kinds.entry(e["kind"].clone()).or_default() += 1;
    }
    let mut listed_kinds = listed(&html, "data-error-kind", None, "data-error-kind");
    listed_kinds.sort();
    let mut want: Vec<(String, u64)> = kinds.into_iter().collect();
    want.sort();
    assert_eq!(listed_kinds, want);
    // Dated articles: every published value that starts with an ISO date is one.
    let iso_dated = articles
        .iter()
        .filter(|a| {
            let p = a["published"].as_bytes();
            p.len() >= 10 && p[4] == b'-' && p[7] == b'-'
        })
        .count() as u64;
    let dated = n(metric(&html, "dated_articles")).expect("dated_articles");
    assert!(
        dated >= iso_dated && dated <= articles.len() as u64,
        "{dated} {iso_dated}"
    );
    // Events on the timeline: only full days.
    let full_days = events
        .iter()
        .filter(|e| {
            let d = e["date"].as_bytes();
            d.len() >= 10 && d[..4].iter().all(u8::is_ascii_digit) && d[4] == b'-' && d[7] == b'-'
        })
        .count() as u64;
    assert_eq!(n(metric(&html, "dated_events")), Some(full_days));
}

#[test]
fn sample_corpus_report_agrees_with_the_tables() {
    let t = TestDir::new();
    let out = t.join("out");
    let o = run_in(
        &project_root(),
        &[
            "run",
            "sample_corpus",
            "-o",
            &out.to_string_lossy(),
            "-q",
            "--threads",
            "2",
        ],
    );
    assert!(matches!(code(&o), 0 | 3), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    check_against_tables(&out);
    // Rebuilding gives the same page, byte for byte.
    let first = report(&out);
    let o = run_in(t.path(), &["report", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        Path::new("out").join("report.html").to_string_lossy()
    );
    assert_eq!(report(&out), first);
}

#[test]
fn excel_style_tables_give_the_same_figures() {
    let t = TestDir::new();
    let root = project_root();
    for (dir, extra) in [("plain", None), ("excel", Some("--excel"))] {
        let out = t.join(dir);
        let mut args = vec!["run", "sample_corpus", "-q", "--threads", "1"];
        let o = out.to_string_lossy().into_owned();
        args.extend(["-o", &o]);
        args.extend(extra);
        let r = run_in(&root, &args);
        assert!(matches!(code(&r), 0 | 3), "{}", stderr(&r));
    }
    let figures = |dir: &str| -> BTreeMap<String, String> {
        tags_with(&report(&t.join(dir)), "data-metric")
            .into_iter()
            .filter(|a| {
                !matches!(
                    a["data-metric"].as_str(),
                    "seconds" | "articles_per_s" | "mb_per_s"
                )
            })
            .map(|a| (a["data-metric"].clone(), a["data-value"].clone()))
            .collect()
    };
    assert_eq!(figures("plain"), figures("excel"));
    check_against_tables(&t.join("excel"));
}

const ARTICLES_HEADER: &str = "article_id,source_id,path,record,title,published,url,authors,language,chars,words,sentences,entities,mentions,quotes,times,events,content_hash,status";
const ENTITIES_HEADER: &str =
    "article_id,entity_id,type,canonical,mentions,surface_forms,first_start";
const QUOTES_HEADER: &str = "article_id,quote_id,kind,speaker,speaker_entity_id,speaker_text,speaker_start,speaker_end,cue,cue_start,cue_end,text,start,end,sentence";
const EVENTS_HEADER: &str = "article_id,event_id,type,status,trigger,trigger_start,trigger_end,date_text,date,place,participants,sentence,evidence,mentions";
const ERRORS_HEADER: &str = "path,record,stage,kind,message";

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(2)>";

/// A hand-made output folder (Excel style: BOM and CRLF; formula guard on) with hostile text
/// in every place an article's words can reach the report.
fn hostile_folder(t: &TestDir) -> std::path::PathBuf {
    let csv = |header: &str, rows: &[Vec<&str>]| -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(vec![]);
        w.write_record(header.split(',')).unwrap();
        for r in rows {
            w.write_record(r).unwrap();
        }
        format!(
            "\u{FEFF}{}",
            String::from_utf8(w.into_inner().unwrap()).unwrap()
        )
    };
    let a = |id: &'static str,
             title: &'static str,
             published: &'static str,
             ents: &'static str,
             quotes: &'static str,
             events: &'static str| {
        vec![
            id, "", id, "", title, published, "", "", "en", "100", "20", "2", ents, "0", quotes,
            "0", events, "h", "ok",
        ]
    };
    t.write(
        "out/articles.csv",
        csv(
            ARTICLES_HEADER,
            &[
                a("a1", SCRIPT, "2025-03-10T08:00:00Z", "3", "2", "3"),
                a("a2", IMG, "2025-03-11", "2", "1", "1"),
                a("a3", "'=HYPERLINK(\"x\")", "", "1", "0", "0"),
            ],
        ),
    );
    let e = |id: &'static str, n: &'static str, ty: &'static str, name: &'static str| {
        vec![id, n, ty, name, "1", name, "0"]
    };
    t.write(
        "out/entities.csv",
        csv(
            ENTITIES_HEADER,
            &[
                e("a1", "1", "PERSON", SCRIPT),
                e("a1", "2", "PERSON", SCRIPT), // the same name twice in one article: one article
                e("a1", "3", "ORG", "'=Evil Corp"),
                e("a2", "1", "PERSON", SCRIPT),
                e("a2", "2", "LOC", IMG),
                e("a3", "1", "PERSON", "Ann Poe"),
            ],
        ),
    );
    let q = |id: &'static str, n: &'static str, speaker: &'static str, text: &'static str| {
        vec![
            id, n, "direct", speaker, "", speaker, "", "", "said", "", "", text, "0", "5", "1",
        ]
    };
    t.write(
        "out/quotes.csv",
        csv(
            QUOTES_HEADER,
            &[
                q("a1", "1", SCRIPT, IMG),
                q(
                    "a1",
                    "2",
                    SCRIPT,
                    "We will rebuild the harbour wall by spring.",
                ),
                q("a2", "1", "", "Nobody said this."),
            ],
        ),
    );
    let ev = |id: &'static str, n: &'static str, ty: &'static str, date: &'static str| {
        vec![
            id, n, ty, "occurred", "flood", "0", "5", "", date, IMG, SCRIPT, "1", SCRIPT, "1",
        ]
    };
    t.write(
        "out/events.csv",
        csv(
            EVENTS_HEADER,
            &[
                ev("a1", "1", SCRIPT, "2025-03-09"),
                ev("a1", "2", "flood", "2025-03"),
                ev("a1", "3", "flood", "XXXX-06-05"),
                ev("a2", "1", "flood", "2025-03-10T14:00"),
            ],
        ),
    );
    let err = |path: &'static str, kind: &'static str| vec![path, "", "decode", kind, SCRIPT];
    let mut errors: Vec<Vec<&str>> = (0..7).map(|_| err(IMG, "binary")).collect();
    errors.push(err("x.txt", SCRIPT));
    t.write("out/errors.csv", csv(ERRORS_HEADER, &errors));
    t.join("out")
}

fn assert_inert(html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script tag");
    assert!(!lower.contains("<img"), "an img tag");
    let handlers = tags_with(html, "onerror");
    assert!(handlers.is_empty(), "an element with onerror: {handlers:?}");
}

#[test]
fn article_text_shows_as_text_and_runs_nothing() {
    let t = TestDir::new();
    let out = hostile_folder(&t);
    let o = run_in(t.path(), &["report", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let html = report(&out);
    assert_inert(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    // The figures, with the formula guard taken off and duplicates within an article merged.
    assert_eq!(
        listed(
            &html,
            "data-entity",
            Some(("data-entity", "PERSON")),
            "data-name"
        ),
        vec![(SCRIPT.to_string(), 2), ("Ann Poe".to_string(), 1)]
    );
    assert_eq!(
        listed(
            &html,
            "data-entity",
            Some(("data-entity", "ORG")),
            "data-name"
        ),
        vec![("=Evil Corp".to_string(), 1)]
    );
    assert_eq!(
        listed(&html, "data-speaker", None, "data-speaker"),
        vec![(SCRIPT.to_string(), 2)]
    );
    // The sample quote is the direct quote of a readable length, escaped.
    assert!(html.contains("<q>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</q>"));
    assert!(html.contains("=HYPERLINK(&quot;x&quot;)"));
    assert_eq!(metric(&html, "dated_events").as_deref(), Some("2"));
    assert_eq!(metric(&html, "timeline_events").as_deref(), Some("2"));
    assert_eq!(metric(&html, "dated_articles").as_deref(), Some("2"));
    assert_eq!(metric(&html, "status").as_deref(), Some("unknown"));
    let kinds = listed(&html, "data-error-kind", None, "data-error-kind");
    assert_eq!(
        kinds,
        vec![("binary".to_string(), 7), (SCRIPT.to_string(), 1)]
    );
    // The first five paths of a kind, no more.
    let binary_row = &html[html.find("data-error-kind=\"binary\"").unwrap()..];
    let binary_row = &binary_row[..binary_row.find("</tr>").unwrap()];
    assert_eq!(binary_row.matches("<li>").count(), 5);
    check_against_tables(&out);
}

#[test]
fn the_page_needs_nothing_from_outside() {
    let t = TestDir::new();
    let out = hostile_folder(&t);
    assert_eq!(code(&run_in(t.path(), &["report", "out"])), 0);
    let html = report(&out);
    let lower = html.to_lowercase();
    for forbidden in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "@import",
        "@font-face",
    ] {
        assert!(!lower.contains(forbidden), "{forbidden}");
    }
    for attr in ["src", "href", "xlink:href", "srcset", "data-src"] {
        for tag in tags_with(&lower, attr) {
            let v = &tag[attr];
            assert!(
                !v.contains("http:") && !v.contains("https:") && !v.starts_with("//"),
                "{attr}={v}"
            );
        }
    }
    // No url(...) in the styles, except data: URLs.
    let mut from = 0;
    while let Some(i) = lower[from..].find("url(") {
        let at = from + i + 4;
        let arg = lower[at..].trim_start_matches(['"', '\'', ' ']);
        assert!(
            arg.starts_with("data:"),
            "url({})",
            &arg[..arg.len().min(40)]
        );
        from = at;
    }
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("name=\"viewport\""));
}

#[test]
fn run_json_supplies_the_run_details() {
    let t = TestDir::new();
    let out = hostile_folder(&t);
    t.write(
        "out/run.json",
        r#"{"newsmine_version":"0.1.0","extractor_version":"x1","started":"2025-03-15T02:30:00Z",
            "finished":"2025-03-15T02:31:12Z","seconds":72.4,"inputs":["/data/news"],
            "output":"out","reference_date":"2025-03-14","threads":2,"incremental":true,
            "shard":"1/4","exit_status":3,
            "counts":{"seen":1234567,"processed":3,"carried_over":0,"skipped":1,"failed":7},
            "failures_by_kind":{"binary":{"count":7,"examples":["b.bin"]}},
            "rows":{"articles":3},"stage_seconds":{"analyse":60.2},"bytes_read":12345678,
            "mb_per_s":0.17,"articles_per_s":5.52,"command":"run",
            "full_run_reason":"no manifest","warnings":["shard 3 of 4 is missing"]}"#,
    );
    assert_eq!(code(&run_in(t.path(), &["report", "out"])), 0);
    let html = report(&out);
    assert_eq!(metric(&html, "status").as_deref(), Some("warn"));
    assert_eq!(metric(&html, "seen").as_deref(), Some("1234567"));
    assert!(html.contains("1,234,567"), "numbers for people");
    assert!(html.contains("1 min 12 s"));
    assert!(html.contains("2025-03-15 02:30:00 UTC"));
    assert!(html.contains("1/4"));
    assert!(html.contains("x1"));
    assert!(html.contains("2025-03-14"));
    assert!(html.contains("1 skipped and 7 failed."));
    assert!(html.contains("Full run because"));
    assert!(html.contains("shard 3 of 4 is missing"));
    assert!(!html.contains("Run details unavailable"));
    check_against_tables(&out);

    // A broken run.json is a note, not a failure.
    t.write("out/run.json", "{not json");
    assert_eq!(code(&run_in(t.path(), &["report", "out"])), 0);
    let html = report(&out);
    assert!(html.contains("run.json is not valid JSON"));
    assert_eq!(metric(&html, "status").as_deref(), Some("unknown"));
}

#[test]
fn report_of_a_folder_without_tables_exits_1_and_creates_nothing() {
    let t = TestDir::new();
    let o = run_in(t.path(), &["report", "nowhere"]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("no newsmine tables"), "{}", stderr(&o));
    assert!(!t.join("nowhere").exists());
    std::fs::create_dir(t.join("empty")).unwrap();
    let o = run_in(t.path(), &["report", "empty"]);
    assert_eq!(code(&o), 1);
    assert!(!t.join("empty/report.html").exists());
    assert!(!t.join("empty/.newsmine.lock").exists());
}

#[test]
fn a_report_that_cannot_be_written_does_not_fail_the_run() {
    let t = TestDir::new();
    t.write(
        "in/a.txt",
        "Rivers rose overnight in York, the council said.\n",
    );
    // A folder where the report should go makes its rename fail.
    std::fs::create_dir_all(t.join("out/report.html/x")).unwrap();
    let o = run_in(t.path(), &["run", "in", "-o", "out", "-q"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: report.html not written"),
        "{}",
        stderr(&o)
    );
    assert_eq!(t.rows("out", "articles").len(), 2);
}

#[test]
fn a_run_writes_its_report_with_titles_escaped() {
    let t = TestDir::new();
    t.write(
        "in/a.md",
        format!("Title: {SCRIPT}\nDate: 2025-03-10\n\nRivers rose overnight in York.\n"),
    );
    t.write(
        "in/b.md",
        format!("Title: {IMG}\nDate: 2025-03-11\n\nThe mayor visited the flooded streets.\n"),
    );
    t.write("in/c.txt", b"\x00\x01binary\x00".as_slice());
    let o = run_in(t.path(), &["run", "in", "-o", "out", "-q"]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let html = report(&t.join("out"));
    assert_inert(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // (front matter takes the leading quotation mark as quoting)
    assert!(html.contains("&gt;&lt;img src=x onerror=alert(2)&gt;"));
    check_against_tables(&t.join("out"));
}
