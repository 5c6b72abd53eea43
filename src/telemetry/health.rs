//! Readiness: why the worker cannot make progress, logged and mirrored in
//! the readiness metrics at every change.

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use super::Metrics;

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
        if self.0.failing_deliveries.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.report();
        }
    }
}

impl Health {
    /// Mirror readiness in `metrics` from now on (the first call wins).
    pub fn attach(&self, metrics: Arc<Metrics>) {
        if self.metrics.set(metrics).is_ok() {
            self.report();
        }
    }
    /// Mark the consumer as subscribed (or not).
    pub fn set_consuming(&self, v: bool) {
        if self.consuming.swap(v, Ordering::SeqCst) != v {
            self.report();
        }
    }
    /// Mark the worker as draining (shutdown).
    pub fn set_draining(&self, v: bool) {
        if self.draining.swap(v, Ordering::SeqCst) != v {
            self.report();
        }
    }
    /// Record whether every broker is unreachable (false on any timely sign
    /// of life: an ack, a commit, a metadata answer, an assignment); returns
    /// whether that changed.
    pub fn set_brokers_down(&self, v: bool) -> bool {
        let changed = self.brokers_down.swap(v, Ordering::SeqCst) != v;
        if changed {
            self.report();
        }
        changed
    }
    /// Record whether an input topic is missing.
    pub fn set_input_missing(&self, v: bool) {
        if self.input_missing.swap(v, Ordering::SeqCst) != v {
            self.report();
        }
    }
    /// One output record's delivery failed; not ready until the returned
    /// guard is dropped (and no other record is failing).
    pub fn delivery_failing(self: &Arc<Self>) -> FailingDelivery {
        if self.failing_deliveries.fetch_add(1, Ordering::SeqCst) == 0 {
            self.report();
        }
        FailingDelivery(self.clone())
    }
    /// Record the outcome of an offset commit.
    pub fn commit_result(&self, ok: bool) {
        if ok {
            if self.failed_commits.swap(0, Ordering::SeqCst) >= COMMIT_FAILURES_NOT_READY {
                self.report();
            }
        } else if self.failed_commits.fetch_add(1, Ordering::SeqCst) + 1
            == COMMIT_FAILURES_NOT_READY
        {
            self.report();
        }
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
        let ready = bits == 0;
        let was_ready = before == Some(0);
        let reasons = self.reasons().join(",");
        if let Some(m) = self.metrics.get() {
            m.ready.set(i64::from(ready));
            for (i, r) in NOT_READY_REASONS.iter().enumerate() {
                m.not_ready
                    .with_label_values(&[r])
                    .set(i64::from(bits & (1 << i) != 0));
            }
            if before.is_some() && ready != was_ready {
                m.readiness_changes
                    .with_label_values(&[if ready { "true" } else { "false" }])
                    .inc();
            }
        }
        if ready {
            tracing::info!(message = "Ready.");
        } else if was_ready && !self.draining.load(Ordering::SeqCst) {
            // A fault, not a shutdown.
            tracing::warn!(message = "Not ready.", reasons = %reasons);
        } else {
            tracing::info!(message = "Not ready.", reasons = %reasons);
        }
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
        h.set_consuming(true);
        assert!(!h.ready(), "unknown brokers count as down");
        h.set_brokers_down(false);
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
            h.commit_result(false);
            assert!(h.ready(), "a few failed commits are routine");
        }
        h.commit_result(false);
        assert_eq!(h.reasons(), vec!["commits_failing"]);
        h.commit_result(true);
        assert!(h.ready());

        h.set_input_missing(true);
        h.set_brokers_down(true);
        assert_eq!(h.reasons(), vec!["brokers_down", "input_topic_missing"]);
        h.set_input_missing(false);
        h.set_brokers_down(false);
        assert!(h.ready());
        h.set_draining(true);
        assert_eq!(h.reasons(), vec!["draining"]);
        assert_eq!(m.readiness_changes.with_label_values(&["true"]).get(), 4);
        assert_eq!(m.readiness_changes.with_label_values(&["false"]).get(), 4);
    }
}
