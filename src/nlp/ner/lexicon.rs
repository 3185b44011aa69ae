//! Word clusters and casing learned from unlabelled news (`scripts/build-clusters.py`), as the
//! trainer reads them. A trained model carries what it needs of them, so tagging does not
//! read these tables.

use super::features::{Casing, WordInfo, profile_bucket};
use rustc_hash::FxHashMap;

/// Clusters and casing of words.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    clusters: FxHashMap<String, [u16; 3]>,
    casing: FxHashMap<String, (String, u8)>,
}

impl Lexicon {
    /// Parses `word-clusters.tsv` (form, three cluster ids) and `casing.tsv` (lower, usual
    /// spelling, percent capitalised, count). Malformed lines are skipped.
    pub fn parse(clusters: &str, casing: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in clusters.lines() {
            let mut cols = line.split('\t');
            let (Some(w), Some(a), Some(b), Some(c)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            if let (Ok(a), Ok(b), Ok(c)) = (a.parse(), b.parse(), c.parse()) {
                lex.clusters.insert(w.to_string(), [a, b, c]);
            }
        }
        for line in casing.lines() {
            let mut cols = line.split('\t');
            let (Some(lower), Some(form), Some(pct)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            if let Ok(p) = pct.parse::<u32>() {
                lex.casing
                    .insert(lower.to_string(), (form.to_string(), profile_bucket(p)));
            }
        }
        lex
    }

    /// What the lexicon knows about `form`.
    pub fn info(&self, form: &str) -> WordInfo {
        let profile = if form.chars().any(char::is_alphabetic) && form.len() <= 64 {
            self.casing
                .get(form.to_lowercase().as_str())
                .map_or(0, |c| c.1)
        } else {
            0
        };
        WordInfo {
            clusters: self.clusters.get(form).copied(),
            profile,
        }
    }

    /// Every clustered form.
    pub fn clustered_forms(&self) -> impl Iterator<Item = &str> {
        self.clusters.keys().map(String::as_str)
    }

    /// Every (lower, usual spelling, profile) entry of the casing table.
    pub fn casing_entries(&self) -> impl Iterator<Item = (&str, &str, u8)> {
        self.casing
            .iter()
            .map(|(l, (f, p))| (l.as_str(), f.as_str(), *p))
    }
}

impl Casing for Lexicon {
    fn casing(&self, lower: &str) -> Option<(&str, u8)> {
        self.casing.get(lower).map(|(f, p)| (f.as_str(), *p))
    }
}
