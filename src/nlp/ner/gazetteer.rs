//! Name lists (countries, cities, first names, organisation words, …) and their matches in a
//! sentence, as features for the tagger. The lists are built by `scripts/build-gazetteers.py`
//! (sources in `data/README.md`) and embedded in the binary.

use super::hash::Fnv;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The lists, in feature order.
const LISTS: [&str; 11] = [
    include_str!("../../../data/gazetteers/countries.txt"),
    include_str!("../../../data/gazetteers/capitals.txt"),
    include_str!("../../../data/gazetteers/cities.txt"),
    include_str!("../../../data/gazetteers/regions.txt"),
    include_str!("../../../data/gazetteers/demonyms.txt"),
    include_str!("../../../data/gazetteers/first_names.txt"),
    include_str!("../../../data/gazetteers/surnames.txt"),
    include_str!("../../../data/gazetteers/org_words.txt"),
    include_str!("../../../data/gazetteers/titles.txt"),
    include_str!("../../../data/gazetteers/place_words.txt"),
    include_str!("../../../data/gazetteers/companies.txt"),
];

/// The number of lists.
pub const N_LISTS: usize = LISTS.len();

/// The longest entry, in tokens.
const MAX_TOKENS: usize = 5;

/// Set in a value when the key is the start of a longer entry.
const PREFIX_BIT: u64 = 1 << 63;

/// Token separator inside a phrase hash.
const SEPARATOR: u8 = 0x1f;

/// Every list entry (hashed token by token) with the lists it is in.
#[derive(Debug)]
pub struct Gazetteer {
    entries: FxHashMap<u64, u64>,
}

impl Gazetteer {
    /// The embedded lists (built once).
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_lists(&LISTS))
    }

    /// Builds the index from lists with one entry a line.
    pub fn from_lists(lists: &[&str]) -> Gazetteer {
        let mut entries: FxHashMap<u64, u64> = FxHashMap::default();
        for (li, list) in lists.iter().enumerate() {
            for line in list.lines() {
                let words: Vec<&str> = line.split_whitespace().collect();
                if words.is_empty() || words.len() > MAX_TOKENS {
                    continue;
                }
                let mut h = Fnv::new();
                for (wi, w) in words.iter().enumerate() {
                    if wi > 0 {
                        h = h.byte(SEPARATOR);
                    }
                    h = h.bytes(w.as_bytes());
                    let bits = if wi + 1 == words.len() {
                        1u64 << li
                    } else {
                        PREFIX_BIT
                    };
                    *entries.entry(h.finish()).or_insert(0) |= bits;
                }
            }
        }
        Gazetteer { entries }
    }

    /// For each token, a bit set of `list * 4 + part` (part 0 begin, 1 inside, 2 last,
    /// 3 unit) for every list entry the token is part of. Linear in the number of tokens.
    pub fn matches<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<u64> {
        let mut out = vec![0u64; tokens.len()];
        self.matches_into(
            tokens.len(),
            |i| tokens[i].as_ref(),
            |i| self.first(tokens[i].as_ref()),
            &mut out,
        );
        out
    }

    /// What the entry table holds for a phrase that starts with `token`: the lists of the
    /// one-token entry and `PREFIX_BIT` when longer entries start with it (0 when nothing).
    /// Depends on the token only, so a caller may cache it per word.
    pub fn first(&self, token: &str) -> u64 {
        self.entries
            .get(&Fnv::new().bytes(token.as_bytes()).finish())
            .copied()
            .unwrap_or(0)
    }

    /// [`Gazetteer::matches`] over `n` tokens given by `text`, with `first(i)` the value of
    /// [`Gazetteer::first`] for token `i` (cached by the caller), into `out` (`n` zeros).
    pub fn matches_into<'t>(
        &self,
        n: usize,
        text: impl Fn(usize) -> &'t str,
        first: impl Fn(usize) -> u64,
        out: &mut [u64],
    ) {
        for i in 0..n {
            let bits = first(i);
            if bits == 0 {
                continue;
            }
            mark(out, i, i, bits);
            if bits & PREFIX_BIT == 0 {
                continue;
            }
            let mut h = Fnv::new().bytes(text(i).as_bytes());
            for j in i + 1..n.min(i + MAX_TOKENS) {
                h = h.byte(SEPARATOR).bytes(text(j).as_bytes());
                let Some(&bits) = self.entries.get(&h.finish()) else {
                    break;
                };
                mark(out, i, j, bits);
                if bits & PREFIX_BIT == 0 {
                    break;
                }
            }
        }
    }
}

/// Marks tokens `i..=j` as an entry of the lists in `bits`.
fn mark(out: &mut [u64], i: usize, j: usize, bits: u64) {
    let lists = bits & !PREFIX_BIT;
    for li in 0..N_LISTS {
        if lists & (1 << li) == 0 {
            continue;
        }
        let base = li * 4;
        if i == j {
            out[i] |= 1 << (base + 3);
        } else {
            out[i] |= 1 << base;
            for o in &mut out[i + 1..j] {
                *o |= 1 << (base + 1);
            }
            out[j] |= 1 << (base + 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_multi_token_entries() {
        let g = Gazetteer::from_lists(&["New York\nYork\n", "Sadiq\n"]);
        let m = g.matches(&["Sadiq", "in", "New", "York", "."]);
        assert_eq!(m[0], 1 << (4 + 3));
        assert_eq!(m[1], 0);
        assert_eq!(m[2], 1 << 0);
        assert_eq!(m[3], (1 << 2) | (1 << 3));
    }

    #[test]
    fn embedded_lists_know_london() {
        let m = Gazetteer::embedded().matches(&["London"]);
        assert_ne!(m[0], 0);
    }
}
