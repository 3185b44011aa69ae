//! Build script: fingerprints the data files (word lists, trained model) embedded in the binary.
//!
//! Every file under `data/` (sorted paths and contents) is hashed with BLAKE3 into
//! `NEWSMINE_DATA_HASH`, so the extractor version changes whenever a model is retrained or a
//! word list edited, and incremental manifests written by an older extractor are not trusted.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // `data/` always exists in a checkout (data/.gitkeep): a missing path would make cargo
    // rerun this script, and rebuild the crate, on every build.
    println!("cargo:rerun-if-changed=data");
    let root = Path::new("data");
    let mut files = Vec::new();
    collect(root, &mut files);
    let mut rels: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap_or(&p)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            (rel, p)
        })
        .collect();
    rels.sort();
    let mut hasher = blake3::Hasher::new();
    for (rel, path) in &rels {
        let contents =
            std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        hasher.update(rel.as_bytes());
        hasher.update(&[0]);
        hasher.update(&(contents.len() as u64).to_le_bytes());
        hasher.update(&contents);
    }
    let hex = hasher.finalize().to_hex();
    println!("cargo:rustc-env=NEWSMINE_DATA_HASH={}", &hex.as_str()[..16]);
}

/// Every file below `dir`, recursively; nothing when `dir` does not exist.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
