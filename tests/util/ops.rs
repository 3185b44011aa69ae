//! Helpers for the overnight-operation tests: corpora with tricky names, file ages, run.json.

use super::{TestDir, code, run_in, stderr, table_bytes};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Writes a corpus under `root` with nested folders, names whose order differs between a
/// component-wise and a plain string sort (`a/b.txt`, `a.txt`, `a-b.txt`), several formats,
/// multi-record files, a malformed record, a binary file, an empty file and a symbolic link.
pub fn tricky_corpus(t: &TestDir, root: &str) {
    let article = |i: usize| {
        format!(
            "Report {i}\n\nThe council of Leeds said on Monday that it would spend {i} million \
             pounds on roads. \"We have waited long enough,\" said Mayor Ann Lee.\nPolice in \
             Bristol arrested {i} men yesterday.\n"
        )
    };
    let names = [
        "a.txt",
        "a/b.txt",
        "a/b/c.md",
        "a-b.txt",
        "a b.txt",
        "a0.txt",
        "a.b/c.txt",
        "B.txt",
        "z/y/x.txt",
        "é.txt",
        "m/n.htm",
    ];
    for (i, name) in names.iter().enumerate() {
        let body = if name.ends_with(".htm") {
            format!(
                "<html><head><title>Page {i}</title></head><body><article><p>{}</p></article>\
                 </body></html>",
                article(i)
            )
        } else {
            article(i)
        };
        t.write(&format!("{root}/{name}"), body);
    }
    let mut jsonl = String::new();
    for r in 0..6 {
        if r == 3 {
            jsonl.push_str("{\"id\": broken}\n");
        } else {
            jsonl.push_str(&format!(
                "{{\"id\":\"r{r}\",\"published\":\"2024-03-0{}\",\"text\":\"Shares rose {r} \
                 per cent in Tokyo on Monday, the exchange said.\"}}\n",
                r + 1
            ));
        }
    }
    t.write(&format!("{root}/feeds/wire.jsonl"), jsonl);
    t.write(
        &format!("{root}/feeds/one.json"),
        r#"[{"title":"One","text":"The mayor of Paris met the press."},{"text":"Two."}]"#,
    );
    t.write(&format!("{root}/empty.txt"), "");
    t.write(
        &format!("{root}/binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink("a.txt", t.join(&format!("{root}/link.txt"))).unwrap();
}

/// Sets the modification time of every regular file under `dir` to `secs` seconds ago, so
/// that incremental runs trust size and time (files written just now are checked by content).
pub fn age_all(dir: &Path, secs: u64) {
    for entry in walk(dir) {
        set_mtime(&entry, SystemTime::now() - Duration::from_secs(secs));
    }
}

/// Sets the modification time of the files `rels` (relative to the test folder) to `secs`
/// seconds ago.
pub fn age(t: &TestDir, rels: &[&str], secs: u64) {
    for rel in rels {
        set_mtime(&t.join(rel), SystemTime::now() - Duration::from_secs(secs));
    }
}

/// Sets the modification time of `path`.
pub fn set_mtime(path: &Path, when: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(when))
        .unwrap_or_else(|e| panic!("set mtime of {}: {e}", path.display()));
}

/// The modification time of `path`.
pub fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let ft = e.file_type().unwrap();
            if ft.is_dir() {
                stack.push(e.path());
            } else if ft.is_file() {
                out.push(e.path());
            }
        }
    }
    out
}

/// Runs newsmine in the test folder and checks that it completed (exit 0 or 3).
pub fn run_ok(t: &TestDir, args: &[&str]) -> std::process::Output {
    let out = run_in(t.path(), args);
    assert!(
        matches!(code(&out), 0 | 3),
        "{args:?} exited {}: {}",
        code(&out),
        stderr(&out)
    );
    out
}

/// `run.json` of the output folder `out`.
pub fn run_json(t: &TestDir, out: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(t.join(out).join("run.json")).expect("run.json");
    serde_json::from_str(&text).expect("run.json is JSON")
}

/// A count from `run.json`.
pub fn count(report: &serde_json::Value, name: &str) -> u64 {
    report["counts"][name]
        .as_u64()
        .unwrap_or_else(|| panic!("counts.{name} in {report}"))
}

/// Asserts that two output folders hold byte-identical tables, naming the first difference.
pub fn assert_same_tables(got: &Path, want: &Path) {
    let got = table_bytes(got);
    let want = table_bytes(want);
    assert_eq!(
        got.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        want.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    for ((name, a), (_, b)) in got.iter().zip(&want) {
        if a != b {
            let a = String::from_utf8_lossy(a);
            let b = String::from_utf8_lossy(b);
            let line = a
                .lines()
                .zip(b.lines())
                .position(|(x, y)| x != y)
                .unwrap_or_else(|| a.lines().count().min(b.lines().count()));
            panic!(
                "{name} differs at line {}:\n  got:  {}\n  want: {}",
                line + 1,
                a.lines().nth(line).unwrap_or("<end>"),
                b.lines().nth(line).unwrap_or("<end>")
            );
        }
    }
}

/// Runs a full (not incremental) run of `inputs` into a fresh folder `out`.
pub fn full_run(t: &TestDir, inputs: &[&str], out: &str) {
    let _ = std::fs::remove_dir_all(t.join(out));
    let mut args = vec!["run"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["-o", out, "-q", "--threads", "2"]);
    run_ok(t, &args);
}
