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
//! One async loop owns the consumer and the transaction. A record read is
//! decoded and enriched on the blocking pool with [`crate::worker`]'s own
//! `process` (same pipeline, same outputs, same dead letters, at most one
//! per core); results come back tagged with their batch and sequence number
//! and are produced strictly in read order while reading goes on. A batch
//! closes at `worker.transaction_max_records` records or
//! `worker.transaction_interval_ms` after its first record; once every
//! record of it is produced, the loop sends the offsets and commits.
//! librdkafka's blocking transactional calls run with `block_in_place`.
//! Shutdown stops reading, finishes the open batch within
//! `worker.drain_timeout_ms` and commits it, or aborts it.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext, Rebalance, StreamConsumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::Message;
use rdkafka::producer::{FutureRecord, Producer};
use rdkafka::statistics::Statistics;
use rdkafka::{ClientContext, Offset, TopicPartitionList};
use tokio::sync::{mpsc, watch, Semaphore};

use super::offsets::TopicPartition;
use super::producer::{self as kproducer, OutRecord, ProducerCtx, WorkerProducer};
use crate::config::Config;
use crate::enrich::Pipeline;
use crate::telemetry::{Health, Metrics, TXN_ABORTED, TXN_COMMITTED};
use crate::worker::{process, Input, Outputs, Processed, RunSummary, WorkerError};

/// Timeout of one blocking transactional call (retried when retriable).
const TXN_CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// State shared by the loop and librdkafka's consumer callbacks.
pub struct TxnContext {
    /// The transactional producer (the revoke callback aborts with it).
    producer: Arc<WorkerProducer>,
    /// A transaction is open (begun, not yet committed or aborted).
    open: AtomicBool,
    /// Set by the revoke callback when it aborted the open transaction: the
    /// loop must drop its batch and rewind.
    discarded: AtomicBool,
    /// Metrics.
    metrics: Arc<Metrics>,
    /// Readiness.
    health: Arc<Health>,
}

/// The consumer type of the exactly-once worker.
type TxnConsumer = StreamConsumer<TxnContext>;

/// Run `f`, letting the runtime move other tasks off this thread while it
/// blocks (librdkafka's transactional calls block up to their timeout).
fn blocking<R>(f: impl FnOnce() -> R) -> R {
    match tokio::runtime::Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(f)
        }
        _ => f(),
    }
}

impl ClientContext for TxnContext {
    fn stats(&self, stats: Statistics) {
        super::consumer::record_consumer_stats(&self.metrics, &stats);
        // Real brokers only: librdkafka's internal broker is always "UP".
        let up = stats
            .brokers
            .values()
            .filter(|b| matches!(b.source.as_str(), "configured" | "learned"))
            .any(|b| b.state == "UP");
        self.health.set_brokers_down(!up);
    }

    fn error(&self, error: KafkaError, reason: &str) {
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::AllBrokersDown)
            || super::consumer::is_auth_error(&error)
        {
            self.health.set_brokers_down(true);
        }
        tracing::warn!(message = "Kafka client error.", %error, reason);
    }
}

impl ConsumerContext for TxnContext {
    fn pre_rebalance(&self, _base: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Rebalance::Revoke(tpl) = rebalance else {
            return;
        };
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
        for e in tpl.elements() {
            let _ = self
                .metrics
                .consumer_lag
                .remove_label_values(&[e.topic(), &e.partition().to_string()]);
        }
        tracing::info!(message = "Partitions revoked.", count = tpl.count());
    }

    fn post_rebalance(&self, base: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let n = base.assignment().map(|a| a.count()).unwrap_or(0);
        self.metrics.partitions_assigned.set(n as i64);
        match rebalance {
            Rebalance::Assign(tpl) => tracing::info!(
                message = "Partitions assigned.",
                count = tpl.count(),
                total = n
            ),
            Rebalance::Error(error) => tracing::warn!(message = "Rebalance failed.", %error),
            Rebalance::Revoke(_) => {}
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
    /// Identifies the batch; results of a discarded batch are ignored.
    epoch: u64,
    /// When its first record was read.
    started: Option<Instant>,
    /// Records read (the next sequence number).
    read: u64,
    /// Records produced (the next sequence number to produce).
    produced: u64,
    /// Enriched results waiting for their predecessors.
    ready: BTreeMap<u64, Processed>,
    /// Input timestamps by sequence (end-to-end latency).
    timestamps: HashMap<u64, i64>,
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

impl Batch {
    fn new(epoch: u64) -> Batch {
        Batch {
            epoch,
            ..Batch::default()
        }
    }
}

/// The loop's clients and settings.
struct Txn {
    /// The consumer.
    consumer: Arc<TxnConsumer>,
    /// The transactional producer.
    producer: Arc<WorkerProducer>,
    /// Set by the producer context on a fatal error.
    fatal: Arc<AtomicBool>,
    /// Metrics.
    metrics: Arc<Metrics>,
    /// The current batch.
    batch: Batch,
}

/// Create the transactional producer and run `init_transactions`, retrying
/// while the brokers are unreachable.
async fn init_producer(
    config: &Config,
    health: Arc<Health>,
    shutdown: &watch::Receiver<bool>,
) -> Result<(Arc<WorkerProducer>, Arc<AtomicBool>), WorkerError> {
    let w = &config.worker;
    let fatal = Arc::new(AtomicBool::new(false));
    let mut c = kproducer::client_config(config);
    c.set(
        "transactional.id",
        config.kafka.effective_transactional_id(),
    )
    .set(
        "transaction.timeout.ms",
        w.transaction_timeout_ms.to_string(),
    )
    .set(
        "message.timeout.ms",
        w.message_timeout_ms
            .min(w.transaction_timeout_ms)
            .to_string(),
    );
    let producer: WorkerProducer = c.create_with_context(ProducerCtx {
        fatal: fatal.clone(),
        health,
    })?;
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

/// Run the exactly-once worker until `shutdown` turns true, then finish or
/// abort the open transaction.
pub async fn run(
    config: &Config,
    pipeline: Arc<Pipeline>,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    mut shutdown: watch::Receiver<bool>,
) -> Result<RunSummary, WorkerError> {
    let w = &config.worker;
    let (producer, fatal) = init_producer(config, health.clone(), &shutdown).await?;
    let mut cc = super::consumer::client_config(config);
    // Inputs written by transactional producers upstream: never process
    // records of aborted transactions.
    cc.set("isolation.level", "read_committed");
    let consumer: TxnConsumer = cc.create_with_context(TxnContext {
        producer: producer.clone(),
        open: AtomicBool::new(false),
        discarded: AtomicBool::new(false),
        metrics: metrics.clone(),
        health: health.clone(),
    })?;
    super::consumer::subscribe_inputs(&consumer, config)?;
    let mut txn = Txn {
        consumer: Arc::new(consumer),
        producer,
        fatal,
        metrics: metrics.clone(),
        batch: Batch::new(0),
    };
    let outputs = Arc::new(Outputs::new(config));
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let cpu = Arc::new(Semaphore::new(cores));
    let (tx, mut rx) = mpsc::unbounded_channel::<(u64, u64, Option<Processed>)>();
    let interval = Duration::from_millis(w.transaction_interval_ms);
    let mut summary = RunSummary::default();
    health.set_consuming(true);
    tracing::info!(message = "Worker started (exactly-once).", brokers = %config.kafka.brokers, topics = ?config.kafka.input_topics, group = %config.kafka.group_id, transactional_id = %config.kafka.effective_transactional_id());

    loop {
        if txn.fatal.load(Ordering::SeqCst) {
            return Err(WorkerError::Transaction(
                "the producer reported a fatal error".into(),
            ));
        }
        if txn
            .consumer
            .context()
            .discarded
            .swap(false, Ordering::SeqCst)
        {
            // A revoke aborted the transaction inside the last recv.
            txn.discard(None)?;
        }
        let b = &txn.batch;
        if b.closed && b.produced == b.read {
            txn.commit().await?;
            continue;
        }
        let deadline = b
            .started
            .map(|s| tokio::time::Instant::from_std(s + interval));
        let reading = !b.closed;
        tokio::select! {
            biased;
            _ = shutdown.changed() => break,
            Some((epoch, seq, p)) = rx.recv() => {
                if epoch != txn.batch.epoch {
                    continue; // a result of a discarded batch
                }
                match p {
                    Some(p) => {
                        txn.batch.ready.insert(seq, p);
                        txn.produce_ready().await?;
                    }
                    None => txn.abort("enrichment task lost").await?,
                }
            }
            _ = async { if let Some(d) = deadline { tokio::time::sleep_until(d).await } }, if reading && deadline.is_some() => {
                txn.batch.closed = true;
            }
            m = txn.consumer.recv(), if reading => {
                let msg = match m {
                    Ok(m) => m,
                    Err(error) => {
                        tracing::warn!(message = "Consume failed.", %error);
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                health.set_brokers_down(false);
                let input = Input::from_message(&msg);
                let timestamp = msg.timestamp().to_millis();
                drop(msg);
                if txn.consumer.context().discarded.swap(false, Ordering::SeqCst) {
                    // A revoke aborted the transaction inside this recv: the
                    // record may precede or follow the rewind; read it again.
                    txn.discard(Some((&input.topic, input.partition, input.offset)))?;
                    continue;
                }
                summary.consumed += 1;
                metrics.consumed.with_label_values(&[&input.topic]).inc();
                txn.track(&input, timestamp)?;
                let (seq, epoch) = (txn.batch.read - 1, txn.batch.epoch);
                if txn.batch.read >= w.transaction_max_records as u64 {
                    txn.batch.closed = true;
                }
                let (pipeline, outputs, m, cpu, tx) = (
                    pipeline.clone(),
                    outputs.clone(),
                    metrics.clone(),
                    cpu.clone(),
                    tx.clone(),
                );
                tokio::spawn(async move {
                    let p = match cpu.acquire_owned().await {
                        Ok(_core) => tokio::task::spawn_blocking(move || {
                            process(&input, &pipeline, &outputs, &m)
                        })
                        .await
                        .ok(),
                        Err(_) => None,
                    };
                    let _ = tx.send((epoch, seq, p));
                });
            }
        }
    }

    // Shutdown: finish the open batch within the drain timeout, or abort it.
    health.set_draining(true);
    txn.batch.closed = true;
    let pending = txn.batch.read - txn.batch.produced;
    tracing::info!(
        message = "Shutting down: finishing the open transaction.",
        in_flight = pending
    );
    let deadline = Instant::now() + Duration::from_millis(w.drain_timeout_ms);
    while txn.batch.produced < txn.batch.read && !txn.fatal.load(Ordering::SeqCst) {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, rx.recv()).await {
            Ok(Some((epoch, seq, Some(p)))) if epoch == txn.batch.epoch => {
                txn.batch.ready.insert(seq, p);
                txn.produce_ready().await?;
            }
            Ok(Some((epoch, _, None))) if epoch == txn.batch.epoch => break,
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => break,
        }
    }
    if txn.batch.read > 0 {
        if txn.batch.produced == txn.batch.read {
            txn.commit().await?;
        } else {
            summary.abandoned = (txn.batch.read - txn.batch.produced) as usize;
            tracing::warn!(
                message = "Drain timed out; the open transaction is aborted and its inputs will be re-read.",
                unfinished = summary.abandoned
            );
            txn.abort("drain timed out").await?;
        }
    }
    super::consumer::leave(&txn.consumer).await;
    health.set_consuming(false);
    tracing::info!(
        message = "Worker stopped.",
        consumed = summary.consumed,
        unfinished = summary.abandoned
    );
    Ok(summary)
}

impl Txn {
    /// Add a record read to the batch, opening the transaction on the
    /// batch's first record.
    fn track(&mut self, input: &Input, timestamp: Option<i64>) -> Result<(), WorkerError> {
        if !self.consumer.context().open.load(Ordering::SeqCst) {
            self.producer
                .begin_transaction()
                .map_err(|e| WorkerError::Transaction(format!("begin_transaction: {e}")))?;
            self.consumer.context().open.store(true, Ordering::SeqCst);
        }
        let b = &mut self.batch;
        if b.started.is_none() {
            b.started = Some(Instant::now());
        }
        let tp = (input.topic.clone(), input.partition);
        b.first.entry(tp.clone()).or_insert(input.offset);
        b.next.insert(tp, input.offset + 1);
        if let Some(ts) = timestamp {
            b.timestamps.insert(b.read, ts);
        }
        b.read += 1;
        self.metrics.in_flight.set((b.read - b.produced) as i64);
        Ok(())
    }

    /// Produce the outputs of every result whose predecessors are produced.
    async fn produce_ready(&mut self) -> Result<(), WorkerError> {
        while let Some(p) = self.batch.ready.remove(&self.batch.produced) {
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
            self.batch.outcomes.push(p.outcome);
            self.batch.produced += 1;
            self.metrics
                .in_flight
                .set((self.batch.read - self.batch.produced) as i64);
        }
        Ok(())
    }

    /// Enqueue one record in the open transaction, waiting while the
    /// producer queue is full. Delivery is confirmed by the commit
    /// (`commit_transaction` flushes and fails if any record failed).
    async fn send(&self, r: &OutRecord) -> Result<(), KafkaError> {
        loop {
            let mut rec = FutureRecord::to(&r.topic)
                .payload(&r.payload)
                .headers(kproducer::headers(r));
            if let Some(k) = &r.key {
                rec = rec.key(k);
            }
            match self.producer.send_result(rec) {
                // The delivery future is not needed: the commit reports.
                Ok(_delivery) => return Ok(()),
                Err((e, _)) if e.rdkafka_error_code() == Some(RDKafkaErrorCode::QueueFull) => {
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                Err((e, _)) => return Err(e),
            }
        }
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
                        self.producer.commit_transaction(TXN_CALL_TIMEOUT)
                    } else {
                        self.producer
                            .send_offsets_to_transaction(&tpl, &group, TXN_CALL_TIMEOUT)
                    }
                });
                match result {
                    Ok(()) => break,
                    Err(error) => {
                        self.metrics.commit_errors.inc();
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
        self.consumer.context().open.store(false, Ordering::SeqCst);
        // A transactional offset commit leaves librdkafka's committed
        // offset where the assignment found it: store what this transaction
        // committed, the lag gauge is measured from it
        // (`consumer::record_consumer_stats`). Never committed by librdkafka
        // (auto commit is off). Fails only for a partition revoked meanwhile.
        if let Err(error) = self.consumer.store_offsets(&tpl) {
            tracing::debug!(message = "Storing committed offsets for the lag gauge failed.", %error);
        }
        let m = &self.metrics;
        let next = Batch::new(self.batch.epoch + 1);
        let b = std::mem::replace(&mut self.batch, next);
        m.transactions.with_label_values(&[TXN_COMMITTED]).inc();
        m.commits.inc();
        if let Some(s) = b.started {
            m.transaction_duration.observe(s.elapsed().as_secs_f64());
        }
        for o in b.outcomes {
            match o {
                Ok(statements) => {
                    m.enriched.inc();
                    m.statements.inc_by(statements);
                }
                Err(reason) => m.dead_lettered.with_label_values(&[reason]).inc(),
            }
        }
        for (topic, n) in b.records {
            m.produced.with_label_values(&[&topic]).inc_by(n);
        }
        let now = chrono::Utc::now().timestamp_millis();
        for ts in b.timestamps.values() {
            if now >= *ts {
                m.end_to_end.observe((now - ts) as f64 / 1000.0);
            }
        }
        m.in_flight.set(0);
        tracing::debug!(
            message = "Transaction committed.",
            partitions = b.next.len()
        );
        Ok(())
    }

    /// Abort the open transaction and rewind to the batch start.
    async fn abort(&mut self, why: &str) -> Result<(), WorkerError> {
        if self.consumer.context().open.swap(false, Ordering::SeqCst) {
            loop {
                match blocking(|| self.producer.abort_transaction(TXN_CALL_TIMEOUT)) {
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
    fn discard(&mut self, extra: Option<(&str, i32, i64)>) -> Result<(), WorkerError> {
        let mut to: HashMap<TopicPartition, i64> = std::mem::take(&mut self.batch.first);
        if let Some((t, p, o)) = extra {
            to.entry((t.to_string(), p)).or_insert(o);
        }
        self.batch = Batch::new(self.batch.epoch + 1);
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
        let b = Batch::new(3);
        assert_eq!((b.epoch, b.read, b.produced, b.closed), (3, 0, 0, false));
        assert!(b.first.is_empty() && b.next.is_empty());
    }
}
