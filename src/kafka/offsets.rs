//! Per-partition contiguous watermarks: which offset may be committed.
//!
//! Acknowledgements arrive out of order (a small article's outputs are acked
//! before a large earlier one's). Committing the highest acked offset would
//! lose the earlier, unfinished record on a crash, so a partition's commit
//! point only moves over a contiguous prefix of finished records: offset `o`
//! becomes committable (as `o + 1`, Kafka's "next to read") once `o` and every
//! tracked offset before it in that partition are done.
//!
//! Partitions carry a generation: after a revoke, acks of records tracked in
//! the old assignment are ignored, so a late ack can never move the commit
//! point of a partition another consumer now owns. Pure data, no Kafka: the
//! worker stores each new commit point in the consumer (`store_offsets`) and
//! librdkafka's auto-commit writes the stored offsets.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};

/// Topic and partition.
pub type TopicPartition = (String, i32);

/// Proof that an offset is tracked; given back to [`Watermarks::ack`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket {
    /// The partition.
    pub tp: TopicPartition,
    /// The record's offset.
    pub offset: i64,
    /// The partition's generation when tracked.
    generation: u64,
}

/// What an acknowledgement did to its partition's commit point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acked {
    /// The ticket is stale (its partition was revoked since) or unknown.
    Stale,
    /// Done, but an earlier record of the partition is still unfinished.
    Held,
    /// The commit point moved to this offset (Kafka's "next to read").
    Advanced(i64),
}

/// One partition's state.
#[derive(Debug, Default)]
struct Partition {
    /// Generation of this assignment.
    generation: u64,
    /// In-flight offsets, ascending; `true` once done.
    pending: BTreeMap<i64, bool>,
    /// Next offset to commit (one past the contiguous done prefix).
    committable: Option<i64>,
}

/// The watermarks of every assigned partition.
#[derive(Debug, Default)]
pub struct Watermarks {
    /// Per partition.
    parts: HashMap<TopicPartition, Partition>,
    /// Source of generations.
    next_generation: u64,
}

impl Watermarks {
    /// Empty.
    pub fn new() -> Self {
        Self::default()
    }

    /// Start tracking `offset` of `tp` (offsets of a partition arrive in
    /// increasing order from the consumer).
    pub fn track(&mut self, tp: TopicPartition, offset: i64) -> Ticket {
        let next_generation = &mut self.next_generation;
        let p = self.parts.entry(tp.clone()).or_insert_with(|| {
            *next_generation += 1;
            Partition {
                generation: *next_generation,
                ..Partition::default()
            }
        });
        p.pending.insert(offset, false);
        Ticket {
            tp,
            offset,
            generation: p.generation,
        }
    }

    /// Mark a record done.
    pub fn ack(&mut self, ticket: &Ticket) -> Acked {
        let Some(p) = self.parts.get_mut(&ticket.tp) else {
            return Acked::Stale;
        };
        if p.generation != ticket.generation {
            return Acked::Stale;
        }
        match p.pending.get_mut(&ticket.offset) {
            Some(done) => *done = true,
            None => return Acked::Stale,
        }
        let before = p.committable;
        while let Some(entry) = p.pending.first_entry() {
            if !*entry.get() {
                break;
            }
            let (o, _) = entry.remove_entry();
            p.committable = Some(o + 1);
        }
        match p.committable {
            Some(o) if p.committable != before => Acked::Advanced(o),
            _ => Acked::Held,
        }
    }

    /// Records of `tp` tracked and not yet done.
    pub fn pending(&self, tp: &TopicPartition) -> usize {
        self.parts
            .get(tp)
            .map_or(0, |p| p.pending.values().filter(|d| !**d).count())
    }

    /// Records tracked and not yet done, all partitions.
    pub fn total_pending(&self) -> usize {
        self.parts
            .values()
            .map(|p| p.pending.values().filter(|d| !**d).count())
            .sum()
    }

    /// The commit point of `tp`, if any record of it finished.
    pub fn committable(&self, tp: &TopicPartition) -> Option<i64> {
        self.parts.get(tp).and_then(|p| p.committable)
    }

    /// Forget `tp` (revoked): later acks of its tickets are ignored.
    pub fn revoke(&mut self, tp: &TopicPartition) {
        self.parts.remove(tp);
    }
}

/// Lock the watermarks; a poisoned lock (a panic while holding it) still
/// holds consistent data because every update is a single map operation.
pub fn lock(w: &Mutex<Watermarks>) -> MutexGuard<'_, Watermarks> {
    w.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tp(p: i32) -> TopicPartition {
        ("t".to_string(), p)
    }

    #[test]
    fn out_of_order_acks_commit_only_the_contiguous_prefix() {
        let mut w = Watermarks::new();
        let t: Vec<_> = (10..15).map(|o| w.track(tp(0), o)).collect();
        assert_eq!(w.ack(&t[2]), Acked::Held);
        assert_eq!(w.ack(&t[1]), Acked::Held);
        assert_eq!(w.committable(&tp(0)), None, "10 not done yet");
        assert_eq!(w.ack(&t[0]), Acked::Advanced(13));
        assert_eq!(w.committable(&tp(0)), Some(13));
        assert_eq!(w.pending(&tp(0)), 2);
        assert_eq!(w.ack(&t[4]), Acked::Held);
        assert_eq!(w.committable(&tp(0)), Some(13));
        assert_eq!(w.ack(&t[3]), Acked::Advanced(15));
        assert_eq!(w.ack(&t[3]), Acked::Stale, "acked twice");
        assert_eq!(w.total_pending(), 0);
    }

    #[test]
    fn partitions_are_independent() {
        let mut w = Watermarks::new();
        let a = w.track(tp(0), 0);
        let _b = w.track(tp(1), 0);
        assert_eq!(w.ack(&a), Acked::Advanced(1));
        assert_eq!(w.committable(&tp(1)), None);
        assert_eq!(w.pending(&tp(1)), 1);
    }

    #[test]
    fn stale_tickets_after_revoke_are_ignored() {
        let mut w = Watermarks::new();
        let old = w.track(tp(0), 5);
        w.revoke(&tp(0));
        assert_eq!(w.ack(&old), Acked::Stale);
        let new = w.track(tp(0), 7);
        assert_eq!(
            w.ack(&old),
            Acked::Stale,
            "old generation must not touch the new assignment"
        );
        assert_eq!(w.committable(&tp(0)), None);
        assert_eq!(w.ack(&new), Acked::Advanced(8));
        assert_eq!(w.committable(&tp(0)), Some(8));
    }

    proptest! {
        /// Whatever the ack order, the commit point never passes an
        /// unfinished offset and reaches the end once all are done.
        #[test]
        fn never_passes_an_unfinished_offset(order in Just((0..40i64).collect::<Vec<_>>()).prop_shuffle()) {
            let mut w = Watermarks::new();
            let tickets: Vec<_> = (0..40i64).map(|o| w.track(tp(0), o)).collect();
            let mut done = [false; 40];
            for &o in &order {
                w.ack(&tickets[o as usize]);
                done[o as usize] = true;
                let c = w.committable(&tp(0)).unwrap_or(0);
                prop_assert!(done[..c as usize].iter().all(|d| *d));
            }
            prop_assert_eq!(w.committable(&tp(0)), Some(40));
        }
    }
}
