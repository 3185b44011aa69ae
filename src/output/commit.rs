//! The output folder: one run at a time, and tables replaced only when a run completes.
//!
//! A run takes an OS file lock on `.newsmine.lock` (released by the OS if the process dies),
//! writes every table to a hidden temporary file beside it, and renames them into place only
//! after all are complete and synced. A run killed before that leaves the previous tables whole;
//! its leftover temporary files are removed by the next run.
//!
//! The renames themselves are made all-or-nothing with a journal: before the first rename the
//! list of renames is written (atomically) to `.newsmine-commit`, and removed after the last.
//! A run killed between the two leaves the journal, and the next run that opens the folder
//! finishes the renames before anything else. So the tables, the manifest and `run.json` in the
//! folder always come from one and the same run, whenever the process is killed.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The lock file's name inside the output folder.
pub const LOCK_FILE: &str = ".newsmine.lock";
/// The commit journal's name inside the output folder.
pub const JOURNAL_FILE: &str = ".newsmine-commit";
const TEMP_PREFIX: &str = ".newsmine-tmp-";

/// Why the output folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The folder could not be created or written.
    #[error("cannot use output folder {path}: {source}")]
    Unwritable {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Another run holds the lock.
    #[error(
        "another newsmine run is using the output folder {0} (it holds {LOCK_FILE}); \
         wait for it to finish or choose another --output"
    )]
    Locked(PathBuf),
    /// Writing or committing a table failed.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// An output folder held by this run.
#[derive(Debug)]
pub struct OutputDir {
    dir: PathBuf,
    // Held for its lock; the OS releases it when the file is closed or the process dies.
    _lock: File,
    pending: Vec<(PathBuf, PathBuf)>,
}

impl OutputDir {
    /// Creates the folder if needed, takes its lock and removes temporary files that a killed
    /// run left behind.
    pub fn open(dir: &Path) -> Result<OutputDir, OutputError> {
        let unwritable = |source| OutputError::Unwritable {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(unwritable)?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .map_err(unwritable)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(OutputError::Locked(dir.to_path_buf()));
            }
            Err(fs::TryLockError::Error(e)) => return Err(unwritable(e)),
        }
        finish_interrupted_commit(dir).map_err(unwritable)?;
        if let Ok(entries) = fs::read_dir(dir) {
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
        Ok(OutputDir {
            dir: dir.to_path_buf(),
            _lock: lock,
            pending: Vec::new(),
        })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Creates a temporary file that [`commit`](Self::commit) will rename to `name`.
    pub fn create(&mut self, name: &str) -> Result<BufWriter<File>, OutputError> {
        let temp = self
            .dir
            .join(format!("{TEMP_PREFIX}{}-{name}", std::process::id()));
        let file = File::create(&temp).map_err(|source| OutputError::Write {
            path: temp.clone(),
            source,
        })?;
        self.pending.push((temp, self.dir.join(name)));
        Ok(BufWriter::with_capacity(256 * 1024, file))
    }

    /// Syncs `files` (as returned by [`create`](Self::create), flushed) and renames every
    /// temporary file into place, all or nothing (see the module notes on the journal).
    pub fn commit(mut self, files: Vec<BufWriter<File>>) -> Result<(), OutputError> {
        for w in files {
            let file = w.into_inner().map_err(|e| OutputError::Write {
                path: self.dir.clone(),
                source: e.into_error(),
            })?;
            file.sync_all().map_err(|source| OutputError::Write {
                path: self.dir.clone(),
                source,
            })?;
        }
        let mut journal = String::new();
        for (temp, target) in &self.pending {
            journal.push_str(&file_name(temp));
            journal.push('\t');
            journal.push_str(&file_name(target));
            journal.push('\n');
        }
        self.write_file_now(JOURNAL_FILE, journal.as_bytes())?;
        sync_dir(&self.dir);
        for (temp, target) in self.pending.drain(..) {
            fs::rename(&temp, &target).map_err(|source| OutputError::Write {
                path: target.clone(),
                source,
            })?;
        }
        // Make the renames durable before the journal goes.
        sync_dir(&self.dir);
        let journal = self.dir.join(JOURNAL_FILE);
        fs::remove_file(&journal).map_err(|source| OutputError::Write {
            path: journal,
            source,
        })?;
        sync_dir(&self.dir);
        Ok(())
    }

    /// Removes the temporary files created so far, leaving the folder as it was; the folder
    /// stays locked and new files can be created.
    pub fn discard(&mut self) {
        for (temp, _) in self.pending.drain(..) {
            let _ = fs::remove_file(temp);
        }
    }

    /// Writes `contents` to `name` atomically (temporary file, sync, rename).
    pub fn write_file_now(&self, name: &str, contents: &[u8]) -> Result<(), OutputError> {
        let temp = self
            .dir
            .join(format!("{TEMP_PREFIX}{}-{name}", std::process::id()));
        let err = |source| OutputError::Write {
            path: self.dir.join(name),
            source,
        };
        let mut f = File::create(&temp).map_err(err)?;
        f.write_all(contents).map_err(err)?;
        f.sync_all().map_err(err)?;
        fs::rename(&temp, self.dir.join(name)).map_err(err)?;
        Ok(())
    }
}

/// A file name as text (the names here are ours and plain ASCII).
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Completes the renames of a commit that was interrupted, if the journal says there was one.
fn finish_interrupted_commit(dir: &Path) -> std::io::Result<()> {
    let journal = dir.join(JOURNAL_FILE);
    let text = match fs::read_to_string(&journal) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for line in text.lines() {
        let Some((temp, target)) = line.split_once('\t') else {
            continue;
        };
        let plain = |n: &str| !n.is_empty() && !n.contains(['/', '\\']) && n != "." && n != "..";
        if !temp.starts_with(TEMP_PREFIX) || !plain(temp) || !plain(target) {
            continue;
        }
        let temp = dir.join(temp);
        if temp.exists() {
            fs::rename(&temp, dir.join(target))?;
        }
    }
    sync_dir(dir);
    fs::remove_file(&journal)?;
    sync_dir(dir);
    Ok(())
}

impl Drop for OutputDir {
    fn drop(&mut self) {
        // A run that did not commit leaves the previous tables as they were.
        for (temp, _) in self.pending.drain(..) {
            let _ = fs::remove_file(temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_refuses_second_holder_and_commit_replaces() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("out");
        let mut first = OutputDir::open(&dir).unwrap();
        assert!(matches!(OutputDir::open(&dir), Err(OutputError::Locked(_))));
        let mut w = first.create("a.csv").unwrap();
        w.write_all(b"new").unwrap();
        fs::write(dir.join("a.csv"), b"old").unwrap();
        assert_eq!(fs::read(dir.join("a.csv")).unwrap(), b"old");
        first.commit(vec![w]).unwrap();
        assert_eq!(fs::read(dir.join("a.csv")).unwrap(), b"new");
        // lock released with the OutputDir
        let mut second = OutputDir::open(&dir).unwrap();
        let w = second.create("a.csv").unwrap();
        drop(w);
        drop(second); // not committed: previous table stays, temp removed
        assert_eq!(fs::read(dir.join("a.csv")).unwrap(), b"new");
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn an_interrupted_commit_is_finished_by_the_next_open() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("out");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("a.csv"), b"old a").unwrap();
        fs::write(dir.join("b.csv"), b"old b").unwrap();
        // A commit killed after renaming a.csv but before b.csv.
        fs::write(dir.join("a.csv"), b"new a").unwrap();
        fs::write(dir.join(".newsmine-tmp-1-b.csv"), b"new b").unwrap();
        fs::write(dir.join(".newsmine-tmp-1-c.csv"), b"stray").unwrap();
        fs::write(
            dir.join(JOURNAL_FILE),
            ".newsmine-tmp-1-a.csv\ta.csv\n.newsmine-tmp-1-b.csv\tb.csv\n",
        )
        .unwrap();
        let out = OutputDir::open(&dir).unwrap();
        assert_eq!(fs::read(dir.join("a.csv")).unwrap(), b"new a");
        assert_eq!(fs::read(dir.join("b.csv")).unwrap(), b"new b");
        assert!(!dir.join(JOURNAL_FILE).exists());
        assert!(!dir.join(".newsmine-tmp-1-c.csv").exists());
        drop(out);
    }

    #[test]
    fn discard_removes_temporaries_and_keeps_the_lock() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("out");
        let mut out = OutputDir::open(&dir).unwrap();
        let w = out.create("a.csv").unwrap();
        drop(w);
        out.discard();
        assert!(matches!(OutputDir::open(&dir), Err(OutputError::Locked(_))));
        let mut w = out.create("a.csv").unwrap();
        w.write_all(b"x").unwrap();
        out.commit(vec![w]).unwrap();
        assert_eq!(fs::read(dir.join("a.csv")).unwrap(), b"x");
        let names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !names.iter().any(|n| n.starts_with(TEMP_PREFIX)),
            "{names:?}"
        );
    }
}
