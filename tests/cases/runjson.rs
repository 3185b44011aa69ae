//! `run.json`: every key of the monitoring contract, and counts that add up.

use crate::util::ops::{age_all, count, run_json, tricky_corpus};
use crate::util::{TestDir, code, run_in, stderr};

const KEYS: [&str; 22] = [
    "newsmine_version",
    "extractor_version",
    "started",
    "finished",
    "seconds",
    "inputs",
    "output",
    "reference_date",
    "threads",
    "incremental",
    "shard",
    "exit_status",
    "counts",
    "failures_by_kind",
    "rows",
    "stage_seconds",
    "bytes_read",
    "mb_per_s",
    "articles_per_s",
    "command",
    "files_read",
    "full_run_reason",
];

fn check_report(t: &TestDir, out: &str, exit: i32) -> serde_json::Value {
    let r = run_json(t, out);
    for key in KEYS {
        assert!(r.get(key).is_some(), "run.json lacks {key}: {r}");
    }
    for key in ["seen", "processed", "carried_over", "skipped", "failed"] {
        count(&r, key);
    }
    for key in ["discover", "read", "parse", "analyse", "write"] {
        assert!(r["stage_seconds"][key].as_f64().unwrap() >= 0.0, "{key}");
    }
    let c = |n| count(&r, n);
    assert_eq!(
        c("seen"),
        c("processed") + c("carried_over") + c("skipped") + c("failed")
    );
    assert_eq!(r["exit_status"].as_i64().unwrap(), exit as i64);
    // rows match the tables, and every error row is a skipped or failed input
    for (table, n) in r["rows"].as_object().unwrap() {
        let rows = t.rows(out, table).len() as u64 - 1;
        assert_eq!(n.as_u64().unwrap(), rows, "{table}");
    }
    assert_eq!(
        r["rows"]["articles"].as_u64().unwrap(),
        c("processed") + c("carried_over")
    );
    assert_eq!(
        r["rows"]["errors"].as_u64().unwrap(),
        c("skipped") + c("failed")
    );
    let by_kind: u64 = r["failures_by_kind"]
        .as_object()
        .unwrap()
        .values()
        .map(|k| {
            let examples = k["examples"].as_array().unwrap();
            assert!(!examples.is_empty() && examples.len() <= 5);
            k["count"].as_u64().unwrap()
        })
        .collect::<Vec<_>>()
        .iter()
        .sum();
    assert_eq!(by_kind, c("skipped") + c("failed"));
    for key in ["started", "finished"] {
        let s = r[key].as_str().unwrap();
        assert!(
            chrono::DateTime::parse_from_rfc3339(s).is_ok() && s.ends_with('Z'),
            "{key}: {s}"
        );
    }
    assert!(r["started"].as_str() <= r["finished"].as_str());
    assert_eq!(
        r["extractor_version"]
            .as_str()
            .unwrap()
            .split('+')
            .next()
            .unwrap(),
        r["newsmine_version"].as_str().unwrap()
    );
    r
}

#[test]
fn run_json_has_every_key_and_counts_that_add_up() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    age_all(&t.join("in"), 3600);
    let out = run_in(
        t.path(),
        &[
            "run",
            "in",
            "-o",
            "out",
            "-q",
            "--threads",
            "2",
            "--reference-date",
            "2024-05-01",
        ],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let r = check_report(&t, "out", 3);
    assert_eq!(r["threads"], 2);
    assert_eq!(r["reference_date"], "2024-05-01");
    assert_eq!(r["incremental"], false);
    assert_eq!(r["shard"], serde_json::Value::Null);
    assert_eq!(r["inputs"], serde_json::json!(["in"]));
    assert_eq!(r["output"], "out");
    assert_eq!(r["failures_by_kind"]["binary"]["count"], 1);
    assert_eq!(
        r["failures_by_kind"]["binary"]["examples"],
        serde_json::json!(["in/binary.txt"])
    );
    assert_eq!(r["failures_by_kind"]["empty"]["count"], 1);
    assert_eq!(r["failures_by_kind"]["malformed-json"]["count"], 1);
    assert_eq!(r["failures_by_kind"]["symlink"]["count"], 1);
    assert!(r["bytes_read"].as_u64().unwrap() > 1000);
    assert!(r["mb_per_s"].as_f64().unwrap() > 0.0);

    // The same after an incremental run that carries everything over.
    let out = run_in(
        t.path(),
        &[
            "run",
            "in",
            "-o",
            "out",
            "-q",
            "--incremental",
            "--reference-date",
            "2024-05-01",
        ],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let r = check_report(&t, "out", 3);
    assert_eq!(count(&r, "processed"), 0);
    assert!(count(&r, "carried_over") > 0);
    assert_eq!(r["incremental"], true);
    assert_eq!(r["failures_by_kind"]["binary"]["count"], 1);
}

#[test]
fn a_clean_run_reports_exit_status_0() {
    let t = TestDir::new();
    t.write("in/a.txt", "The council met in Leeds on Monday.");
    let out = run_in(t.path(), &["run", "in", "-o", "out", "-q"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let r = check_report(&t, "out", 0);
    assert_eq!(r["failures_by_kind"], serde_json::json!({}));
}
