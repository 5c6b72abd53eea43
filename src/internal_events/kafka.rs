//! Events of the Kafka clients (`kafka/`), shared by the worker and the
//! novelty processor, and the error classes they log by (also read by
//! `kafka::consumer`): defined here so that events import nothing of the
//! clients they report on but the offsets' type.

use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::statistics::Statistics;

use super::InternalEvent;
use crate::kafka::offsets::TopicPartition;
use crate::telemetry::{Health, HealthChange, Metrics};

/// Authentication or TLS failures: the broker answered but refused us.
pub fn is_auth_error(error: &KafkaError) -> bool {
    matches!(
        error.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::Authentication
                | RDKafkaErrorCode::SaslAuthenticationFailed
                | RDKafkaErrorCode::SSL
        )
    )
}

/// Errors librdkafka reports for every failed (re)connection attempt.
pub fn is_connection_error(error: &KafkaError) -> bool {
    matches!(
        error.rdkafka_error_code(),
        Some(RDKafkaErrorCode::AllBrokersDown | RDKafkaErrorCode::BrokerTransportFailure)
    )
}

/// librdkafka reported an error through a consumer's context.
///
/// Connection errors can be stale (queued while the worker did not poll)
/// and repeat at every reconnect attempt: debug only, the producer (polled
/// continuously) reports outages. Rejected credentials or a failed TLS
/// handshake leave the service as cut off as a broker outage and are not
/// stale: brokers down, when `health` is given.
pub struct ConsumerClientError<'a> {
    /// Readiness to mark brokers down on authentication/TLS failures;
    /// `None` leaves readiness alone.
    pub health: Option<&'a Health>,
    /// The error.
    pub error: &'a KafkaError,
    /// librdkafka's reason text.
    pub reason: &'a str,
}

impl InternalEvent for ConsumerClientError<'_> {
    fn emit(self) {
        let (error, reason) = (self.error, self.reason);
        if is_auth_error(error) {
            if let Some(h) = self.health {
                h.update(HealthChange::BrokersDown(true));
            }
            tracing::warn!(message = "Kafka client error.", %error, reason);
        } else if is_connection_error(error) {
            tracing::debug!(message = "Kafka client error.", %error, reason);
        } else {
            tracing::warn!(message = "Kafka client error.", %error, reason);
        }
    }
}

/// librdkafka reported an error through the producer's context. A fatal
/// one is logged at error (the worker stops). All brokers down and
/// authentication/TLS failures mark brokers down; they repeat at every
/// failed reconnect, so only the first of an outage is logged at warn, as
/// are other errors except reconnect failures during a known outage.
pub struct ProducerClientError<'a> {
    /// Readiness (brokers down).
    pub health: &'a Health,
    /// The error.
    pub error: &'a KafkaError,
    /// librdkafka's reason text.
    pub reason: &'a str,
}

impl InternalEvent for ProducerClientError<'_> {
    fn emit(self) {
        let (error, reason) = (self.error, self.reason);
        let code = error.rdkafka_error_code();
        if code == Some(RDKafkaErrorCode::Fatal) {
            tracing::error!(message = "Fatal producer error.", %error, reason);
        } else if code == Some(RDKafkaErrorCode::AllBrokersDown) || is_auth_error(error) {
            if self.health.update(HealthChange::BrokersDown(true)) {
                tracing::warn!(message = "Producer error.", %error, reason);
            } else {
                tracing::debug!(message = "Producer error.", %error, reason);
            }
        } else if is_connection_error(error) && self.health.brokers_down() {
            tracing::debug!(message = "Producer error.", %error, reason);
        } else {
            tracing::warn!(message = "Producer error.", %error, reason);
        }
    }
}

/// librdkafka statistics of a consumer: the lag per partition, the group's
/// rebalance count and the time of these statistics (they arrive only while
/// the consumer is polled, so an old time means a wedged worker whose lag
/// gauges are frozen). Never readiness: they can be minutes old.
///
/// The lag is measured from the offsets the service committed: librdkafka's
/// `consumer_lag` is the end offset minus `committed_offset`, which only a
/// consumer offset commit moves (at-least-once), and `consumer_lag_stored`
/// the end offset minus `stored_offset`, which the exactly-once worker sets
/// to the offsets it committed in each transaction (a transactional offset
/// commit does not move `committed_offset`). Both only move forward, so the
/// smaller valid one is the lag behind the last commit.
pub struct ConsumerStatistics<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// The statistics.
    pub stats: &'a Statistics,
}

impl InternalEvent for ConsumerStatistics<'_> {
    fn emit(self) {
        let (metrics, stats) = (self.metrics, self.stats);
        for (topic, t) in &stats.topics {
            for (p, part) in &t.partitions {
                let lag = [part.consumer_lag, part.consumer_lag_stored]
                    .into_iter()
                    .filter(|l| *l >= 0)
                    .min();
                if let (true, Some(lag)) = (*p >= 0, lag) {
                    metrics
                        .consumer_lag
                        .with_label_values(&[topic.as_str(), &p.to_string()])
                        .set(lag);
                }
            }
        }
        if let Some(cgrp) = &stats.cgrp {
            metrics.observe_rebalance_count(cgrp.rebalance_cnt);
        }
        metrics.consumer_stats_timestamp.set(stats.time as f64);
    }
}

/// Partitions were revoked (after the delivery mode's revoke policy ran):
/// their lag series go, the next owner reports them.
pub struct PartitionsRevoked<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// The partitions.
    pub partitions: &'a [TopicPartition],
}

impl InternalEvent for PartitionsRevoked<'_> {
    fn emit(self) {
        for (topic, partition) in self.partitions {
            let _ = self
                .metrics
                .consumer_lag
                .remove_label_values(&[topic.as_str(), &partition.to_string()]);
        }
        tracing::info!(
            message = "Partitions revoked.",
            count = self.partitions.len()
        );
    }
}

/// A rebalance ended; `total` partitions are assigned now.
pub struct RebalanceDone<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Readiness (an assignment proves the group coordinator answers).
    pub health: &'a Health,
    /// Partitions assigned after it.
    pub total: usize,
    /// What it was.
    pub outcome: RebalanceOutcome<'a>,
}

/// How a rebalance ended.
pub enum RebalanceOutcome<'a> {
    /// `count` partitions were added, with the group's rebalance protocol
    /// when known.
    Assigned {
        /// Partitions added.
        count: usize,
        /// `cooperative`, `eager` or `none`.
        protocol: Option<&'static str>,
    },
    /// Partitions were taken away.
    Revoked,
    /// The rebalance failed.
    Failed(&'a KafkaError),
}

impl InternalEvent for RebalanceDone<'_> {
    fn emit(self) {
        let total = self.total;
        self.metrics.partitions_assigned.set(total as i64);
        match self.outcome {
            RebalanceOutcome::Assigned { count, protocol } => {
                // The group coordinator answered: a broker is reachable.
                self.health.update(HealthChange::BrokersDown(false));
                match protocol {
                    Some(protocol) => {
                        tracing::info!(message = "Partitions assigned.", count, total, protocol)
                    }
                    None => tracing::info!(message = "Partitions assigned.", count, total),
                }
            }
            RebalanceOutcome::Revoked => {}
            RebalanceOutcome::Failed(error) => {
                tracing::warn!(message = "Rebalance failed.", %error)
            }
        }
    }
}

/// Which commit an outcome is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommitKind {
    /// librdkafka's auto-commit, reported late (when the consumer is
    /// polled): proof that commits succeed, not that a broker answers now.
    Auto,
    /// A synchronous commit just made (shutdown, periodic): its success
    /// also proves that a broker answers.
    Sync,
    /// The synchronous commit of partitions being revoked.
    Revoke,
}

impl CommitKind {
    /// Whether the outcome is that of a call just made.
    fn fresh(self) -> bool {
        self != CommitKind::Auto
    }
}

/// Offsets were committed.
pub struct OffsetsCommitted<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Readiness.
    pub health: &'a Health,
    /// Which commit.
    pub kind: CommitKind,
}

impl InternalEvent for OffsetsCommitted<'_> {
    fn emit(self) {
        self.metrics.commits.inc();
        self.health.update(HealthChange::Commit { ok: true });
        if self.kind.fresh() {
            self.health.update(HealthChange::BrokersDown(false));
        }
        tracing::debug!(message = "Committed offsets.");
    }
}

/// An offset commit failed; a run of them makes the service not ready
/// (`commits_failing`).
pub struct CommitFailed<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Readiness.
    pub health: &'a Health,
    /// The error.
    pub error: &'a KafkaError,
    /// Which commit.
    pub kind: CommitKind,
}

impl InternalEvent for CommitFailed<'_> {
    fn emit(self) {
        self.metrics.commit_errors.inc();
        self.health.update(HealthChange::Commit { ok: false });
        let error = self.error;
        if self.kind == CommitKind::Revoke {
            tracing::warn!(message = "Commit on revoke failed.", %error);
        } else {
            tracing::warn!(message = "Commit failed.", %error);
        }
    }
}

/// Reading the consumer failed. Connection errors are events of the past
/// (one per failed reconnect, possibly queued for long): debug. An input
/// topic that does not exist makes the service not ready until the
/// readiness probe finds it, when `health` is given.
pub struct ConsumeFailed<'a> {
    /// Readiness (`input_topic_missing`); `None` leaves it alone.
    pub health: Option<&'a Health>,
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for ConsumeFailed<'_> {
    fn emit(self) {
        let error = self.error;
        if is_connection_error(error) {
            tracing::debug!(message = "Consume failed.", %error);
            return;
        }
        tracing::warn!(message = "Consume failed.", %error);
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::UnknownTopicOrPartition) {
            if let Some(h) = self.health {
                h.update(HealthChange::InputMissing(true));
            }
        }
    }
}

/// The readiness probe got no metadata answer: brokers still unreachable.
pub struct ProbeFailed<'a> {
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for ProbeFailed<'_> {
    fn emit(self) {
        tracing::debug!(message = "Readiness probe failed.", error = %self.error);
    }
}

/// The readiness probe got metadata answers: a broker is reachable, and
/// `missing` input topics do not exist.
pub struct ProbeAnswered<'a> {
    /// Readiness.
    pub health: &'a Health,
    /// Input topics that do not exist.
    pub missing: &'a [&'a str],
}

impl InternalEvent for ProbeAnswered<'_> {
    fn emit(self) {
        if !self.missing.is_empty() {
            tracing::warn!(message = "Input topic missing.", topics = ?self.missing);
        }
        // Missing topics first: answering brokers must not flash "ready".
        self.health
            .update(HealthChange::InputMissing(!self.missing.is_empty()));
        self.health.update(HealthChange::BrokersDown(false));
    }
}

/// librdkafka refused to queue an output record (other than a full queue);
/// it is handed over again after a backoff.
pub struct ProduceRetried<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Its topic.
    pub topic: &'a str,
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for ProduceRetried<'_> {
    fn emit(self) {
        let (topic, error) = (self.topic, self.error);
        self.metrics
            .produce_errors
            .with_label_values(&[topic])
            .inc();
        tracing::warn!(message = "Produce failed; retrying.", topic, %error);
    }
}

/// An output record was acknowledged: proof that a broker is reachable.
pub struct OutputAcked<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Readiness.
    pub health: &'a Health,
    /// Its topic.
    pub topic: &'a str,
}

impl InternalEvent for OutputAcked<'_> {
    fn emit(self) {
        self.metrics.produced.with_label_values(&[self.topic]).inc();
        self.health.update(HealthChange::BrokersDown(false));
    }
}

/// An output record's delivery failed (or its delivery future was
/// canceled, `error: None`); it is produced again. A long outage retries
/// every in-flight record every few seconds, so a record's later failures
/// (`first: false`) are logged at debug.
pub struct DeliveryFailed<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Its topic.
    pub topic: &'a str,
    /// The error; `None` when the delivery future was canceled.
    pub error: Option<&'a KafkaError>,
    /// Whether it is the record's first failure of this outage.
    pub first: bool,
}

impl InternalEvent for DeliveryFailed<'_> {
    fn emit(self) {
        let topic = self.topic;
        self.metrics
            .produce_errors
            .with_label_values(&[topic])
            .inc();
        match self.error {
            None => tracing::warn!(message = "Delivery canceled; producing again.", topic),
            Some(error) if self.first => {
                tracing::warn!(message = "Delivery failed; producing again.", topic, %error)
            }
            Some(error) => {
                tracing::debug!(message = "Delivery failed; producing again.", topic, %error)
            }
        }
    }
}

/// Flushing the producer at shutdown failed: records not yet acknowledged
/// stay uncommitted and are re-read.
pub struct ProducerFlushFailed<'a> {
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for ProducerFlushFailed<'_> {
    fn emit(self) {
        tracing::warn!(message = "Producer flush failed.", error = %self.error);
    }
}

/// `--embedded`: reading back the output topics to print them failed for
/// one record; the printer goes on.
pub struct OutputReadFailed<'a> {
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for OutputReadFailed<'_> {
    fn emit(self) {
        tracing::warn!(message = "Reading outputs failed.", error = %self.error);
    }
}

/// `--embedded`: the in-process broker runs and holds the samples.
pub struct EmbeddedBrokerStarted<'a> {
    /// Its address.
    pub brokers: &'a str,
    /// Sample articles published.
    pub samples: usize,
}

impl InternalEvent for EmbeddedBrokerStarted<'_> {
    fn emit(self) {
        tracing::info!(
            message = "Embedded broker started.",
            // Unquoted (Display): scripts read the address off this line.
            brokers = %self.brokers,
            samples = self.samples
        );
    }
}

/// `--embedded`: the printer saw the outputs of every sample (`Ok`), or
/// failed.
pub struct EmbeddedOutputsPrinted<'a> {
    /// Samples expected.
    pub samples: usize,
    /// The printer's outcome.
    pub result: &'a rdkafka::error::KafkaResult<()>,
}

impl InternalEvent for EmbeddedOutputsPrinted<'_> {
    fn emit(self) {
        match self.result {
            Ok(()) => tracing::info!(message = "Every sample enriched.", samples = self.samples),
            Err(error) => tracing::warn!(message = "Output printer failed.", %error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telemetry::COMMIT_FAILURES_NOT_READY;

    /// A health state that is ready, attached to `m`.
    fn ready(m: &std::sync::Arc<Metrics>) -> Health {
        let h = Health::default();
        h.attach(m.clone());
        h.update(HealthChange::Consuming(true));
        h.update(HealthChange::BrokersDown(false));
        assert!(h.ready());
        h
    }

    #[test]
    fn a_late_auto_commit_report_proves_commits_not_brokers() {
        let m = std::sync::Arc::new(Metrics::new().unwrap());
        let h = Health::default();
        let committed = |kind| {
            OffsetsCommitted {
                metrics: &m,
                health: &h,
                kind,
            }
            .emit()
        };
        committed(CommitKind::Auto);
        assert!(h.brokers_down());
        committed(CommitKind::Sync);
        assert!(!h.brokers_down());
        assert_eq!(m.commits.get(), 2);
    }

    #[test]
    fn a_run_of_failed_commits_makes_the_service_not_ready() {
        let m = std::sync::Arc::new(Metrics::new().unwrap());
        let h = ready(&m);
        let error = KafkaError::ConsumerCommit(RDKafkaErrorCode::RequestTimedOut);
        for i in 1..=COMMIT_FAILURES_NOT_READY {
            assert!(h.ready(), "not ready after {} failures", i - 1);
            CommitFailed {
                metrics: &m,
                health: &h,
                error: &error,
                kind: if i % 2 == 0 {
                    CommitKind::Revoke
                } else {
                    CommitKind::Auto
                },
            }
            .emit();
        }
        assert_eq!(h.reasons(), vec!["commits_failing"]);
        assert_eq!(m.commit_errors.get(), u64::from(COMMIT_FAILURES_NOT_READY));
        assert_eq!(m.ready.get(), 0);
    }

    #[test]
    fn reads_of_a_missing_topic_and_the_probe_drive_input_topic_missing() {
        let m = std::sync::Arc::new(Metrics::new().unwrap());
        let h = ready(&m);
        let stale = KafkaError::MessageConsumption(RDKafkaErrorCode::AllBrokersDown);
        ConsumeFailed {
            health: Some(&h),
            error: &stale,
        }
        .emit();
        assert!(h.ready(), "a connection error of the past is not a fault");
        let missing = KafkaError::MessageConsumption(RDKafkaErrorCode::UnknownTopicOrPartition);
        ConsumeFailed {
            health: None,
            error: &missing,
        }
        .emit();
        assert!(h.ready(), "without health, readiness is left alone");
        ConsumeFailed {
            health: Some(&h),
            error: &missing,
        }
        .emit();
        assert_eq!(h.reasons(), vec!["input_topic_missing"]);
        h.update(HealthChange::BrokersDown(true));
        ProbeAnswered {
            health: &h,
            missing: &["in"],
        }
        .emit();
        assert_eq!(h.reasons(), vec!["input_topic_missing"]);
        ProbeAnswered {
            health: &h,
            missing: &[],
        }
        .emit();
        assert!(h.ready());
    }

    #[test]
    fn client_errors_mark_brokers_down_only_when_they_mean_it() {
        let m = std::sync::Arc::new(Metrics::new().unwrap());
        let h = ready(&m);
        let transport = KafkaError::Global(RDKafkaErrorCode::BrokerTransportFailure);
        ConsumerClientError {
            health: Some(&h),
            error: &transport,
            reason: "reconnect",
        }
        .emit();
        ProducerClientError {
            health: &h,
            error: &transport,
            reason: "reconnect",
        }
        .emit();
        assert!(h.ready(), "one failed reconnect is not an outage");
        let auth = KafkaError::Global(RDKafkaErrorCode::SaslAuthenticationFailed);
        ConsumerClientError {
            health: Some(&h),
            error: &auth,
            reason: "sasl",
        }
        .emit();
        assert_eq!(h.reasons(), vec!["brokers_down"]);
        OutputAcked {
            metrics: &m,
            health: &h,
            topic: "out",
        }
        .emit();
        assert!(h.ready());
        assert_eq!(m.produced.with_label_values(&["out"]).get(), 1);
        let down = KafkaError::Global(RDKafkaErrorCode::AllBrokersDown);
        ProducerClientError {
            health: &h,
            error: &down,
            reason: "all down",
        }
        .emit();
        assert_eq!(h.reasons(), vec!["brokers_down"]);
    }

    #[test]
    fn rebalances_set_the_assignment_and_revokes_drop_lag_series() {
        let m = std::sync::Arc::new(Metrics::new().unwrap());
        let h = Health::default();
        RebalanceDone {
            metrics: &m,
            health: &h,
            total: 3,
            outcome: RebalanceOutcome::Assigned {
                count: 3,
                protocol: Some("cooperative"),
            },
        }
        .emit();
        assert_eq!(m.partitions_assigned.get(), 3);
        assert!(!h.brokers_down(), "the coordinator answered");
        m.consumer_lag.with_label_values(&["in", "1"]).set(7);
        PartitionsRevoked {
            metrics: &m,
            partitions: &[("in".to_string(), 1)],
        }
        .emit();
        assert!(!m.render().contains("byline_consumer_lag{"));
        RebalanceDone {
            metrics: &m,
            health: &h,
            total: 2,
            outcome: RebalanceOutcome::Revoked,
        }
        .emit();
        assert_eq!(m.partitions_assigned.get(), 2);
    }

    #[test]
    fn failed_deliveries_count_as_produce_errors() {
        let m = Metrics::new().unwrap();
        let error = KafkaError::MessageProduction(RDKafkaErrorCode::MessageTimedOut);
        for (error, first) in [(Some(&error), true), (Some(&error), false), (None, true)] {
            DeliveryFailed {
                metrics: &m,
                topic: "out",
                error,
                first,
            }
            .emit();
        }
        ProduceRetried {
            metrics: &m,
            topic: "out",
            error: &error,
        }
        .emit();
        assert_eq!(m.produce_errors.with_label_values(&["out"]).get(), 4);
    }
}
