//! `byline novelty`: reads the statements, announces each statement
//! identity once on `statements.new`, counts later sightings on
//! `statements.seen` and republishes every statement with its identity on
//! `statements.identified`.
//!
//! # Topology (the Kafka Streams pattern, by hand)
//!
//! 1. **Repartition.** A record of `kafka.statements_topic` (keyed by the
//!    worker as it likes: today by fingerprint) is produced again, unchanged,
//!    to `novelty.repartition_topic` keyed by its speaker key, so every
//!    near-duplicate of one speaker lands in one partition and so in one
//!    instance, however many run.
//! 2. **Observe.** A record of the repartition topic's partition `p` is
//!    matched against the [`Store`] of `p`; a new identity is announced on
//!    `novelty.new_topic`; every sighting, new or not, goes with its
//!    `statement_id` to `novelty.identified_topic` (when set), in the same
//!    phase as the announcements; the identity (new or updated) goes to
//!    partition `p` of `novelty.changelog_topic` (compacted, key:
//!    statement_id) and its count to `novelty.seen_topic`. After the
//!    records of a step, partition `p` of the changelog gets a checkpoint:
//!    the last applied offset of `p`.
//!
//! Both stages run in one consumer of group `novelty.group_id`, subscribed
//! to both topics.
//!
//! # State
//!
//! In memory, per repartition partition, built from the changelog partition
//! the first time a record of that partition arrives after an assignment,
//! and dropped when the partition is revoked: the new owner rebuilds it from
//! the changelog. Records at or below the restored checkpoint are already
//! in the state and skipped.
//!
//! # Delivery: at-least-once
//!
//! The loop takes a step of up to `novelty.max_batch` records, produces all
//! their outputs, waits until every one is acknowledged (`acks=all`,
//! idempotent producer, failed deliveries produced again), and only then
//! stores the step's input offsets (`store_offsets`): the worker's consumer,
//! context and offset handling (`kafka::consumer`), librdkafka's auto-commit
//! writing the stored offsets every `worker.commit_interval_ms`, one
//! synchronous commit on revoke (nothing is in flight then: the revoke
//! callback runs inside the consumer poll, between steps) and at shutdown.
//! The loop is its own, not the worker's: a step is a batch whose state
//! updates depend on each other, where the worker's records are independent.
//! So:
//! - nothing is lost: an input's offset is committed only after its outputs
//!   and its identity's changelog record are acknowledged;
//! - after a crash (`kill -9`), the uncommitted records are read again. A
//!   record whose changelog checkpoint was acknowledged is skipped; one
//!   whose identity record was acknowledged is counted again (a repeat, not
//!   announced again); only a record whose announcement was acknowledged but
//!   whose changelog record was not is announced a second time. That window
//!   is at most one step: a step's announcements are acknowledged before its
//!   state records are produced, so the state never says "seen" for an
//!   identity whose announcement could still be lost.
//! - The identified records (`novelty.identified_topic`) share the
//!   announcements' phase: every statement read gets at least one, and a
//!   record read again after a crash (not skipped by the checkpoint) gets
//!   another, with the same `statement_id` (the changelog keeps the
//!   identity, or the same first sighting founds it again).
//! - Two instances never announce the same identity while the group
//!   coordinator is obeyed: a partition has one owner, and the next owner
//!   starts from the previous owner's acknowledged changelog. An owner cut
//!   off from the group (a zombie past its session timeout) can still
//!   announce the records of its last step: Kafka's at-least-once limit.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::FutureExt;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{BorrowedMessage, Message};
use rdkafka::{Offset, TopicPartitionList};
use tokio::sync::watch;

use super::events::{event_ms, IdentifiedStatement, NewStatement, SeenStatement, NEW_SCHEMA};
use super::metrics::NoveltyMetrics;
use super::signature::Signature;
use super::store::{Identity, Outcome, Sighting, Store};
use super::watchlist::Watchlist;
use crate::config::{Config, Delivery};
use crate::event::StatementEvent;
use crate::internal_events::{
    ChangelogRecordSkipped, CommitKind, CommitTaskFailed, IdentitiesEvicted, IdentitiesHeld,
    InternalEvent, NoveltyStarted, NoveltyStateRestored, NoveltyStopped, ProducerFlushFailed,
    SeekFailed, StatementAlreadyApplied, StatementInvalid, StatementSighted, StoredOffsetsRefused,
    TopicCreateFailed, TopicCreated, TopicsCreateFailed,
};
use crate::kafka::consumer::{
    self as kconsumer, commit_done, offset_list, Revoke, WorkerConsumer, WorkerContext,
};
use crate::kafka::offsets::TopicPartition;
use crate::kafka::producer::{self as kproducer, OutRecord, WorkerProducer};
use crate::kafka::{
    HEADER_ERROR_MESSAGE, HEADER_ERROR_REASON, HEADER_SOURCE_OFFSET, HEADER_SOURCE_PARTITION,
    HEADER_SOURCE_TOPIC,
};
use crate::telemetry::{Health, HealthChange, Metrics};

/// Changelog key of a partition's checkpoint (statement ids are hex, so
/// neither it nor [`FENCE_KEY`] can collide with one).
pub const CHECKPOINT_KEY: &str = "checkpoint";

/// How long a changelog restore may wait for the partition's end offsets.
const RESTORE_TIMEOUT: Duration = Duration::from_secs(30);

/// How often (in stream time) a partition's store is swept for eviction.
const EVICT_EVERY_MS: i64 = 3_600_000;

/// Why the novelty processor stopped.
#[derive(Debug, thiserror::Error)]
pub enum NoveltyError {
    /// A Kafka client failed (creation, subscription, metadata, restore).
    #[error("kafka client: {0}")]
    Kafka(#[from] KafkaError),
    /// The producer failed fatally; unacknowledged steps are re-read after
    /// the restart.
    #[error("the producer failed fatally; restart to continue")]
    ProducerFatal,
    /// Metric registration failed (a duplicate name: a bug).
    #[error("metrics: {0}")]
    Metrics(#[from] prometheus::Error),
    /// The internal topics do not fit each other.
    #[error("topic layout: {0}")]
    Topics(String),
    /// A changelog partition could not be read to its end.
    #[error("restoring changelog partition {partition}: {reason}")]
    Restore {
        /// The partition.
        partition: i32,
        /// What went wrong.
        reason: String,
    },
}

/// What one run did, for logs and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoveltySummary {
    /// Records read (both topics).
    pub consumed: u64,
    /// Identities announced.
    pub announced: u64,
}

/// Changelog key of a restore fence.
pub const FENCE_KEY: &str = "fence";

/// A restore fence: the restore reads up to the fence with its nonce.
#[derive(serde::Serialize, serde::Deserialize)]
struct Fence {
    nonce: String,
}

/// A changelog checkpoint value.
#[derive(serde::Serialize, serde::Deserialize)]
struct Checkpoint {
    /// The last repartition offset whose sighting is in the changelog.
    applied_offset: i64,
}

/// The processor's revoke policy and offsets, shared with librdkafka's
/// rebalance callback. The consumer, its context (statistics, errors,
/// auto-commit results, rebalance logs) and its offset handling are the
/// worker's: `enable.auto.offset.store=false`, each step's offsets stored
/// once its outputs are acknowledged, librdkafka's auto-commit writing
/// them, one synchronous commit at revoke and at shutdown.
struct NoveltyRevoke {
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    /// Per partition, the next offset to commit: every record before it was
    /// processed and its outputs acknowledged (what is stored).
    done: Mutex<HashMap<TopicPartition, i64>>,
    /// Partitions revoked since the loop last looked.
    revoked: Mutex<Vec<TopicPartition>>,
}

fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Revoke for NoveltyRevoke {
    fn revoke(&self, consumer: &BaseConsumer<WorkerContext>, tps: &[TopicPartition], lost: bool) {
        // The callback runs inside the loop's poll, between steps: every
        // offset in `done` is acknowledged. Commit them so the next owner
        // starts right after them.
        let offsets: Vec<(TopicPartition, i64)> = {
            let mut done = locked(&self.done);
            tps.iter()
                .filter_map(|tp| done.remove(tp).map(|o| (tp.clone(), o)))
                .collect()
        };
        if !lost && !offsets.is_empty() {
            let result = offset_list(&offsets).and_then(|l| consumer.commit(&l, CommitMode::Sync));
            commit_done(&self.metrics, &self.health, &result, CommitKind::Revoke);
        }
        locked(&self.revoked).extend(tps.iter().cloned());
    }
}

/// An input record, copied out of librdkafka's buffer.
struct In {
    topic: String,
    partition: i32,
    offset: i64,
    /// Kept for a dead letter.
    key: Option<Vec<u8>>,
    value: Option<Vec<u8>>,
}

impl In {
    fn of(m: &BorrowedMessage<'_>) -> In {
        In {
            topic: m.topic().to_string(),
            partition: m.partition(),
            offset: m.offset(),
            key: m.key().map(<[u8]>::to_vec),
            value: m.payload().map(<[u8]>::to_vec),
        }
    }
}

/// Produce `records` and wait until every one is acknowledged, producing
/// failed ones again (the worker's own [`kproducer::enqueue`] and
/// [`kproducer::deliver_all`]). False only on a fatal producer error.
async fn deliver(
    producer: &WorkerProducer,
    records: &[OutRecord],
    metrics: &Metrics,
    health: &Arc<Health>,
    fatal: &AtomicBool,
) -> bool {
    let give_up = || fatal.load(Ordering::SeqCst);
    let mut futures = Vec::with_capacity(records.len());
    for r in records {
        match kproducer::enqueue(producer, r, metrics, health, &give_up).await {
            Some(f) => futures.push(f),
            None => return false,
        }
    }
    kproducer::deliver_all(producer, records, futures, metrics, health, &give_up).await
}

/// One repartition partition's state.
struct PartitionState {
    store: Store,
    /// The last offset whose sighting is in the store (and the changelog).
    applied: i64,
    /// Stream time of the last eviction sweep.
    swept_ms: i64,
}

/// Read changelog partition `partition` from its start up to a fence
/// record written to it first: everything acknowledged on the partition
/// before the restore began is behind the fence. (Not the end offset the
/// broker reports: tansu 0.6.0 reports end offsets below records it
/// serves, and a fence needs nothing of the broker but ordering.)
async fn restore(
    config: &Config,
    partition: i32,
    producer: &WorkerProducer,
    metrics: &Metrics,
    health: &Arc<Health>,
    fatal: &AtomicBool,
    nm: &NoveltyMetrics,
) -> Result<PartitionState, NoveltyError> {
    let started = Instant::now();
    let topic = &config.novelty.changelog_topic;
    let nonce = format!(
        "{}-{}-{}",
        std::process::id(),
        partition,
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    );
    let fence = json_record(
        topic,
        Some(partition),
        FENCE_KEY,
        &Fence {
            nonce: nonce.clone(),
        },
    );
    if !deliver(producer, &[fence], metrics, health, fatal).await {
        return Err(NoveltyError::ProducerFatal);
    }
    tokio::task::block_in_place(|| read_changelog(config, partition, &nonce, started, nm))
}

/// The restore's read: from the start of the partition to the fence `nonce`.
fn read_changelog(
    config: &Config,
    partition: i32,
    nonce: &str,
    started: Instant,
    metrics: &NoveltyMetrics,
) -> Result<PartitionState, NoveltyError> {
    let topic = &config.novelty.changelog_topic;
    let mut cc = kconsumer::client_config(config);
    // Never joins the group nor commits: assign() only.
    cc.set("group.id", format!("{}-restore", config.novelty.group_id));
    let consumer: BaseConsumer = cc.create()?;
    let mut state = PartitionState {
        store: Store::new(),
        applied: -1,
        swept_ms: 0,
    };
    let mut records = 0u64;
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, partition, Offset::Beginning)?;
    consumer.assign(&tpl)?;
    let mut last_progress = Instant::now();
    loop {
        if last_progress.elapsed() > RESTORE_TIMEOUT {
            return Err(NoveltyError::Restore {
                partition,
                reason: format!(
                    "no record for {RESTORE_TIMEOUT:?} after {records}, fence not reached"
                ),
            });
        }
        let Some(m) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let m = m?;
        last_progress = Instant::now();
        records += 1;
        let key = m.key().unwrap_or_default();
        if key == FENCE_KEY.as_bytes() {
            let ours = m
                .payload()
                .and_then(|v| serde_json::from_slice::<Fence>(v).ok())
                .is_some_and(|f| f.nonce == nonce);
            if ours {
                break;
            }
            continue;
        }
        match m.payload() {
            None => {
                state.store.remove(&String::from_utf8_lossy(key));
            }
            Some(v) if key == CHECKPOINT_KEY.as_bytes() => {
                if let Ok(c) = serde_json::from_slice::<Checkpoint>(v) {
                    state.applied = state.applied.max(c.applied_offset);
                }
            }
            Some(v) => match serde_json::from_slice::<Identity>(v) {
                Ok(identity) => {
                    state.store.insert(identity);
                }
                Err(error) => ChangelogRecordSkipped {
                    partition,
                    offset: m.offset(),
                    error: &error,
                }
                .emit(),
            },
        }
    }
    NoveltyStateRestored {
        metrics,
        partition,
        identities: state.store.len(),
        records,
        applied_offset: state.applied,
        took: started.elapsed(),
    }
    .emit();
    Ok(state)
}

/// A topic to create; `compacted` ones keep the latest record per key.
fn new_topic(name: &str, partitions: i32, replication: i32, compacted: bool) -> NewTopic<'_> {
    let t = NewTopic::new(name, partitions, TopicReplication::Fixed(replication));
    if compacted {
        t.set("cleanup.policy", "compact")
    } else {
        t
    }
}

/// Create the topics the processor writes and reads (an existing topic is
/// left as it is), then check that the changelog has a partition for every
/// repartition partition.
async fn ensure_topics(config: &Config) -> Result<(), NoveltyError> {
    let n = &config.novelty;
    let admin: AdminClient<DefaultClientContext> = kproducer::client_config(config).create()?;
    // The changelog and the seen counts are tables (latest record per
    // key); the others, the identified sightings included, are streams.
    let topics: Vec<NewTopic<'_>> = n
        .output_topics()
        .into_iter()
        .map(|t| {
            let compacted = t == n.changelog_topic || t == n.seen_topic;
            new_topic(t, n.partitions, n.replication, compacted)
        })
        .collect();
    let opts = AdminOptions::new().request_timeout(Some(Duration::from_secs(10)));
    match admin.create_topics(&topics, &opts).await {
        Ok(results) => {
            for r in results {
                match r {
                    Ok(topic) => TopicCreated { topic: &topic }.emit(),
                    Err((_, RDKafkaErrorCode::TopicAlreadyExists)) => {}
                    Err((topic, error)) => TopicCreateFailed {
                        topic: &topic,
                        error: &error,
                    }
                    .emit(),
                }
            }
        }
        Err(error) => TopicsCreateFailed { error: &error }.emit(),
    }
    let count = |topic: &str| -> Result<usize, NoveltyError> {
        let md = admin
            .inner()
            .fetch_metadata(Some(topic), Duration::from_secs(10))?;
        Ok(md
            .topics()
            .iter()
            .find(|t| t.name() == topic)
            .map_or(0, |t| t.partitions().len()))
    };
    let (repartition, changelog) = (count(&n.repartition_topic)?, count(&n.changelog_topic)?);
    if repartition == 0 || changelog < repartition {
        return Err(NoveltyError::Topics(format!(
            "{} has {changelog} partitions, {} has {repartition}: the changelog needs one per repartition partition",
            n.changelog_topic, n.repartition_topic
        )));
    }
    Ok(())
}

/// The worker's consumer settings for the processor's own group and topics.
/// Offsets are committed the at-least-once way whatever `kafka.delivery`
/// says (the processor writes no transactions), and only committed records
/// are read: statements of an exactly-once worker's aborted transactions
/// were never published.
fn consumer_config(config: &Config) -> Config {
    let mut c = config.clone();
    c.kafka.group_id = c.novelty.group_id.clone();
    c.kafka.input_topics = vec![
        c.kafka.statements_topic.clone(),
        c.novelty.repartition_topic.clone(),
    ];
    c.kafka.delivery = Delivery::AtLeastOnce;
    c.kafka
        .consumer_properties
        .insert("isolation.level".into(), "read_committed".into());
    c
}

/// Run the processor until `shutdown` turns true, then commit and leave.
pub async fn run(
    config: &Config,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    mut shutdown: watch::Receiver<bool>,
) -> Result<NoveltySummary, NoveltyError> {
    let n = &config.novelty;
    let nm = NoveltyMetrics::register(&metrics.registry)?;
    health.attach(metrics.clone());
    ensure_topics(config).await?;
    let offsets = Arc::new(NoveltyRevoke {
        metrics: metrics.clone(),
        health: health.clone(),
        done: Mutex::new(HashMap::new()),
        revoked: Mutex::new(Vec::new()),
    });
    let consumer: Arc<WorkerConsumer> = Arc::new(kconsumer::create(
        &consumer_config(config),
        WorkerContext {
            metrics: metrics.clone(),
            health: health.clone(),
            on_revoke: Box::new(offsets.clone()),
        },
    )?);
    let statements = config.kafka.statements_topic.as_str();
    let (producer, fatal) = kproducer::create(config, health.clone())?;
    let watchlist = n.watchlist.as_ref().map(Watchlist::new);
    let alerts_topic = n.alerts_topic();
    let identified_topic = n.identified_topic();
    let horizon_ms = n.horizon_ms();
    // Readiness probes while the brokers or a topic are missing, as the
    // worker's loop does.
    let mut housekeeping =
        tokio::time::interval(Duration::from_millis(config.worker.commit_interval_ms));
    housekeeping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let probing = Arc::new(AtomicBool::new(false));
    let mut states: BTreeMap<i32, PartitionState> = BTreeMap::new();
    let mut summary = NoveltySummary::default();
    health.update(HealthChange::Consuming(true));
    NoveltyStarted {
        brokers: &config.kafka.brokers,
        statements,
        group: &n.group_id,
    }
    .emit();

    loop {
        let first = tokio::select! {
            biased;
            _ = shutdown.changed() => break,
            _ = housekeeping.tick() => {
                kconsumer::probe_in_background(&consumer, &probing);
                continue;
            }
            m = consumer.recv() => m,
        };
        let mut batch = Vec::new();
        match first {
            Ok(m) => batch.push(In::of(&m)),
            Err(error) => {
                if kconsumer::consume_failed(&consumer, &error) {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                continue;
            }
        }
        while batch.len() < n.max_batch {
            match consumer.recv().now_or_never() {
                Some(Ok(m)) => batch.push(In::of(&m)),
                Some(Err(error)) => {
                    kconsumer::consume_failed(&consumer, &error);
                    break;
                }
                None => break,
            }
        }
        // Revoked (possibly re-assigned) while the step was read: its
        // records of those partitions are left to their owner, from the
        // committed offset; if the partition came back, read them again.
        let revoked: HashSet<TopicPartition> = locked(&offsets.revoked).drain(..).collect();
        if !revoked.is_empty() {
            for tp in &revoked {
                if tp.0 == n.repartition_topic {
                    states.remove(&tp.1);
                }
            }
            let mut rewind: HashMap<TopicPartition, i64> = HashMap::new();
            batch.retain(|r| {
                let tp = (r.topic.clone(), r.partition);
                if revoked.contains(&tp) {
                    let o = rewind.entry(tp).or_insert(r.offset);
                    *o = (*o).min(r.offset);
                    false
                } else {
                    true
                }
            });
            let assigned = consumer.assignment().unwrap_or_default();
            for ((t, p), o) in rewind {
                if assigned.find_partition(&t, p).is_some() {
                    if let Err(error) =
                        consumer.seek(&t, p, Offset::Offset(o), Duration::from_secs(10))
                    {
                        SeekFailed {
                            topic: &t,
                            partition: p,
                            error: &error,
                        }
                        .emit();
                    }
                }
            }
        }
        summary.consumed += batch.len() as u64;
        // Two phases: the announcements (and repartitioned records) first,
        // the state (changelog, seen counts, checkpoints) once those are
        // acknowledged. A crash between them repeats an announcement; the
        // other order could lose one (state saying "seen", no announcement).
        let mut out: Vec<OutRecord> = Vec::new();
        let mut state_out: Vec<OutRecord> = Vec::new();
        let mut announced = 0u64;
        let mut touched: HashSet<i32> = HashSet::new();
        for r in &batch {
            let parsed = match &r.value {
                Some(value) => serde_json::from_slice::<StatementEvent>(value)
                    .map(|e| (e, value))
                    .map_err(|e| e.to_string()),
                None => Err("the record has no value".to_string()),
            };
            let (event, value) = match parsed {
                Ok(e) => e,
                Err(error) => {
                    // Not a statement event: dead-lettered with its reason,
                    // acknowledged before the offset is committed.
                    StatementInvalid {
                        metrics: &nm,
                        topic: &r.topic,
                        partition: r.partition,
                        offset: r.offset,
                        error: &error,
                    }
                    .emit();
                    out.push(OutRecord {
                        topic: config.kafka.dlq_topic.clone(),
                        partition: None,
                        key: r.key.clone(),
                        payload: r.value.clone(),
                        headers: vec![
                            (HEADER_ERROR_REASON.into(), b"invalid_statement".to_vec()),
                            (HEADER_ERROR_MESSAGE.into(), error.into_bytes()),
                            (HEADER_SOURCE_TOPIC.into(), r.topic.clone().into_bytes()),
                            (
                                HEADER_SOURCE_PARTITION.into(),
                                r.partition.to_string().into_bytes(),
                            ),
                            (
                                HEADER_SOURCE_OFFSET.into(),
                                r.offset.to_string().into_bytes(),
                            ),
                        ],
                    });
                    continue;
                }
            };
            let signature = Signature::of(event.speaker.as_deref(), &event.text);
            if r.topic == statements {
                out.push(OutRecord {
                    topic: n.repartition_topic.clone(),
                    partition: None,
                    key: Some(signature.speaker_key.into_bytes()),
                    payload: Some(value.clone()),
                    headers: Vec::new(),
                });
                continue;
            }
            let state = match states.entry(r.partition) {
                std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::btree_map::Entry::Vacant(e) => e.insert(
                    restore(
                        config,
                        r.partition,
                        &producer,
                        &metrics,
                        &health,
                        &fatal,
                        &nm,
                    )
                    .await?,
                ),
            };
            if r.offset <= state.applied {
                StatementAlreadyApplied {
                    partition: r.partition,
                    offset: r.offset,
                    applied: state.applied,
                }
                .emit();
                continue;
            }
            let now = crate::now_rfc3339();
            let (outcome, identity) = state.store.observe(Sighting {
                signature: &signature,
                fingerprint: &event.fingerprint,
                article_id: &event.article_id,
                event_ms: event_ms(&event),
                now: &now,
            });
            state.applied = r.offset;
            touched.insert(r.partition);
            let id = identity.statement_id.clone();
            let fingerprint = event.fingerprint.clone();
            // Every sighting with its identity, in the announcements'
            // phase: acknowledged before the step's offsets are stored.
            if let Some(topic) = identified_topic {
                let record =
                    IdentifiedStatement::of(&identity, outcome == Outcome::New, event.clone());
                out.push(json_record(topic, None, &id, &record));
            }
            if outcome == Outcome::New {
                announced += 1;
                let matched = watchlist
                    .as_ref()
                    .map(|w| w.matches(&event))
                    .unwrap_or_default();
                let record = NewStatement {
                    schema: NEW_SCHEMA.to_string(),
                    statement_id: id.clone(),
                    first_seen_at: identity.first_seen_at.clone(),
                    matched,
                    statement: event,
                };
                out.push(json_record(&n.new_topic, None, &id, &record));
                let alerts = alerts_topic.filter(|_| !record.matched.is_empty());
                if let Some(alerts) = alerts {
                    out.push(json_record(alerts, None, &id, &record));
                }
                StatementSighted {
                    metrics: &nm,
                    new: true,
                    alerted: alerts.is_some(),
                }
                .emit();
            } else {
                StatementSighted {
                    metrics: &nm,
                    new: false,
                    alerted: false,
                }
                .emit();
            }
            state_out.push(json_record(
                &n.changelog_topic,
                Some(r.partition),
                &id,
                &identity,
            ));
            state_out.push(json_record(
                &n.seen_topic,
                None,
                &id,
                &SeenStatement::of(&identity, &fingerprint),
            ));
        }
        for p in &touched {
            let Some(state) = states.get_mut(p) else {
                continue;
            };
            let stream_ms = state.store.stream_ms();
            if stream_ms - state.swept_ms >= EVICT_EVERY_MS {
                state.swept_ms = stream_ms;
                let evicted = state.store.evict(horizon_ms);
                IdentitiesEvicted {
                    metrics: &nm,
                    count: evicted.len(),
                }
                .emit();
                for id in evicted {
                    state_out.push(OutRecord {
                        topic: n.changelog_topic.clone(),
                        partition: Some(*p),
                        key: Some(id.into_bytes()),
                        payload: None,
                        headers: Vec::new(),
                    });
                }
            }
            let checkpoint = Checkpoint {
                applied_offset: state.applied,
            };
            state_out.push(json_record(
                &n.changelog_topic,
                Some(*p),
                CHECKPOINT_KEY,
                &checkpoint,
            ));
        }
        for phase in [&out, &state_out] {
            if !deliver(&producer, phase, &metrics, &health, &fatal).await {
                return Err(NoveltyError::ProducerFatal);
            }
        }
        summary.announced += announced;
        IdentitiesHeld {
            metrics: &nm,
            count: states.values().map(|s| s.store.len()).sum(),
        }
        .emit();
        // Acknowledged: committable. librdkafka's auto-commit writes what
        // is stored; a partition revoked meanwhile refuses the store (its
        // records are read again by the next owner, and skipped there up
        // to the changelog's checkpoint).
        let stored: Vec<(TopicPartition, i64)> = {
            let mut done = locked(&offsets.done);
            for r in &batch {
                let next = done.entry((r.topic.clone(), r.partition)).or_insert(0);
                *next = (*next).max(r.offset + 1);
            }
            batch
                .iter()
                .map(|r| (r.topic.clone(), r.partition))
                .collect::<HashSet<_>>()
                .into_iter()
                .filter_map(|tp| done.get(&tp).map(|o| (tp, *o)))
                .collect()
        };
        if let Err(error) = offset_list(&stored).and_then(|l| consumer.store_offsets(&l)) {
            StoredOffsetsRefused { error: &error }.emit();
        }
    }

    health.update(HealthChange::Draining(true));
    // One synchronous commit of what is stored, as the worker does at
    // shutdown (a synchronous commit waits for the broker).
    let c = consumer.clone();
    match tokio::task::spawn_blocking(move || c.commit_consumer_state(CommitMode::Sync)).await {
        Ok(result) => commit_done(&metrics, &health, &result, CommitKind::Sync),
        Err(error) => CommitTaskFailed { error: &error }.emit(),
    }
    kconsumer::leave(&consumer).await;
    if let Err(error) = rdkafka::producer::Producer::flush(&producer, Duration::from_secs(5)) {
        ProducerFlushFailed { error: &error }.emit();
    }
    health.update(HealthChange::Consuming(false));
    NoveltyStopped {
        consumed: summary.consumed,
        announced: summary.announced,
    }
    .emit();
    Ok(summary)
}

/// A JSON output record keyed by `key`.
fn json_record<T: serde::Serialize>(
    topic: &str,
    partition: Option<i32>,
    key: &str,
    value: &T,
) -> OutRecord {
    OutRecord {
        topic: topic.to_string(),
        partition,
        key: Some(key.as_bytes().to_vec()),
        // Serializing these plain structs cannot fail.
        payload: Some(serde_json::to_vec(value).unwrap_or_default()),
        headers: Vec::new(),
    }
}
