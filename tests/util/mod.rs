//! Test helpers: a temporary folder per test, a way to write files into it, and a runner for
//! the real `newsmine` binary.

#![allow(dead_code)]

pub mod ops;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder that a test builds its corpus in.
pub struct TestDir {
    dir: tempfile::TempDir,
}

impl TestDir {
    /// A new empty folder.
    pub fn new() -> TestDir {
        TestDir {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `rel` inside the folder.
    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes `contents` to `rel`, creating folders as needed.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&p, contents).expect("write file");
        p
    }

    /// Reads a table of the output folder `out` as text.
    pub fn table(&self, out: &str, name: &str) -> String {
        std::fs::read_to_string(self.join(out).join(format!("{name}.csv")))
            .unwrap_or_else(|e| panic!("read {name}.csv: {e}"))
    }

    /// Reads a table as rows of fields (header included).
    pub fn rows(&self, out: &str, name: &str) -> Vec<Vec<String>> {
        read_csv(&self.join(out).join(format!("{name}.csv")))
    }
}

/// Reads a CSV file as rows of fields (header included).
pub fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    r.records()
        .map(|rec| {
            rec.expect("well-formed CSV")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// The `newsmine` binary under test.
pub fn newsmine() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsmine"))
}

/// Runs `newsmine` with `args` in `cwd` and returns its output.
pub fn run_in(cwd: &Path, args: &[&str]) -> Output {
    newsmine()
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run newsmine")
}

/// The exit code of `out`, or -1 when killed by a signal.
pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// Stderr of `out` as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The project's shared data folder (`../shared` beside the checkout), if present.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// The project's root folder.
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every table of the output folder `out`, as (name, bytes), sorted; lock and temporaries left
/// out.
pub fn table_bytes(out: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(out)
        .expect("output folder")
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(".csv") && !name.starts_with('.')
        })
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read table"),
            )
        })
        .collect();
    files.sort();
    files
}
