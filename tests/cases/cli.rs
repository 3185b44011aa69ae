//! The command line: help, version, usage errors and exit codes.

use crate::util::{TestDir, code, newsmine, run_in, stderr};

#[test]
fn help_has_examples_and_exit_codes() {
    let out = newsmine().arg("--help").output().unwrap();
    assert_eq!(code(&out), 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Examples:"), "{text}");
    assert!(text.contains("Exit status"), "{text}");
    let out = newsmine().args(["run", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--output",
        "--threads",
        "--ext",
        "--max-file-size",
        "--reference-date",
        "--quiet",
        "--progress",
        "--excel",
        "--no-formula-guard",
        "--follow-links",
        "--hidden",
        "--date-order",
        "--incremental",
        "--verify-hash",
        "--shard",
        "--max-decompressed-size",
    ] {
        assert!(text.contains(flag), "run --help lacks {flag}");
    }
    let out = newsmine().args(["merge", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("--output") && text.contains("Exit status"),
        "{text}"
    );
}

#[test]
fn version() {
    let out = newsmine().arg("--version").output().unwrap();
    assert_eq!(code(&out), 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2() {
    let t = TestDir::new();
    for args in [
        vec!["run"],
        vec!["run", "x"],
        vec!["run", "x", "-o", "out", "--threads", "0"],
        vec!["run", "x", "-o", "out", "--max-file-size", "lots"],
        vec!["run", "x", "-o", "out", "--reference-date", "06/06/2017"],
        vec!["run", "x", "-o", "out", "--progress", "sometimes"],
        vec!["frobnicate"],
    ] {
        let out = run_in(t.path(), &args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn missing_input_and_unwritable_output_exit_1_without_tables() {
    let t = TestDir::new();
    let out = run_in(t.path(), &["run", "nowhere", "-o", "out"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("input not found: nowhere"),
        "{}",
        stderr(&out)
    );
    assert!(!t.join("out").exists(), "no output folder for a failed run");

    t.write("in/a.txt", "The council met on Monday.");
    t.write("blocker", "a file where the output folder should be");
    let out = run_in(t.path(), &["run", "in", "-o", "blocker"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("cannot use output folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn all_processed_exits_0_with_summary() {
    let t = TestDir::new();
    t.write(
        "in/a.txt",
        "Headline\n\nThe council met on Monday in Leeds.\n",
    );
    let out = run_in(t.path(), &["run", "in", "-o", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("1 seen, 1 processed, 0 skipped, 0 failed"),
        "{err}"
    );
    let quiet = run_in(t.path(), &["run", "in", "-o", "out", "--quiet"]);
    assert_eq!(code(&quiet), 0);
    assert!(quiet.stderr.is_empty(), "{}", stderr(&quiet));
}

#[test]
fn show_prints_text_and_json() {
    let t = TestDir::new();
    let f = t.write(
        "a.json",
        r#"{"title":"Vote","published":"2024-05-02","text":"Voters went to the polls on Thursday."}"#,
    );
    let out = newsmine().arg("show").arg(&f).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("title:     Vote"), "{text}");
    assert!(text.contains("Entities ("), "{text}");
    let out = newsmine()
        .arg("show")
        .arg("--json")
        .arg(&f)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["reference_date"], "2024-05-02");
    assert_eq!(v["extraction"]["language"], "en");
    let out = newsmine()
        .arg("show")
        .arg(t.join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
}
