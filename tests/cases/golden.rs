//! Golden tables: the exact output on `sample_corpus/`, checked byte for byte.
//!
//! After an intended change of output, regenerate with
//! `NEWSMINE_UPDATE_GOLDEN=1 cargo test --release golden` and review the diff.

use crate::util::{TestDir, code, project_root, run_in, stderr, table_bytes};

#[test]
fn sample_corpus_tables_match_the_golden_files() {
    let root = project_root();
    let t = TestDir::new();
    let out = t.join("out");
    let o = run_in(
        &root,
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
    let golden = root.join("tests/golden/sample_corpus");
    let update = std::env::var_os("NEWSMINE_UPDATE_GOLDEN").is_some();
    if update {
        std::fs::create_dir_all(&golden).unwrap();
    }
    let mut mismatched = Vec::new();
    for (name, bytes) in table_bytes(&out) {
        let path = golden.join(&name);
        if update {
            std::fs::write(&path, &bytes).unwrap();
            continue;
        }
        let want = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (set NEWSMINE_UPDATE_GOLDEN=1)", path.display()));
        if want != bytes {
            let got = String::from_utf8_lossy(&bytes);
            let want = String::from_utf8_lossy(&want);
            let first = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
            mismatched.push(format!(
                "{name}: first difference at line {}\n  got:  {}\n  want: {}",
                first + 1,
                got.lines().nth(first).unwrap_or("<end>"),
                want.lines().nth(first).unwrap_or("<end>")
            ));
        }
    }
    assert!(mismatched.is_empty(), "{}", mismatched.join("\n"));
}

/// The README's example rows are real output: every line of its `csv` blocks stands in the
/// golden tables (update the README when a golden change touches them).
#[test]
fn readme_examples_are_golden_rows() {
    let root = project_root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut golden = String::new();
    for entry in std::fs::read_dir(root.join("tests/golden/sample_corpus")).unwrap() {
        golden.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let golden_lines: std::collections::HashSet<&str> = golden.lines().collect();
    let mut in_block = false;
    let mut checked = 0;
    for line in readme.lines() {
        match line {
            "```csv" => in_block = true,
            "```" => in_block = false,
            _ if in_block => {
                assert!(
                    golden_lines.contains(line),
                    "README example row not in the golden tables: {line}"
                );
                checked += 1;
            }
            _ => {}
        }
    }
    assert!(
        checked >= 12,
        "only {checked} example rows found in README.md"
    );
}
