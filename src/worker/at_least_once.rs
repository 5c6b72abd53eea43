//! At-least-once delivery (the default): outputs produced per partition in
//! offset order, offsets stored once every output is acknowledged.
//!
//! # Delivery guarantee: at-least-once
//!
//! An input offset is committed only after every output record of that input
//! (its `articles.enriched` event and all its `statements`, or its dead-letter
//! record), and of every earlier input of the same partition, has been
//! acknowledged by the broker (`acks=all`, idempotent producer). The commit
//! point of a partition is a contiguous watermark ([`crate::kafka::offsets`]):
//! acks arrive out of order, the commit point never jumps over an unfinished
//! record. Each time it moves, the worker stores it in the consumer
//! (`store_offsets`, with `enable.auto.offset.store=false`), and librdkafka's
//! auto-commit writes the stored offsets every `worker.commit_interval_ms`;
//! the worker itself commits synchronously only at revoke and at shutdown
//! (rust-rdkafka's `examples/at_least_once.rs`, Vector's Kafka source). A
//! record whose produce keeps failing is re-produced until it succeeds; its
//! offset (and every later one of its partition) is never stored before
//! that.
//!
//! **Caveat: duplicates.** Outputs acknowledged after the last successful
//! commit are produced again when their inputs are re-read: after a crash
//! (`kill -9`, OOM, node loss: up to `commit_interval_ms` of finished work
//! plus everything in flight), after a revoke or shutdown whose drain exceeded
//! `drain_timeout_ms`, and after a failed commit. Consumers of the outputs
//! deduplicate by key (article id, statement fingerprint). Nothing is lost:
//! every input ends as outputs or as a dead-letter record.
//!
//! # Shape
//!
//! Each record read holds one `worker.max_in_flight` permit (the memory
//! bound; librdkafka's prefetch is capped by `queued.max.messages.kbytes`)
//! and is tracked in the watermarks. Its enrichment's result handle goes to
//! its partition's ordered queue: one task per partition awaits the handles
//! in offset order and enqueues the outputs, so output order is kept within
//! a partition while partitions (and consecutive records) enrich in
//! parallel. A delivery task per record awaits the acks, then marks the
//! offset done, stores the new commit point, and releases the permit.
//!
//! Draining needs no polling (mini-redis's drop-guard shutdown): shutdown
//! waits until every permit is back (`acquire_many(max_in_flight)`) for at
//! most `drain_timeout_ms`; a revoke closes the revoked partitions' queues
//! (pruning them) and waits until the last job of those partitions dropped
//! its guard, bounded the same way. Outputs of a revoked partition whose
//! drain timed out are not produced any more: the next owner reads them.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::producer::{DeliveryFuture, Producer};
use rdkafka::{Offset, TopicPartitionList};
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};

use super::record::{Job, Processed};
use super::{blocking, Delivery, WorkerError};
use crate::config::Config;
use crate::internal_events::{
    CommitKind, DrainTimedOut, DrainingInFlight, EnrichmentLost, InFlight, InputFinished,
    InternalEvent, OffsetStoreFailed, PartitionQueueClosed, ProducerFlushFailed, RecordsInFlight,
    RevokeDrainTimedOut, RevokedPartitionsCommitted, UnfinishedRecordsRevoked,
};
use crate::kafka::consumer::{
    self as kconsumer, commit_done, offset_list, Revoke, WorkerConsumer, WorkerContext,
};
use crate::kafka::offsets::{lock, Acked, Ticket, TopicPartition, Watermarks};
use crate::kafka::producer::{self as kproducer, WorkerProducer};
use crate::telemetry::{Health, Metrics};

/// The at-least-once delivery mode.
pub(crate) struct AtLeastOnce {
    /// The consumer (its context holds `partitions` as revoke policy).
    consumer: Arc<WorkerConsumer>,
    /// What the partition and delivery tasks share.
    shared: Arc<Shared>,
    /// The partition queues, shared with the revoke callback.
    partitions: Arc<Partitions>,
}

/// Everything the partition and delivery tasks share.
struct Shared {
    /// The producer.
    producer: WorkerProducer,
    /// Where commit points are stored (weak: the worker owns the consumer).
    consumer: Weak<WorkerConsumer>,
    /// Watermarks.
    watermarks: Arc<Mutex<Watermarks>>,
    /// Metrics.
    metrics: Arc<Metrics>,
    /// Readiness (failing deliveries make the worker not ready).
    health: Arc<Health>,
    /// Set on a fatal producer error.
    fatal: Arc<AtomicBool>,
}

/// The queues of the assigned partitions, and the revoke policy.
struct Partitions {
    /// One queue per partition read since its assignment.
    queues: Mutex<HashMap<TopicPartition, PartitionQueue>>,
    /// Watermarks.
    watermarks: Arc<Mutex<Watermarks>>,
    /// Metrics.
    metrics: Arc<Metrics>,
    /// Readiness (commit outcomes).
    health: Arc<Health>,
    /// How long a revoke waits for the revoked partitions' records.
    drain_timeout: Duration,
    /// Set once the shutdown drain is over: the revokes of leaving the
    /// group then commit without waiting.
    closing: AtomicBool,
}

/// One partition's ordered queue and its drop guard.
struct PartitionQueue {
    /// Jobs to the partition task, in offset order.
    jobs: mpsc::UnboundedSender<Queued>,
    /// The guard every job of the partition holds a clone of: once this one
    /// and the queue are dropped, `idle` reports when the last job is done.
    busy: mpsc::Sender<()>,
    /// Closed when every guard is dropped.
    idle: mpsc::Receiver<()>,
    /// Set when the partition was revoked: nothing more of it is produced.
    revoked: Arc<AtomicBool>,
}

/// A job in a partition queue.
struct Queued {
    /// The record.
    job: Job,
    /// Its watermark ticket.
    ticket: Ticket,
    /// Its partition's drop guard, released when the record is done.
    _busy: mpsc::Sender<()>,
}

impl Partitions {
    fn queues(&self) -> MutexGuard<'_, HashMap<TopicPartition, PartitionQueue>> {
        self.queues.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl AtLeastOnce {
    /// Create the consumer (subscribed) and the idempotent producer.
    pub(crate) fn new(
        config: &Config,
        metrics: &Arc<Metrics>,
        health: &Arc<Health>,
    ) -> Result<AtLeastOnce, WorkerError> {
        let watermarks = Arc::new(Mutex::new(Watermarks::new()));
        let partitions = Arc::new(Partitions {
            queues: Mutex::new(HashMap::new()),
            watermarks: watermarks.clone(),
            metrics: metrics.clone(),
            health: health.clone(),
            drain_timeout: Duration::from_millis(config.worker.drain_timeout_ms),
            closing: AtomicBool::new(false),
        });
        let consumer = Arc::new(kconsumer::create(
            config,
            WorkerContext {
                metrics: metrics.clone(),
                health: health.clone(),
                on_revoke: Box::new(partitions.clone()),
            },
        )?);
        let (producer, fatal) = kproducer::create(config, health.clone())?;
        let shared = Arc::new(Shared {
            producer,
            consumer: Arc::downgrade(&consumer),
            watermarks,
            metrics: metrics.clone(),
            health: health.clone(),
            fatal,
        });
        Ok(AtLeastOnce {
            consumer,
            shared,
            partitions,
        })
    }
}

impl Delivery for AtLeastOnce {
    type Event = Infallible;

    fn consumer(&self) -> &Arc<WorkerConsumer> {
        &self.consumer
    }

    async fn turn(&mut self) -> Result<bool, WorkerError> {
        // A fatal producer error: stop reading; what was not acknowledged
        // stays uncommitted (the drain reports it unfinished).
        Ok(!self.shared.fatal.load(Ordering::SeqCst))
    }

    fn reading(&self) -> bool {
        true
    }

    async fn next_event(&mut self) -> Infallible {
        std::future::pending().await
    }

    async fn handle(&mut self, event: Infallible) -> Result<(), WorkerError> {
        match event {}
    }

    async fn accept(&mut self, job: Job) -> Result<(), WorkerError> {
        let ticket = lock(&self.shared.watermarks).track(job.tp.clone(), job.offset);
        RecordsInFlight {
            metrics: &self.shared.metrics,
            change: InFlight::Added,
        }
        .emit();
        let mut queues = self.partitions.queues();
        let queue = queues
            .entry(job.tp.clone())
            .or_insert_with(|| PartitionQueue::start(&self.shared));
        let queued = Queued {
            job,
            ticket,
            _busy: queue.busy.clone(),
        };
        if let Err(mpsc::error::SendError(q)) = queue.jobs.send(queued) {
            // The task is gone only if it panicked: the record stays
            // uncommitted and is re-read after a restart.
            PartitionQueueClosed {
                partition: q.ticket.tp.1,
                offset: q.ticket.offset,
            }
            .emit();
        }
        Ok(())
    }

    async fn drain(
        &mut self,
        in_flight: &Arc<Semaphore>,
        max_in_flight: usize,
        timeout: Duration,
    ) -> Result<usize, WorkerError> {
        DrainingInFlight {
            in_flight: max_in_flight.saturating_sub(in_flight.available_permits()),
        }
        .emit();
        // Closing the queues lets each partition task end after its last job.
        let revoked: Vec<Arc<AtomicBool>> = self
            .partitions
            .queues()
            .drain()
            .map(|(_, q)| q.revoked)
            .collect();
        let all = u32::try_from(max_in_flight).unwrap_or(u32::MAX);
        let _ = tokio::time::timeout(timeout, in_flight.acquire_many(all)).await;
        let unfinished = lock(&self.shared.watermarks).total_pending();
        if unfinished > 0 {
            DrainTimedOut { unfinished }.emit();
            for r in &revoked {
                r.store(true, Ordering::SeqCst);
            }
        }
        // What librdkafka's auto-commit has not written yet.
        let result = blocking(|| self.consumer.commit_consumer_state(CommitMode::Sync));
        commit_done(
            &self.shared.metrics,
            &self.shared.health,
            &result,
            CommitKind::Sync,
        );
        self.partitions.closing.store(true, Ordering::SeqCst);
        if let Err(error) = blocking(|| self.shared.producer.flush(Duration::from_secs(5))) {
            ProducerFlushFailed { error: &error }.emit();
        }
        Ok(unfinished)
    }
}

impl PartitionQueue {
    /// A new queue and its task.
    fn start(shared: &Arc<Shared>) -> PartitionQueue {
        let (jobs, rx) = mpsc::unbounded_channel();
        let (busy, idle) = mpsc::channel(1);
        let revoked = Arc::new(AtomicBool::new(false));
        tokio::spawn(partition_task(rx, shared.clone(), revoked.clone()));
        PartitionQueue {
            jobs,
            busy,
            idle,
            revoked,
        }
    }
}

/// Awaits a partition's jobs in offset order and enqueues their outputs.
async fn partition_task(
    mut rx: mpsc::UnboundedReceiver<Queued>,
    shared: Arc<Shared>,
    revoked: Arc<AtomicBool>,
) {
    let give_up: Arc<dyn Fn() -> bool + Send + Sync> = {
        let (shared, revoked) = (shared.clone(), revoked.clone());
        Arc::new(move || shared.fatal.load(Ordering::SeqCst) || revoked.load(Ordering::SeqCst))
    };
    'jobs: while let Some(Queued { job, ticket, _busy }) = rx.recv().await {
        let processed = match job.work.await {
            Ok(p) => p,
            Err(_) => {
                // Only if its enrichment panicked outside the stages (the
                // thread survives): leave the record unacknowledged, its
                // offset uncommitted; it is re-read on restart.
                EnrichmentLost {
                    partition: ticket.tp.1,
                    offset: ticket.offset,
                }
                .emit();
                continue;
            }
        };
        if give_up() {
            // Revoked and its drain timed out (the next owner reads the
            // record), or the producer failed fatally.
            continue;
        }
        let mut futures = Vec::with_capacity(processed.records.len());
        for r in &processed.records {
            match kproducer::enqueue(
                &shared.producer,
                r,
                &shared.metrics,
                &shared.health,
                &*give_up,
            )
            .await
            {
                Some(f) => futures.push(f),
                None => continue 'jobs,
            }
        }
        let done = Done {
            ticket,
            timestamp_ms: job.timestamp_ms,
            _permit: job.permit,
            _busy,
        };
        tokio::spawn(deliver(
            shared.clone(),
            give_up.clone(),
            processed,
            futures,
            done,
        ));
    }
}

/// What a delivery task releases once its record's outputs are safe.
struct Done {
    /// Watermark ticket.
    ticket: Ticket,
    /// Input timestamp (end-to-end latency).
    timestamp_ms: Option<i64>,
    /// The in-flight permit.
    _permit: OwnedSemaphorePermit,
    /// The partition's drop guard.
    _busy: mpsc::Sender<()>,
}

/// Await the acks of one record's outputs, then mark it done and store its
/// partition's new commit point.
async fn deliver(
    shared: Arc<Shared>,
    give_up: Arc<dyn Fn() -> bool + Send + Sync>,
    processed: Processed,
    futures: Vec<DeliveryFuture>,
    done: Done,
) {
    let m = &shared.metrics;
    let delivered = kproducer::deliver_all(
        &shared.producer,
        &processed.records,
        futures,
        m,
        &shared.health,
        &*give_up,
    )
    .await;
    if !delivered {
        // Stays unfinished: its offset is never stored past it.
        return;
    }
    InputFinished {
        metrics: m,
        outcome: processed.outcome,
        timestamp_ms: done.timestamp_ms,
        now_ms: chrono::Utc::now().timestamp_millis(),
    }
    .emit();
    // Stored under the watermarks' lock: a revoke (which takes it too)
    // cannot slip between the ack and the store.
    let w = &mut *lock(&shared.watermarks);
    let one_done = RecordsInFlight {
        metrics: m,
        change: InFlight::Done,
    };
    match w.ack(&done.ticket) {
        Acked::Stale => {}
        Acked::Held => one_done.emit(),
        Acked::Advanced(next) => {
            one_done.emit();
            store_offset(&shared, &done.ticket.tp, next);
        }
    }
}

/// Store `next` as `tp`'s commit point, for librdkafka's auto-commit.
fn store_offset(shared: &Shared, (topic, partition): &TopicPartition, next: i64) {
    let Some(consumer) = shared.consumer.upgrade() else {
        return;
    };
    let mut tpl = TopicPartitionList::with_capacity(1);
    let result = tpl
        .add_partition_offset(topic, *partition, Offset::Offset(next))
        .and_then(|()| consumer.store_offsets(&tpl));
    if let Err(error) = result {
        // Only for a partition no longer assigned: its revoke committed.
        OffsetStoreFailed {
            topic,
            partition: *partition,
            error: &error,
        }
        .emit();
    }
}

impl Revoke for Partitions {
    fn revoke(&self, consumer: &BaseConsumer<WorkerContext>, tps: &[TopicPartition], lost: bool) {
        // Pruned: a partition assigned again starts with a fresh queue.
        let queues: Vec<PartitionQueue> = {
            let mut all = self.queues();
            tps.iter().filter_map(|tp| all.remove(tp)).collect()
        };
        let mut idle = Vec::with_capacity(queues.len());
        let mut revoked = Vec::with_capacity(queues.len());
        for q in queues {
            idle.push(q.idle);
            revoked.push(q.revoked);
        }
        if !lost && !self.closing.load(Ordering::SeqCst) {
            wait_idle(idle, self.drain_timeout);
        }
        for r in &revoked {
            r.store(true, Ordering::SeqCst);
        }
        let offsets: Vec<(TopicPartition, i64)> = {
            let w = lock(&self.watermarks);
            tps.iter()
                .filter_map(|tp| w.committable(tp).map(|o| (tp.clone(), o)))
                .collect()
        };
        if !lost && !offsets.is_empty() {
            let result = offset_list(&offsets).and_then(|l| consumer.commit(&l, CommitMode::Sync));
            commit_done(&self.metrics, &self.health, &result, CommitKind::Revoke);
            if result.is_ok() {
                RevokedPartitionsCommitted {
                    partitions: offsets.len(),
                }
                .emit();
            }
        }
        let mut w = lock(&self.watermarks);
        for tp in tps {
            let left = w.pending(tp);
            if left > 0 {
                UnfinishedRecordsRevoked {
                    metrics: &self.metrics,
                    topic: &tp.0,
                    partition: tp.1,
                    unfinished: left,
                    lost,
                }
                .emit();
            }
            w.revoke(tp);
        }
    }
}

/// Wait (blocking: this runs in the rebalance callback) until every job of
/// the closed queues is done, or `timeout`. On a current-thread runtime the
/// jobs cannot progress while this thread blocks: no wait then.
fn wait_idle(idle: Vec<mpsc::Receiver<()>>, timeout: Duration) {
    let Ok(handle) = tokio::runtime::Handle::try_current() else {
        return;
    };
    if handle.runtime_flavor() != tokio::runtime::RuntimeFlavor::MultiThread {
        return;
    }
    let all_idle = async {
        for mut rx in idle {
            // `None` once the queue's guard and every job's clone are gone.
            let _ = rx.recv().await;
        }
    };
    blocking(|| handle.block_on(tokio::time::timeout(timeout, all_idle)))
        .unwrap_or_else(|_elapsed| RevokeDrainTimedOut.emit());
}
