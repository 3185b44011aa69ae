//! Inputs the benchmarks share: the seed article and BBC articles from `../shared`, read at
//! run time so that the benchmarks build (and run on stand-ins) without the shared data.

use std::path::{Path, PathBuf};

fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel)
}

/// The seed article, or a stand-in of the same kind when `../shared` is absent.
pub fn seed() -> String {
    std::fs::read_to_string(shared("seed/000_7333f7b512f5e450.txt")).unwrap_or_else(|_| {
        "London mayor Sadiq Khan said on Monday: \"The state visit in October should be \
         cancelled.\" "
            .repeat(40)
    })
}

/// Up to 200 BBC articles, the first 40 of each topic by name (empty when the data is absent).
pub fn bbc() -> Vec<String> {
    let mut out = Vec::new();
    for topic in ["business", "politics", "sport", "tech", "entertainment"] {
        let Ok(dir) = std::fs::read_dir(shared("data/bbc-news").join(topic)) else {
            continue;
        };
        let mut files: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.into_iter().take(40) {
            if let Ok(bytes) = std::fs::read(&f) {
                out.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    out
}
