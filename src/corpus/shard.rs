//! Shards: a deterministic part of the inputs, so that N machines or processes can share a
//! corpus with `--shard K/N` and `newsmine merge` can join their tables.
//!
//! An input belongs to shard `K` (1-based) of `N` when the BLAKE3 hash of its id's file part
//! (its path relative to the input folder) is `K - 1` modulo `N`. The hash is fixed, so every
//! machine agrees on the parts without talking to the others, and every input is in exactly
//! one shard.

use std::fmt;
use std::str::FromStr;

/// One part of `N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// The part, 1 ≤ k ≤ n.
    pub k: u32,
    /// The number of parts.
    pub n: u32,
}

impl Shard {
    /// True when the input with `key` (its relative path) belongs to this shard.
    pub fn contains(&self, key: &str) -> bool {
        shard_of(key, self.n) == self.k
    }
}

/// The 1-based shard of `N` that the input with `key` belongs to.
pub fn shard_of(key: &str, n: u32) -> u32 {
    let hash = blake3::hash(key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash.as_bytes()[..8]);
    (u64::from_le_bytes(first) % u64::from(n.max(1))) as u32 + 1
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.k, self.n)
    }
}

impl FromStr for Shard {
    type Err = String;

    /// Parses `K/N` with 1 ≤ K ≤ N.
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("invalid shard '{s}': expected K/N with 1 ≤ K ≤ N, e.g. 2/8");
        let (k, n) = s.trim().split_once('/').ok_or_else(bad)?;
        let k: u32 = k.trim().parse().map_err(|_| bad())?;
        let n: u32 = n.trim().parse().map_err(|_| bad())?;
        if k == 0 || n == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard { k, n })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display() {
        assert_eq!("2/8".parse(), Ok(Shard { k: 2, n: 8 }));
        assert_eq!(Shard { k: 1, n: 1 }.to_string(), "1/1");
        for bad in ["0/4", "5/4", "1/0", "x/4", "3", "1/2/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_key_is_in_exactly_one_shard() {
        let n = 5;
        let mut sizes = [0u32; 5];
        for i in 0..1000 {
            let key = format!("d{}/file{i}.txt", i % 7);
            let owners: Vec<u32> = (1..=n).filter(|&k| Shard { k, n }.contains(&key)).collect();
            assert_eq!(owners.len(), 1);
            sizes[owners[0] as usize - 1] += 1;
        }
        assert!(sizes.iter().all(|&s| s > 150), "{sizes:?}");
        assert_eq!(shard_of("a.txt", 1), 1);
    }
}
