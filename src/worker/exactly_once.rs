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

use super::record::{Job, Processed};
use super::{blocking, Delivery, WorkerError};
use crate::config::Config;
use crate::internal_events::{
    AbortOnRevokeFailed, AbortRetried, CommittedOffsetsStoreFailed, DrainingTransaction, InFlight,
    InitTransactionsRetried, InputFinished, InternalEvent, RecordsInFlight, Rewound,
    TransactionAborted, TransactionAbortedOnRevoke, TransactionCommitted, TransactionDrainTimedOut,
    TransactionProduceFailed, TransactionStepFailed, TxnStepNext,
};
use crate::kafka::consumer::{self as kconsumer, Revoke, WorkerConsumer, WorkerContext};
use crate::kafka::offsets::TopicPartition;
use crate::kafka::producer::{self as kproducer, OutRecord, WorkerProducer};
use crate::telemetry::{Health, Metrics};

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
                Ok(()) => TransactionAbortedOnRevoke {
                    metrics: &self.metrics,
                }
                .emit(),
                Err(error) => AbortOnRevokeFailed { error: &error }.emit(),
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
                InitTransactionsRetried { error: &error }.emit();
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
        self.in_flight();
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
        DrainingTransaction {
            in_flight: self.queue.len(),
        }
        .emit();
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
                TransactionDrainTimedOut { unfinished }.emit();
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
                TransactionProduceFailed {
                    metrics: &self.metrics,
                    topic: &r.topic,
                    error: &error,
                }
                .emit();
                return self.abort("produce failed").await;
            }
            *self.batch.records.entry(r.topic.clone()).or_default() += 1;
        }
        let b = &mut self.batch;
        b.outcomes.push(p.outcome);
        b.timestamps.push(job.timestamp_ms);
        b.produced += 1;
        self.in_flight();
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
                        let failure = classify(&error);
                        TransactionStepFailed {
                            metrics: &self.metrics,
                            health: &self.health,
                            step,
                            error: &error,
                            next: match failure {
                                Failure::Retry => TxnStepNext::Retry,
                                Failure::Abort => TxnStepNext::Abort,
                                Failure::Fatal => TxnStepNext::Stop,
                            },
                        }
                        .emit();
                        match failure {
                            Failure::Retry => {
                                tokio::time::sleep(Duration::from_millis(100)).await;
                            }
                            Failure::Abort => return self.abort(step).await,
                            Failure::Fatal => {
                                return Err(WorkerError::Transaction(error.to_string()));
                            }
                        }
                    }
                }
            }
        }
        self.txn.open.store(false, Ordering::SeqCst);
        // A transactional offset commit leaves librdkafka's committed
        // offset where the assignment found it: store what this transaction
        // committed, the lag gauge is measured from it
        // (`internal_events::ConsumerStatistics`). Never committed by librdkafka
        // (auto commit is off). Fails only for a partition revoked meanwhile.
        if let Err(error) = self.consumer.store_offsets(&tpl) {
            CommittedOffsetsStoreFailed { error: &error }.emit();
        }
        let b = std::mem::take(&mut self.batch);
        // A committed transaction: the brokers answer, commits succeed.
        TransactionCommitted {
            metrics: &self.metrics,
            health: &self.health,
            started: b.started,
            records: &b.records,
            partitions: b.next.len(),
        }
        .emit();
        let now_ms = chrono::Utc::now().timestamp_millis();
        for (outcome, timestamp_ms) in b.outcomes.into_iter().zip(b.timestamps) {
            InputFinished {
                metrics: &self.metrics,
                outcome,
                timestamp_ms,
                now_ms,
            }
            .emit();
        }
        self.in_flight();
        Ok(())
    }

    /// Report the records of the batch still being enriched as in flight.
    fn in_flight(&self) {
        RecordsInFlight {
            metrics: &self.metrics,
            change: InFlight::Now(self.queue.len()),
        }
        .emit();
    }

    /// Abort the open transaction and rewind to the batch start.
    async fn abort(&mut self, why: &str) -> Result<(), WorkerError> {
        let open = self.txn.open.swap(false, Ordering::SeqCst);
        if open {
            loop {
                match blocking(|| self.txn.producer.abort_transaction(TXN_CALL_TIMEOUT)) {
                    Ok(()) => break,
                    Err(error) if classify(&error) == Failure::Retry => {
                        AbortRetried { error: &error }.emit();
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                    Err(error) => return Err(WorkerError::Transaction(error.to_string())),
                }
            }
        }
        TransactionAborted {
            metrics: &self.metrics,
            counted: open,
            reason: why,
            inputs: self.batch.read,
        }
        .emit();
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
        self.in_flight();
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
        Rewound {
            partitions: result.count(),
        }
        .emit();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::config::ClientConfig;
    use rdkafka::error::RDKafkaErrorCode;
    use rdkafka::mocking::MockCluster;
    use rdkafka::producer::{BaseProducer, BaseRecord, DefaultProducerContext};
    use rdkafka::types::{RDKafkaApiKey, RDKafkaRespErr};

    #[test]
    fn errors_outside_transactions_abort() {
        assert_eq!(
            classify(&KafkaError::MessageProduction(
                RDKafkaErrorCode::MessageTimedOut
            )),
            Failure::Abort
        );
    }

    // The three transactional arms are fed real librdkafka errors, provoked
    // on an in-process mock cluster the way a broker would provoke them: the
    // flags `classify` reads are librdkafka's, and no test builds them.

    const CALL: Duration = Duration::from_secs(10);

    /// A mock cluster and a transactional producer on it, its transaction
    /// begun and holding one record (so the commit has work to send).
    fn open_transaction(
        name: &str,
    ) -> (MockCluster<'static, DefaultProducerContext>, BaseProducer) {
        let cluster = MockCluster::new(1).expect("mock cluster");
        let producer: BaseProducer = ClientConfig::new()
            .set("bootstrap.servers", cluster.bootstrap_servers())
            .set("transactional.id", format!("classify-{name}"))
            .create()
            .expect("producer");
        producer.init_transactions(CALL).expect("init_transactions");
        producer.begin_transaction().expect("begin_transaction");
        producer
            .send(BaseRecord::<str, str>::to("classify").payload("x"))
            .map_err(|(e, _)| e)
            .expect("send");
        (cluster, producer)
    }

    #[test]
    fn a_commit_that_times_out_is_retried() {
        let (cluster, producer) = open_transaction("retry");
        // The record is delivered first: rust-rdkafka's commit flushes
        // before it commits, and a flush that times out is another arm.
        producer.flush(CALL).expect("flush");
        // The broker answers, but slower than the call waits: librdkafka
        // reports a retriable timeout and keeps committing in the background.
        cluster
            .broker_round_trip_time(1, Duration::from_secs(2))
            .expect("rtt");
        let error = producer
            .commit_transaction(Duration::from_millis(100))
            .expect_err("a 100 ms commit against a 2 s round trip times out");
        assert!(
            matches!(&error, KafkaError::Transaction(e) if e.is_retriable() && !e.is_fatal()),
            "{error:?}"
        );
        assert_eq!(classify(&error), Failure::Retry);
    }

    #[test]
    fn a_commit_whose_records_are_not_delivered_in_time_aborts() {
        let (cluster, producer) = open_transaction("flush");
        // The commit's flush times out before the commit is even sent: not
        // a transactional error, so the batch is aborted (its records purged)
        // and processed again rather than committed blind.
        cluster
            .broker_round_trip_time(1, Duration::from_secs(2))
            .expect("rtt");
        let error = producer
            .commit_transaction(Duration::from_millis(100))
            .expect_err("a 100 ms flush against a 2 s round trip times out");
        assert!(matches!(error, KafkaError::Flush(_)), "{error:?}");
        assert_eq!(classify(&error), Failure::Abort);
    }

    #[test]
    fn an_offset_commit_refused_by_the_group_aborts() {
        let (cluster, producer) = open_transaction("abort");
        // A generation the coordinator does not know (the consumer was
        // rebalanced meanwhile): the offsets cannot join this transaction.
        cluster.request_errors(
            RDKafkaApiKey::TxnOffsetCommit,
            &[RDKafkaRespErr::RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION],
        );
        let mut offsets = TopicPartitionList::new();
        offsets
            .add_partition_offset("classify", 0, Offset::Offset(1))
            .expect("offsets");
        let consumer: BaseConsumer = ClientConfig::new()
            .set("bootstrap.servers", cluster.bootstrap_servers())
            .set("group.id", "classify")
            .create()
            .expect("consumer");
        let group = consumer.group_metadata().expect("group metadata");
        let error = producer
            .send_offsets_to_transaction(&offsets, &group, CALL)
            .expect_err("the injected error fails the offset commit");
        assert!(
            matches!(&error, KafkaError::Transaction(e) if e.txn_requires_abort() && !e.is_fatal()),
            "{error:?}"
        );
        assert_eq!(classify(&error), Failure::Abort);
    }

    #[test]
    fn a_fenced_producer_is_fatal() {
        let (cluster, producer) = open_transaction("fatal");
        // A newer instance with the same transactional.id took over: the
        // coordinator refuses this producer's epoch for good.
        cluster.request_errors(
            RDKafkaApiKey::EndTxn,
            &[RDKafkaRespErr::RD_KAFKA_RESP_ERR_PRODUCER_FENCED],
        );
        let error = producer
            .commit_transaction(CALL)
            .expect_err("the injected fencing fails the commit");
        assert!(
            matches!(&error, KafkaError::Transaction(e) if e.is_fatal()),
            "{error:?}"
        );
        assert_eq!(classify(&error), Failure::Fatal);
    }

    #[test]
    fn a_new_batch_is_empty_and_open() {
        let b = Batch::default();
        assert_eq!((b.read, b.produced, b.closed), (0, 0, false));
        assert!(b.first.is_empty() && b.next.is_empty() && b.started.is_none());
    }
}
