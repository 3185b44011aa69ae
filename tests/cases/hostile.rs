//! A hostile folder: every input is accounted for, nothing panics, the run goes on.

use crate::util::{TestDir, code, run_in, stderr};

/// Builds the hostile corpus and returns the folder.
fn hostile() -> TestDir {
    let t = TestDir::new();
    t.write(
        "in/good.txt",
        "Storm hits coast\n\nA storm hit the coast of Cornwall on Tuesday.\n",
    );
    t.write("in/empty.txt", "");
    t.write(
        "in/binary.txt",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00>\x00",
    );
    t.write(
        "in/invalid-utf8.txt",
        b"The mayor said \xff\xfe the plan was \xc3\xa9l\xc3\xa9gant and fine.\n".as_slice(),
    );
    t.write(
        "in/latin1.txt",
        b"Caf\xe9 owners in M\xfcnster said the new rules were unfair.\n".as_slice(),
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "The minister said on Friday that talks would resume.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    t.write("in/utf16.txt", utf16);
    t.write("in/big.txt", "word ".repeat(400));
    t.write("in/malformed.json", "{\"title\": \"x\", \"text\": ");
    t.write(
        "in/feed.jsonl",
        "{\"id\":\"r1\",\"text\":\"Police arrested two men in Bristol.\"}\n\
         {\"id\":\"r2\",\"text\": oops}\n\
         {\"id\":\"r3\",\"text\":\"Shares rose in Tokyo on Monday.\"}\n",
    );
    t.write(
        "in/with spaces.txt",
        "A file name with spaces still counts.",
    );
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"odd-\xff-name.txt");
        std::fs::write(t.join("in").join(name), "An odd file name, not UTF-8.").unwrap();
        std::os::unix::fs::symlink(".", t.join("in/sub-loop")).unwrap();
        std::fs::create_dir_all(t.join("in/deep")).unwrap();
        std::os::unix::fs::symlink("../", t.join("in/deep/up")).unwrap();
        t.write("elsewhere/outside.txt", "Outside the input folder.");
        std::os::unix::fs::symlink("../elsewhere", t.join("in/outside")).unwrap();
    }
    let mut deep = String::from("in/nest");
    for i in 0..20 {
        deep.push_str(&format!("/level{i}"));
    }
    t.write(
        &format!("{deep}/deep.txt"),
        "Twenty folders down, the article is still read.",
    );
    t.write(
        "in/.hidden/secret.txt",
        "Hidden files are skipped unless asked for.",
    );
    t.write("in/notes.csv", "not,an,article");
    t
}

fn summary_counts(err: &str) -> (u64, u64, u64, u64) {
    let nums: Vec<u64> = ["seen", "processed", "skipped", "failed"]
        .iter()
        .map(|w| {
            let i = err
                .find(&format!(" {w}"))
                .unwrap_or_else(|| panic!("no '{w}' in {err}"));
            let head = &err[..i];
            let start = head
                .rfind(|c: char| !c.is_ascii_digit())
                .map_or(0, |p| p + 1);
            head[start..].parse().unwrap()
        })
        .collect();
    (nums[0], nums[1], nums[2], nums[3])
}

#[test]
fn every_input_is_accounted_for_and_exit_is_3() {
    let t = hostile();
    let out = run_in(
        t.path(),
        &["run", "in", "-o", "out", "--max-file-size", "1KB"],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let (seen, processed, skipped, failed) = summary_counts(&stderr(&out));
    assert_eq!(seen, processed + skipped + failed);

    let articles = t.rows("out", "articles");
    let errors = t.rows("out", "errors");
    assert_eq!(articles.len() as u64 - 1, processed);
    assert_eq!(errors.len() as u64 - 1, skipped + failed);

    let ids: Vec<&str> = articles[1..].iter().map(|r| r[0].as_str()).collect();
    for want in [
        "good.txt",
        "invalid-utf8.txt",
        "latin1.txt",
        "utf16.txt",
        "feed.jsonl#1",
        "feed.jsonl#3",
        "with spaces.txt",
        "odd-\u{FFFD}-name.txt",
    ] {
        assert!(ids.contains(&want), "{want} missing from {ids:?}");
    }
    assert!(
        ids.iter().any(|id| id.ends_with("level19/deep.txt")),
        "{ids:?}"
    );
    assert!(
        !ids.iter()
            .any(|id| id.contains("secret") || id.contains("notes"))
    );

    let kind_of = |file: &str| -> Vec<(String, String, String)> {
        errors[1..]
            .iter()
            .filter(|r| r[0].ends_with(file))
            .map(|r| (r[1].clone(), r[2].clone(), r[3].clone()))
            .collect()
    };
    let e = |record: &str, stage: &str, kind: &str| {
        vec![(record.to_string(), stage.to_string(), kind.to_string())]
    };
    assert_eq!(kind_of("empty.txt"), e("", "read", "empty"));
    assert_eq!(kind_of("binary.txt"), e("", "decode", "binary"));
    assert_eq!(kind_of("big.txt"), e("", "read", "too-large"));
    assert_eq!(kind_of("malformed.json"), e("", "parse", "malformed-json"));
    assert_eq!(kind_of("feed.jsonl"), e("2", "parse", "malformed-json"));
    let feed_err = errors
        .iter()
        .find(|r| r[0].ends_with("feed.jsonl"))
        .unwrap();
    assert!(feed_err[4].starts_with("line 2"), "{feed_err:?}");
    #[cfg(unix)]
    {
        assert_eq!(kind_of("sub-loop"), e("", "discover", "symlink"));
        assert_eq!(kind_of("deep/up"), e("", "discover", "symlink"));
        assert_eq!(kind_of("in/outside"), e("", "discover", "symlink"));
    }

    // Decoded text is right, not mojibake.
    let latin = articles.iter().find(|r| r[0] == "latin1.txt").unwrap();
    assert_eq!(latin[9], "55", "chars of the Latin-1 article");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_when_following_links() {
    let t = hostile();
    let out = run_in(
        t.path(),
        &["run", "in", "-o", "out", "--follow-links", "--quiet"],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let errors = t.rows("out", "errors");
    let loops: Vec<&Vec<String>> = errors.iter().filter(|r| r[3] == "symlink-loop").collect();
    assert_eq!(loops.len(), 2, "{errors:?}");
    let outside: Vec<&Vec<String>> = errors
        .iter()
        .filter(|r| r[3] == "symlink-outside")
        .collect();
    assert_eq!(outside.len(), 1, "{errors:?}");
    // Each real file is read once, not once per loop.
    let articles = t.rows("out", "articles");
    assert_eq!(articles.iter().filter(|r| r[0] == "good.txt").count(), 1);
}

#[test]
fn hidden_files_on_request() {
    let t = hostile();
    let out = run_in(t.path(), &["run", "in", "-o", "out", "--hidden", "-q"]);
    assert_eq!(code(&out), 3);
    let articles = t.table("out", "articles");
    assert!(articles.contains(".hidden/secret.txt"), "{articles}");
}

#[test]
fn extension_list_is_respected() {
    let t = hostile();
    let out = run_in(t.path(), &["run", "in", "-o", "out", "--ext", "csv", "-q"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let articles = t.rows("out", "articles");
    assert_eq!(articles.len(), 2, "{articles:?}");
    assert_eq!(articles[1][0], "notes.csv");
}
