//! Readiness events.

use super::InternalEvent;
use crate::telemetry::{Metrics, NOT_READY_REASONS};

/// The set of reasons the worker is not ready changed (or was reported for
/// the first time): `byline_ready`, `byline_not_ready{reason}` and
/// `byline_readiness_changes_total{ready}` follow, and "Ready." / "Not
/// ready." is logged; a worker that was ready and is not, without draining,
/// is a fault and logged at warn.
pub struct ReadinessChanged<'a> {
    /// Where readiness is mirrored, once attached.
    pub metrics: Option<&'a Metrics>,
    /// The reason set reported last (bit i = `NOT_READY_REASONS[i]`),
    /// `None` before the first report.
    pub before: Option<u8>,
    /// The reason set now.
    pub after: u8,
    /// Whether the worker is draining (a shutdown, not a fault).
    pub draining: bool,
}

impl InternalEvent for ReadinessChanged<'_> {
    fn emit(self) {
        let ready = self.after == 0;
        let was_ready = self.before == Some(0);
        let has = |i: usize| self.after & (1 << i) != 0;
        if let Some(m) = self.metrics {
            m.ready.set(i64::from(ready));
            for (i, r) in NOT_READY_REASONS.iter().enumerate() {
                m.not_ready.with_label_values(&[r]).set(i64::from(has(i)));
            }
            if self.before.is_some() && ready != was_ready {
                m.readiness_changes
                    .with_label_values(&[if ready { "true" } else { "false" }])
                    .inc();
            }
        }
        let reasons = NOT_READY_REASONS
            .iter()
            .enumerate()
            .filter(|(i, _)| has(*i))
            .map(|(_, r)| *r)
            .collect::<Vec<_>>()
            .join(",");
        if ready {
            tracing::info!(message = "Ready.");
        } else if was_ready && !self.draining {
            // A fault, not a shutdown.
            tracing::warn!(message = "Not ready.", reasons = %reasons);
        } else {
            tracing::info!(message = "Not ready.", reasons = %reasons);
        }
    }
}
