//! The similarity signature of a statement: what near-duplicate grouping
//! compares, computed from the statement alone (so the worker can put it on
//! every statement event, and the novelty processor can recompute it for
//! events that lack it).
//!
//! # Definition
//!
//! - **Speaker key**: the speaker's canonical name, case-folded, in words
//!   (letters and digits); its last word that is not a generational suffix
//!   or a legal form ("Donald Trump" and "Trump" -> `trump`, "Acme Inc." ->
//!   `acme`). It routes statements (near-duplicates of one speaker meet in
//!   one novelty instance) and buckets the candidates. `_` when the article
//!   does not say who spoke.
//! - **Content words**: the statement's words, case-folded, contractions
//!   expanded ("can't" -> "can not", "we'll" -> "we"), function words dropped
//!   (articles, pronouns, auxiliaries, prepositions, conjunctions) except
//!   the negations, which change what was said.
//! - **Shingles**: the content-word bigrams, each hashed to 32 bits with
//!   FNV-1a (stable across builds and machines, unlike std's `RandomState`).
//!   A statement with one content word has that word as its only shingle;
//!   one with none has its whole normalized text (so "Yes." still has an
//!   identity, matched exactly).
//! - **MinHash**: [`ROWS`] rows; row `i` is the low 16 bits of the minimum
//!   over the shingles of `splitmix64(shingle ^ seed_i)` (b-bit MinHash,
//!   Li & König 2010). The fraction of equal rows of two signatures
//!   estimates the Jaccard similarity of their shingle sets (the 16-bit
//!   truncation adds a bias of at most 1/65536).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// MinHash rows in a signature.
pub const ROWS: usize = 64;

/// Speaker key of a statement whose speaker is unknown.
pub const UNKNOWN_SPEAKER: &str = "_";

/// The similarity fields of a statement event (`similarity`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Similarity {
    /// Routing key of the speaker: the last word of the canonical name,
    /// case-folded, without a generational suffix or legal form ("trump"
    /// for "Donald Trump" and "Trump"); `_` when the speaker is unknown.
    /// The `statements.by-speaker` topic is keyed by it.
    pub speaker_key: String,
    /// Number of distinct content-word shingles.
    pub shingles: usize,
    /// MinHash signature: 64 rows of 16 bits, as 256 hex digits (row 0
    /// first, each row big-endian). The fraction of equal rows estimates
    /// the Jaccard similarity of two statements' content-word bigrams.
    pub minhash: String,
}

/// A statement's shingles and signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// See [`Similarity::speaker_key`].
    pub speaker_key: String,
    /// Case-folded words of the full speaker name (for the compatibility
    /// check: "Trump" fits "Donald Trump", not "Ivanka Trump").
    pub speaker_words: Vec<String>,
    /// Sorted, distinct shingle hashes.
    pub shingles: Vec<u32>,
    /// MinHash rows.
    pub rows: [u16; ROWS],
    /// Whether the content words hold an odd number of negations: "will
    /// not raise" and "will raise" share most bigrams but say opposites.
    pub negated: bool,
}

impl Signature {
    /// The signature of `text` said by `speaker`.
    pub fn of(speaker: Option<&str>, text: &str) -> Signature {
        let speaker_words = speaker.map(words).unwrap_or_default();
        let (shingles, negations) = shingles_and_negations(text);
        Signature {
            speaker_key: speaker_key(&speaker_words),
            speaker_words,
            rows: minhash(&shingles),
            shingles,
            negated: negations % 2 == 1,
        }
    }

    /// The event field.
    pub fn similarity(&self) -> Similarity {
        let mut rows = [0u8; ROWS * 2];
        for (bytes, r) in rows.chunks_exact_mut(2).zip(self.rows) {
            bytes.copy_from_slice(&r.to_be_bytes());
        }
        let mut minhash = String::with_capacity(ROWS * 4);
        crate::push_hex(&mut minhash, &rows);
        Similarity {
            speaker_key: self.speaker_key.clone(),
            shingles: self.shingles.len(),
            minhash,
        }
    }

    /// Whether the speakers may be the same person: both unknown, or the
    /// words of one name are all in the other ("Trump" / "Donald Trump").
    pub fn same_speaker(&self, other: &Signature) -> bool {
        speakers_compatible(&self.speaker_words, &other.speaker_words)
    }

    /// Estimated Jaccard similarity from the MinHash rows.
    pub fn estimated_jaccard(&self, other: &Signature) -> f64 {
        let equal = self
            .rows
            .iter()
            .zip(&other.rows)
            .filter(|(a, b)| a == b)
            .count();
        equal as f64 / ROWS as f64
    }
}

/// Whether two case-folded speaker names may name the same speaker.
pub fn speakers_compatible(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().all(|w| long.contains(w))
}

/// Case-folded words of a name or phrase, as the speaker key and the
/// watchlists compare them.
pub fn name_words(s: &str) -> Vec<String> {
    words(s)
}

/// Case-folded words (letters and digits) of `s`, apostrophes kept inside
/// words so contractions can be expanded.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(s, |w| out.push(w.to_owned()));
    out
}

/// Calls `f` with each of [`words`]' words in turn, from one buffer: every
/// statement event computes its signature, and a string per word cost
/// more than the words' own work.
fn each_word(s: &str, mut f: impl FnMut(&str)) {
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            crate::text::push_lowercase(&mut cur, c);
        } else if crate::text::is_apostrophe(c)
            && !cur.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            cur.push('\'');
        } else if !cur.is_empty() {
            f(&cur);
            cur.clear();
        }
    }
    if !cur.is_empty() {
        f(&cur);
    }
}

/// Trailing words of a name that do not tell its bearer apart.
fn is_name_tail(w: &str) -> bool {
    crate::enrich::entities::grouping::is_generational_suffix(w)
        || crate::enrich::entities::grouping::is_legal_form(w)
}

fn speaker_key(words: &[String]) -> String {
    words
        .iter()
        .rev()
        .find(|w| !is_name_tail(w))
        .or(words.last())
        .cloned()
        .unwrap_or_else(|| UNKNOWN_SPEAKER.to_string())
}

/// A contraction's meaning-bearing part: "can't" -> ("can", true),
/// "we'll" -> ("we", false), "Trump's" -> ("trump", false).
fn expand(word: &str) -> (&str, bool) {
    match word {
        "won't" => return ("will", true),
        "cannot" => return ("can", true),
        "can't" => return ("can", true),
        "shan't" => return ("shall", true),
        "ain't" => return ("be", true),
        _ => {}
    }
    if let Some(stem) = word.strip_suffix("n't") {
        return (stem, true);
    }
    match word.rfind('\'') {
        Some(i) => (&word[..i], false),
        None => (word, false),
    }
}

/// Negations: kept among the content words.
fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "no" | "never" | "nor" | "cannot" | "nothing")
}

/// Function words: dropped from the content words. Beside the quote
/// lexicon's modals, auxiliaries and determiners, the pronouns, the common
/// prepositions and conjunctions and a few fillers.
fn is_function_word(w: &str) -> bool {
    use crate::enrich::quotes::lexicon::{is_aux, is_modal, is_pure_determiner};
    is_aux(w)
        || is_modal(w)
        || is_pure_determiner(w)
        || matches!(
            w,
            "i" | "me"
                | "my"
                | "mine"
                | "we"
                | "us"
                | "our"
                | "ours"
                | "you"
                | "your"
                | "yours"
                | "he"
                | "him"
                | "his"
                | "she"
                | "her"
                | "hers"
                | "it"
                | "its"
                | "they"
                | "them"
                | "their"
                | "theirs"
                | "that"
                | "this"
                | "these"
                | "those"
                | "which"
                | "who"
                | "whom"
                | "what"
                | "a"
                | "an"
                | "the"
                | "and"
                | "or"
                | "but"
                | "so"
                | "if"
                | "as"
                | "of"
                | "to"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "with"
                | "from"
                | "into"
                | "about"
                | "than"
                | "then"
                | "there"
                | "here"
                | "been"
                | "being"
                | "was"
                | "is"
                | "are"
                | "be"
                | "do"
                | "does"
                | "did"
                | "done"
                | "have"
                | "has"
                | "had"
                | "just"
                | "very"
                | "really"
                | "also"
                | "all"
                | "some"
                | "any"
                | "going"
                | "gonna"
                | "get"
                | "got"
                | "am"
        )
}

/// The content words of `text` (see the module docs).
pub fn content_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_content_word(text, |w| out.push(w.to_owned()));
    out
}

/// Calls `f` with each content word of `text` in turn.
fn each_content_word(text: &str, mut f: impl FnMut(&str)) {
    each_word(text, |w| {
        let (stem, negated) = expand(w);
        if !stem.is_empty() && (is_negation(stem) || !is_function_word(stem)) {
            f(stem);
        }
        if negated {
            f("not");
        }
    });
}

/// 32-bit FNV-1a: a fixed, documented hash (the signature must not change
/// between builds, platforms or processes).
fn fnv1a(bytes: &[u8]) -> u32 {
    fnv1a_parts(&[bytes])
}

/// [`fnv1a`] of the concatenation of `parts` (FNV-1a is a running hash):
/// a bigram is hashed without building its string.
fn fnv1a_parts(parts: &[&[u8]]) -> u32 {
    parts.iter().fold(FNV_BASIS, |h, p| fnv1a_more(h, p))
}

/// FNV-1a's offset basis: the hash of nothing.
const FNV_BASIS: u32 = 0x811c_9dc5;

/// FNV-1a hash `h` continued over `bytes`.
fn fnv1a_more(mut h: u32, bytes: &[u8]) -> u32 {
    for b in bytes {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Sorted, distinct shingle hashes of `text`.
pub fn shingles(text: &str) -> Vec<u32> {
    shingles_and_negations(text).0
}

/// The shingles of `text` and the number of negations among its content
/// words, in one pass over the words: the bigram of each content word with
/// the one before it, hashed as it comes.
fn shingles_and_negations(text: &str) -> (Vec<u32>, usize) {
    let mut set = Vec::new();
    let (mut count, mut negations) = (0usize, 0usize);
    let mut prev = String::new();
    each_content_word(text, |w| {
        if count > 0 {
            set.push(fnv1a_parts(&[prev.as_bytes(), b" ", w.as_bytes()]));
        }
        negations += usize::from(is_negation(w));
        count += 1;
        prev.clear();
        prev.push_str(w);
    });
    match count {
        // No content word: the whole normalized text, words single-spaced.
        0 => {
            let mut h = None;
            each_word(text, |w| {
                let sofar = h.map_or(FNV_BASIS, |h| fnv1a_more(h, b" "));
                h = Some(fnv1a_more(sofar, w.as_bytes()));
            });
            set.extend(h);
        }
        1 => set.push(fnv1a(prev.as_bytes())),
        _ => {}
    }
    set.sort_unstable();
    set.dedup();
    (set, negations)
}

/// SplitMix64's finalizer: a fixed bijective mixer of 64-bit words.
const fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The MinHash rows of a shingle set (all `u16::MAX` for an empty set).
pub fn minhash(shingles: &[u32]) -> [u16; ROWS] {
    if shingles.is_empty() {
        return [u16::MAX; ROWS];
    }
    // Shingles outside, rows inside: the 64 mixes of one shingle are
    // independent, so they overlap in the CPU (the statement's signature is
    // computed on the worker's path for every statement).
    let mut min = [u64::MAX; ROWS];
    for s in shingles {
        let s = u64::from(*s);
        // By reference: zipping the const array by value copied its 512
        // bytes once per shingle.
        for (m, seed) in min.iter_mut().zip(&ROW_SEEDS) {
            *m = (*m).min(splitmix64(s ^ seed));
        }
    }
    min.map(|m| (m & 0xffff) as u16)
}

/// Row `i`'s seed: `splitmix64(i + 1)`.
const ROW_SEEDS: [u64; ROWS] = {
    let mut seeds = [0; ROWS];
    let mut i = 0;
    while i < ROWS {
        seeds[i] = splitmix64(i as u64 + 1);
        i += 1;
    }
    seeds
};

/// Size of the intersection of two sorted, distinct sets.
pub fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_speaker_key_is_the_last_distinctive_name_word() {
        let key = |s: &str| Signature::of(Some(s), "x").speaker_key;
        assert_eq!(key("Donald Trump"), "trump");
        assert_eq!(key("Trump"), "trump");
        assert_eq!(key("Tom Roe Jr."), "roe");
        assert_eq!(key("Acme Inc."), "acme");
        assert_eq!(Signature::of(None, "x").speaker_key, UNKNOWN_SPEAKER);
    }

    #[test]
    fn contractions_and_punctuation_do_not_change_the_content_words() {
        assert_eq!(
            content_words("We can't let the harbour close, and we won't."),
            content_words("“We cannot let the harbour close and we will not”")
        );
        assert_eq!(
            content_words("I don't trust the new tariff plan"),
            ["not", "trust", "new", "tariff", "plan"]
        );
    }

    #[test]
    fn negation_is_content() {
        assert_ne!(
            shingles("The council will fund the bridge"),
            shingles("The council will not fund the bridge")
        );
    }

    #[test]
    fn signatures_are_stable_values() {
        // Pinned: a change of hash, seed or normalization changes every
        // identity in a running deployment, so it must be deliberate.
        let s = Signature::of(Some("Jane Roe"), "Ferries will run every hour");
        // "every" is a determiner: ferries run hour.
        assert_eq!(s.shingles.len(), 2);
        let hex = s.similarity().minhash;
        assert_eq!(hex.len(), 256);
        let again = Signature::of(Some("Roe"), "ferries WILL run, every hour!");
        assert_eq!(again.similarity().minhash, hex);
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        // A bigram hashed in parts is the hash of its joined string.
        assert_eq!(
            fnv1a_parts(&[b"ferries", b" ", b"run"]),
            fnv1a(b"ferries run")
        );
    }

    #[test]
    fn minhash_follows_its_definition() {
        // The definition, row by row (rows outside, shingles inside), as
        // the module docs state it; `minhash` runs the loops the other way.
        let by_definition = |shingles: &[u32]| -> [u16; ROWS] {
            std::array::from_fn(|i| {
                let seed = splitmix64(i as u64 + 1);
                shingles
                    .iter()
                    .map(|s| splitmix64(u64::from(*s) ^ seed))
                    .min()
                    .map_or(u16::MAX, |m| (m & 0xffff) as u16)
            })
        };
        let sets: [&[u32]; 4] = [&[], &[7], &[1, 2, 3, 0xdead_beef], &[u32::MAX, 0, 42]];
        for set in sets {
            assert_eq!(minhash(set), by_definition(set), "{set:?}");
        }
        let words = shingles("Ferries will run every hour, the mayor's office promised");
        assert!(words.len() > 3);
        assert_eq!(minhash(&words), by_definition(&words));
    }

    #[test]
    fn shingles_follow_their_definition() {
        // The definition as the module docs state it, from the lists of
        // words; `shingles_and_negations` hashes in one pass instead.
        let by_definition = |text: &str| -> (Vec<u32>, bool) {
            let content = content_words(text);
            let mut set: Vec<u32> = match content.len() {
                0 => {
                    let all = words(text).join(" ");
                    if all.is_empty() {
                        vec![]
                    } else {
                        vec![fnv1a(all.as_bytes())]
                    }
                }
                1 => vec![fnv1a(content[0].as_bytes())],
                _ => content
                    .windows(2)
                    .map(|p| fnv1a(format!("{} {}", p[0], p[1]).as_bytes()))
                    .collect(),
            };
            set.sort_unstable();
            set.dedup();
            let negations = content.iter().filter(|w| is_negation(w)).count();
            (set, negations % 2 == 1)
        };
        for text in [
            "",
            "...",
            "Yes.",
            "It is what it is",
            "Tolls won't rise, and the ferry can't wait",
            "Nobody said no, never, not once: ΣΟΦΙΑ’s café won’t close",
            "Ferries ferries ferries run run",
        ] {
            let s = Signature::of(None, text);
            assert_eq!((s.shingles, s.negated), by_definition(text), "{text}");
        }
        assert_eq!(shingles("It is"), [fnv1a(b"it is")]);
        assert!(shingles(" , ").is_empty());
    }

    #[test]
    fn estimated_jaccard_tracks_the_true_one() {
        let a: Vec<u32> = (0..100).collect();
        let b: Vec<u32> = (50..150).collect();
        let (ra, rb) = (minhash(&a), minhash(&b));
        let equal = ra.iter().zip(&rb).filter(|(x, y)| x == y).count() as f64 / ROWS as f64;
        // True Jaccard 50/150; 64 rows give a standard error of about 0.06.
        assert!((equal - 1.0 / 3.0).abs() < 0.2, "{equal}");
        assert_eq!(intersection(&a, &b), 50);
    }

    #[test]
    fn speakers_compatible_by_name_words() {
        let w = |s: &str| words(s);
        assert!(speakers_compatible(&w("Trump"), &w("Donald Trump")));
        assert!(speakers_compatible(
            &w("Donald J. Trump"),
            &w("Donald Trump")
        ));
        assert!(!speakers_compatible(&w("Ivanka Trump"), &w("Donald Trump")));
        assert!(speakers_compatible(&[], &[]));
    }
}
