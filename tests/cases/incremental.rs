//! Incremental runs: after any sequence of changes, the tables are byte for byte those of a
//! full run, and only new and changed files are analysed.

use crate::util::ops::{
    age, age_all, assert_same_tables, count, full_run, mtime, run_json, run_ok, set_mtime,
    tricky_corpus,
};
use crate::util::{TestDir, code, newsmine, run_in, stderr, table_bytes};
use std::time::{Duration, Instant, SystemTime};

const AN_HOUR: u64 = 3600;

fn incremental(t: &TestDir) -> serde_json::Value {
    run_ok(
        t,
        &[
            "run",
            "in",
            "-o",
            "inc",
            "-q",
            "--incremental",
            "--threads",
            "2",
        ],
    );
    let report = run_json(t, "inc");
    let c = |n| count(&report, n);
    assert_eq!(
        c("seen"),
        c("processed") + c("carried_over") + c("skipped") + c("failed")
    );
    report
}

/// The incremental tables equal a full run on the same folder.
fn check_against_full_run(t: &TestDir) {
    full_run(t, &["in"], "full");
    assert_same_tables(&t.join("inc"), &t.join("full"));
}

#[test]
fn add_modify_delete_and_rename_each_equal_a_full_run() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    age_all(&t.join("in"), 2 * AN_HOUR);
    let first = incremental(&t);
    assert_eq!(count(&first, "carried_over"), 0);
    assert!(
        first["full_run_reason"]
            .as_str()
            .unwrap_or("")
            .contains("no manifest"),
        "{first}"
    );
    check_against_full_run(&t);
    let articles = count(&first, "processed");

    // Nothing changed: everything is carried over, nothing is analysed.
    let again = incremental(&t);
    assert_eq!(count(&again, "processed"), 0, "{again}");
    assert_eq!(count(&again, "carried_over"), articles);
    check_against_full_run(&t);

    // Add: files before, between and after the others, in new and existing folders.
    t.write("in/0.txt", "Zero. The mayor of Leeds spoke on Friday.");
    t.write(
        "in/a/a.txt",
        "New in a. Police in Bristol said so on Monday.",
    );
    t.write("in/a/b/d.md", "New in a/b. Shares fell in Tokyo.");
    t.write("in/zz/new.txt", "Last. The council met in York.");
    age(
        &t,
        &["in/0.txt", "in/a/a.txt", "in/a/b/d.md", "in/zz/new.txt"],
        AN_HOUR,
    );
    let added = incremental(&t);
    assert_eq!(count(&added, "processed"), 4, "{added}");
    assert_eq!(count(&added, "carried_over"), articles);
    check_against_full_run(&t);

    // Modify: a text file (new size) and a JSON Lines file (same size, new time).
    t.write(
        "in/a/b.txt",
        "Changed. The minister said on Tuesday that the plan would go ahead in Cardiff.",
    );
    let wire = std::fs::read_to_string(t.join("in/feeds/wire.jsonl")).unwrap();
    t.write("in/feeds/wire.jsonl", wire.replace("Tokyo", "Osaka"));
    set_mtime(
        &t.join("in/a/b.txt"),
        SystemTime::now() - Duration::from_secs(AN_HOUR / 2),
    );
    set_mtime(
        &t.join("in/feeds/wire.jsonl"),
        SystemTime::now() - Duration::from_secs(AN_HOUR / 2),
    );
    let modified = incremental(&t);
    assert_eq!(count(&modified, "processed"), 1 + 5, "{modified}");
    check_against_full_run(&t);

    // Delete: a file, a multi-record file and a whole folder.
    std::fs::remove_file(t.join("in/a.txt")).unwrap();
    std::fs::remove_file(t.join("in/feeds/one.json")).unwrap();
    std::fs::remove_dir_all(t.join("in/z")).unwrap();
    let deleted = incremental(&t);
    assert_eq!(count(&deleted, "processed"), 0, "{deleted}");
    check_against_full_run(&t);

    // Rename: a file within its folder and a folder.
    std::fs::rename(t.join("in/a-b.txt"), t.join("in/b-a.txt")).unwrap();
    std::fs::rename(t.join("in/m"), t.join("in/0m")).unwrap();
    let renamed = incremental(&t);
    assert_eq!(count(&renamed, "processed"), 2, "{renamed}");
    check_against_full_run(&t);
}

#[test]
fn recently_modified_files_are_checked_by_content() {
    let t = TestDir::new();
    t.write("in/a.txt", "The council met in Leeds on Monday.");
    t.write("in/b.txt", "Police in Bristol arrested two men.");
    // Not aged: written just now, so recorded as racy.
    incremental(&t);
    let before = mtime(&t.join("in/a.txt"));
    // Same size, same modification time, other words: only the content tells.
    t.write("in/a.txt", "The council met in Derby on Monday.");
    set_mtime(&t.join("in/a.txt"), before);
    let report = incremental(&t);
    assert_eq!(count(&report, "processed"), 1, "{report}");
    assert_eq!(count(&report, "carried_over"), 1, "{report}");
    check_against_full_run(&t);
    assert!(t.table("inc", "articles").contains("in/a.txt"));
}

#[test]
fn verify_hash_catches_a_change_that_keeps_size_and_time() {
    let t = TestDir::new();
    t.write("in/a.txt", "The council met in Leeds on Monday.");
    t.write("in/b.txt", "Police in Bristol arrested two men.");
    age_all(&t.join("in"), AN_HOUR);
    incremental(&t);
    let before = mtime(&t.join("in/a.txt"));
    t.write("in/a.txt", "The council met in Derby on Monday.");
    set_mtime(&t.join("in/a.txt"), before);
    run_ok(
        &t,
        &[
            "run",
            "in",
            "-o",
            "inc",
            "-q",
            "--incremental",
            "--verify-hash",
        ],
    );
    let report = run_json(&t, "inc");
    assert_eq!(count(&report, "processed"), 1, "{report}");
    assert_eq!(count(&report, "carried_over"), 1, "{report}");
    check_against_full_run(&t);
}

#[test]
fn a_new_extractor_version_reprocesses_everything() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    age_all(&t.join("in"), AN_HOUR);
    let first = incremental(&t);
    let manifest = t.join("inc/manifest.jsonl");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let version = first["extractor_version"].as_str().unwrap().to_string();
    let (header, rest) = text.split_once('\n').unwrap();
    assert!(header.contains(&version), "{header}");
    let header = header.replace(&version, "0.0.1+data.0123456789abcdef");
    std::fs::write(&manifest, format!("{header}\n{rest}")).unwrap();

    let report = incremental(&t);
    assert_eq!(count(&report, "carried_over"), 0, "{report}");
    assert_eq!(
        count(&report, "processed"),
        count(&first, "processed"),
        "{report}"
    );
    let reason = report["full_run_reason"].as_str().unwrap_or("");
    assert!(reason.contains("extractor version"), "{reason}");
    check_against_full_run(&t);
    // and the manifest is this extractor's again
    let report = incremental(&t);
    assert_eq!(count(&report, "processed"), 0, "{report}");
}

#[test]
fn other_options_reprocess_everything() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    age_all(&t.join("in"), AN_HOUR);
    incremental(&t);
    run_ok(
        &t,
        &["run", "in", "-o", "inc", "-q", "--incremental", "--excel"],
    );
    let report = run_json(&t, "inc");
    assert_eq!(count(&report, "carried_over"), 0, "{report}");
    let excel = t.table("inc", "articles");
    assert!(excel.starts_with('\u{FEFF}') && excel.contains("\r\n"));
}

#[test]
fn tables_that_do_not_match_the_manifest_are_not_trusted() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    age_all(&t.join("in"), AN_HOUR);
    incremental(&t);

    // Same size, other bytes: found by the content hash while the rows are carried.
    let path = t.join("inc/articles.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Report"));
    std::fs::write(&path, text.replacen("Report", "Rxport", 1)).unwrap();
    let report = incremental(&t);
    let reason = report["full_run_reason"].as_str().unwrap_or("");
    assert!(reason.contains("articles.csv"), "{report}");
    assert_eq!(count(&report, "carried_over"), 0);
    check_against_full_run(&t);

    // Another size: found before the run starts.
    let path = t.join("inc/mentions.csv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("x.txt,1,PERSON,Someone,0,7,1\n");
    std::fs::write(&path, text).unwrap();
    let report = incremental(&t);
    let reason = report["full_run_reason"].as_str().unwrap_or("");
    assert!(reason.contains("mentions.csv"), "{report}");
    check_against_full_run(&t);

    // No manifest at all.
    std::fs::remove_file(t.join("inc/manifest.jsonl")).unwrap();
    let report = incremental(&t);
    assert_eq!(count(&report, "carried_over"), 0);
    check_against_full_run(&t);
}

#[test]
fn files_that_failed_are_tried_again() {
    let t = TestDir::new();
    t.write("in/a.txt", "The council met in Leeds on Monday.");
    t.write("in/b.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00");
    t.write(
        "in/feed.jsonl",
        "{\"text\":\"Police in Bristol.\"}\n{\"text\": oops}\n",
    );
    age_all(&t.join("in"), AN_HOUR);
    let out = run_in(t.path(), &["run", "in", "-o", "inc", "-q", "--incremental"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let manifest = std::fs::read_to_string(t.join("inc/manifest.jsonl")).unwrap();
    let retry: Vec<&str> = manifest
        .lines()
        .filter(|l| l.contains("\"retry\":true"))
        .collect();
    assert_eq!(retry.len(), 1, "{manifest}");
    assert!(retry[0].contains("b.txt"));

    // Unchanged: the binary file is read again (and fails again); the JSON Lines file with
    // its malformed record is carried over with its error row; the exit status is still 3.
    let out = run_in(t.path(), &["run", "in", "-o", "inc", "-q", "--incremental"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let report = run_json(&t, "inc");
    assert_eq!(report["files_read"], 1, "{report}");
    assert_eq!(count(&report, "failed"), 2, "{report}");
    assert_eq!(count(&report, "carried_over"), 2, "{report}");
    assert_eq!(report["exit_status"], 3);
    assert_eq!(report["failures_by_kind"]["binary"]["count"], 1);
    assert_eq!(report["failures_by_kind"]["malformed-json"]["count"], 1);
    check_against_full_run(&t);

    // Repaired in place without a new time: picked up because it failed last time.
    let before = mtime(&t.join("in/b.txt"));
    t.write("in/b.txt", "Now a good text.");
    set_mtime(&t.join("in/b.txt"), before);
    let report = incremental(&t);
    assert_eq!(count(&report, "processed"), 1, "{report}");
    check_against_full_run(&t);
}

/// A corpus big enough that a run is still busy some time after it starts.
fn busy_corpus(t: &TestDir) {
    let line = format!(
        "{{\"text\":\"{}\"}}\n",
        "The minister said on Monday that the council in Leeds would meet again. ".repeat(20)
    );
    for f in 0..4 {
        let rel = format!("in/big/feed{f}.jsonl");
        t.write(&rel, line.repeat(1500));
        age(t, &[&rel], 1800);
    }
}

/// Starts an incremental run and kills it (SIGKILL) once it has begun writing its tables,
/// `after` later. Returns false if it finished first.
fn kill_incremental_run(t: &TestDir, after: Duration) -> bool {
    let mut child = newsmine()
        .current_dir(t.path())
        .args([
            "run",
            "in",
            "-o",
            "inc",
            "-q",
            "--incremental",
            "--threads",
            "1",
        ])
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let started = std::fs::read_dir(t.join("inc"))
            .unwrap()
            .flatten()
            .any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(".newsmine-tmp-")
            });
        if started || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    std::thread::sleep(after);
    let finished_early = child.try_wait().unwrap().is_some();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    !finished_early
}

#[test]
fn a_run_killed_during_an_incremental_run_is_recovered_by_the_next() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    age_all(&t.join("in"), AN_HOUR);
    incremental(&t);
    let before = table_bytes(&t.join("inc"));
    let manifest_before = std::fs::read(t.join("inc/manifest.jsonl")).unwrap();

    busy_corpus(&t);
    t.write("in/a/b.txt", "Changed while the big files came in.");
    age(&t, &["in/a/b.txt"], 1800);
    std::fs::remove_file(t.join("in/a0.txt")).unwrap();
    let mut killed = 0;
    for after in [Duration::from_millis(20), Duration::from_millis(300)] {
        if !kill_incremental_run(&t, after) {
            break;
        }
        killed += 1;
        // The previous tables and their manifest, untouched.
        assert!(table_bytes(&t.join("inc")) == before);
        assert_eq!(
            std::fs::read(t.join("inc/manifest.jsonl")).unwrap(),
            manifest_before
        );
    }
    assert!(killed > 0, "every run finished before it could be killed");

    let report = incremental(&t);
    assert!(count(&report, "carried_over") > 0, "{report}");
    check_against_full_run(&t);
    let leftovers: Vec<String> = std::fs::read_dir(t.join("inc"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".newsmine-tmp-") || n == ".newsmine-commit")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_interrupted_commit_is_completed_by_the_next_run() {
    // A commit killed half-way through its renames: the journal lists them all, and the next
    // run in the folder finishes them before it reads the manifest.
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    age_all(&t.join("in"), AN_HOUR);
    incremental(&t);
    t.write("in/new.txt", "A new file. The mayor of York spoke.");
    age_all(&t.join("in"), AN_HOUR / 2);
    // The folder as the new run would leave it, staged by hand as temporaries.
    full_run(&t, &["in"], "next");
    let inc = t.join("inc");
    let mut journal = String::new();
    let mut names: Vec<String> = std::fs::read_dir(t.join("next"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    for (i, name) in names.iter().enumerate() {
        let temp = format!(".newsmine-tmp-999-{name}");
        std::fs::copy(t.join("next").join(name), inc.join(&temp)).unwrap();
        journal.push_str(&format!("{temp}\t{name}\n"));
        if i < 3 {
            // already renamed when the process died
            std::fs::rename(inc.join(&temp), inc.join(name)).unwrap();
        }
    }
    std::fs::write(inc.join(".newsmine-commit"), journal).unwrap();
    let report = incremental(&t);
    assert_eq!(count(&report, "processed"), 0, "{report}");
    check_against_full_run(&t);
}

#[test]
fn an_output_folder_inside_the_input_folder_is_not_read() {
    let t = TestDir::new();
    t.write("in/a.txt", "The council met in Leeds on Monday.");
    age_all(&t.join("in"), AN_HOUR);
    for _ in 0..2 {
        run_ok(
            &t,
            &[
                "run",
                "in",
                "-o",
                "in/tables",
                "-q",
                "--incremental",
                "--hidden",
            ],
        );
    }
    let report = run_json(&t, "in/tables");
    assert_eq!(count(&report, "seen"), 1, "{report}");
    assert_eq!(count(&report, "carried_over"), 1, "{report}");
    let ids: Vec<String> = t.rows("in/tables", "articles")[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ids, ["a.txt"]);
}
