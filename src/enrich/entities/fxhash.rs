//! A fast hasher for the stage's word tables (the "Fx" hash of rustc and
//! Firefox), written out here rather than pulled in as a crate.
//!
//! Every token of an article meets several table lookups (gazetteer phrases,
//! first names, titles, words seen in lowercase); with the standard SipHash
//! hashing short words cost more than the rest of the stage together. Fx
//! mixes a machine word at a time. It is not collision-resistant: the
//! compiled-in tables hold only our own keys, and the per-article tables are
//! bounded by the article size limit, so a crafted article can at worst slow
//! its own processing.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher state.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    /// The running hash.
    hash: u64,
}

/// Multiplier of the Fx hash (from rustc).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            // The length keeps "ab" and "ab\0" apart.
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with the Fx hash.
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with the Fx hash.
pub type FxHashSet<K> = HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_strings_hash_equal_and_near_ones_apart() {
        let b = FxBuild::default();
        assert_eq!(b.hash_one("Kyiv"), b.hash_one(String::from("Kyiv")));
        let words = [
            "a",
            "ab",
            "ab\0",
            "Kyiv",
            "Kyiv ",
            "New York",
            "New Yorkers",
        ];
        for (i, x) in words.iter().enumerate() {
            for y in &words[i + 1..] {
                assert_ne!(b.hash_one(x), b.hash_one(y), "{x:?} vs {y:?}");
            }
        }
        let mut m: FxHashMap<&str, u32> = FxHashMap::default();
        m.insert("Munich", 1);
        assert_eq!(m.get("Munich"), Some(&1));
        assert_eq!(m.get("munich"), None);
    }
}
