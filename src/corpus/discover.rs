//! Discovery: walks the input roots and streams the files to read, in a deterministic order.
//!
//! Entries are sorted by name within each folder, so the order and the article ids never depend
//! on the file system. Hidden files and folders are left out unless asked for; symbolic links
//! are not followed unless asked for, and walkdir refuses to walk into a loop.

use super::{InputError, Stage};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// What to look for while walking.
#[derive(Debug, Clone)]
pub struct DiscoverOptions {
    /// File name endings to keep, lower case, without the dot (`txt`, `jsonl`, `jsonl.gz`).
    pub extensions: Vec<String>,
    /// Also walk hidden files and folders (names starting with a dot).
    pub hidden: bool,
    /// Follow symbolic links.
    pub follow_links: bool,
}

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The file on disk.
    pub path: PathBuf,
    /// The path as written to the tables (the root as given, joined with the relative path).
    pub display_path: String,
    /// The article id of the file: its path relative to the input root, `/`-separated.
    pub id: String,
    /// The matched extension (lower case, from the `extensions` list).
    pub extension: String,
}

/// One thing found while walking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A file to read.
    File(InputFile),
    /// An entry that could not be walked or was left out with a reason.
    Error(InputError),
}

/// Walks `roots` and yields every matching file, lazily.
///
/// With several roots, article ids start with each root's own name so they stay distinct.
pub fn discover<'a>(
    roots: &'a [PathBuf],
    options: &'a DiscoverOptions,
) -> impl Iterator<Item = Found> + 'a {
    let prefix_roots = roots.len() > 1;
    roots
        .iter()
        .flat_map(move |root| walk_root(root, options, prefix_roots))
}

fn walk_root<'a>(
    root: &'a Path,
    options: &'a DiscoverOptions,
    prefix_root: bool,
) -> impl Iterator<Item = Found> + 'a {
    let root_is_file = root.is_file();
    let root_name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let canonical_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut walker = WalkDir::new(root)
        .follow_links(options.follow_links)
        .follow_root_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| e.depth() == 0 || options.hidden || !is_hidden(e.file_name()));
    std::iter::from_fn(move || {
        loop {
            let entry = match walker.next()? {
                Ok(e) => e,
                Err(err) => return Some(Found::Error(walk_error(root, err))),
            };
            let path = entry.path();
            let file_type = entry.file_type();
            if entry.path_is_symlink() && entry.depth() > 0 && options.follow_links {
                // Followed links must stay inside the input root.
                let target = std::fs::canonicalize(path).unwrap_or_default();
                if !target.starts_with(&canonical_root) {
                    if file_type.is_dir() {
                        walker.skip_current_dir();
                    }
                    return Some(Found::Error(InputError::skipped(
                        &to_slash(path),
                        Stage::Discover,
                        "symlink-outside",
                        "symbolic link to a place outside the input folder, not followed",
                    )));
                }
            }
            if file_type.is_dir() {
                continue;
            }
            let extension = matching_extension(entry.file_name(), &options.extensions);
            if file_type.is_symlink() {
                // Not followed: report links to folders and to files we would read.
                if extension.is_some() || path.is_dir() {
                    return Some(Found::Error(InputError::skipped(
                        &to_slash(path),
                        Stage::Discover,
                        "symlink",
                        "symbolic link not followed (use --follow-links to follow links)",
                    )));
                }
                continue;
            }
            let Some(extension) = extension else { continue };
            let display_path = to_slash(path);
            if !file_type.is_file() {
                return Some(Found::Error(InputError::skipped(
                    &display_path,
                    Stage::Discover,
                    "not-a-file",
                    "not a regular file (device, socket or pipe)",
                )));
            }
            let rel = if root_is_file {
                PathBuf::from(entry.file_name())
            } else {
                path.strip_prefix(root).unwrap_or(path).to_path_buf()
            };
            let mut id = to_slash(&rel);
            if prefix_root && !root_is_file {
                id = format!("{root_name}/{id}");
            }
            return Some(Found::File(InputFile {
                path: path.to_path_buf(),
                display_path,
                id,
                extension,
            }));
        }
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// The extension of `name` that is in `extensions`, preferring the longest (`jsonl.gz`).
pub fn matching_extension(name: &std::ffi::OsStr, extensions: &[String]) -> Option<String> {
    let name = name.to_string_lossy().to_lowercase();
    extensions
        .iter()
        .filter(|ext| {
            name.len() > ext.len() + 1
                && name.ends_with(ext.as_str())
                && name.as_bytes()[name.len() - ext.len() - 1] == b'.'
        })
        .max_by_key(|ext| ext.len())
        .cloned()
}

/// A path with `/` separators, lossy for names that are not UTF-8.
pub fn to_slash(path: &Path) -> String {
    let s = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

fn walk_error(root: &Path, err: walkdir::Error) -> InputError {
    let path = err.path().map(to_slash).unwrap_or_else(|| to_slash(root));
    if err.loop_ancestor().is_some() {
        return InputError::failed(
            &path,
            Stage::Discover,
            "symlink-loop",
            "symbolic link loop: the link points back into a folder above it",
        );
    }
    let kind = match err.io_error().map(|e| e.kind()) {
        Some(std::io::ErrorKind::PermissionDenied) => "permission-denied",
        Some(std::io::ErrorKind::NotFound) => "not-found",
        _ => "walk-error",
    };
    InputError::failed(&path, Stage::Discover, kind, err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn extension_matching_prefers_longest_and_ignores_case() {
        let exts: Vec<String> = ["json", "jsonl", "jsonl.gz", "txt"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            matching_extension(OsStr::new("Feed.JSONL.gz"), &exts).as_deref(),
            Some("jsonl.gz")
        );
        assert_eq!(
            matching_extension(OsStr::new("a.json"), &exts).as_deref(),
            Some("json")
        );
        assert_eq!(matching_extension(OsStr::new("txt"), &exts), None);
        assert_eq!(matching_extension(OsStr::new("a.csv"), &exts), None);
    }
}
