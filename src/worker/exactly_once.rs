//! Exactly-once mode (`kafka.delivery = "exactly-once"`): a transactional
//! producer that commits the consumed offsets inside its transaction
//! (KIP-447: the consumer's group metadata fences stale members).
//!
//! # Delivery guarantee: exactly-once, for read_committed readers
//!
//! The inputs are read in batches. Every output of a batch (each input's
//! `articles.enriched` event and `statements`, or its dead-letter record) and
//! the offsets one past the batch's last input of each partition are written
//! in **one Kafka transaction**: `commit_transaction` makes all of them
//! visible at once, or none. A consumer of the output topics with
//! `isolation.level=read_committed` therefore sees the outputs of every
//! input exactly once, whatever happens to byline:
//! - a crash (`kill -9`, OOM, node loss) leaves an open transaction that the
//!   broker aborts (at the latest after `worker.transaction_timeout_ms`, at
//!   once when the restarted instance with the same `transactional.id`
//!   calls `init_transactions`); its inputs are re-read from the offsets of
//!   the last committed transaction;
//! - an abortable error (a produce or offset commit refused mid-transaction)
//!   aborts the transaction and rewinds the consumer to the batch start
//!   (the last committed positions), so the batch is processed again;
//! - a revoke aborts the open transaction before the partitions go (the new
//!   owner starts at the last committed offsets);
//! - a fatal error (fenced by a newer instance with the same
//!   `transactional.id`, or by a newer group generation) stops the worker
//!   with an error, without committing anything more.
//!
//! **Caveats.** A `read_uncommitted` consumer sees the records of aborted
//! transactions: duplicates. Side effects outside Kafka (logs, metrics such
//! as `byline_articles_failed_total`) happen once per attempt. Outputs become
//! visible only at commit: up to `worker.transaction_interval_ms` plus the
//! commit round trips later than in at-least-once mode, and a transaction
//! left open by a crashed instance holds back read_committed readers of its
//! partitions until it is aborted. The brokers must implement transactions
//! (Apache Kafka 2.5+ for KIP-447, Redpanda, most managed Kafka); tansu 0.6.0
//! does not, and librdkafka's mock cluster accepts the transactional calls
//! but neither stores the transactional offsets nor hides aborted records
//! (see README, "Exactly-once mode").
//!
//! # Shape
//!
//! The shared loop ([`super::run`]) reads the records, each holding a
//! `worker.max_in_flight` permit, and starts their enrichment; this mode
//! queues their result handles in read order and produces each record's
//! outputs into the open transaction as soon as it and every earlier record
//! are enriched (releasing its permit), while reading goes on. A batch
//! closes at `worker.transaction_max_records` records or
//! `worker.transaction_interval_ms` after its first record; once every
//! record of it is produced, the offsets are sent and the transaction
//! committed. librdkafka's blocking transactional calls run with
//! `block_in_place`. Shutdown stops reading, finishes the open batch within
//! `worker.drain_timeout_ms` and commits it, or aborts it.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::producer::Producer;
use rdkafka::{Offset, TopicPartitionList};
use tokio::sync::{watch, Semaphore};

use super::record::{count_done, Job, Processed};
use super::{blocking, Delivery, WorkerError};
use crate::config::Config;
use crate::kafka::consumer::{self as kconsumer, Revoke, WorkerConsumer, WorkerContext};
use crate::kafka::offsets::TopicPartition;
use crate::kafka::producer::{self as kproducer, OutRecord, WorkerProducer};
use crate::telemetry::{Health, Metrics, TXN_ABORTED, TXN_COMMITTED};

/// Timeout of one blocking transactional call (retried when retriable).
const TXN_CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// The transaction's state shared with the revoke callback.
struct TxnState {
    /// The transactional producer (the revoke callback aborts with it).
    producer: Arc<WorkerProducer>,
    /// A transaction is open (begun, not yet committed or aborted).
    open: AtomicBool,
    /// Set by the revoke callback when it aborted the open transaction: the
    /// loop must drop its batch and rewind.
    discarded: AtomicBool,
    /// Metrics.
    metrics: Arc<Metrics>,
}

impl Revoke for TxnState {
    fn revoke(&self, _: &BaseConsumer<WorkerContext>, _: &[TopicPartition], _lost: bool) {
        // The open transaction holds outputs and offsets of partitions that
        // are going: abort it before they go, the next owner starts at the
        // last committed offsets.
        if self.open.swap(false, Ordering::SeqCst) {
            match blocking(|| self.producer.abort_transaction(TXN_CALL_TIMEOUT)) {
                Ok(()) => {
                    self.metrics
                        .transactions
                        .with_label_values(&[TXN_ABORTED])
                        .inc();
                    tracing::info!(message = "Partitions revoked: open transaction aborted; its inputs will be read again.");
                }
                Err(error) => {
                    tracing::warn!(message = "Abort on revoke failed; the broker aborts the transaction at its timeout.", %error)
                }
            }
            self.discarded.store(true, Ordering::SeqCst);
        }
    }
}

/// What to do after a failed transactional call.
#[derive(Debug, PartialEq, Eq)]
enum Failure {
    /// Call again (a timeout, a coordinator moving).
    Retry,
    /// Abort the transaction and process the batch again.
    Abort,
    /// The producer cannot continue (fenced): stop.
    Fatal,
}

fn classify(error: &KafkaError) -> Failure {
    match error {
        KafkaError::Transaction(e) if e.is_fatal() => Failure::Fatal,
        KafkaError::Transaction(e) if e.txn_requires_abort() => Failure::Abort,
        KafkaError::Transaction(e) if e.is_retriable() => Failure::Retry,
        _ => Failure::Abort,
    }
}

/// The inputs read since the last commit and their outputs.
#[derive(Default)]
struct Batch {
    /// When its first record was read.
    started: Option<Instant>,
    /// Records read.
    read: u64,
    /// Records whose outputs are in the transaction.
    produced: u64,
    /// Input timestamps of the produced records (end-to-end latency).
    timestamps: Vec<Option<i64>>,
    /// First offset of each partition: where an abort rewinds to.
    first: HashMap<TopicPartition, i64>,
    /// One past the last offset of each partition: what the commit stores.
    next: HashMap<TopicPartition, i64>,
    /// Outcomes of the produced inputs (counted once committed).
    outcomes: Vec<Result<u64, &'static str>>,
    /// Output records produced, by topic (counted once committed).
    records: HashMap<String, u64>,
    /// No more reading: full, interval over, or shutting down.
    closed: bool,
}

/// An event of the exactly-once mode.
pub(crate) enum TxnEvent {
    /// The oldest record's enrichment finished (`None`: task lost).
    Enriched(Option<Processed>),
    /// The batch's interval is over.
    Interval,
}

/// The exactly-once delivery mode.
pub(crate) struct ExactlyOnce {
    /// The consumer.
    consumer: Arc<WorkerConsumer>,
    /// The transaction's state, shared with the revoke callback.
    txn: Arc<TxnState>,
    /// Set by the producer context on a fatal error.
    fatal: Arc<AtomicBool>,
    /// Metrics.
    metrics: Arc<Metrics>,
    /// Readiness (commit outcomes).
    health: Arc<Health>,
    /// Records of the batch being enriched, in read order.
    queue: VecDeque<Job>,
    /// The current batch.
    batch: Batch,
    /// `worker.transaction_max_records`.
    max_records: u64,
    /// `worker.transaction_interval_ms`.
    interval: Duration,
}

/// Create the transactional producer and run `init_transactions`, retrying
/// while the brokers are unreachable.
async fn init_producer(
    config: &Config,
    health: Arc<Health>,
    shutdown: &watch::Receiver<bool>,
) -> Result<(Arc<WorkerProducer>, Arc<AtomicBool>), WorkerError> {
    let (producer, fatal) = kproducer::create_transactional(config, health)?;
    let producer = Arc::new(producer);
    loop {
        match blocking(|| producer.init_transactions(TXN_CALL_TIMEOUT)) {
            Ok(()) => return Ok((producer, fatal)),
            Err(error) if classify(&error) == Failure::Retry && !*shutdown.borrow() => {
                tracing::warn!(message = "Initializing transactions failed; retrying.", %error);
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(error) => return Err(WorkerError::Transaction(error.to_string())),
        }
    }
}

impl ExactlyOnce {
    /// Create and initialize the transactional producer, then the consumer
    /// (subscribed, `read_committed`).
    pub(crate) async fn new(
        config: &Config,
        metrics: &Arc<Metrics>,
        health: &Arc<Health>,
        shutdown: &watch::Receiver<bool>,
    ) -> Result<ExactlyOnce, WorkerError> {
        let w = &config.worker;
        let (producer, fatal) = init_producer(config, health.clone(), shutdown).await?;
        let txn = Arc::new(TxnState {
            producer,
            open: AtomicBool::new(false),
            discarded: AtomicBool::new(false),
            metrics: metrics.clone(),
        });
        let consumer = kconsumer::create(
            config,
            WorkerContext {
                metrics: metrics.clone(),
                health: health.clone(),
                on_revoke: Box::new(txn.clone()),
            },
        )?;
        Ok(ExactlyOnce {
            consumer: Arc::new(consumer),
            txn,
            fatal,
            metrics: metrics.clone(),
            health: health.clone(),
            queue: VecDeque::new(),
            batch: Batch::default(),
            max_records: w.transaction_max_records as u64,
            interval: Duration::from_millis(w.transaction_interval_ms),
        })
    }
}

impl Delivery for ExactlyOnce {
    type Event = TxnEvent;

    fn consumer(&self) -> &Arc<WorkerConsumer> {
        &self.consumer
    }

    async fn turn(&mut self) -> Result<bool, WorkerError> {
        if self.fatal.load(Ordering::SeqCst) {
            return Err(WorkerError::Transaction(
                "the producer reported a fatal error".into(),
            ));
        }
        if self.txn.discarded.swap(false, Ordering::SeqCst) {
            // A revoke aborted the transaction inside the last read.
            self.discard(None)?;
        }
        if self.batch.closed && self.queue.is_empty() && self.batch.read > 0 {
            self.commit().await?;
        }
        Ok(true)
    }

    fn reading(&self) -> bool {
        !self.batch.closed
    }

    async fn next_event(&mut self) -> TxnEvent {
        let deadline = match (self.batch.closed, self.batch.started) {
            (false, Some(s)) => Some(tokio::time::Instant::from_std(s + self.interval)),
            _ => None,
        };
        let oldest = async {
            match self.queue.front_mut() {
                Some(job) => (&mut job.work).await.ok(),
                None => std::future::pending().await,
            }
        };
        let interval = async {
            match deadline {
                Some(d) => tokio::time::sleep_until(d).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            biased;
            p = oldest => TxnEvent::Enriched(p),
            () = interval => TxnEvent::Interval,
        }
    }

    async fn handle(&mut self, event: TxnEvent) -> Result<(), WorkerError> {
        match event {
            TxnEvent::Interval => {
                self.batch.closed = true;
                Ok(())
            }
            TxnEvent::Enriched(p) => {
                let Some(job) = self.queue.pop_front() else {
                    return Ok(());
                };
                match p {
                    Some(p) => self.produce(job, p).await,
                    None => self.abort("enrichment task lost").await,
                }
            }
        }
    }

    async fn accept(&mut self, job: Job) -> Result<(), WorkerError> {
        if self.txn.discarded.swap(false, Ordering::SeqCst) {
            // A revoke aborted the transaction inside this read: the record
            // may precede or follow the rewind; read it again.
            drop(job.work);
            return self.discard(Some((&job.tp, job.offset)));
        }
        if !self.txn.open.load(Ordering::SeqCst) {
            self.txn
                .producer
                .begin_transaction()
                .map_err(|e| WorkerError::Transaction(format!("begin_transaction: {e}")))?;
            self.txn.open.store(true, Ordering::SeqCst);
        }
        let b = &mut self.batch;
        if b.started.is_none() {
            b.started = Some(Instant::now());
        }
        b.first.entry(job.tp.clone()).or_insert(job.offset);
        b.next.insert(job.tp.clone(), job.offset + 1);
        b.read += 1;
        if b.read >= self.max_records {
            b.closed = true;
        }
        self.queue.push_back(job);
        self.metrics.in_flight.set(self.queue.len() as i64);
        Ok(())
    }

    async fn drain(
        &mut self,
        _in_flight: &Arc<Semaphore>,
        _max_in_flight: usize,
        timeout: Duration,
    ) -> Result<usize, WorkerError> {
        // Every permit is back once the queue is empty: the queue is what
        // is waited for, producing each record as it comes.
        self.batch.closed = true;
        tracing::info!(
            message = "Shutting down: finishing the open transaction.",
            in_flight = self.queue.len()
        );
        let deadline = tokio::time::Instant::now() + timeout;
        while !self.queue.is_empty() && !self.fatal.load(Ordering::SeqCst) {
            match tokio::time::timeout_at(deadline, self.next_event()).await {
                Ok(TxnEvent::Enriched(p)) => self.handle(TxnEvent::Enriched(p)).await?,
                Ok(TxnEvent::Interval) => {}
                Err(_elapsed) => break,
            }
        }
        let mut unfinished = 0;
        if self.batch.read > 0 {
            if self.queue.is_empty() {
                self.commit().await?;
            } else {
                unfinished = self.queue.len();
                tracing::warn!(
                    message = "Drain timed out; the open transaction is aborted and its inputs will be re-read.",
                    unfinished
                );
                self.abort("drain timed out").await?;
            }
        }
        Ok(unfinished)
    }
}

impl ExactlyOnce {
    /// Produce the outputs of `job`, the oldest record, into the open
    /// transaction; its permit is released once they are in.
    async fn produce(&mut self, job: Job, p: Processed) -> Result<(), WorkerError> {
        for r in &p.records {
            if let Err(error) = self.send(r).await {
                tracing::warn!(message = "Produce failed inside a transaction.", topic = %r.topic, %error);
                self.metrics
                    .produce_errors
                    .with_label_values(&[&r.topic])
                    .inc();
                return self.abort("produce failed").await;
            }
            *self.batch.records.entry(r.topic.clone()).or_default() += 1;
        }
        let b = &mut self.batch;
        b.outcomes.push(p.outcome);
        b.timestamps.push(job.timestamp_ms);
        b.produced += 1;
        self.metrics.in_flight.set(self.queue.len() as i64);
        Ok(())
    }

    /// Enqueue one record in the open transaction (waiting while the
    /// producer queue is full). Delivery is confirmed by the commit
    /// (`commit_transaction` flushes and fails if any record failed).
    async fn send(&self, r: &OutRecord) -> Result<(), KafkaError> {
        // The delivery future is not needed: the commit reports.
        kproducer::send_queued(&self.txn.producer, r)
            .await
            .map(drop)
    }

    /// Send the batch's offsets and commit; an abortable failure aborts and
    /// rewinds, a fatal one stops the worker.
    async fn commit(&mut self) -> Result<(), WorkerError> {
        let Some(group) = self.consumer.group_metadata() else {
            return self.abort("no consumer group metadata").await;
        };
        let mut tpl = TopicPartitionList::new();
        for ((t, p), o) in &self.batch.next {
            tpl.add_partition_offset(t, *p, Offset::Offset(*o))?;
        }
        for step in ["send_offsets_to_transaction", "commit_transaction"] {
            loop {
                let result = blocking(|| {
                    if step == "commit_transaction" {
                        self.txn.producer.commit_transaction(TXN_CALL_TIMEOUT)
                    } else {
                        self.txn.producer.send_offsets_to_transaction(
                            &tpl,
                            &group,
                            TXN_CALL_TIMEOUT,
                        )
                    }
                });
                match result {
                    Ok(()) => break,
                    Err(error) => {
                        self.metrics.commit_errors.inc();
                        self.health.commit_result(false);
                        match classify(&error) {
                            Failure::Retry => {
                                tracing::warn!(message = "Transaction step failed; retrying.", step, %error);
                                tokio::time::sleep(Duration::from_millis(100)).await;
                            }
                            Failure::Abort => {
                                tracing::warn!(message = "Transaction step failed; aborting.", step, %error);
                                return self.abort(step).await;
                            }
                            Failure::Fatal => {
                                tracing::error!(message = "Fatal transaction error; stopping.", step, %error);
                                return Err(WorkerError::Transaction(error.to_string()));
                            }
                        }
                    }
                }
            }
        }
        self.txn.open.store(false, Ordering::SeqCst);
        // A committed transaction: the brokers answer, commits succeed.
        self.health.commit_result(true);
        self.health.set_brokers_down(false);
        // A transactional offset commit leaves librdkafka's committed
        // offset where the assignment found it: store what this transaction
        // committed, the lag gauge is measured from it
        // (`consumer::record_consumer_stats`). Never committed by librdkafka
        // (auto commit is off). Fails only for a partition revoked meanwhile.
        if let Err(error) = self.consumer.store_offsets(&tpl) {
            tracing::debug!(message = "Storing committed offsets for the lag gauge failed.", %error);
        }
        let m = &self.metrics;
        let b = std::mem::take(&mut self.batch);
        m.transactions.with_label_values(&[TXN_COMMITTED]).inc();
        m.commits.inc();
        if let Some(s) = b.started {
            m.transaction_duration.observe(s.elapsed().as_secs_f64());
        }
        let now = chrono::Utc::now().timestamp_millis();
        for (outcome, ts) in b.outcomes.into_iter().zip(b.timestamps) {
            count_done(m, outcome, ts, now);
        }
        for (topic, n) in b.records {
            m.produced.with_label_values(&[&topic]).inc_by(n);
        }
        m.in_flight.set(self.queue.len() as i64);
        tracing::debug!(
            message = "Transaction committed.",
            partitions = b.next.len()
        );
        Ok(())
    }

    /// Abort the open transaction and rewind to the batch start.
    async fn abort(&mut self, why: &str) -> Result<(), WorkerError> {
        if self.txn.open.swap(false, Ordering::SeqCst) {
            loop {
                match blocking(|| self.txn.producer.abort_transaction(TXN_CALL_TIMEOUT)) {
                    Ok(()) => break,
                    Err(error) if classify(&error) == Failure::Retry => {
                        tracing::warn!(message = "Abort failed; retrying.", %error);
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    Err(error) => return Err(WorkerError::Transaction(error.to_string())),
                }
            }
            self.metrics
                .transactions
                .with_label_values(&[TXN_ABORTED])
                .inc();
        }
        tracing::warn!(
            message = "Transaction aborted; its inputs will be processed again.",
            reason = why,
            inputs = self.batch.read
        );
        self.discard(None)
    }

    /// Drop the batch (its transaction is aborted) and seek every partition
    /// it read, still assigned, back to the batch's first offset: the last
    /// committed position. `extra` is a record read after the abort, to be
    /// read again too.
    fn discard(&mut self, extra: Option<(&TopicPartition, i64)>) -> Result<(), WorkerError> {
        let mut to: HashMap<TopicPartition, i64> = std::mem::take(&mut self.batch.first);
        if let Some((tp, o)) = extra {
            to.entry(tp.clone()).or_insert(o);
        }
        self.batch = Batch::default();
        // Their outputs must not go into the next transaction; dropping
        // the jobs releases their permits (and skips the enrichment of
        // those not started yet).
        self.queue.clear();
        self.metrics.in_flight.set(0);
        let assigned = self.consumer.assignment()?;
        let mut tpl = TopicPartitionList::new();
        for ((t, p), o) in &to {
            if assigned.find_partition(t, *p).is_some() {
                tpl.add_partition_offset(t, *p, Offset::Offset(*o))?;
            }
        }
        if tpl.count() == 0 {
            return Ok(());
        }
        let result = blocking(|| self.consumer.seek_partitions(tpl, TXN_CALL_TIMEOUT))?;
        for e in result.elements() {
            if let Err(error) = e.error() {
                // Continuing would skip the batch's inputs: stop instead;
                // the restart reads from the last committed offsets.
                return Err(WorkerError::Transaction(format!(
                    "rewinding {} [{}] failed: {error}",
                    e.topic(),
                    e.partition()
                )));
            }
        }
        tracing::info!(
            message = "Rewound to the last committed offsets.",
            partitions = result.count()
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::error::RDKafkaErrorCode;

    #[test]
    fn errors_outside_transactions_abort() {
        assert_eq!(
            classify(&KafkaError::MessageProduction(
                RDKafkaErrorCode::MessageTimedOut
            )),
            Failure::Abort
        );
    }

    #[test]
    fn a_new_batch_is_empty_and_open() {
        let b = Batch::default();
        assert_eq!((b.read, b.produced, b.closed), (0, 0, false));
        assert!(b.first.is_empty() && b.next.is_empty() && b.started.is_none());
    }
}
