//! The novelty state of one partition: the statement identities seen within
//! the horizon, found again through MinHash LSH buckets.
//!
//! # Identity
//!
//! A statement joins an identity when the speakers are compatible (same
//! speaker key, and the words of one name are all in the other: "Trump" /
//! "Donald Trump") and their shingle sets match:
//! - when either has fewer than [`MIN_SHINGLES`] shingles: the sets are
//!   equal (short statements are matched exactly, after normalization);
//! - otherwise: at least [`CONTAINMENT`] of the smaller set's shingles are
//!   in the larger one. This covers rewording (punctuation, contractions,
//!   function words) and a partial quote contained in a longer one;
//!   statements of about the same length must also agree in polarity
//!   ("will raise" is not "will not raise").
//!
//! The identity keeps the shingles of its first sighting only, so a chain
//! of small rewordings cannot drift it towards another statement. Its id,
//! the `statement_id`, is the `fingerprint` of that first sighting.
//!
//! # Candidates
//!
//! Checking every identity of a speaker would be quadratic. Each identity
//! is filed under [`BANDS`] LSH buckets, one per MinHash row (bands of one
//! row), keyed by (speaker key, row, value); a statement is compared with
//! the identities sharing at least one bucket. Two sets of Jaccard
//! similarity J share one with probability 1 - (1 - J)^16: 0.81 at J = 0.1
//! (a 3-bigram quote inside a 30-bigram statement), 0.97 at J = 0.2, more
//! than 0.999 at J = 0.5. The comparison itself is exact, on the stored
//! shingles.
//!
//! # Horizon
//!
//! Stream time is the largest event time seen (the statement's
//! `published_at`, else its processing time). An identity not seen for
//! `horizon` of stream time is evicted by [`Store::evict`]; a later
//! sighting is announced again.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::signature::{intersection, minhash, speakers_compatible, Signature, ROWS};

/// LSH bands (of one MinHash row each) an identity is filed under.
pub const BANDS: usize = 16;
const _: () = assert!(BANDS <= ROWS);

/// Below this many shingles, only equal sets match.
pub const MIN_SHINGLES: usize = 3;

/// Share of the smaller shingle set that must be in the larger one.
pub const CONTAINMENT: f64 = 0.7;

/// One statement identity: what the changelog stores under its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// The id: the first sighting's fingerprint.
    pub statement_id: String,
    /// The first sighting's speaker key.
    pub speaker_key: String,
    /// The first sighting's case-folded speaker name words.
    pub speaker_words: Vec<String>,
    /// The first sighting's sorted shingle hashes.
    pub shingles: Vec<u32>,
    /// The first sighting's polarity ([`Signature::negated`]).
    #[serde(default)]
    pub negated: bool,
    /// When it was first seen (processing time, RFC 3339).
    pub first_seen_at: String,
    /// The article of the first sighting.
    pub first_article_id: String,
    /// Sightings so far (the first included).
    pub count: u64,
    /// Event time of the last sighting, ms since the epoch (the horizon).
    pub last_event_ms: i64,
    /// Processing time of the last sighting, RFC 3339.
    pub last_seen_at: String,
    /// The article of the last sighting.
    pub last_article_id: String,
}

/// What a sighting was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The first sighting of a new identity.
    New,
    /// A later sighting of an existing identity.
    Repeat,
}

/// A sighting to observe.
#[derive(Clone, Copy, Debug)]
pub struct Sighting<'a> {
    /// The statement's signature.
    pub signature: &'a Signature,
    /// Its `fingerprint` (the id of a new identity).
    pub fingerprint: &'a str,
    /// Its article.
    pub article_id: &'a str,
    /// Event time, ms since the epoch.
    pub event_ms: i64,
    /// Processing time, RFC 3339.
    pub now: &'a str,
}

/// A stored identity with its candidate rows.
struct Slot {
    identity: Identity,
    rows: [u16; BANDS],
    /// Creation order: among equally good matches the oldest wins.
    seq: u64,
}

/// The identities of one partition.
#[derive(Default)]
pub struct Store {
    slots: Vec<Option<Slot>>,
    free: Vec<u32>,
    /// Keyed by a 32-bit hash of (speaker key, row, value): a collision
    /// only adds a candidate, which the exact comparison turns down.
    buckets: HashMap<u32, Bucket>,
    /// The slot lists of shared buckets, and the free ones among them.
    spill: Vec<Vec<u32>>,
    free_spill: Vec<u32>,
    by_id: HashMap<String, u32>,
    stream_ms: i64,
    seq: u64,
}

/// The identities (slots) of one LSH bucket. Almost every bucket holds one
/// identity: it is kept inline, in 8 bytes; a shared bucket points into
/// [`Store::spill`]. (16 buckets per identity are most of the store's
/// memory.)
#[derive(Clone, Copy)]
enum Bucket {
    One(u32),
    Many(u32),
}

/// The bucket of `row` (`value`) for `speaker_key`.
fn bucket(speaker_key: &str, row: usize, value: u16) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in speaker_key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let h = h ^ ((row as u64) << 16 | u64::from(value)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h ^ (h >> 32)) as u32
}

fn band_rows(rows: &[u16; ROWS]) -> [u16; BANDS] {
    let mut out = [0; BANDS];
    out.copy_from_slice(&rows[..BANDS]);
    out
}

/// How well two statements (shingle sets and polarities) match, `None`
/// when they do not.
pub fn match_score((a, a_neg): (&[u32], bool), (b, b_neg): (&[u32], bool)) -> Option<f64> {
    let small = a.len().min(b.len());
    if small < MIN_SHINGLES {
        return (a == b).then_some(1.0);
    }
    // Opposite polarity: only a partial quote (at most half the other) may
    // match, its negation can lie outside the quoted part.
    if a_neg != b_neg && small * 2 > a.len().max(b.len()) {
        return None;
    }
    let common = intersection(a, b) as f64;
    let containment = common / small as f64;
    let jaccard = common / (a.len() + b.len()) as f64 * 2.0;
    // Containment decides; Jaccard breaks ties towards the closer length.
    (containment >= CONTAINMENT).then_some(containment + jaccard / 1000.0)
}

impl Store {
    /// An empty store.
    pub fn new() -> Store {
        Store::default()
    }

    /// Identities held.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The identity `statement_id`.
    pub fn get(&self, statement_id: &str) -> Option<&Identity> {
        let slot = *self.by_id.get(statement_id)?;
        self.slots.get(slot as usize)?.as_ref().map(|s| &s.identity)
    }

    /// Stream time: the largest event time seen, ms since the epoch.
    pub fn stream_ms(&self) -> i64 {
        self.stream_ms
    }

    /// The best matching identity of `sig`.
    fn find(&self, sig: &Signature) -> Option<u32> {
        let rows = band_rows(&sig.rows);
        let mut best: Option<(f64, u64, u32)> = None;
        let mut checked: Vec<u32> = Vec::new();
        for (row, value) in rows.iter().enumerate() {
            let Some(b) = self.buckets.get(&bucket(&sig.speaker_key, row, *value)) else {
                continue;
            };
            for &slot in self.slots_of(b) {
                if checked.contains(&slot) {
                    continue;
                }
                checked.push(slot);
                let Some(Some(s)) = self.slots.get(slot as usize) else {
                    continue;
                };
                if s.identity.speaker_key != sig.speaker_key
                    || !speakers_compatible(&s.identity.speaker_words, &sig.speaker_words)
                {
                    continue;
                }
                let Some(score) = match_score(
                    (&sig.shingles, sig.negated),
                    (&s.identity.shingles, s.identity.negated),
                ) else {
                    continue;
                };
                let better = match best {
                    None => true,
                    Some((b, seq, _)) => score > b || (score == b && s.seq < seq),
                };
                if better {
                    best = Some((score, s.seq, slot));
                }
            }
        }
        best.map(|b| b.2)
    }

    /// Record a sighting: whether it started a new identity, and the
    /// identity as it is now (what the changelog and `statements.seen` get).
    pub fn observe(&mut self, s: Sighting<'_>) -> (Outcome, Identity) {
        self.stream_ms = self.stream_ms.max(s.event_ms);
        let found = self.find(s.signature);
        if let Some(Some(entry)) = found.and_then(|slot| self.slots.get_mut(slot as usize)) {
            let id = &mut entry.identity;
            id.count += 1;
            id.last_event_ms = id.last_event_ms.max(s.event_ms);
            id.last_seen_at = s.now.to_string();
            id.last_article_id = s.article_id.to_string();
            return (Outcome::Repeat, id.clone());
        }
        let identity = Identity {
            statement_id: s.fingerprint.to_string(),
            speaker_key: s.signature.speaker_key.clone(),
            speaker_words: s.signature.speaker_words.clone(),
            shingles: s.signature.shingles.clone(),
            negated: s.signature.negated,
            first_seen_at: s.now.to_string(),
            first_article_id: s.article_id.to_string(),
            count: 1,
            last_event_ms: s.event_ms,
            last_seen_at: s.now.to_string(),
            last_article_id: s.article_id.to_string(),
        };
        self.insert(identity.clone());
        (Outcome::New, identity)
    }

    /// Put `identity` in (replacing one with the same id): the first
    /// sighting, or a changelog record on restore.
    pub fn insert(&mut self, identity: Identity) -> u32 {
        self.remove(&identity.statement_id);
        self.stream_ms = self.stream_ms.max(identity.last_event_ms);
        let rows = band_rows(&minhash(&identity.shingles));
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.slots.push(None);
                (self.slots.len() - 1) as u32
            }
        };
        for (row, value) in rows.iter().enumerate() {
            self.file(bucket(&identity.speaker_key, row, *value), slot);
        }
        self.by_id.insert(identity.statement_id.clone(), slot);
        self.seq += 1;
        if let Some(s) = self.slots.get_mut(slot as usize) {
            *s = Some(Slot {
                identity,
                rows,
                seq: self.seq,
            });
        }
        slot
    }

    /// The slots of bucket `b`.
    fn slots_of<'a>(&'a self, b: &'a Bucket) -> &'a [u32] {
        match b {
            Bucket::One(s) => std::slice::from_ref(s),
            Bucket::Many(i) => self.spill.get(*i as usize).map_or(&[], Vec::as_slice),
        }
    }

    /// Add `slot` to bucket `key`.
    fn file(&mut self, key: u32, slot: u32) {
        match self.buckets.get(&key).copied() {
            None => {
                self.buckets.insert(key, Bucket::One(slot));
            }
            Some(Bucket::One(first)) => {
                let i = match self.free_spill.pop() {
                    Some(i) => i,
                    None => {
                        self.spill.push(Vec::new());
                        (self.spill.len() - 1) as u32
                    }
                };
                if let Some(v) = self.spill.get_mut(i as usize) {
                    v.clear();
                    v.extend([first, slot]);
                }
                self.buckets.insert(key, Bucket::Many(i));
            }
            Some(Bucket::Many(i)) => {
                if let Some(v) = self.spill.get_mut(i as usize) {
                    v.push(slot);
                }
            }
        }
    }

    /// Take `slot` out of bucket `key`.
    fn unfile(&mut self, key: u32, slot: u32) {
        match self.buckets.get(&key).copied() {
            Some(Bucket::One(s)) if s == slot => {
                self.buckets.remove(&key);
            }
            Some(Bucket::Many(i)) => {
                let Some(v) = self.spill.get_mut(i as usize) else {
                    return;
                };
                v.retain(|x| *x != slot);
                if let [only] = v.as_slice() {
                    self.buckets.insert(key, Bucket::One(*only));
                    v.clear();
                    v.shrink_to_fit();
                    self.free_spill.push(i);
                }
            }
            _ => {}
        }
    }

    /// Drop identity `statement_id` (a changelog tombstone, an eviction).
    pub fn remove(&mut self, statement_id: &str) -> Option<Identity> {
        let slot = self.by_id.remove(statement_id)?;
        let s = self.slots.get_mut(slot as usize)?.take()?;
        for (row, value) in s.rows.iter().enumerate() {
            let key = bucket(&s.identity.speaker_key, row, *value);
            self.unfile(key, slot);
        }
        self.free.push(slot);
        Some(s.identity)
    }

    /// Evict the identities last seen more than `horizon_ms` of stream time
    /// ago; their ids, for the changelog tombstones.
    pub fn evict(&mut self, horizon_ms: i64) -> Vec<String> {
        let cutoff = self.stream_ms.saturating_sub(horizon_ms);
        let old: Vec<String> = self
            .slots
            .iter()
            .flatten()
            .filter(|s| s.identity.last_event_ms < cutoff)
            .map(|s| s.identity.statement_id.clone())
            .collect();
        for id in &old {
            self.remove(id);
        }
        old
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Observe `text` by `speaker`; the statement id it got and whether new.
    fn see(store: &mut Store, speaker: Option<&str>, text: &str, day: i64) -> (String, bool) {
        let sig = Signature::of(speaker, text);
        let fp = crate::event::statement_fingerprint(speaker, text);
        let (o, id) = store.observe(Sighting {
            signature: &sig,
            fingerprint: &fp,
            article_id: "a",
            event_ms: day * 86_400_000,
            now: "2025-01-01T00:00:00Z",
        });
        (id.statement_id.clone(), o == Outcome::New)
    }

    #[test]
    fn near_duplicates_of_one_speaker_share_an_identity() {
        let mut s = Store::new();
        let full =
            "We cannot allow the northern ferry line to close before the winter storms arrive";
        let (id, new) = see(&mut s, Some("Margaret Oduya"), full, 1);
        assert!(new);
        for (speaker, text) in [
            // Punctuation, case, quote marks.
            (Some("Margaret Oduya"), "“We cannot allow the Northern Ferry line to close, before the winter storms arrive.”"),
            // Contractions.
            (Some("Margaret Oduya"), "We can't allow the northern ferry line to close before the winter storms arrive"),
            // The shortened speaker name.
            (Some("Oduya"), "We cannot allow the northern ferry line to close before the winter storms arrive"),
            // A partial quote contained in the longer one.
            (Some("Oduya"), "allow the northern ferry line to close"),
            // A few words changed.
            (Some("Margaret Oduya"), "we simply cannot allow the northern ferry line to close before winter storms arrive here"),
        ] {
            let (got, new) = see(&mut s, speaker, text, 2);
            assert_eq!((got.as_str(), new), (id.as_str(), false), "{speaker:?}: {text}");
        }
        assert_eq!(s.len(), 1);
        assert_eq!(s.get(&id).map(|i| i.count), Some(6));
    }

    #[test]
    fn different_statements_and_speakers_stay_apart() {
        let mut s = Store::new();
        let base = "The harbour authority will raise docking fees for cargo ships next spring";
        let (id, _) = see(&mut s, Some("Tomas Velde"), base, 1);
        for (speaker, text) in [
            // Another speaker with the same words.
            (Some("Ines Arkwright"), base),
            // Same surname, another first name.
            (Some("Ruth Velde"), base),
            // Unknown speaker.
            (None, base),
            // Negated.
            (
                Some("Tomas Velde"),
                "The harbour authority will not raise docking fees for cargo ships next spring",
            ),
            // Same topic, another claim.
            (
                Some("Tomas Velde"),
                "The harbour authority should cut docking fees for fishing boats this winter",
            ),
            // A short statement sharing only two words.
            (Some("Tomas Velde"), "Docking fees matter"),
        ] {
            let (got, new) = see(&mut s, speaker, text, 2);
            assert!(new && got != id, "{speaker:?}: {text} joined {id}");
        }
        // Short statements match exactly only.
        let (yes, _) = see(&mut s, Some("Tomas Velde"), "Absolutely not.", 3);
        assert_eq!(
            see(&mut s, Some("Velde"), "absolutely NOT", 3),
            (yes.clone(), false)
        );
        assert!(see(&mut s, Some("Velde"), "absolutely", 3).1);
    }

    #[test]
    fn eviction_by_stream_time_forgets_old_identities() {
        let mut s = Store::new();
        let day = 86_400_000;
        let (old, _) = see(
            &mut s,
            Some("Ana Pires"),
            "The tunnel will open on schedule in the autumn",
            1,
        );
        let (recent, _) = see(
            &mut s,
            Some("Ana Pires"),
            "Bus fares stay frozen for pensioners this year",
            10,
        );
        see(
            &mut s,
            Some("Ana Pires"),
            "Bus fares stay frozen for pensioners this year",
            20,
        );
        let evicted = s.evict(14 * day);
        assert_eq!(evicted, vec![old.clone()]);
        assert!(s.get(&old).is_none() && s.get(&recent).is_some());
        // Seen again after eviction: new again, under the new fingerprint.
        let (_, new) = see(
            &mut s,
            Some("Ana Pires"),
            "The tunnel will open on schedule in the autumn",
            21,
        );
        assert!(new);
        // Buckets hold nothing of the evicted identity.
        assert!(s.buckets.values().all(|b| s
            .slots_of(b)
            .iter()
            .all(|slot| s.slots[*slot as usize].is_some())));
    }

    #[test]
    fn shared_buckets_file_and_unfile_every_identity() {
        let mut s = Store::new();
        let text = "Council tenants will get new windows before the next election";
        let (first, _) = see(&mut s, Some("Ola Brandt"), text, 1);
        let mut record = s.get(&first).cloned().expect("stored");
        // Two more identities with the same buckets (restored records).
        for id in ["b", "c"] {
            record.statement_id = id.into();
            s.insert(record.clone());
        }
        assert_eq!(s.len(), 3);
        assert!(s.buckets.values().all(|b| matches!(b, Bucket::Many(_))));
        s.remove(&first);
        // The oldest remaining one is found.
        assert_eq!(
            see(&mut s, Some("Brandt"), text, 2),
            ("b".to_string(), false)
        );
        s.remove("b");
        assert!(s.buckets.values().all(|b| matches!(b, Bucket::One(_))));
        s.remove("c");
        assert!(s.buckets.is_empty() && s.is_empty());
        assert_eq!(s.free_spill.len(), BANDS);
    }

    #[test]
    fn restored_identities_match_like_observed_ones() {
        let mut a = Store::new();
        let text = "Our region will build four new hospitals within the next decade";
        let (id, _) = see(&mut a, Some("Lena Marsh"), text, 1);
        let record = a.get(&id).cloned().expect("stored");
        let json = serde_json::to_string(&record).expect("serializes");
        let mut b = Store::new();
        b.insert(serde_json::from_str(&json).expect("parses"));
        assert_eq!(
            see(
                &mut b,
                Some("Marsh"),
                "our region will build four new hospitals within the next decade!",
                2
            ),
            (id, false)
        );
    }
}
