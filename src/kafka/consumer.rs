//! The input side: a `StreamConsumer` with byline's context.
//!
//! One context serves both delivery modes. It is where librdkafka calls
//! back: statistics feed the lag gauges (never readiness: they reach the
//! context only while the worker polls), client errors feed readiness and
//! the log, auto-commit results feed the commit metrics. What to do when
//! partitions are revoked is the delivery mode's business (drain and commit,
//! or abort the open transaction): the worker hands in a [`Revoke`].
//!
//! At-least-once: `enable.auto.offset.store=false` and auto-commit on, the
//! way rust-rdkafka's `examples/at_least_once.rs` and Vector's Kafka source
//! do it: the worker stores the contiguous watermark of finished records
//! (`store_offsets`) and librdkafka commits the stored offsets every
//! `worker.commit_interval_ms`; the worker commits synchronously itself only
//! at revoke and at shutdown. Exactly-once: auto-commit off, the offsets go
//! into the transactions.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{
    BaseConsumer, Consumer, ConsumerContext, Rebalance, RebalanceProtocol, StreamConsumer,
};
use rdkafka::error::{KafkaError, KafkaResult, RDKafkaErrorCode};
use rdkafka::statistics::Statistics;
use rdkafka::{ClientContext, Offset, TopicPartitionList};
use std::sync::Arc;

use super::offsets::TopicPartition;
use crate::config::{Config, Delivery};
use crate::internal_events::{
    is_connection_error, CommitFailed, CommitKind, ConsumeFailed, ConsumerClientError,
    ConsumerStatistics, InternalEvent, OffsetsCommitted, PartitionsRevoked, ProbeAnswered,
    ProbeFailed, RebalanceDone, RebalanceOutcome,
};
use crate::telemetry::{Health, Metrics};

/// What a delivery mode does when partitions are revoked, inside
/// librdkafka's rebalance callback (on the task polling the consumer),
/// before the partitions move to another member.
pub trait Revoke: Send + Sync + 'static {
    /// `partitions` are going; `lost` when the assignment was lost (the
    /// group moved on without us: committing is refused, waiting pointless).
    fn revoke(
        &self,
        consumer: &BaseConsumer<WorkerContext>,
        partitions: &[TopicPartition],
        lost: bool,
    );
}

impl<T: Revoke> Revoke for Arc<T> {
    fn revoke(
        &self,
        consumer: &BaseConsumer<WorkerContext>,
        partitions: &[TopicPartition],
        lost: bool,
    ) {
        (**self).revoke(consumer, partitions, lost)
    }
}

/// State shared by the worker and librdkafka's callbacks.
pub struct WorkerContext {
    /// Metrics.
    pub metrics: Arc<Metrics>,
    /// Readiness.
    pub health: Arc<Health>,
    /// The delivery mode's revoke policy.
    pub on_revoke: Box<dyn Revoke>,
}

/// The consumer type of the worker.
pub type WorkerConsumer = StreamConsumer<WorkerContext>;

impl ClientContext for WorkerContext {
    fn stats(&self, stats: Statistics) {
        ConsumerStatistics {
            metrics: &self.metrics,
            stats: &stats,
        }
        .emit();
        // Not a readiness signal: statistics and errors reach this context
        // only when the worker polls the consumer, which it does not while
        // its in-flight bound is full, so they can be minutes old.
    }

    fn error(&self, error: KafkaError, reason: &str) {
        ConsumerClientError {
            health: Some(&self.health),
            error: &error,
            reason,
        }
        .emit();
    }
}

impl ConsumerContext for WorkerContext {
    fn pre_rebalance(&self, base: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Rebalance::Revoke(tpl) = rebalance else {
            return;
        };
        let tps: Vec<TopicPartition> = tpl
            .elements()
            .iter()
            .map(|e| (e.topic().to_string(), e.partition()))
            .collect();
        self.on_revoke.revoke(base, &tps, base.assignment_lost());
        PartitionsRevoked {
            metrics: &self.metrics,
            partitions: &tps,
        }
        .emit();
    }

    fn post_rebalance(&self, base: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        RebalanceDone {
            metrics: &self.metrics,
            health: &self.health,
            total: base.assignment().map(|a| a.count()).unwrap_or(0),
            outcome: match rebalance {
                Rebalance::Assign(tpl) => RebalanceOutcome::Assigned {
                    count: tpl.count(),
                    protocol: Some(protocol_name(base.rebalance_protocol())),
                },
                Rebalance::Revoke(_) => RebalanceOutcome::Revoked,
                Rebalance::Error(error) => RebalanceOutcome::Failed(error),
            },
        }
        .emit();
    }

    /// librdkafka reports its auto-commits here (the worker's own
    /// synchronous commits return their result to the caller instead).
    fn commit_callback(&self, result: KafkaResult<()>, _offsets: &TopicPartitionList) {
        // A delayed report (served when the worker polls): proof of past
        // progress, not that a broker answers now, so readiness only
        // learns whether commits succeed.
        commit_done(&self.metrics, &self.health, &result, CommitKind::Auto);
    }
}

/// Report the outcome of a commit of `kind` ([`OffsetsCommitted`] or
/// [`CommitFailed`]); a commit that found nothing new to commit is
/// neither.
pub fn commit_done(metrics: &Metrics, health: &Health, result: &KafkaResult<()>, kind: CommitKind) {
    match result {
        Ok(()) => OffsetsCommitted {
            metrics,
            health,
            kind,
        }
        .emit(),
        Err(KafkaError::ConsumerCommit(RDKafkaErrorCode::NoOffset)) => {}
        Err(error) => CommitFailed {
            metrics,
            health,
            error,
            kind,
        }
        .emit(),
    }
}

/// An offset list for `commit` or `store_offsets`.
pub fn offset_list(offsets: &[(TopicPartition, i64)]) -> KafkaResult<TopicPartitionList> {
    let mut tpl = TopicPartitionList::new();
    for ((t, p), o) in offsets {
        tpl.add_partition_offset(t, *p, Offset::Offset(*o))?;
    }
    Ok(tpl)
}

/// The rebalance protocol the group runs, for the logs.
fn protocol_name(p: RebalanceProtocol) -> &'static str {
    match p {
        RebalanceProtocol::Cooperative => "cooperative",
        RebalanceProtocol::Eager => "eager",
        RebalanceProtocol::None => "none",
    }
}

/// How long one readiness probe waits for a metadata answer.
const PROBE_TIMEOUT: Duration = Duration::from_secs(1);

/// While the worker is not ready because no broker answered or an input
/// topic is missing, ask the brokers for the input topics' metadata
/// (blocking, at most [`PROBE_TIMEOUT`] per topic): an answer proves a
/// broker is reachable, and tells whether every input topic exists. This
/// makes readiness come back on an idle stream too, where no record, ack or
/// commit would show that the brokers are back. Does nothing while ready.
pub fn probe(consumer: &WorkerConsumer) {
    let health = &consumer.context().health;
    if !health.brokers_down() && !health.input_missing() {
        return;
    }
    let topics: Vec<String> = match consumer.subscription() {
        Ok(tpl) => tpl
            .elements()
            .iter()
            .map(|e| e.topic().to_string())
            .collect(),
        Err(_) => return,
    };
    let mut missing = Vec::new();
    for topic in &topics {
        match consumer.fetch_metadata(Some(topic), PROBE_TIMEOUT) {
            Ok(md) => {
                let absent = md.topics().iter().any(|t| {
                    t.name() == topic
                        && t.error().map(RDKafkaErrorCode::from)
                            == Some(RDKafkaErrorCode::UnknownTopicOrPartition)
                });
                if absent {
                    missing.push(topic.as_str());
                }
            }
            // Brokers still unreachable: nothing learned about topics.
            Err(error) => {
                ProbeFailed { error: &error }.emit();
                return;
            }
        }
    }
    ProbeAnswered {
        health,
        missing: &missing,
    }
    .emit();
}

/// Ask the brokers whether they and the input topics are back (only while
/// not ready for that reason, see [`probe`]), on the blocking
/// pool; at most one probe at a time.
pub fn probe_in_background(consumer: &Arc<WorkerConsumer>, probing: &Arc<AtomicBool>) {
    let health = &consumer.context().health;
    if !health.brokers_down() && !health.input_missing() {
        return;
    }
    if probing.swap(true, Ordering::SeqCst) {
        return;
    }
    let (consumer, probing) = (consumer.clone(), probing.clone());
    tokio::task::spawn_blocking(move || {
        probe(&consumer);
        probing.store(false, Ordering::SeqCst);
    });
}

/// Account for a failed read; returns whether the worker should back off
/// before reading again. An input topic that does not exist makes the
/// worker not ready until [`probe`] finds it. Connection errors are events
/// of the past (one per failed reconnect, possibly queued for long): they
/// are read without backing off, or a long outage would leave a backlog of
/// them to get through before the first record after it.
pub fn consume_failed(consumer: &WorkerConsumer, error: &KafkaError) -> bool {
    ConsumeFailed {
        health: Some(&consumer.context().health),
        error,
    }
    .emit();
    !is_connection_error(error)
}

/// The consumer's default `partition.assignment.strategy` (overridable in
/// `kafka.consumer_properties`; every member of a group must offer it).
pub const ASSIGNMENT_STRATEGY: &str = "cooperative-sticky";

/// `fetch.wait.max.ms` for brokers that hold an empty fetch for the whole
/// wait instead of answering when data arrives (tansu 0.6.0, librdkafka's
/// mock cluster): at librdkafka's 500 ms they add up to 500 ms to every
/// record's latency (tansu, 200 articles/s: p50 422 ms, 33 ms with 10).
/// Not a production default: see [`client_config`].
pub const TEST_BROKER_FETCH_WAIT_MS: &str = "10";

/// Set [`TEST_BROKER_FETCH_WAIT_MS`] in `kafka.consumer_properties` unless
/// it is set already (tests, benchmark, `--embedded`).
pub fn use_test_broker_fetch_wait(config: &mut Config) {
    config
        .kafka
        .consumer_properties
        .entry("fetch.wait.max.ms".into())
        .or_insert_with(|| TEST_BROKER_FETCH_WAIT_MS.into());
}

/// librdkafka settings byline manages, then `kafka.properties`, then
/// `kafka.consumer_properties`.
pub fn client_config(config: &Config) -> ClientConfig {
    let k = &config.kafka;
    let w = &config.worker;
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", &k.brokers)
        .set("group.id", &k.group_id)
        .set("auto.offset.reset", "earliest")
        .set(
            "statistics.interval.ms",
            w.statistics_interval_ms.to_string(),
        )
        .set(
            "queued.max.messages.kbytes",
            w.queued_max_messages_kbytes.to_string(),
        )
        .set("fetch.max.bytes", w.fetch_max_bytes.to_string())
        // Incremental rebalances: a member joining or leaving moves only the
        // partitions that change owner, the others keep being processed
        // (librdkafka's default, range,roundrobin, is eager: every member
        // stops and gives up everything at every scale step). The revoke
        // callback drains exactly the partitions it is given either way.
        .set("partition.assignment.strategy", ASSIGNMENT_STRATEGY);
    // `fetch.wait.max.ms` stays librdkafka's default (500 ms): a real broker
    // answers a fetch as soon as data arrives, and a shorter wait only adds
    // empty fetches of idle pods against the brokers' request quotas. Brokers
    // that hold every fetch for the full wait (tansu 0.6, the mock cluster)
    // get [`TEST_BROKER_FETCH_WAIT_MS`] from the tests, the benchmark and
    // `--embedded`.
    // TLS and SASL from [kafka.security] (empty for plaintext).
    for (key, v) in k.security.client_properties() {
        c.set(key, v);
    }
    for (key, v) in k.properties.iter().chain(&k.consumer_properties) {
        c.set(key, v);
    }
    // Never overridable (validation also rejects them): the guarantee
    // depends on byline alone deciding what is committed. At-least-once:
    // librdkafka commits only what the worker stored, the watermark of
    // finished records. Exactly-once: the transactions commit the offsets,
    // and inputs of aborted upstream transactions are never processed.
    c.set("enable.auto.offset.store", "false");
    match k.delivery {
        Delivery::AtLeastOnce => c
            .set("enable.auto.commit", "true")
            .set("auto.commit.interval.ms", w.commit_interval_ms.to_string()),
        Delivery::ExactlyOnce => c
            .set("enable.auto.commit", "false")
            .set("isolation.level", "read_committed"),
    };
    c
}

/// Create the consumer and subscribe to the input topics; readiness
/// changes are mirrored in the context's metrics from now on.
pub fn create(config: &Config, ctx: WorkerContext) -> KafkaResult<WorkerConsumer> {
    ctx.health.attach(ctx.metrics.clone());
    let consumer: WorkerConsumer = client_config(config).create_with_context(ctx)?;
    subscribe_inputs(&consumer, config)?;
    Ok(consumer)
}

/// How long [`leave`] polls for the revocation of the last assignment.
const LEAVE_TIMEOUT: Duration = Duration::from_secs(10);

/// Unsubscribe and poll the consumer until the revocation of its partitions
/// has been served (the revoke callback ran and the assignment is empty), at
/// most [`LEAVE_TIMEOUT`]. Left to the consumer's close instead, the revoke
/// callback's incremental unassign can hang the close forever (cooperative
/// protocol; seen with static membership against tansu 0.6.0, librdkafka
/// issues #4527 and #4884; the workaround given there is this one).
pub async fn leave<C: ConsumerContext + 'static>(consumer: &StreamConsumer<C>) {
    consumer.unsubscribe();
    let deadline = Instant::now() + LEAVE_TIMEOUT;
    while consumer.assignment().is_ok_and(|a| a.count() > 0) && Instant::now() < deadline {
        // Nothing arrives after unsubscribing; polling serves the callback.
        let _ = tokio::time::timeout(Duration::from_millis(100), consumer.recv()).await;
    }
}

/// Subscribe `consumer` to the configured input topics.
fn subscribe_inputs(consumer: &WorkerConsumer, config: &Config) -> KafkaResult<()> {
    let topics: Vec<&str> = config
        .kafka
        .input_topics
        .iter()
        .map(String::as_str)
        .collect();
    consumer.subscribe(&topics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_stores_offsets_and_the_mode_decides_who_commits() {
        let mut c = Config::default();
        c.worker.commit_interval_ms = 250;
        // Even if asked otherwise, only the worker stores offsets.
        c.kafka
            .consumer_properties
            .insert("enable.auto.offset.store".into(), "true".into());
        let cc = client_config(&c);
        assert_eq!(cc.get("enable.auto.offset.store"), Some("false"));
        assert_eq!(cc.get("enable.auto.commit"), Some("true"));
        assert_eq!(cc.get("auto.commit.interval.ms"), Some("250"));
        c.kafka.delivery = Delivery::ExactlyOnce;
        let cc = client_config(&c);
        assert_eq!(cc.get("enable.auto.offset.store"), Some("false"));
        assert_eq!(cc.get("enable.auto.commit"), Some("false"));
        assert_eq!(cc.get("isolation.level"), Some("read_committed"));
    }

    #[test]
    fn production_defaults_suit_a_real_cluster_and_tests_opt_in_to_short_fetches() {
        let mut c = Config::default();
        let cc = client_config(&c);
        assert_eq!(cc.get("fetch.wait.max.ms"), None, "librdkafka's default");
        assert_eq!(
            cc.get("partition.assignment.strategy"),
            Some(ASSIGNMENT_STRATEGY)
        );
        assert_eq!(
            cc.get("group.instance.id"),
            None,
            "static membership is opt-in"
        );
        use_test_broker_fetch_wait(&mut c);
        assert_eq!(
            client_config(&c).get("fetch.wait.max.ms"),
            Some(TEST_BROKER_FETCH_WAIT_MS)
        );
        // Both stay overridable.
        c.kafka
            .consumer_properties
            .insert("partition.assignment.strategy".into(), "range".into());
        c.kafka
            .consumer_properties
            .insert("fetch.wait.max.ms".into(), "100".into());
        use_test_broker_fetch_wait(&mut c);
        let cc = client_config(&c);
        assert_eq!(cc.get("partition.assignment.strategy"), Some("range"));
        assert_eq!(cc.get("fetch.wait.max.ms"), Some("100"));
    }
}
