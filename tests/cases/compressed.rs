//! Compressed inputs: `.gz` and `.zst` files are read as what they hold, and a decompression
//! bomb fails alone with a clear reason.

use crate::util::ops::run_ok;
use crate::util::{TestDir, code, run_in, stderr};
use std::io::Write;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

const FEED: &str = "{\"id\":\"r1\",\"title\":\"Storm\",\"text\":\"A storm hit Cornwall on Tuesday.\"}\n\
                    {\"id\":\"r2\",\"text\":\"Police in Bristol arrested two men.\"}\n";
const STORY: &str = "Port strike\n\nDock workers in Rotterdam walked out on Monday.\n";

#[test]
fn gz_and_zst_inputs_are_read_like_the_plain_files() {
    let t = TestDir::new();
    t.write("plain/feed.jsonl", FEED);
    t.write("plain/story.txt", STORY);
    t.write("plain/page.html", format!("<html><head><title>Port strike</title></head><body><article><p>{STORY}</p></article></body></html>"));
    t.write("packed/feed.jsonl.gz", gzip(FEED.as_bytes()));
    t.write(
        "packed/story.txt.zst",
        zstd::encode_all(STORY.as_bytes(), 3).unwrap(),
    );
    t.write(
        "packed/page.HTML.GZ",
        gzip(format!("<html><head><title>Port strike</title></head><body><article><p>{STORY}</p></article></body></html>").as_bytes()),
    );
    t.write("packed/notes.csv.gz", gzip(b"a,b,c"));
    run_ok(&t, &["run", "plain", "-o", "out-plain", "-q"]);
    let out = run_in(t.path(), &["run", "packed", "-o", "out-packed", "-q"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let plain = t.rows("out-plain", "articles");
    let packed = t.rows("out-packed", "articles");
    let ids: Vec<&str> = packed[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        [
            "feed.jsonl.gz#1",
            "feed.jsonl.gz#2",
            "page.HTML.GZ",
            "story.txt.zst"
        ]
    );
    // Everything but the id and path columns is the same as for the plain files.
    let strip = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
        let mut v: Vec<Vec<String>> = rows[1..].iter().map(|r| r[3..].to_vec()).collect();
        v.sort();
        v
    };
    assert_eq!(strip(&plain), strip(&packed));
    assert_eq!(t.rows("out-packed", "errors").len(), 1, "no errors");
}

#[test]
fn a_decompression_bomb_fails_alone_with_a_clear_reason() {
    let t = TestDir::new();
    t.write("in/bomb.txt.gz", gzip(&vec![0u8; 10_000_000]));
    t.write(
        "in/bomb.jsonl.zst",
        zstd::encode_all(&vec![b' '; 10_000_000][..], 19).unwrap(),
    );
    t.write("in/broken.txt.gz", b"this is not gzip data at all");
    t.write("in/good.txt.gz", gzip(STORY.as_bytes()));
    t.write("in/plain.txt", STORY);
    let out = run_in(
        t.path(),
        &["run", "in", "-o", "out", "--max-decompressed-size", "1MB"],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let ids: Vec<String> = t.rows("out", "articles")[1..]
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ids, ["good.txt.gz", "plain.txt"]);
    let errors = t.rows("out", "errors");
    let find = |name: &str| {
        errors
            .iter()
            .find(|r| r[0].ends_with(name))
            .unwrap_or_else(|| panic!("no error row for {name}: {errors:?}"))
            .clone()
    };
    for bomb in ["bomb.txt.gz", "bomb.jsonl.zst"] {
        let row = find(bomb);
        assert_eq!(row[3], "decompressed-too-large", "{row:?}");
        assert!(row[4].contains("1.0 MB"), "{row:?}");
        assert!(row[4].contains("--max-decompressed-size"), "{row:?}");
    }
    assert_eq!(find("broken.txt.gz")[3], "bad-compression");
    // The compressed size is what --max-file-size limits.
    let out = run_in(
        t.path(),
        &["run", "in", "-o", "out2", "-q", "--max-file-size", "1KB"],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let errors = t.rows("out2", "errors");
    assert!(
        errors
            .iter()
            .any(|r| r[0].ends_with("bomb.txt.gz") && r[3] == "too-large"),
        "{errors:?}"
    );
    assert!(
        !errors.iter().any(|r| r[0].ends_with("good.txt.gz")),
        "{errors:?}"
    );
}
