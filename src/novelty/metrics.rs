//! The novelty processor's own metrics, registered in the shared registry
//! (served with the others at `/metrics`).

use prometheus::{Histogram, HistogramOpts, IntCounter, IntCounterVec, IntGauge, Opts, Registry};

/// Metrics of `byline novelty`.
pub struct NoveltyMetrics {
    /// `byline_novelty_sightings_total{outcome}`: `new` (announced) or
    /// `repeat` (counted on `statements.seen`).
    pub sightings: IntCounterVec,
    /// `byline_novelty_identities`: identities held in memory.
    pub identities: IntGauge,
    /// `byline_novelty_evicted_total`: identities forgotten past the horizon.
    pub evicted: IntCounter,
    /// `byline_novelty_alerts_total`: new statements that matched the
    /// watchlist and went to its alerts topic.
    pub alerts: IntCounter,
    /// `byline_novelty_invalid_total`: statement records that did not parse (dead-lettered).
    pub invalid: IntCounter,
    /// `byline_novelty_restore_seconds`: changelog restore time per partition.
    pub restore_seconds: Histogram,
}

impl NoveltyMetrics {
    /// Create the metrics and register them in `registry`.
    pub fn register(registry: &Registry) -> Result<NoveltyMetrics, prometheus::Error> {
        let m = NoveltyMetrics {
            sightings: IntCounterVec::new(
                Opts::new(
                    "byline_novelty_sightings_total",
                    "Statements observed by the novelty processor, by outcome (new, repeat).",
                ),
                &["outcome"],
            )?,
            identities: IntGauge::new(
                "byline_novelty_identities",
                "Statement identities held in memory.",
            )?,
            evicted: IntCounter::new(
                "byline_novelty_evicted_total",
                "Identities evicted past the horizon.",
            )?,
            alerts: IntCounter::new(
                "byline_novelty_alerts_total",
                "New statements that matched the watchlist, sent to its alerts topic.",
            )?,
            invalid: IntCounter::new(
                "byline_novelty_invalid_total",
                "Statement records that could not be parsed (skipped).",
            )?,
            restore_seconds: Histogram::with_opts(
                HistogramOpts::new(
                    "byline_novelty_restore_seconds",
                    "Time to rebuild one partition's state from the changelog.",
                )
                .buckets(vec![0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 30.0, 60.0]),
            )?,
        };
        for outcome in ["new", "repeat"] {
            m.sightings.with_label_values(&[outcome]).inc_by(0);
        }
        registry.register(Box::new(m.sightings.clone()))?;
        registry.register(Box::new(m.identities.clone()))?;
        registry.register(Box::new(m.evicted.clone()))?;
        registry.register(Box::new(m.invalid.clone()))?;
        registry.register(Box::new(m.alerts.clone()))?;
        registry.register(Box::new(m.restore_seconds.clone()))?;
        Ok(m)
    }
}
