//! Events of the streaming worker (`worker/`): one record's way through it,
//! the delivery modes' drains, revokes and transactions.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use rdkafka::error::KafkaError;

use super::InternalEvent;
use crate::config::Config;
use crate::telemetry::{Health, HealthChange, Metrics, TXN_ABORTED, TXN_COMMITTED};

/// The worker subscribed and starts reading.
pub struct WorkerStarted<'a> {
    /// Its configuration (brokers, topics, group, transactional id).
    pub config: &'a Config,
    /// Whether it runs the exactly-once mode.
    pub exactly_once: bool,
}

impl InternalEvent for WorkerStarted<'_> {
    fn emit(self) {
        let k = &self.config.kafka;
        if self.exactly_once {
            tracing::info!(message = "Worker started (exactly-once).", brokers = %k.brokers, topics = ?k.input_topics, group = %k.group_id, transactional_id = %k.effective_transactional_id());
        } else {
            tracing::info!(message = "Worker started.", brokers = %k.brokers, topics = ?k.input_topics, group = %k.group_id);
        }
    }
}

/// The worker left its group and stops.
pub struct WorkerStopped {
    /// Input records read during the run.
    pub consumed: u64,
    /// Records left unfinished by the drain (re-read later).
    pub unfinished: usize,
}

impl InternalEvent for WorkerStopped {
    fn emit(self) {
        tracing::info!(
            message = "Worker stopped.",
            consumed = self.consumed,
            unfinished = self.unfinished
        );
    }
}

/// An input record was read.
pub struct RecordConsumed<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Its topic.
    pub topic: &'a str,
}

impl InternalEvent for RecordConsumed<'_> {
    fn emit(self) {
        self.metrics.consumed.with_label_values(&[self.topic]).inc();
    }
}

/// An input could not be enriched (undecodable, too large, a panicking
/// stage) and goes to the dead-letter topic with `reason`.
pub struct InputDeadLettered<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// The `reason` label (`DecodeError::REASONS`, `enrich_panic`).
    pub reason: &'static str,
    /// What went wrong.
    pub error: &'a str,
    /// The input's topic.
    pub topic: &'a str,
    /// Its partition.
    pub partition: i32,
    /// Its offset.
    pub offset: i64,
}

impl InternalEvent for InputDeadLettered<'_> {
    fn emit(self) {
        let (reason, error, topic) = (self.reason, self.error, self.topic);
        self.metrics.failed.with_label_values(&[reason]).inc();
        tracing::warn!(
            message = "Input dead-lettered.",
            reason,
            error,
            topic,
            partition = self.partition,
            offset = self.offset
        );
    }
}

/// An enrichment stage ran on one article.
pub struct StageFinished<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// The stage (`analyze`, `dates`, `entities`, `quotes`).
    pub stage: &'a str,
    /// How long it took.
    pub took: Duration,
}

impl InternalEvent for StageFinished<'_> {
    fn emit(self) {
        self.metrics
            .stage_duration
            .with_label_values(&[self.stage])
            .observe(self.took.as_secs_f64());
    }
}

/// One article's enrichment found these items.
pub struct ItemsExtracted<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Dates.
    pub dates: usize,
    /// Entities.
    pub entities: usize,
    /// Quotes.
    pub quotes: usize,
}

impl InternalEvent for ItemsExtracted<'_> {
    fn emit(self) {
        let m = &self.metrics.extracted;
        m.with_label_values(&["dates"]).inc_by(self.dates as u64);
        m.with_label_values(&["entities"])
            .inc_by(self.entities as u64);
        m.with_label_values(&["quotes"]).inc_by(self.quotes as u64);
    }
}

/// One input's outputs are safe (acknowledged, or committed in a
/// transaction): its outcome, and its end-to-end latency from the input's
/// timestamp.
pub struct InputFinished<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// `Ok(statements)` when enriched, `Err(reason)` when dead-lettered.
    pub outcome: Result<u64, &'static str>,
    /// The input's timestamp (ms since the epoch), when it has one.
    pub timestamp_ms: Option<i64>,
    /// Now (ms since the epoch).
    pub now_ms: i64,
}

impl InternalEvent for InputFinished<'_> {
    fn emit(self) {
        let metrics = self.metrics;
        match self.outcome {
            Ok(statements) => {
                metrics.enriched.inc();
                metrics.statements.inc_by(statements);
            }
            Err(reason) => metrics.dead_lettered.with_label_values(&[reason]).inc(),
        }
        if let Some(ts) = self.timestamp_ms {
            if self.now_ms >= ts {
                metrics
                    .end_to_end
                    .observe((self.now_ms - ts) as f64 / 1000.0);
            }
        }
    }
}

/// The number of records consumed but not yet safe changed.
pub struct RecordsInFlight<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// How.
    pub change: InFlight,
}

/// A change of [`RecordsInFlight`].
#[derive(Clone, Copy, Debug)]
pub enum InFlight {
    /// One more record.
    Added,
    /// One record fewer.
    Done,
    /// Exactly this many now.
    Now(usize),
}

impl InternalEvent for RecordsInFlight<'_> {
    fn emit(self) {
        let g = &self.metrics.in_flight;
        match self.change {
            InFlight::Added => g.inc(),
            InFlight::Done => g.dec(),
            InFlight::Now(n) => g.set(n as i64),
        }
    }
}

/// A record's enrichment task was lost (only at runtime shutdown): the
/// record stays unacknowledged, its offset uncommitted; it is re-read.
pub struct EnrichmentLost {
    /// Its partition.
    pub partition: i32,
    /// Its offset.
    pub offset: i64,
}

impl InternalEvent for EnrichmentLost {
    fn emit(self) {
        tracing::warn!(
            message = "Enrichment task lost; record stays uncommitted.",
            partition = self.partition,
            offset = self.offset
        );
    }
}

/// A partition's queue task is gone (it panicked): the record stays
/// uncommitted and is re-read after a restart.
pub struct PartitionQueueClosed {
    /// The partition.
    pub partition: i32,
    /// The record's offset.
    pub offset: i64,
}

impl InternalEvent for PartitionQueueClosed {
    fn emit(self) {
        tracing::error!(
            message = "Partition queue closed.",
            partition = self.partition,
            offset = self.offset
        );
    }
}

/// The at-least-once drain starts waiting for `in_flight` records.
pub struct DrainingInFlight {
    /// Records in flight.
    pub in_flight: usize,
}

impl InternalEvent for DrainingInFlight {
    fn emit(self) {
        tracing::info!(
            message = "Shutting down: draining in-flight records.",
            in_flight = self.in_flight
        );
    }
}

/// The at-least-once drain timed out: the unfinished records' offsets are
/// not stored, they are re-read.
pub struct DrainTimedOut {
    /// Records left unfinished.
    pub unfinished: usize,
}

impl InternalEvent for DrainTimedOut {
    fn emit(self) {
        tracing::warn!(
            message = "Drain timed out; unfinished records will be re-read.",
            unfinished = self.unfinished
        );
    }
}

/// Storing a finished record's offset failed: only for a partition no
/// longer assigned, whose revoke committed.
pub struct OffsetStoreFailed<'a> {
    /// Its topic.
    pub topic: &'a str,
    /// Its partition.
    pub partition: i32,
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for OffsetStoreFailed<'_> {
    fn emit(self) {
        tracing::debug!(message = "Storing an offset failed.", topic = self.topic, partition = self.partition, error = %self.error);
    }
}

/// The offsets of revoked partitions were committed before they moved.
pub struct RevokedPartitionsCommitted {
    /// Partitions committed.
    pub partitions: usize,
}

impl InternalEvent for RevokedPartitionsCommitted {
    fn emit(self) {
        tracing::info!(
            message = "Committed revoked partitions.",
            partitions = self.partitions
        );
    }
}

/// A partition was revoked with unfinished records: they leave the
/// in-flight count, the next owner re-reads them.
pub struct UnfinishedRecordsRevoked<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// The partition's topic.
    pub topic: &'a str,
    /// The partition.
    pub partition: i32,
    /// Records unfinished.
    pub unfinished: usize,
    /// Whether the assignment was lost (no drain, no commit).
    pub lost: bool,
}

impl InternalEvent for UnfinishedRecordsRevoked<'_> {
    fn emit(self) {
        let (topic, partition, unfinished, lost) =
            (self.topic, self.partition, self.unfinished, self.lost);
        tracing::warn!(message = "Partition revoked with unfinished records; they will be re-read by the next owner.", topic, partition, unfinished, lost);
        self.metrics.in_flight.sub(unfinished as i64);
    }
}

/// The revoke callback stopped waiting for the revoked partitions' records
/// (`worker.drain_timeout_ms`).
pub struct RevokeDrainTimedOut;

impl InternalEvent for RevokeDrainTimedOut {
    fn emit(self) {
        tracing::debug!(message = "Revoke drain timed out.");
    }
}

/// `init_transactions` failed with a retriable error (brokers unreachable).
pub struct InitTransactionsRetried<'a> {
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for InitTransactionsRetried<'_> {
    fn emit(self) {
        tracing::warn!(message = "Initializing transactions failed; retrying.", error = %self.error);
    }
}

/// A revoke aborted the open transaction: its inputs are read again.
pub struct TransactionAbortedOnRevoke<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
}

impl InternalEvent for TransactionAbortedOnRevoke<'_> {
    fn emit(self) {
        self.metrics
            .transactions
            .with_label_values(&[TXN_ABORTED])
            .inc();
        tracing::info!(
            message =
                "Partitions revoked: open transaction aborted; its inputs will be read again."
        );
    }
}

/// Aborting on revoke failed; the broker aborts the transaction at its
/// timeout.
pub struct AbortOnRevokeFailed<'a> {
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for AbortOnRevokeFailed<'_> {
    fn emit(self) {
        tracing::warn!(message = "Abort on revoke failed; the broker aborts the transaction at its timeout.", error = %self.error);
    }
}

/// The exactly-once drain starts waiting for the open transaction's
/// `in_flight` records.
pub struct DrainingTransaction {
    /// Records in flight.
    pub in_flight: usize,
}

impl InternalEvent for DrainingTransaction {
    fn emit(self) {
        tracing::info!(
            message = "Shutting down: finishing the open transaction.",
            in_flight = self.in_flight
        );
    }
}

/// The exactly-once drain timed out: the open transaction is aborted.
pub struct TransactionDrainTimedOut {
    /// Records left unfinished.
    pub unfinished: usize,
}

impl InternalEvent for TransactionDrainTimedOut {
    fn emit(self) {
        tracing::warn!(
            message =
                "Drain timed out; the open transaction is aborted and its inputs will be re-read.",
            unfinished = self.unfinished
        );
    }
}

/// Producing an output record into the open transaction failed; the
/// transaction is aborted.
pub struct TransactionProduceFailed<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Its topic.
    pub topic: &'a str,
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for TransactionProduceFailed<'_> {
    fn emit(self) {
        let (topic, error) = (self.topic, self.error);
        tracing::warn!(message = "Produce failed inside a transaction.", topic, %error);
        self.metrics
            .produce_errors
            .with_label_values(&[topic])
            .inc();
    }
}

/// What the worker does after a failed transactional step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TxnStepNext {
    /// Call it again.
    Retry,
    /// Abort the transaction.
    Abort,
    /// Stop the worker (fatal).
    Stop,
}

/// A step of a transaction's commit (`send_offsets_to_transaction`,
/// `commit_transaction`) failed: a failed commit for the metrics and
/// readiness.
pub struct TransactionStepFailed<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Readiness.
    pub health: &'a Health,
    /// The step.
    pub step: &'a str,
    /// The error.
    pub error: &'a KafkaError,
    /// What the worker does next.
    pub next: TxnStepNext,
}

impl InternalEvent for TransactionStepFailed<'_> {
    fn emit(self) {
        self.metrics.commit_errors.inc();
        self.health.update(HealthChange::Commit { ok: false });
        let (step, error) = (self.step, self.error);
        match self.next {
            TxnStepNext::Retry => {
                tracing::warn!(message = "Transaction step failed; retrying.", step, %error)
            }
            TxnStepNext::Abort => {
                tracing::warn!(message = "Transaction step failed; aborting.", step, %error)
            }
            TxnStepNext::Stop => {
                tracing::error!(message = "Fatal transaction error; stopping.", step, %error)
            }
        }
    }
}

/// A transaction committed: the brokers answer and commits succeed; its
/// output records count as produced. (Each input's outcome is an
/// [`InputFinished`].)
pub struct TransactionCommitted<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Readiness.
    pub health: &'a Health,
    /// When its first record was read.
    pub started: Option<Instant>,
    /// Output records, by topic.
    pub records: &'a HashMap<String, u64>,
    /// Partitions whose offsets it committed.
    pub partitions: usize,
}

impl InternalEvent for TransactionCommitted<'_> {
    fn emit(self) {
        let m = self.metrics;
        self.health.update(HealthChange::Commit { ok: true });
        self.health.update(HealthChange::BrokersDown(false));
        m.transactions.with_label_values(&[TXN_COMMITTED]).inc();
        m.commits.inc();
        if let Some(s) = self.started {
            m.transaction_duration.observe(s.elapsed().as_secs_f64());
        }
        for (topic, n) in self.records {
            m.produced.with_label_values(&[topic]).inc_by(*n);
        }
        tracing::debug!(
            message = "Transaction committed.",
            partitions = self.partitions
        );
    }
}

/// Storing a committed transaction's offsets (for the lag gauge) failed:
/// only for a partition revoked meanwhile.
pub struct CommittedOffsetsStoreFailed<'a> {
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for CommittedOffsetsStoreFailed<'_> {
    fn emit(self) {
        tracing::debug!(message = "Storing committed offsets for the lag gauge failed.", error = %self.error);
    }
}

/// Aborting a transaction failed with a retriable error.
pub struct AbortRetried<'a> {
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for AbortRetried<'_> {
    fn emit(self) {
        tracing::warn!(message = "Abort failed; retrying.", error = %self.error);
    }
}

/// A transaction was aborted (`counted`: it was open, and the abort is
/// counted); its inputs are processed again.
pub struct TransactionAborted<'a> {
    /// Metrics.
    pub metrics: &'a Metrics,
    /// Whether an open transaction was aborted (else only the batch goes).
    pub counted: bool,
    /// Why.
    pub reason: &'a str,
    /// Inputs of the batch.
    pub inputs: u64,
}

impl InternalEvent for TransactionAborted<'_> {
    fn emit(self) {
        if self.counted {
            self.metrics
                .transactions
                .with_label_values(&[TXN_ABORTED])
                .inc();
        }
        tracing::warn!(
            message = "Transaction aborted; its inputs will be processed again.",
            reason = self.reason,
            inputs = self.inputs
        );
    }
}

/// After an abort, the consumer was rewound to the last committed offsets.
pub struct Rewound {
    /// Partitions rewound.
    pub partitions: usize,
}

impl InternalEvent for Rewound {
    fn emit(self) {
        tracing::info!(
            message = "Rewound to the last committed offsets.",
            partitions = self.partitions
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finished_inputs_are_counted_by_outcome_with_their_latency() {
        let m = Metrics::new().unwrap();
        let finished = |outcome, timestamp_ms| InputFinished {
            metrics: &m,
            outcome,
            timestamp_ms,
            now_ms: 3_500,
        };
        finished(Ok(3), Some(1_000)).emit();
        finished(Err("invalid_utf8"), None).emit();
        // A timestamp from the future (clock skew) is not a latency.
        finished(Ok(0), Some(9_000)).emit();
        assert_eq!(m.enriched.get(), 2);
        assert_eq!(m.statements.get(), 3);
        assert_eq!(
            m.dead_lettered.with_label_values(&["invalid_utf8"]).get(),
            1
        );
        assert_eq!(m.end_to_end.get_sample_count(), 1);
        assert!((m.end_to_end.get_sample_sum() - 2.5).abs() < 1e-9);
    }

    #[test]
    fn failed_transaction_steps_count_as_failed_commits() {
        let m = Metrics::new().unwrap();
        let h = Health::default();
        let error = KafkaError::Canceled;
        for next in [TxnStepNext::Retry, TxnStepNext::Abort, TxnStepNext::Stop] {
            TransactionStepFailed {
                metrics: &m,
                health: &h,
                step: "commit_transaction",
                error: &error,
                next,
            }
            .emit();
        }
        assert_eq!(m.commit_errors.get(), 3);
        assert!(h.reasons().contains(&"commits_failing"));
        TransactionCommitted {
            metrics: &m,
            health: &h,
            started: None,
            records: &HashMap::from([("out".to_string(), 4)]),
            partitions: 1,
        }
        .emit();
        assert!(!h.reasons().contains(&"commits_failing"));
        assert!(!h.brokers_down(), "a commit proves a broker answers");
        assert_eq!(m.commits.get(), 1);
        assert_eq!(m.produced.with_label_values(&["out"]).get(), 4);
        assert_eq!(m.transactions.with_label_values(&[TXN_COMMITTED]).get(), 1);
    }
}
