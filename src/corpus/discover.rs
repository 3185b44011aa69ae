//! Discovery: walks the input roots and streams the files to read, in a deterministic order.
//!
//! Entries are sorted by name within each folder, so the order and the article ids never depend
//! on the file system. Hidden files and folders are left out unless asked for; symbolic links
//! are not followed unless asked for, and walkdir refuses to walk into a loop.

use super::read::Compression;
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
    /// A folder never to walk into (the output folder, when it lies inside an input folder:
    /// its manifest and reports are not articles). Compared after resolving links.
    pub exclude: Option<PathBuf>,
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
    discover_units(roots, options).map(|d| d.found)
}

/// One thing found, with its place in the input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered {
    /// The index of its input root on the command line.
    pub root: u32,
    /// Its path relative to the root, `/`-separated (the file name when the root is a file).
    pub rel: String,
    /// The bytes of that path when they are not UTF-8 (`rel` is then a lossy rendering that
    /// may sort differently); `None` for the usual UTF-8 names.
    pub rel_raw: Option<Vec<u8>>,
    /// The name that `--shard` hashes: the file part of the article id (`rel`, prefixed with the
    /// root's name when there are several roots).
    pub shard_key: String,
    /// What was found.
    pub found: Found,
}

impl Discovered {
    /// The relative path's bytes, which [`input_order`] compares.
    pub fn order_key(&self) -> &[u8] {
        self.rel_raw.as_deref().unwrap_or(self.rel.as_bytes())
    }
}

/// Walks `roots` like [`discover`], telling where each item stands in the input order.
///
/// The order is that of [`input_order`]: by root, then by path components compared byte-wise,
/// which is the order walkdir yields when it sorts each folder by name.
pub fn discover_units<'a>(
    roots: &'a [PathBuf],
    options: &'a DiscoverOptions,
) -> impl Iterator<Item = Discovered> + 'a {
    let prefix_roots = roots.len() > 1;
    roots
        .iter()
        .enumerate()
        .flat_map(move |(i, root)| walk_root(root, i as u32, options, prefix_roots))
}

/// The input order of two items given by root index and relative path (its bytes, as
/// [`Discovered::order_key`]): the order in which discovery yields them. Paths compare
/// component by component (`a/b.txt` comes before `a.txt` and `a-b`, because the folder `a`
/// sorts before the names that extend it), byte by byte, as walkdir does when it sorts every
/// folder by name; a plain string comparison of whole paths would not.
pub fn input_order(a: (u32, &[u8]), b: (u32, &[u8])) -> std::cmp::Ordering {
    a.0.cmp(&b.0)
        .then_with(|| a.1.split(|&c| c == b'/').cmp(b.1.split(|&c| c == b'/')))
}

fn walk_root<'a>(
    root: &'a Path,
    root_index: u32,
    options: &'a DiscoverOptions,
    prefix_root: bool,
) -> impl Iterator<Item = Discovered> + 'a {
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
        .filter_entry(move |e| {
            e.depth() == 0
                || ((options.hidden || !is_hidden(e.file_name()))
                    && !is_excluded(e, options.exclude.as_deref()))
        });
    let id_prefix = (prefix_root && !root_is_file).then(|| format!("{root_name}/"));
    let unit = move |(rel, rel_raw): (String, Option<Vec<u8>>), found: Found| {
        let shard_key = if prefix_root && !root_is_file {
            format!("{root_name}/{rel}")
        } else {
            rel.clone()
        };
        Discovered {
            root: root_index,
            rel,
            rel_raw,
            shard_key,
            found,
        }
    };
    let relative = move |path: &Path| -> (String, Option<Vec<u8>>) {
        let rel = if root_is_file {
            path.file_name().map(Path::new).unwrap_or(path)
        } else {
            path.strip_prefix(root).unwrap_or(path)
        };
        let raw = rel.as_os_str().as_encoded_bytes();
        if std::str::from_utf8(raw).is_ok() {
            (to_slash(rel), None)
        } else {
            let mut raw = raw.to_vec();
            if std::path::MAIN_SEPARATOR != '/' {
                for b in raw.iter_mut() {
                    if *b == std::path::MAIN_SEPARATOR as u8 {
                        *b = b'/';
                    }
                }
            }
            (to_slash(rel), Some(raw))
        }
    };
    std::iter::from_fn(move || {
        loop {
            let entry = match walker.next()? {
                Ok(e) => e,
                Err(err) => {
                    let rel = err.path().map(relative).unwrap_or_default();
                    return Some(unit(rel, Found::Error(walk_error(root, err))));
                }
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
                    return Some(unit(
                        relative(path),
                        Found::Error(InputError::skipped(
                            &to_slash(path),
                            Stage::Discover,
                            "symlink-outside",
                            "symbolic link to a place outside the input folder, not followed",
                        )),
                    ));
                }
            }
            if file_type.is_dir() {
                continue;
            }
            let extension = matching_extension(entry.file_name(), &options.extensions);
            if file_type.is_symlink() {
                // Not followed: report links to folders and to files we would read.
                if extension.is_some() || path.is_dir() {
                    return Some(unit(
                        relative(path),
                        Found::Error(InputError::skipped(
                            &to_slash(path),
                            Stage::Discover,
                            "symlink",
                            "symbolic link not followed (use --follow-links to follow links)",
                        )),
                    ));
                }
                continue;
            }
            let Some(extension) = extension else { continue };
            let display_path = to_slash(path);
            if !file_type.is_file() {
                return Some(unit(
                    relative(path),
                    Found::Error(InputError::skipped(
                        &display_path,
                        Stage::Discover,
                        "not-a-file",
                        "not a regular file (device, socket or pipe)",
                    )),
                ));
            }
            let rel = relative(path);
            let id = match &id_prefix {
                Some(prefix) => format!("{prefix}{}", rel.0),
                None => rel.0.clone(),
            };
            return Some(unit(
                rel,
                Found::File(InputFile {
                    path: path.to_path_buf(),
                    display_path,
                    id,
                    extension,
                }),
            ));
        }
    })
}

/// True when `entry` is the folder `exclude` (an already canonical path).
fn is_excluded(entry: &walkdir::DirEntry, exclude: Option<&Path>) -> bool {
    let Some(exclude) = exclude else { return false };
    // Only a folder with the same name can be it: resolve nothing else.
    entry.file_type().is_dir()
        && exclude.file_name() == Some(entry.file_name())
        && std::fs::canonicalize(entry.path()).is_ok_and(|p| p == exclude)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// The extension of `name` that is in `extensions`, preferring the longest (`jsonl` over `l`).
///
/// A name compressed with gzip or zstd (`feed.jsonl.gz`, `a.txt.zst`) matches when the name
/// without `.gz` / `.zst` does; the extension returned never carries the compression suffix, so
/// it names the format inside (`jsonl`). Listing `jsonl.gz` itself works the same as `jsonl`.
pub fn matching_extension(name: &std::ffi::OsStr, extensions: &[String]) -> Option<String> {
    let name = name.to_string_lossy().to_lowercase();
    let base = Compression::strip(&name).0;
    extensions
        .iter()
        .map(|ext| Compression::strip(ext).0)
        .filter(|ext| !ext.is_empty() && has_extension(base, ext))
        .max_by_key(|ext| ext.len())
        .map(str::to_string)
}

fn has_extension(name: &str, ext: &str) -> bool {
    name.len() > ext.len() + 1
        && name.ends_with(ext)
        && name.as_bytes()[name.len() - ext.len() - 1] == b'.'
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
            Some("jsonl")
        );
        let plain: Vec<String> = ["txt", "json", "jsonl"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            matching_extension(OsStr::new("feed.jsonl.gz"), &plain).as_deref(),
            Some("jsonl")
        );
        assert_eq!(
            matching_extension(OsStr::new("a.TXT.zst"), &plain).as_deref(),
            Some("txt")
        );
        assert_eq!(matching_extension(OsStr::new("a.gz"), &plain), None);
        assert_eq!(matching_extension(OsStr::new("a.tar.gz"), &plain), None);
        assert_eq!(
            matching_extension(OsStr::new("a.json"), &exts).as_deref(),
            Some("json")
        );
        assert_eq!(matching_extension(OsStr::new("txt"), &exts), None);
        assert_eq!(matching_extension(OsStr::new("a.csv"), &exts), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Discovery yields files in exactly the order `input_order` defines, whatever the
        /// names (the assumption incremental runs and merge build on).
        #[test]
        fn discovery_follows_input_order(
            names in proptest::collection::vec("[ab.\\- é0]{1,3}(/[ab.\\-é]{1,3}){0,2}", 1..20)
        ) {
            let tmp = tempfile::tempdir().unwrap();
            let root = tmp.path().join("in");
            std::fs::create_dir_all(&root).unwrap();
            for name in &names {
                let path = root.join(format!("{name}.txt"));
                if let Some(parent) = path.parent()
                    && std::fs::create_dir_all(parent).is_ok()
                {
                    let _ = std::fs::write(&path, "x");
                }
            }
            let options = DiscoverOptions {
                extensions: vec!["txt".into()],
                hidden: true,
                follow_links: false,
                exclude: None,
            };
            let roots = vec![root.clone(), root];
            let found: Vec<Discovered> = discover_units(&roots, &options).collect();
            for pair in found.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                proptest::prop_assert_eq!(
                    input_order((a.root, a.order_key()), (b.root, b.order_key())),
                    std::cmp::Ordering::Less,
                    "{} then {}", a.rel, b.rel
                );
            }
        }
    }

    #[test]
    fn input_order_compares_components_not_strings() {
        use std::cmp::Ordering::*;
        let o = |a: (u32, &str), b: (u32, &str)| {
            input_order((a.0, a.1.as_bytes()), (b.0, b.1.as_bytes()))
        };
        assert_eq!(o((0, "a/b.txt"), (0, "a.txt")), Less);
        assert_eq!(o((0, "a/b.txt"), (0, "a-b")), Less);
        assert_eq!(o((0, "B.txt"), (0, "a.txt")), Less);
        assert_eq!(o((0, "z.txt"), (1, "a.txt")), Less);
        assert_eq!(o((0, "a/b"), (0, "a/b")), Equal);
        // raw bytes, not their lossy rendering (U+FFFD sorts before 0xF0)
        assert_eq!(input_order((0, b"\xf0\x9f\x98\x80"), (0, b"\xff")), Less);
    }
}
