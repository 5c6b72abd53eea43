//! Observability: every metric (here; names and labels are the agreed
//! interface in `METRICS.md`, shared with the deployment), the health state
//! behind `/healthz` and `/readyz` (`health`), the HTTP endpoint
//! (`http`), and log setup.

mod health;
mod http;

pub use health::{
    FailingDelivery, Health, HealthChange, COMMIT_FAILURES_NOT_READY, NOT_READY_REASONS,
};
pub use http::{serve, serve_with, HttpLimits};

use crate::internal_events::{InternalEvent, MetricsEncodingFailed};
use prometheus::{
    Encoder, Gauge, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};

/// Errors of telemetry setup.
#[derive(Debug, thiserror::Error)]
pub enum TelemetryError {
    /// A metric could not be registered (a duplicate name: a bug).
    #[error("registering metrics: {0}")]
    Prometheus(#[from] prometheus::Error),
    /// The HTTP endpoint could not bind.
    #[error("binding the metrics endpoint on {addr}: {source}")]
    Bind {
        /// The address.
        addr: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// Every metric byline exports.
pub struct Metrics {
    /// The registry served at `/metrics`.
    pub registry: Registry,
    /// `byline_articles_consumed_total{topic}`.
    pub consumed: IntCounterVec,
    /// `byline_articles_enriched_total`.
    pub enriched: IntCounter,
    /// `byline_articles_failed_total{reason}`.
    pub failed: IntCounterVec,
    /// `byline_articles_dead_lettered_total{reason}`.
    pub dead_lettered: IntCounterVec,
    /// `byline_records_produced_total{topic}`.
    pub produced: IntCounterVec,
    /// `byline_produce_errors_total{topic}`.
    pub produce_errors: IntCounterVec,
    /// `byline_stage_duration_seconds{stage}`.
    pub stage_duration: HistogramVec,
    /// `byline_end_to_end_latency_seconds`.
    pub end_to_end: Histogram,
    /// `byline_in_flight_messages`.
    pub in_flight: IntGauge,
    /// `byline_consumer_lag{topic,partition}`: end offset minus the offset
    /// the worker last committed (`internal_events::ConsumerStatistics`).
    pub consumer_lag: IntGaugeVec,
    /// `byline_consumer_rebalances_total`: librdkafka's `cgrp.rebalance_cnt`
    /// (assignments and revocations of this consumer).
    pub consumer_rebalances: IntCounter,
    /// `byline_consumer_stats_timestamp_seconds`: Unix time of the last
    /// librdkafka statistics. They arrive only while the worker polls the
    /// consumer: an old value means a wedged worker with frozen lag gauges.
    pub consumer_stats_timestamp: Gauge,
    /// `byline_commits_total`.
    pub commits: IntCounter,
    /// `byline_commit_errors_total`.
    pub commit_errors: IntCounter,
    /// `byline_extracted_total{kind}`.
    pub extracted: IntCounterVec,
    /// `byline_statements_total`.
    pub statements: IntCounter,
    /// `byline_ready`.
    pub ready: IntGauge,
    /// `byline_not_ready{reason}`: 1 for each reason the worker is not ready.
    pub not_ready: IntGaugeVec,
    /// `byline_readiness_changes_total{ready}`: transitions to ready/not ready.
    pub readiness_changes: IntCounterVec,
    /// `byline_partitions_assigned`.
    pub partitions_assigned: IntGauge,
    /// `byline_build_info{version}`.
    pub build_info: IntGaugeVec,
    /// `byline_transactions_total{outcome}` (`exactly-once` mode):
    /// `committed` or `aborted`.
    pub transactions: IntCounterVec,
    /// `byline_transaction_duration_seconds` (`exactly-once` mode): first
    /// record read to `commit_transaction` returned, committed ones only.
    pub transaction_duration: Histogram,
}

/// `outcome` label of a committed transaction.
pub const TXN_COMMITTED: &str = "committed";
/// `outcome` label of an aborted transaction.
pub const TXN_ABORTED: &str = "aborted";

/// Failure reason label of a panicking enrichment.
pub const REASON_ENRICH_PANIC: &str = "enrich_panic";

impl Metrics {
    /// Create and register every metric; label sets known up front start at 0
    /// so dashboards show them before the first event.
    pub fn new() -> Result<Metrics, TelemetryError> {
        let registry = Registry::new();
        let counter_vec = |name: &str, help: &str, labels: &[&str]| {
            IntCounterVec::new(Opts::new(name, help), labels)
        };
        let m = Metrics {
            consumed: counter_vec(
                "byline_articles_consumed_total",
                "Input records read.",
                &["topic"],
            )?,
            enriched: IntCounter::new(
                "byline_articles_enriched_total",
                "Articles enriched and whose outputs were all acknowledged.",
            )?,
            failed: counter_vec(
                "byline_articles_failed_total",
                "Inputs that failed, by reason.",
                &["reason"],
            )?,
            dead_lettered: counter_vec(
                "byline_articles_dead_lettered_total",
                "Dead-letter records acknowledged, by reason.",
                &["reason"],
            )?,
            produced: counter_vec(
                "byline_records_produced_total",
                "Output records acknowledged by the broker.",
                &["topic"],
            )?,
            produce_errors: counter_vec(
                "byline_produce_errors_total",
                "Failed produce attempts (delivery errors).",
                &["topic"],
            )?,
            stage_duration: HistogramVec::new(
                HistogramOpts::new("byline_stage_duration_seconds", "Per-stage latency.").buckets(
                    vec![
                        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                        0.25, 1.0,
                    ],
                ),
                &["stage"],
            )?,
            end_to_end: Histogram::with_opts(
                HistogramOpts::new(
                    "byline_end_to_end_latency_seconds",
                    "Input message timestamp to all outputs acknowledged.",
                )
                .buckets(vec![
                    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
                ]),
            )?,
            in_flight: IntGauge::new(
                "byline_in_flight_messages",
                "Input records consumed but not yet ready to commit.",
            )?,
            consumer_lag: IntGaugeVec::new(
                Opts::new(
                    "byline_consumer_lag",
                    "Consumer lag per partition (librdkafka statistics).",
                ),
                &["topic", "partition"],
            )?,
            consumer_rebalances: IntCounter::new(
                "byline_consumer_rebalances_total",
                "Consumer group rebalances (assignments and revocations; librdkafka cgrp.rebalance_cnt).",
            )?,
            consumer_stats_timestamp: Gauge::new(
                "byline_consumer_stats_timestamp_seconds",
                "Unix time of the last librdkafka consumer statistics (only delivered while the worker polls).",
            )?,
            commits: IntCounter::new("byline_commits_total", "Successful offset commits.")?,
            commit_errors: IntCounter::new("byline_commit_errors_total", "Failed offset commits.")?,
            extracted: counter_vec(
                "byline_extracted_total",
                "Items extracted, by kind.",
                &["kind"],
            )?,
            statements: IntCounter::new(
                "byline_statements_total",
                "Statement events acknowledged.",
            )?,
            ready: IntGauge::new("byline_ready", "1 when /readyz answers 200, else 0.")?,
            not_ready: IntGaugeVec::new(
                Opts::new(
                    "byline_not_ready",
                    "1 for each reason the worker is not ready (/readyz 503), else 0.",
                ),
                &["reason"],
            )?,
            readiness_changes: counter_vec(
                "byline_readiness_changes_total",
                "Transitions of readiness, by the new state.",
                &["ready"],
            )?,
            partitions_assigned: IntGauge::new(
                "byline_partitions_assigned",
                "Partitions currently assigned.",
            )?,
            build_info: IntGaugeVec::new(
                Opts::new("byline_build_info", "Build information (always 1)."),
                &["version"],
            )?,
            transactions: counter_vec(
                "byline_transactions_total",
                "Transactions ended (exactly-once mode), by outcome.",
                &["outcome"],
            )?,
            transaction_duration: Histogram::with_opts(
                HistogramOpts::new(
                    "byline_transaction_duration_seconds",
                    "First record read to transaction committed (exactly-once mode).",
                )
                .buckets(vec![
                    0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
                ]),
            )?,
            registry,
        };
        m.registry.register(Box::new(m.consumed.clone()))?;
        m.registry.register(Box::new(m.enriched.clone()))?;
        m.registry.register(Box::new(m.failed.clone()))?;
        m.registry.register(Box::new(m.dead_lettered.clone()))?;
        m.registry.register(Box::new(m.produced.clone()))?;
        m.registry.register(Box::new(m.produce_errors.clone()))?;
        m.registry.register(Box::new(m.stage_duration.clone()))?;
        m.registry.register(Box::new(m.end_to_end.clone()))?;
        m.registry.register(Box::new(m.in_flight.clone()))?;
        m.registry.register(Box::new(m.consumer_lag.clone()))?;
        m.registry
            .register(Box::new(m.consumer_rebalances.clone()))?;
        m.registry
            .register(Box::new(m.consumer_stats_timestamp.clone()))?;
        m.registry.register(Box::new(m.commits.clone()))?;
        m.registry.register(Box::new(m.commit_errors.clone()))?;
        m.registry.register(Box::new(m.extracted.clone()))?;
        m.registry.register(Box::new(m.statements.clone()))?;
        m.registry.register(Box::new(m.ready.clone()))?;
        m.registry.register(Box::new(m.not_ready.clone()))?;
        m.registry.register(Box::new(m.readiness_changes.clone()))?;
        m.registry
            .register(Box::new(m.partitions_assigned.clone()))?;
        m.registry.register(Box::new(m.build_info.clone()))?;
        m.registry.register(Box::new(m.transactions.clone()))?;
        m.registry
            .register(Box::new(m.transaction_duration.clone()))?;
        m.build_info.with_label_values(&[crate::VERSION]).set(1);
        for o in [TXN_COMMITTED, TXN_ABORTED] {
            m.transactions.with_label_values(&[o]).inc_by(0);
        }
        for r in crate::article::DecodeError::REASONS
            .iter()
            .chain([&REASON_ENRICH_PANIC])
        {
            m.failed.with_label_values(&[r]).inc_by(0);
            m.dead_lettered.with_label_values(&[r]).inc_by(0);
        }
        for s in ["analyze", "dates", "entities", "quotes"] {
            let _ = m.stage_duration.with_label_values(&[s]);
        }
        for r in NOT_READY_REASONS {
            m.not_ready.with_label_values(&[r]).set(0);
        }
        for r in ["true", "false"] {
            m.readiness_changes.with_label_values(&[r]).inc_by(0);
        }
        for k in ["dates", "quotes", "entities"] {
            m.extracted.with_label_values(&[k]).inc_by(0);
        }
        Ok(m)
    }

    /// Create the per-topic series at zero, so dashboards and alerts see
    /// them (as 0) before the first record or error: a series that was
    /// never touched is absent from `/metrics`.
    pub fn init_topics(&self, inputs: &[String], outputs: &[&str]) {
        for t in inputs {
            self.consumed.with_label_values(&[t.as_str()]).inc_by(0);
        }
        for t in outputs {
            self.produced.with_label_values(&[t]).inc_by(0);
            self.produce_errors.with_label_values(&[t]).inc_by(0);
        }
    }

    /// Bring `byline_consumer_rebalances_total` up to librdkafka's
    /// cumulative `cgrp.rebalance_cnt` (statistics report the total).
    pub fn observe_rebalance_count(&self, total: i64) {
        let seen = self.consumer_rebalances.get();
        if let Ok(total) = u64::try_from(total) {
            if total > seen {
                self.consumer_rebalances.inc_by(total - seen);
            }
        }
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        let mut buf = Vec::new();
        if let Err(error) = TextEncoder::new().encode(&self.registry.gather(), &mut buf) {
            MetricsEncodingFailed { error: &error }.emit();
        }
        String::from_utf8(buf).unwrap_or_default()
    }
}

/// Install the global tracing subscriber on stderr, `text` or `json`.
pub fn init_logs(format: &str, level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .or_else(|_| tracing_subscriber::EnvFilter::try_new(level))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Colours only for a terminal: log collectors get plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    let _ = if format == "json" {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_render_with_agreed_names() {
        let m = Metrics::new().unwrap();
        m.consumed.with_label_values(&["articles.raw"]).inc();
        m.consumer_lag
            .with_label_values(&["articles.raw", "0"])
            .set(3);
        let text = m.render();
        for name in [
            "byline_articles_consumed_total",
            "byline_articles_failed_total{reason=\"too_large\"} 0",
            "byline_build_info{version=",
            "byline_consumer_lag{partition=\"0\",topic=\"articles.raw\"} 3",
            "byline_ready",
        ] {
            assert!(text.contains(name), "{name} missing");
        }
    }

    #[test]
    fn rebalance_counter_follows_the_cumulative_count() {
        let m = Metrics::new().unwrap();
        m.observe_rebalance_count(2);
        m.observe_rebalance_count(2);
        m.observe_rebalance_count(5);
        m.observe_rebalance_count(-1);
        assert_eq!(m.consumer_rebalances.get(), 5);
        assert!(m.render().contains("byline_consumer_rebalances_total 5"));
    }

    #[test]
    fn topic_series_exist_before_any_record() {
        let m = Metrics::new().unwrap();
        assert!(!m.render().contains("byline_produce_errors_total{"));
        m.init_topics(&["in".to_string()], &["out", "dlq"]);
        let text = m.render();
        for line in [
            "byline_articles_consumed_total{topic=\"in\"} 0",
            "byline_records_produced_total{topic=\"out\"} 0",
            "byline_produce_errors_total{topic=\"dlq\"} 0",
        ] {
            assert!(text.contains(line), "{line} missing");
        }
    }
}
