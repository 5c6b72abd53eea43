//! Readiness: why the worker cannot make progress, changed only through
//! [`Health::update`] (and the [`FailingDelivery`] guard), logged and
//! mirrored in the readiness metrics at every change
//! ([`ReadinessChanged`]).

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use super::Metrics;
use crate::internal_events::{InternalEvent, ReadinessChanged};

/// Why a worker is not ready: the label values of `byline_not_ready{reason}`,
/// also named in the "Not ready." log event.
pub const NOT_READY_REASONS: [&str; 6] = [
    "not_consuming",
    "draining",
    "brokers_down",
    "deliveries_failing",
    "commits_failing",
    "input_topic_missing",
];

/// Consecutive failed commits after which the worker reports not ready: one
/// failure is routine (a rebalance in progress), a run of them means the
/// group coordinator is unreachable and finished work piles up uncommitted.
pub const COMMIT_FAILURES_NOT_READY: u32 = 3;

/// Process health as seen by `/healthz` and `/readyz`.
///
/// Ready means "able to make progress": subscribed and not draining, a
/// broker reachable (unknown counts as unreachable until the first sign of
/// life, so a worker started without a broker is not ready), no output
/// record stuck in re-produce, commits succeeding, and every input topic
/// present. Every change of the set of reasons is logged ("Ready." /
/// "Not ready.") and mirrored in `byline_ready`, `byline_not_ready{reason}`
/// and `byline_readiness_changes_total{ready}` once metrics are attached.
pub struct Health {
    /// Set once the consumer subscribed and the producer exists.
    consuming: AtomicBool,
    /// Set while shutting down or draining.
    draining: AtomicBool,
    /// Set while no broker is known to be reachable (true at start).
    brokers_down: AtomicBool,
    /// Output records whose delivery failed and are being produced again.
    failing_deliveries: AtomicUsize,
    /// Commits that failed in a row.
    failed_commits: AtomicU32,
    /// Set while an input topic does not exist.
    input_missing: AtomicBool,
    /// The last reported reason set (bit i = `NOT_READY_REASONS[i]`), `None`
    /// before the first report; the lock orders concurrent reports.
    reported: Mutex<Option<u8>>,
    /// Where readiness changes are counted (set once by [`Health::attach`]).
    metrics: OnceLock<Arc<Metrics>>,
}

impl Default for Health {
    fn default() -> Self {
        Health {
            consuming: AtomicBool::new(false),
            draining: AtomicBool::new(false),
            brokers_down: AtomicBool::new(true),
            failing_deliveries: AtomicUsize::new(0),
            failed_commits: AtomicU32::new(0),
            input_missing: AtomicBool::new(false),
            reported: Mutex::new(None),
            metrics: OnceLock::new(),
        }
    }
}

impl std::fmt::Debug for Health {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Health")
            .field("ready", &self.ready())
            .field("reasons", &self.reasons())
            .finish()
    }
}

/// Held while one output record's delivery is failing; dropping it (the
/// record was acknowledged, or the worker gave up) ends the failure.
pub struct FailingDelivery(Arc<Health>);

impl Drop for FailingDelivery {
    fn drop(&mut self) {
        self.0.apply(Change::DeliveryRecovered);
    }
}

/// A change of what readiness depends on: the argument of
/// [`Health::update`], the one way readiness changes (besides the
/// [`FailingDelivery`] guard, which must be released).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HealthChange {
    /// The consumer subscribed and the producer exists (or, false, they
    /// are gone).
    Consuming(bool),
    /// Shutting down or draining.
    Draining(bool),
    /// Every broker is unreachable (false on any timely sign of life: an
    /// ack, a commit, a metadata answer, an assignment).
    BrokersDown(bool),
    /// An input topic is missing.
    InputMissing(bool),
    /// An offset commit (or a transaction's) succeeded or failed.
    Commit {
        /// Whether it succeeded.
        ok: bool,
    },
}

/// Every change, including the delivery guard's.
enum Change {
    Public(HealthChange),
    DeliveryFailing,
    DeliveryRecovered,
}

impl Health {
    /// Mirror readiness in `metrics` from now on (the first call wins).
    pub fn attach(&self, metrics: Arc<Metrics>) {
        if self.metrics.set(metrics).is_ok() {
            self.report();
        }
    }
    /// Record `change`; returns whether the state it names changed (a
    /// commit outcome: whether the run of failures crossed
    /// [`COMMIT_FAILURES_NOT_READY`]). The readiness metrics and the
    /// "Ready." / "Not ready." log follow every change of the reason set.
    pub fn update(&self, change: HealthChange) -> bool {
        self.apply(Change::Public(change))
    }
    /// One output record's delivery failed; not ready until the returned
    /// guard is dropped (and no other record is failing).
    pub fn delivery_failing(self: &Arc<Self>) -> FailingDelivery {
        self.apply(Change::DeliveryFailing);
        FailingDelivery(self.clone())
    }
    /// The one place the state changes; reports a change of the reason
    /// set ([`ReadinessChanged`]).
    fn apply(&self, change: Change) -> bool {
        let flag = |f: &AtomicBool, v: bool| f.swap(v, Ordering::SeqCst) != v;
        let changed = match change {
            Change::Public(HealthChange::Consuming(v)) => flag(&self.consuming, v),
            Change::Public(HealthChange::Draining(v)) => flag(&self.draining, v),
            Change::Public(HealthChange::BrokersDown(v)) => flag(&self.brokers_down, v),
            Change::Public(HealthChange::InputMissing(v)) => flag(&self.input_missing, v),
            Change::Public(HealthChange::Commit { ok: true }) => {
                self.failed_commits.swap(0, Ordering::SeqCst) >= COMMIT_FAILURES_NOT_READY
            }
            Change::Public(HealthChange::Commit { ok: false }) => {
                self.failed_commits.fetch_add(1, Ordering::SeqCst) + 1 == COMMIT_FAILURES_NOT_READY
            }
            Change::DeliveryFailing => self.failing_deliveries.fetch_add(1, Ordering::SeqCst) == 0,
            Change::DeliveryRecovered => {
                self.failing_deliveries.fetch_sub(1, Ordering::SeqCst) == 1
            }
        };
        if changed {
            self.report();
        }
        changed
    }
    /// Whether every broker is (or, at start, may be) unreachable.
    pub fn brokers_down(&self) -> bool {
        self.brokers_down.load(Ordering::SeqCst)
    }
    /// Whether an input topic was found missing.
    pub fn input_missing(&self) -> bool {
        self.input_missing.load(Ordering::SeqCst)
    }
    /// The reasons the worker is not ready, as a bit set over
    /// [`NOT_READY_REASONS`].
    fn reason_bits(&self) -> u8 {
        let flags = [
            !self.consuming.load(Ordering::SeqCst),
            self.draining.load(Ordering::SeqCst),
            self.brokers_down.load(Ordering::SeqCst),
            self.failing_deliveries.load(Ordering::SeqCst) > 0,
            self.failed_commits.load(Ordering::SeqCst) >= COMMIT_FAILURES_NOT_READY,
            self.input_missing.load(Ordering::SeqCst),
        ];
        flags
            .iter()
            .enumerate()
            .fold(0, |bits, (i, f)| if *f { bits | (1 << i) } else { bits })
    }
    /// The reasons the worker is not ready (empty when ready).
    pub fn reasons(&self) -> Vec<&'static str> {
        let bits = self.reason_bits();
        NOT_READY_REASONS
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, r)| *r)
            .collect()
    }
    /// Ready: able to make progress (see the type's documentation).
    pub fn ready(&self) -> bool {
        self.reason_bits() == 0
    }
    /// Log and count a change of the reason set.
    fn report(&self) {
        let mut reported = self.reported.lock().unwrap_or_else(|p| p.into_inner());
        let bits = self.reason_bits();
        let before = *reported;
        if before == Some(bits) {
            return;
        }
        *reported = Some(bits);
        ReadinessChanged {
            metrics: self.metrics.get().map(|m| &**m),
            before,
            after: bits,
            draining: self.draining.load(Ordering::SeqCst),
        }
        .emit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_follows_every_reason_and_counts_transitions() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        h.attach(m.clone());
        assert_eq!(h.reasons(), vec!["not_consuming", "brokers_down"]);
        h.update(HealthChange::Consuming(true));
        assert!(!h.ready(), "unknown brokers count as down");
        h.update(HealthChange::BrokersDown(false));
        assert!(h.ready());
        assert_eq!(m.ready.get(), 1);
        assert_eq!(m.readiness_changes.with_label_values(&["true"]).get(), 1);

        let a = h.delivery_failing();
        let b = h.delivery_failing();
        assert_eq!(h.reasons(), vec!["deliveries_failing"]);
        assert_eq!(m.ready.get(), 0);
        assert_eq!(
            m.not_ready.with_label_values(&["deliveries_failing"]).get(),
            1
        );
        drop(a);
        assert!(!h.ready(), "one record still failing");
        drop(b);
        assert!(h.ready());
        assert_eq!(
            m.not_ready.with_label_values(&["deliveries_failing"]).get(),
            0
        );

        for _ in 1..COMMIT_FAILURES_NOT_READY {
            h.update(HealthChange::Commit { ok: false });
            assert!(h.ready(), "a few failed commits are routine");
        }
        h.update(HealthChange::Commit { ok: false });
        assert_eq!(h.reasons(), vec!["commits_failing"]);
        h.update(HealthChange::Commit { ok: true });
        assert!(h.ready());

        h.update(HealthChange::InputMissing(true));
        h.update(HealthChange::BrokersDown(true));
        assert_eq!(h.reasons(), vec!["brokers_down", "input_topic_missing"]);
        h.update(HealthChange::InputMissing(false));
        h.update(HealthChange::BrokersDown(false));
        assert!(h.ready());
        h.update(HealthChange::Draining(true));
        assert_eq!(h.reasons(), vec!["draining"]);
        assert_eq!(m.readiness_changes.with_label_values(&["true"]).get(), 4);
        assert_eq!(m.readiness_changes.with_label_values(&["false"]).get(), 4);
    }
}
