//! Bounded counting: the most frequent keys of a stream of any length in fixed memory.
//!
//! [`SpaceSaving`] is the Space-Saving algorithm (Metwally, Agrawal and El Abbadi, 2005): it
//! keeps at most `capacity` counters. A key already counted is incremented; a new key, when every
//! counter is taken, replaces the key with the smallest count and inherits that count as its
//! possible overestimate (`error`). So every count is an upper bound, `count - error` a lower
//! bound, and any key seen more than `total / capacity` times is guaranteed to be kept. Until
//! more than `capacity` distinct keys arrive nothing is evicted and every count is exact.
//!
//! [`SmallCounter`] counts keys from a small vocabulary exactly (event types, languages, error
//! kinds) and lumps keys past its cap into one "other" bucket, so a hostile table cannot grow it.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::Arc;

/// One counter of a [`SpaceSaving`] summary.
#[derive(Debug, Clone)]
pub struct Slot<P> {
    /// The key.
    pub key: Arc<str>,
    /// Its count: exact when `error` is 0, otherwise an upper bound.
    pub count: u64,
    /// How much of `count` may belong to keys this slot counted before (0: exact).
    pub error: u64,
    /// Data kept with the key (a sample quote); reset when the slot changes key.
    pub payload: P,
}

impl<P> Slot<P> {
    /// The count the key certainly has.
    pub fn guaranteed(&self) -> u64 {
        self.count - self.error
    }
}

/// The Space-Saving heavy-hitters summary with a payload per key.
#[derive(Debug)]
pub struct SpaceSaving<P> {
    capacity: usize,
    index: HashMap<Arc<str>, usize>,
    slots: Vec<Slot<P>>,
    // One entry per slot, holding a count that is at most the slot's current count (it is
    // refreshed lazily when it reaches the top), so the true minimum is found without
    // touching the heap on every increment.
    heap: BinaryHeap<Reverse<(u64, usize)>>,
    total: u64,
    evictions: u64,
}

impl<P: Default> SpaceSaving<P> {
    /// An empty summary with room for `capacity` keys (at least 1).
    pub fn new(capacity: usize) -> SpaceSaving<P> {
        SpaceSaving {
            capacity: capacity.max(1),
            index: HashMap::new(),
            slots: Vec::new(),
            heap: BinaryHeap::new(),
            total: 0,
            evictions: 0,
        }
    }

    /// Counts `key` `weight` more times and returns its slot, with `true` when the slot has just
    /// started counting this key (so its payload is fresh).
    pub fn add(&mut self, key: &str, weight: u64) -> (&mut Slot<P>, bool) {
        self.total += weight;
        if let Some(&i) = self.index.get(key) {
            let slot = &mut self.slots[i];
            slot.count += weight;
            return (slot, false);
        }
        let key: Arc<str> = Arc::from(key);
        if self.slots.len() < self.capacity {
            let i = self.slots.len();
            self.slots.push(Slot {
                key: Arc::clone(&key),
                count: weight,
                error: 0,
                payload: P::default(),
            });
            self.heap.push(Reverse((weight, i)));
            self.index.insert(key, i);
            return (&mut self.slots[i], true);
        }
        let i = self.pop_min();
        let min = self.slots[i].count;
        self.index.remove(&self.slots[i].key);
        self.evictions += 1;
        self.slots[i] = Slot {
            key: Arc::clone(&key),
            count: min + weight,
            error: min,
            payload: P::default(),
        };
        self.heap.push(Reverse((min + weight, i)));
        self.index.insert(key, i);
        (&mut self.slots[i], true)
    }

    /// Removes and returns the slot with the smallest count from the heap.
    fn pop_min(&mut self) -> usize {
        while let Some(Reverse((stored, i))) = self.heap.pop() {
            let now = self.slots[i].count;
            if stored == now {
                return i;
            }
            self.heap.push(Reverse((now, i)));
        }
        unreachable!("the heap holds one entry per slot and the summary is full")
    }
}

impl<P> SpaceSaving<P> {
    /// The `n` keys with the highest counts, highest first (ties by key, for a stable report).
    pub fn top(&self, n: usize) -> Vec<&Slot<P>> {
        let mut all: Vec<&Slot<P>> = self.slots.iter().collect();
        all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        all.truncate(n);
        all
    }

    /// The sum of all weights added.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Whether every count is exact (no key was ever evicted).
    pub fn is_exact(&self) -> bool {
        self.evictions == 0
    }

    /// The number of counters in use.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

/// The key that [`SmallCounter`] counts keys past its cap under.
pub const OTHER: &str = "(other)";

/// Exact counts of a small vocabulary, with keys past the cap counted as [`OTHER`].
#[derive(Debug, Clone, Default)]
pub struct SmallCounter {
    cap: usize,
    counts: HashMap<String, u64>,
}

impl SmallCounter {
    /// A counter that keeps at most `cap` distinct keys (plus [`OTHER`]).
    pub fn new(cap: usize) -> SmallCounter {
        SmallCounter {
            cap,
            counts: HashMap::new(),
        }
    }

    /// Counts `key` once and returns the key it was counted under (`key` or [`OTHER`]).
    pub fn add<'k>(&mut self, key: &'k str) -> &'k str {
        if let Some(n) = self.counts.get_mut(key) {
            *n += 1;
            return key;
        }
        if self.counts.len() < self.cap {
            self.counts.insert(key.to_string(), 1);
            return key;
        }
        *self.counts.entry(OTHER.to_string()).or_insert(0) += 1;
        OTHER
    }

    /// Every key with its count, highest first (ties by key).
    pub fn sorted(&self) -> Vec<(&str, u64)> {
        let mut v: Vec<(&str, u64)> = self.counts.iter().map(|(k, n)| (k.as_str(), *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        v
    }

    /// The count of `key`.
    pub fn get(&self, key: &str) -> u64 {
        self.counts.get(key).copied().unwrap_or(0)
    }

    /// The sum of all counts.
    pub fn total(&self) -> u64 {
        self.counts.values().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn exact_until_full() {
        let mut s: SpaceSaving<()> = SpaceSaving::new(3);
        for k in ["a", "b", "a", "c", "a", "b"] {
            s.add(k, 1);
        }
        assert!(s.is_exact());
        let top: Vec<(&str, u64)> = s.top(5).iter().map(|x| (&*x.key, x.count)).collect();
        assert_eq!(top, vec![("a", 3), ("b", 2), ("c", 1)]);
    }

    #[test]
    fn eviction_replaces_the_minimum_and_records_the_error() {
        let mut s: SpaceSaving<u8> = SpaceSaving::new(2);
        s.add("a", 1);
        s.add("a", 1);
        s.add("b", 1);
        let (slot, fresh) = s.add("c", 1);
        assert!(fresh);
        assert_eq!((&*slot.key, slot.count, slot.error), ("c", 2, 1));
        assert!(!s.is_exact());
        assert_eq!(s.total(), 4);
    }

    #[test]
    fn small_counter_caps_its_vocabulary() {
        let mut c = SmallCounter::new(2);
        assert_eq!(c.add("x"), "x");
        c.add("y");
        assert_eq!(c.add("z"), OTHER);
        c.add("x");
        assert_eq!(c.sorted(), vec![("x", 2), ("(other)", 1), ("y", 1)]);
        assert_eq!(c.total(), 4);
    }

    proptest! {
        /// Every count is an upper bound and `count - error` a lower bound of the true count,
        /// and a key seen more than total/capacity times is always kept.
        #[test]
        fn bounds_hold(keys in proptest::collection::vec(0u8..40, 0..400), cap in 1usize..12) {
            let mut s: SpaceSaving<()> = SpaceSaving::new(cap);
            let mut truth: HashMap<String, u64> = HashMap::new();
            for k in &keys {
                let k = k.to_string();
                s.add(&k, 1);
                *truth.entry(k).or_default() += 1;
            }
            prop_assert!(s.len() <= cap);
            let kept: HashMap<&str, &Slot<()>> =
                s.top(cap).into_iter().map(|x| (&*x.key, x)).collect();
            for (k, &n) in &truth {
                if let Some(slot) = kept.get(k.as_str()) {
                    prop_assert!(slot.count >= n);
                    prop_assert!(slot.guaranteed() <= n);
                } else {
                    prop_assert!(n <= keys.len() as u64 / cap as u64);
                }
            }
        }
    }
}
