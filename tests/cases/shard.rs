//! Shards and merge: `--shard K/N` splits the inputs into disjoint parts, and `merge` joins
//! the parts' tables into exactly the tables of one run over everything.

use crate::util::ops::{
    age_all, assert_same_tables, count, full_run, run_json, run_ok, tricky_corpus,
};
use crate::util::{TestDir, code, run_in, stderr};
use std::collections::BTreeSet;

fn shard_runs(t: &TestDir, inputs: &[&str], n: u32) -> Vec<String> {
    (1..=n)
        .map(|k| {
            let out = format!("part{k}");
            let spec = format!("{k}/{n}");
            let mut args = vec!["run"];
            args.extend_from_slice(inputs);
            args.extend_from_slice(&["-o", &out, "-q", "--shard", &spec]);
            run_ok(t, &args);
            let r = run_json(t, &out);
            assert_eq!(r["shard"], spec.as_str());
            out
        })
        .collect()
}

fn merge(t: &TestDir, parts: &[&str], out: &str) -> std::process::Output {
    let mut args = vec!["merge"];
    args.extend_from_slice(parts);
    args.extend_from_slice(&["-o", out]);
    run_in(t.path(), &args)
}

/// Article ids and error paths of an output folder.
fn inputs_of(t: &TestDir, out: &str) -> Vec<String> {
    let mut v: Vec<String> = t.rows(out, "articles")[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    v.extend(
        t.rows(out, "errors")[1..]
            .iter()
            .map(|r| format!("{}#{}", r[0], r[1])),
    );
    v
}

#[test]
fn shards_partition_the_inputs_and_merged_shards_equal_a_full_run() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    for i in 0..30 {
        t.write(
            &format!("in/many/d{}/f{i:02}.txt", i % 4),
            format!("Story {i}. The mayor of Leeds said on Monday that {i} roads would close."),
        );
    }
    full_run(&t, &["in"], "full");
    let all: Vec<String> = inputs_of(&t, "full");

    for n in [1, 3, 4] {
        let parts = shard_runs(&t, &["in"], n);
        // each input in exactly one shard
        let mut union = Vec::new();
        for p in &parts {
            let mine = inputs_of(&t, p);
            if n > 1 {
                assert!(mine.len() < all.len(), "shard {p} of {n} took everything");
            }
            union.extend(mine);
        }
        let distinct: BTreeSet<&String> = union.iter().collect();
        assert_eq!(distinct.len(), union.len(), "an input is in two shards");
        assert_eq!(
            distinct,
            all.iter().collect::<BTreeSet<_>>(),
            "the shards miss inputs"
        );

        let names: Vec<&str> = parts.iter().map(String::as_str).collect();
        let o = merge(&t, &names, "merged");
        assert_eq!(code(&o), 3, "{}", stderr(&o)); // the corpus has failed inputs
        assert_same_tables(&t.join("merged"), &t.join("full"));
        let r = run_json(&t, "merged");
        assert_eq!(r["command"], "merge");
        assert_eq!(r["exit_status"], 3);
        assert_eq!(r["warnings"], serde_json::json!([]));
        let full = run_json(&t, "full");
        assert_eq!(r["counts"]["seen"], full["counts"]["seen"]);
        assert_eq!(r["rows"], full["rows"]);
        assert_eq!(r["failures_by_kind"], full["failures_by_kind"]);

        // the order of the folders on the command line does not matter
        let reversed: Vec<&str> = names.iter().rev().copied().collect();
        let o = merge(&t, &reversed, "merged-rev");
        assert_eq!(code(&o), 3, "{}", stderr(&o));
        assert_same_tables(&t.join("merged-rev"), &t.join("full"));
        for p in &parts {
            std::fs::remove_dir_all(t.join(p)).unwrap();
        }
    }
}

#[test]
fn shards_of_several_roots_merge_in_root_order() {
    let t = TestDir::new();
    tricky_corpus(&t, "zeta");
    t.write("alpha/a.txt", "The council of York met on Monday.");
    t.write("alpha/sub/b.txt", "Police in Hull said so.");
    t.write("single.txt", "A single file given on the command line.");
    let inputs = ["zeta", "alpha", "single.txt"];
    full_run(&t, &inputs, "full");
    let parts = shard_runs(&t, &inputs, 3);
    let names: Vec<&str> = parts.iter().map(String::as_str).collect();
    let o = merge(&t, &names, "merged");
    assert!(matches!(code(&o), 0 | 3), "{}", stderr(&o));
    assert_same_tables(&t.join("merged"), &t.join("full"));
}

#[test]
fn an_incomplete_set_of_shards_merges_with_a_warning() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    let parts = shard_runs(&t, &["in"], 3);
    let o = merge(&t, &[&parts[0], &parts[2]], "merged");
    assert!(matches!(code(&o), 0 | 3), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning"), "{}", stderr(&o));
    let r = run_json(&t, "merged");
    assert_eq!(r["warnings"].as_array().unwrap().len(), 1);
}

#[test]
fn merge_refuses_duplicates_and_mismatched_shards() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    let parts = shard_runs(&t, &["in"], 2);
    let refused = |args: &[&str], want: &str| {
        let o = merge(&t, args, "merged");
        assert_eq!(code(&o), 1, "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
        assert!(
            !t.join("merged/articles.csv").exists(),
            "a refused merge writes no tables"
        );
    };

    // The same shard twice, and a copy of a shard.
    refused(&[&parts[0], &parts[0]], "given twice");
    copy_dir(&t.join(&parts[0]), &t.join("copy"));
    refused(&[&parts[0], &parts[1], "copy"], "duplicate article ids");

    // A shard run by another extractor version.
    copy_dir(&t.join(&parts[1]), &t.join("old"));
    let manifest = t.join("old/manifest.jsonl");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let version = run_json(&t, &parts[1])["extractor_version"]
        .as_str()
        .unwrap()
        .to_string();
    std::fs::write(
        &manifest,
        text.replacen(&version, "0.0.9+data.0000000000000000", 1),
    )
    .unwrap();
    refused(&[&parts[0], "old"], "different extractor versions");

    // A shard whose tables have another header.
    copy_dir(&t.join(&parts[1]), &t.join("renamed"));
    let entities = t.join("renamed/entities.csv");
    let text = std::fs::read_to_string(&entities).unwrap();
    std::fs::write(&entities, text.replacen("article_id", "article_ID", 1)).unwrap();
    refused(&[&parts[0], "renamed"], "header");

    // A shard whose table was edited after the run.
    copy_dir(&t.join(&parts[1]), &t.join("edited"));
    let articles = t.join("edited/articles.csv");
    let mut text = std::fs::read_to_string(&articles).unwrap();
    text.push_str("extra,row\n");
    std::fs::write(&articles, text).unwrap();
    refused(&[&parts[0], "edited"], "articles.csv");

    // A shard run with other options.
    run_ok(
        &t,
        &[
            "run", "in", "-o", "excel", "-q", "--shard", "2/2", "--excel",
        ],
    );
    refused(&[&parts[0], "excel"], "cannot be merged");

    // Not an output folder at all.
    std::fs::create_dir_all(t.join("nothing")).unwrap();
    refused(&[&parts[0], "nothing"], "manifest.jsonl");

    // The output folder is one of the shards.
    let o = merge(&t, &[&parts[0], &parts[1]], &parts[0]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("one of the shard folders"),
        "{}",
        stderr(&o)
    );

    // Usage errors exit 2.
    for spec in ["0/2", "3/2", "x", "1/0"] {
        let o = run_in(t.path(), &["run", "in", "-o", "x", "--shard", spec]);
        assert_eq!(code(&o), 2, "{spec}: {}", stderr(&o));
    }
    let o = run_in(t.path(), &["merge", &parts[0]]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
}

#[test]
fn incremental_runs_build_on_shards_and_on_merged_tables() {
    let t = TestDir::new();
    tricky_corpus(&t, "in");
    age_all(&t.join("in"), 3600);
    let parts = shard_runs(&t, &["in"], 2);
    // A shard rerun with --incremental carries its own inputs over.
    run_ok(
        &t,
        &[
            "run",
            "in",
            "-o",
            &parts[0],
            "-q",
            "--shard",
            "1/2",
            "--incremental",
        ],
    );
    let r = run_json(&t, &parts[0]);
    assert_eq!(count(&r, "processed"), 0, "{r}");
    // The merged tables carry a manifest that a whole-corpus incremental run can use.
    let names: Vec<&str> = parts.iter().map(String::as_str).collect();
    let o = merge(&t, &names, "merged");
    assert!(matches!(code(&o), 0 | 3), "{}", stderr(&o));
    t.write("in/new.txt", "A new story. The mayor of Leeds spoke.");
    run_ok(&t, &["run", "in", "-o", "merged", "-q", "--incremental"]);
    let r = run_json(&t, "merged");
    assert_eq!(count(&r, "processed"), 1, "{r}");
    assert!(count(&r, "carried_over") > 0, "{r}");
    full_run(&t, &["in"], "full");
    assert_same_tables(&t.join("merged"), &t.join("full"));
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let name = e.file_name();
        if name.to_string_lossy().starts_with(".newsmine") {
            continue;
        }
        std::fs::copy(e.path(), to.join(name)).unwrap();
    }
}
