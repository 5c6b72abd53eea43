//! Events of the novelty processor (`novelty/processor.rs`); its Kafka
//! clients' events are those of `kafka`.

use std::time::Duration;

use rdkafka::error::KafkaError;

use crate::novelty::metrics::NoveltyMetrics;

use super::InternalEvent;

/// The processor subscribed and starts reading.
pub struct NoveltyStarted<'a> {
    /// Bootstrap brokers.
    pub brokers: &'a str,
    /// The statements topic.
    pub statements: &'a str,
    /// Its consumer group.
    pub group: &'a str,
}

impl InternalEvent for NoveltyStarted<'_> {
    fn emit(self) {
        tracing::info!(
            message = "Novelty processor started.",
            brokers = %self.brokers,
            statements = %self.statements,
            group = self.group
        );
    }
}

/// The processor left its group and stops.
pub struct NoveltyStopped {
    /// Statement records read during the run.
    pub consumed: u64,
    /// New statements announced.
    pub announced: u64,
}

impl InternalEvent for NoveltyStopped {
    fn emit(self) {
        tracing::info!(
            message = "Novelty processor stopped.",
            consumed = self.consumed,
            announced = self.announced
        );
    }
}

/// A topic the processor writes was created.
pub struct TopicCreated<'a> {
    /// The topic.
    pub topic: &'a str,
}

impl InternalEvent for TopicCreated<'_> {
    fn emit(self) {
        tracing::info!(message = "Topic created.", topic = self.topic);
    }
}

/// Creating one topic failed (other than: it exists); the partition check
/// that follows decides whether the processor can run.
pub struct TopicCreateFailed<'a> {
    /// The topic.
    pub topic: &'a str,
    /// The broker's error code.
    pub error: &'a rdkafka::error::RDKafkaErrorCode,
}

impl InternalEvent for TopicCreateFailed<'_> {
    fn emit(self) {
        tracing::warn!(message = "Creating a topic failed.", topic = self.topic, error = %self.error);
    }
}

/// The create-topics request itself failed.
pub struct TopicsCreateFailed<'a> {
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for TopicsCreateFailed<'_> {
    fn emit(self) {
        tracing::warn!(message = "Creating topics failed.", error = %self.error);
    }
}

/// A changelog record did not parse during a restore; it is skipped.
pub struct ChangelogRecordSkipped<'a> {
    /// Its partition.
    pub partition: i32,
    /// Its offset.
    pub offset: i64,
    /// The parse error.
    pub error: &'a serde_json::Error,
}

impl InternalEvent for ChangelogRecordSkipped<'_> {
    fn emit(self) {
        tracing::warn!(message = "Unreadable changelog record skipped.", partition = self.partition, offset = self.offset, error = %self.error);
    }
}

/// One partition's state was rebuilt from the changelog.
pub struct NoveltyStateRestored<'a> {
    /// The processor's metrics.
    pub metrics: &'a NoveltyMetrics,
    /// The partition.
    pub partition: i32,
    /// Identities restored.
    pub identities: usize,
    /// Changelog records read.
    pub records: u64,
    /// The last repartition offset already applied.
    pub applied_offset: i64,
    /// How long it took.
    pub took: Duration,
}

impl InternalEvent for NoveltyStateRestored<'_> {
    fn emit(self) {
        let seconds = self.took.as_secs_f64();
        self.metrics.restore_seconds.observe(seconds);
        tracing::info!(
            message = "Novelty state restored.",
            partition = self.partition,
            identities = self.identities,
            records = self.records,
            applied_offset = self.applied_offset,
            seconds
        );
    }
}

/// Seeking a partition back (its records were read across a revoke)
/// failed.
pub struct SeekFailed<'a> {
    /// The topic.
    pub topic: &'a str,
    /// The partition.
    pub partition: i32,
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for SeekFailed<'_> {
    fn emit(self) {
        tracing::warn!(message = "Seek failed.", topic = self.topic, partition = self.partition, error = %self.error);
    }
}

/// A statement record did not parse: dead-lettered with its reason.
pub struct StatementInvalid<'a> {
    /// The processor's metrics.
    pub metrics: &'a NoveltyMetrics,
    /// The record's topic.
    pub topic: &'a str,
    /// Its partition.
    pub partition: i32,
    /// Its offset.
    pub offset: i64,
    /// Why.
    pub error: &'a str,
}

impl InternalEvent for StatementInvalid<'_> {
    fn emit(self) {
        self.metrics.invalid.inc();
        tracing::warn!(
            message = "Unreadable statement dead-lettered.",
            topic = self.topic,
            partition = self.partition,
            offset = self.offset,
            error = self.error
        );
    }
}

/// A repartitioned statement at or before the partition's applied offset
/// (read again after a restart): skipped.
pub struct StatementAlreadyApplied {
    /// The partition.
    pub partition: i32,
    /// The record's offset.
    pub offset: i64,
    /// The partition's applied offset.
    pub applied: i64,
}

impl InternalEvent for StatementAlreadyApplied {
    fn emit(self) {
        tracing::debug!(
            message = "Already applied; skipped.",
            partition = self.partition,
            offset = self.offset,
            applied = self.applied
        );
    }
}

/// A statement was observed: `new` (announced; `alerted` when it matched
/// the watchlist and went to its alerts topic) or a repeat.
pub struct StatementSighted<'a> {
    /// The processor's metrics.
    pub metrics: &'a NoveltyMetrics,
    /// Whether it was new.
    pub new: bool,
    /// Whether it went to the watchlist's alerts topic.
    pub alerted: bool,
}

impl InternalEvent for StatementSighted<'_> {
    fn emit(self) {
        let outcome = if self.new { "new" } else { "repeat" };
        self.metrics.sightings.with_label_values(&[outcome]).inc();
        if self.alerted {
            self.metrics.alerts.inc();
        }
    }
}

/// An eviction sweep forgot identities past the horizon.
pub struct IdentitiesEvicted<'a> {
    /// The processor's metrics.
    pub metrics: &'a NoveltyMetrics,
    /// Identities forgotten.
    pub count: usize,
}

impl InternalEvent for IdentitiesEvicted<'_> {
    fn emit(self) {
        self.metrics.evicted.inc_by(self.count as u64);
    }
}

/// A step ended with `count` identities held in memory.
pub struct IdentitiesHeld<'a> {
    /// The processor's metrics.
    pub metrics: &'a NoveltyMetrics,
    /// Identities held, over every partition.
    pub count: usize,
}

impl InternalEvent for IdentitiesHeld<'_> {
    fn emit(self) {
        self.metrics.identities.set(self.count as i64);
    }
}

/// The blocking commit task panicked or was canceled.
pub struct CommitTaskFailed<'a> {
    /// The error.
    pub error: &'a tokio::task::JoinError,
}

impl InternalEvent for CommitTaskFailed<'_> {
    fn emit(self) {
        tracing::warn!(message = "Commit task failed.", error = %self.error);
    }
}

/// Storing the offsets of an acknowledged step was refused: a partition
/// revoked meanwhile (its records are read again by the next owner and
/// skipped there up to the changelog's checkpoint).
pub struct StoredOffsetsRefused<'a> {
    /// The error.
    pub error: &'a KafkaError,
}

impl InternalEvent for StoredOffsetsRefused<'_> {
    fn emit(self) {
        tracing::debug!(message = "Storing offsets failed (partition revoked?).", error = %self.error);
    }
}
