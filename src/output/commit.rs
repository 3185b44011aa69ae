//! The output folder: one run at a time, and tables replaced only when a run completes.
//!
//! A run takes an OS file lock on `.newsmine.lock` (released by the OS if the process dies),
//! writes every table to a hidden temporary file beside it, and renames them into place only
//! after all are complete and synced. A run killed at any moment therefore leaves the previous
//! tables whole; its leftover temporary files are removed by the next run.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The lock file's name inside the output folder.
pub const LOCK_FILE: &str = ".newsmine.lock";
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
    /// temporary file into place.
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
        for (temp, target) in self.pending.drain(..) {
            fs::rename(&temp, &target).map_err(|source| OutputError::Write {
                path: target.clone(),
                source,
            })?;
        }
        // Make the renames durable.
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
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
}
