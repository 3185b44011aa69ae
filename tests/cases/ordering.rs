//! The tables do not depend on the number of threads or on the file system's order.

use crate::util::{TestDir, code, project_root, run_in, stderr, table_bytes};

/// A corpus of many small files in nested folders, JSON Lines with many records, and files of
/// very different sizes, so that workers finish out of order.
fn mixed_corpus() -> TestDir {
    let t = TestDir::new();
    for i in 0..150 {
        let body = format!(
            "Report {i}\n\nThe council of Town{i} said on Monday that it would spend {i} million \
             pounds on roads. \"We have waited long enough,\" said Mayor Ann Lee{i}.\n{}",
            "More words follow here. ".repeat((i * 37) % 200)
        );
        t.write(&format!("in/d{}/f{i:03}.txt", i % 7), body);
    }
    let mut jsonl = String::new();
    for r in 0..300 {
        jsonl.push_str(&format!(
            "{{\"id\":\"rec{r}\",\"published\":\"2024-03-{:02}\",\"text\":\"Police in Leeds said {r} people were arrested yesterday. {}\"}}\n",
            1 + r % 28,
            "Extra sentence. ".repeat(r % 50)
        ));
    }
    t.write("in/feeds/a.jsonl", &jsonl);
    t.write(
        "in/feeds/b.json",
        r#"[{"text":"One."},{"text":"Two."},{"body":"Three."}]"#,
    );
    t
}

fn run_tables(t: &TestDir, input: &str, out: &str, threads: &str) -> Vec<(String, Vec<u8>)> {
    let o = run_in(
        t.path(),
        &["run", input, "-o", out, "--threads", threads, "-q"],
    );
    assert!(matches!(code(&o), 0 | 3), "{}", stderr(&o));
    table_bytes(&t.join(out))
}

#[test]
fn one_thread_and_four_threads_write_identical_tables() {
    let t = mixed_corpus();
    let one = run_tables(&t, "in", "out1", "1");
    let four = run_tables(&t, "in", "out4", "4");
    assert_eq!(one.len(), 7);
    for ((name1, bytes1), (name4, bytes4)) in one.iter().zip(&four) {
        assert_eq!(name1, name4);
        assert!(
            bytes1 == bytes4,
            "{name1} differs between --threads 1 and 4"
        );
    }
}

#[test]
fn sample_corpus_is_identical_across_thread_counts() {
    let sample = project_root().join("sample_corpus");
    let t = TestDir::new();
    let input = sample.to_string_lossy().into_owned();
    let one = run_tables(&t, &input, "out1", "1");
    let four = run_tables(&t, &input, "out4", "4");
    assert!(
        one == four,
        "sample_corpus tables differ between --threads 1 and 4"
    );
}

#[test]
fn order_follows_names_not_creation() {
    let t = TestDir::new();
    for name in ["c.txt", "a.txt", "b/z.txt", "b/a.txt", "B.txt"] {
        t.write(&format!("in/{name}"), "Some news text.");
    }
    run_tables(&t, "in", "out", "3");
    let rows = t.rows("out", "articles");
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["B.txt", "a.txt", "b/a.txt", "b/z.txt", "c.txt"]);
}
