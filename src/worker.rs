//! The streaming worker: consume, enrich off the reactor, produce, commit.
//!
//! # Delivery guarantee: at-least-once
//!
//! An input offset is committed only after every output record of that input
//! (its `articles.enriched` event and all its `statements`, or its dead-letter
//! record), and of every earlier input of the same partition, has been
//! acknowledged by the broker (`acks=all`, idempotent producer). The commit
//! point of a partition is a contiguous watermark ([`crate::kafka::offsets`]):
//! acks arrive out of order, the commit point never jumps over an unfinished
//! record. A record whose produce keeps failing is re-produced until it
//! succeeds; its offset (and every later one of its partition) is never
//! committed before that.
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
//! One async loop reads the consumer. Each record takes a permit of a
//! semaphore of `worker.max_in_flight` (the memory bound; librdkafka's
//! prefetch is capped by `queued.max.messages.kbytes`), is tracked in the
//! watermarks, and its decoding and enrichment (CPU work) start on the
//! blocking pool, at most one per core at a time. The join handle goes to its
//! partition's ordered queue: one task per partition awaits the handles in
//! offset order and enqueues the outputs, so output order is kept within a
//! partition while partitions (and consecutive records) enrich in parallel.
//! A delivery task per record awaits the acks, then marks the offset done and
//! releases the permit. The loop commits the watermarks every
//! `commit_interval_ms`. Shutdown (SIGINT/SIGTERM or `--exit-when-done`)
//! stops reading, drains for at most `drain_timeout_ms`, then commits
//! synchronously.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rdkafka::consumer::{CommitMode, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{BorrowedMessage, Headers, Message};
use rdkafka::producer::Producer;
use tokio::sync::{mpsc, watch, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinHandle;

use crate::article::{self, RecordContext};
use crate::config::Config;
use crate::enrich::{build_event, Pipeline};
use crate::event::{Processing, SourceRecord, StatementEvent};
use crate::kafka::consumer::{self as kconsumer, lock, WorkerConsumer, WorkerContext};
use crate::kafka::offsets::{Ticket, Watermarks};
use crate::kafka::producer::{self as kproducer, OutRecord, WorkerProducer};
use crate::kafka::{
    HEADER_ERROR_MESSAGE, HEADER_ERROR_REASON, HEADER_PUBLISHED_AT, HEADER_SOURCE_OFFSET,
    HEADER_SOURCE_PARTITION, HEADER_SOURCE_TOPIC,
};
use crate::telemetry::{Health, Metrics, REASON_ENRICH_PANIC};

/// Why the worker could not run.
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    /// Creating the consumer or producer failed (bad librdkafka property...).
    #[error("kafka client: {0}")]
    Kafka(#[from] KafkaError),
    /// The producer failed fatally; unacknowledged records stay uncommitted
    /// and are re-read after the restart.
    #[error("the producer failed fatally; restart to continue")]
    ProducerFatal,
    /// `exactly-once`: a fatal transactional error (typically fenced by a
    /// newer instance with the same `transactional.id`); the open
    /// transaction is aborted by the broker, its inputs are re-read.
    #[error("fatal transaction error (fenced by another instance?): {0}")]
    Transaction(String),
}

/// What one run did, for logs and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Input records read.
    pub consumed: u64,
    /// Records still unfinished when the drain timed out (re-read later).
    pub abandoned: usize,
}

/// An input record, copied out of librdkafka's buffer.
pub(crate) struct Input {
    /// Topic.
    pub(crate) topic: String,
    /// Partition.
    pub(crate) partition: i32,
    /// Offset.
    pub(crate) offset: i64,
    /// Key.
    pub(crate) key: Option<Vec<u8>>,
    /// Value (`None` for a tombstone).
    pub(crate) value: Option<Vec<u8>>,
    /// Headers.
    pub(crate) headers: Vec<(String, Vec<u8>)>,
}

impl Input {
    pub(crate) fn from_message(m: &BorrowedMessage<'_>) -> Input {
        let headers = m
            .headers()
            .map(|hs| {
                hs.iter()
                    .map(|h| {
                        (
                            h.key.to_string(),
                            h.value.map(<[u8]>::to_vec).unwrap_or_default(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Input {
            topic: m.topic().to_string(),
            partition: m.partition(),
            offset: m.offset(),
            key: m.key().map(<[u8]>::to_vec),
            value: m.payload().map(<[u8]>::to_vec),
            headers,
        }
    }
}

/// The outputs of one input and how to account for them once acked.
pub(crate) struct Processed {
    /// Records to produce, in order.
    pub(crate) records: Vec<OutRecord>,
    /// `Ok(statements)` when enriched, `Err(reason)` when dead-lettered.
    pub(crate) outcome: Result<u64, &'static str>,
}

/// Output topics and limits, shared with the enrichment threads.
pub(crate) struct Outputs {
    /// Article events topic.
    pub(crate) articles: String,
    /// Statements topic.
    pub(crate) statements: String,
    /// Dead-letter topic.
    pub(crate) dlq: String,
    /// Input size limit.
    pub(crate) max_bytes: usize,
}

impl Outputs {
    /// The output topics and limits of `config`.
    pub(crate) fn new(config: &Config) -> Outputs {
        Outputs {
            articles: config.kafka.output_topic.clone(),
            statements: config.kafka.statements_topic.clone(),
            dlq: config.kafka.dlq_topic.clone(),
            max_bytes: config.worker.max_article_bytes,
        }
    }
}

/// Decode and enrich one input into its output records (blocking, CPU).
pub(crate) fn process(
    input: &Input,
    pipeline: &Pipeline,
    out: &Outputs,
    metrics: &Metrics,
) -> Processed {
    let value = input.value.as_deref().unwrap_or_default();
    let published_at = input
        .headers
        .iter()
        .find(|(k, _)| k == HEADER_PUBLISHED_AT)
        .map(|(_, v)| v.as_slice());
    let ctx = RecordContext {
        key: input.key.as_deref(),
        published_at,
    };
    let article = match article::decode(value, ctx, out.max_bytes) {
        Ok(a) => a,
        Err(e) => return dead_letter(input, out, metrics, e.reason(), &e.to_string()),
    };
    let run = std::panic::catch_unwind(AssertUnwindSafe(|| {
        pipeline.run_observed(&article, |stage, d| {
            metrics
                .stage_duration
                .with_label_values(&[stage])
                .observe(d.as_secs_f64());
        })
    }));
    let enrichment = match run {
        Ok(e) => e,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "enrichment panicked".into());
            return dead_letter(input, out, metrics, REASON_ENRICH_PANIC, &msg);
        }
    };
    metrics
        .extracted
        .with_label_values(&["dates"])
        .inc_by(enrichment.dates.len() as u64);
    metrics
        .extracted
        .with_label_values(&["entities"])
        .inc_by(enrichment.entities.len() as u64);
    metrics
        .extracted
        .with_label_values(&["quotes"])
        .inc_by(enrichment.quotes.len() as u64);
    let processing = Processing {
        byline_version: crate::VERSION.to_string(),
        processed_at: crate::now_rfc3339(),
        source: Some(SourceRecord {
            topic: input.topic.clone(),
            partition: input.partition,
            offset: input.offset,
        }),
    };
    let event = build_event(&article, enrichment, processing);
    let mut records = Vec::with_capacity(1 + event.quotes.len());
    for q in &event.quotes {
        let s = StatementEvent::from_quote(&event, q);
        match serde_json::to_vec(&s) {
            Ok(payload) => records.push(OutRecord {
                topic: out.statements.clone(),
                key: Some(s.fingerprint.into_bytes()),
                payload,
                headers: Vec::new(),
            }),
            Err(e) => return dead_letter(input, out, metrics, REASON_ENRICH_PANIC, &e.to_string()),
        }
    }
    let statements = records.len() as u64;
    match serde_json::to_vec(&event) {
        // The article event goes first: a reader of both topics sees the
        // article before its statements (per key ordering aside).
        Ok(payload) => records.insert(
            0,
            OutRecord {
                topic: out.articles.clone(),
                key: Some(event.id.into_bytes()),
                payload,
                headers: Vec::new(),
            },
        ),
        Err(e) => return dead_letter(input, out, metrics, REASON_ENRICH_PANIC, &e.to_string()),
    }
    Processed {
        records,
        outcome: Ok(statements),
    }
}

/// The dead-letter record of `input`: its key, value and headers, plus the
/// reason and source headers.
fn dead_letter(
    input: &Input,
    out: &Outputs,
    metrics: &Metrics,
    reason: &'static str,
    message: &str,
) -> Processed {
    metrics.failed.with_label_values(&[reason]).inc();
    tracing::warn!(message = "Input dead-lettered.", reason, error = message, topic = %input.topic, partition = input.partition, offset = input.offset);
    let mut headers = input.headers.clone();
    headers.push((HEADER_ERROR_REASON.into(), reason.as_bytes().to_vec()));
    headers.push((HEADER_ERROR_MESSAGE.into(), message.as_bytes().to_vec()));
    headers.push((HEADER_SOURCE_TOPIC.into(), input.topic.as_bytes().to_vec()));
    headers.push((
        HEADER_SOURCE_PARTITION.into(),
        input.partition.to_string().into_bytes(),
    ));
    headers.push((
        HEADER_SOURCE_OFFSET.into(),
        input.offset.to_string().into_bytes(),
    ));
    Processed {
        records: vec![OutRecord {
            topic: out.dlq.clone(),
            key: input.key.clone(),
            payload: input.value.clone().unwrap_or_default(),
            headers,
        }],
        outcome: Err(reason),
    }
}

/// One input on its way through a partition queue.
struct Job {
    /// Watermark ticket.
    ticket: Ticket,
    /// In-flight permit, released when acked.
    permit: OwnedSemaphorePermit,
    /// The enrichment.
    work: JoinHandle<Option<Processed>>,
    /// Input timestamp (ms since epoch) for end-to-end latency.
    timestamp_ms: Option<i64>,
}

/// Everything the per-partition and delivery tasks share.
struct Shared {
    /// The producer.
    producer: Arc<WorkerProducer>,
    /// Watermarks.
    watermarks: Arc<Mutex<Watermarks>>,
    /// Metrics.
    metrics: Arc<Metrics>,
    /// Set on a fatal producer error.
    fatal: Arc<std::sync::atomic::AtomicBool>,
    /// Readiness (failing deliveries make the worker not ready).
    health: Arc<Health>,
}

/// Awaits a partition's jobs in offset order and enqueues their outputs.
async fn partition_task(mut rx: mpsc::UnboundedReceiver<Job>, shared: Arc<Shared>) {
    while let Some(job) = rx.recv().await {
        let processed = match job.work.await {
            Ok(Some(p)) => p,
            Ok(None) | Err(_) => {
                // Only at runtime shutdown: leave the record unacknowledged,
                // its offset uncommitted; it is re-read on restart.
                tracing::warn!(
                    message = "Enrichment task lost; record stays uncommitted.",
                    partition = job.ticket.tp.1,
                    offset = job.ticket.offset
                );
                continue;
            }
        };
        let mut futures = Vec::with_capacity(processed.records.len());
        for r in &processed.records {
            futures.push(
                kproducer::enqueue(&shared.producer, r, &shared.metrics, &shared.health).await,
            );
        }
        let shared = shared.clone();
        tokio::spawn(async move {
            kproducer::deliver_all(
                &shared.producer,
                &processed.records,
                futures,
                &shared.metrics,
                &shared.health,
                &shared.fatal,
            )
            .await;
            let m = &shared.metrics;
            match processed.outcome {
                Ok(statements) => {
                    m.enriched.inc();
                    m.statements.inc_by(statements);
                }
                Err(reason) => m.dead_lettered.with_label_values(&[reason]).inc(),
            }
            if let Some(ts) = job.timestamp_ms {
                let now = chrono::Utc::now().timestamp_millis();
                if now >= ts {
                    m.end_to_end.observe((now - ts) as f64 / 1000.0);
                }
            }
            if lock(&shared.watermarks).ack(&job.ticket) {
                m.in_flight.dec();
            }
            drop(job.permit);
        });
    }
}

/// Commit the watermarks synchronously on the blocking pool, so the result
/// (and the commit metrics) is known without blocking the reactor; at most
/// one commit runs at a time.
fn commit_in_background(
    consumer: &Arc<WorkerConsumer>,
    committing: &Arc<std::sync::atomic::AtomicBool>,
) {
    if committing.swap(true, Ordering::SeqCst) {
        return;
    }
    let (consumer, committing) = (consumer.clone(), committing.clone());
    tokio::task::spawn_blocking(move || {
        kconsumer::probe(&consumer);
        kconsumer::commit(&consumer, CommitMode::Sync);
        committing.store(false, Ordering::SeqCst);
    });
}

/// Run the worker until `shutdown` turns true, then drain and commit.
pub async fn run(
    config: &Config,
    pipeline: Arc<Pipeline>,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    mut shutdown: watch::Receiver<bool>,
) -> Result<RunSummary, WorkerError> {
    if config.kafka.delivery == crate::config::Delivery::ExactlyOnce {
        return crate::kafka::transactional::run(config, pipeline, metrics, health, shutdown).await;
    }
    let w = &config.worker;
    let watermarks = Arc::new(Mutex::new(Watermarks::new()));
    let drain_timeout = Duration::from_millis(w.drain_timeout_ms);
    let consumer: Arc<WorkerConsumer> = Arc::new(kconsumer::create(
        config,
        WorkerContext {
            watermarks: watermarks.clone(),
            metrics: metrics.clone(),
            health: health.clone(),
            drain_timeout,
            closing: false.into(),
        },
    )?);
    let committing = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (producer, fatal) = kproducer::create(config, health.clone())?;
    let producer = Arc::new(producer);
    let shared = Arc::new(Shared {
        producer: producer.clone(),
        watermarks: watermarks.clone(),
        metrics: metrics.clone(),
        fatal: fatal.clone(),
        health: health.clone(),
    });
    let outputs = Arc::new(Outputs {
        articles: config.kafka.output_topic.clone(),
        statements: config.kafka.statements_topic.clone(),
        dlq: config.kafka.dlq_topic.clone(),
        max_bytes: w.max_article_bytes,
    });
    let in_flight = Arc::new(Semaphore::new(w.max_in_flight));
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let cpu = Arc::new(Semaphore::new(cores));
    let mut queues: HashMap<(String, i32), mpsc::UnboundedSender<Job>> = HashMap::new();
    let mut ticker = tokio::time::interval(Duration::from_millis(w.commit_interval_ms));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut summary = RunSummary::default();
    health.set_consuming(true);
    tracing::info!(message = "Worker started.", brokers = %config.kafka.brokers, topics = ?config.kafka.input_topics, group = %config.kafka.group_id);

    'outer: loop {
        if *shutdown.borrow() {
            break;
        }
        let permit = tokio::select! {
            biased;
            _ = shutdown.changed() => break 'outer,
            _ = ticker.tick() => {
                if fatal.load(Ordering::SeqCst) { break 'outer; }
                commit_in_background(&consumer, &committing);
                continue 'outer;
            }
            p = in_flight.clone().acquire_owned() => match p { Ok(p) => p, Err(_) => break 'outer },
        };
        let msg = loop {
            tokio::select! {
                biased;
                _ = shutdown.changed() => break 'outer,
                _ = ticker.tick() => {
                    if fatal.load(Ordering::SeqCst) { break 'outer; }
                    commit_in_background(&consumer, &committing);
                }
                m = consumer.recv() => break m,
            }
        };
        let msg = match msg {
            Ok(m) => m,
            Err(error) => {
                if kconsumer::consume_failed(&consumer, &error) {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                continue;
            }
        };
        let input = Input::from_message(&msg);
        let timestamp_ms = msg.timestamp().to_millis();
        drop(msg);
        summary.consumed += 1;
        metrics.consumed.with_label_values(&[&input.topic]).inc();
        let tp = (input.topic.clone(), input.partition);
        let ticket = lock(&watermarks).track(tp.clone(), input.offset);
        metrics.in_flight.inc();
        let (pipeline, outputs, m, cpu) = (
            pipeline.clone(),
            outputs.clone(),
            metrics.clone(),
            cpu.clone(),
        );
        let work = tokio::spawn(async move {
            let _core = cpu.acquire_owned().await.ok()?;
            tokio::task::spawn_blocking(move || process(&input, &pipeline, &outputs, &m))
                .await
                .ok()
        });
        let job = Job {
            ticket,
            permit,
            work,
            timestamp_ms,
        };
        let queue = queues.entry(tp).or_insert_with(|| {
            let (tx, rx) = mpsc::unbounded_channel();
            tokio::spawn(partition_task(rx, shared.clone()));
            tx
        });
        if let Err(mpsc::error::SendError(job)) = queue.send(job) {
            // The task is gone only if it panicked: the record stays
            // uncommitted and is re-read after a restart.
            tracing::error!(
                message = "Partition queue closed.",
                partition = job.ticket.tp.1,
                offset = job.ticket.offset
            );
        }
    }

    // Drain: stop reading, let in-flight records finish, commit.
    health.set_draining(true);
    tracing::info!(
        message = "Shutting down: draining in-flight records.",
        in_flight = lock(&watermarks).total_pending()
    );
    drop(queues);
    let deadline = Instant::now() + drain_timeout;
    while lock(&watermarks).total_pending() > 0
        && Instant::now() < deadline
        && !fatal.load(Ordering::SeqCst)
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    summary.abandoned = lock(&watermarks).total_pending();
    if summary.abandoned > 0 {
        tracing::warn!(
            message = "Drain timed out; unfinished records will be re-read.",
            unfinished = summary.abandoned
        );
    }
    kconsumer::commit(&consumer, CommitMode::Sync);
    consumer.context().closing.store(true, Ordering::SeqCst);
    kconsumer::leave(&consumer).await;
    if let Err(error) = producer.flush(Duration::from_secs(5)) {
        tracing::warn!(message = "Producer flush failed.", %error);
    }
    health.set_consuming(false);
    tracing::info!(
        message = "Worker stopped.",
        consumed = summary.consumed,
        unfinished = summary.abandoned
    );
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outputs() -> Outputs {
        Outputs {
            articles: "a".into(),
            statements: "s".into(),
            dlq: "d".into(),
            max_bytes: 100,
        }
    }

    fn input(value: &[u8]) -> Input {
        Input {
            topic: "in".into(),
            partition: 2,
            offset: 7,
            key: Some(b"k1".to_vec()),
            value: Some(value.to_vec()),
            headers: vec![("published_at".into(), b"2025-02-20".to_vec())],
        }
    }

    #[test]
    fn good_input_becomes_an_article_event_with_source() {
        let m = Metrics::new().unwrap();
        let p = process(
            &input(b"Hello world."),
            &Pipeline::with_stages(vec![]),
            &outputs(),
            &m,
        );
        assert_eq!(p.outcome, Ok(0));
        assert_eq!(p.records.len(), 1);
        let r = &p.records[0];
        assert_eq!(r.topic, "a");
        assert_eq!(r.key.as_deref(), Some(&b"k1"[..]));
        let v: serde_json::Value = serde_json::from_slice(&r.payload).unwrap();
        assert_eq!(v["id"], "k1");
        assert_eq!(v["published_at"], "2025-02-20");
        assert_eq!(v["processing"]["source"]["offset"], 7);
        assert_eq!(v["processing"]["source"]["partition"], 2);
    }

    #[test]
    fn bad_inputs_are_dead_lettered_with_headers() {
        let m = Metrics::new().unwrap();
        for (value, reason) in [
            (&b"\xff\xfe"[..], "invalid_utf8"),
            (b"   ", "empty_body"),
            (&[b'x'; 200][..], "too_large"),
            (b"{\"title\":\"t\"}", "missing_body"),
        ] {
            let p = process(
                &input(value),
                &Pipeline::with_stages(vec![]),
                &outputs(),
                &m,
            );
            assert_eq!(p.outcome, Err(reason));
            let r = &p.records[0];
            assert_eq!(r.topic, "d");
            assert_eq!(r.payload, value);
            let h: HashMap<_, _> = r.headers.iter().cloned().collect();
            assert_eq!(h["byline.error.reason"], reason.as_bytes());
            assert_eq!(h["byline.source.offset"], b"7");
            assert_eq!(h["byline.source.topic"], b"in");
            assert!(!h["byline.error.message"].is_empty());
            assert_eq!(m.failed.with_label_values(&[reason]).get(), 1);
        }
    }

    struct Boom;
    impl crate::enrich::Stage for Boom {
        fn name(&self) -> &'static str {
            "boom"
        }
        fn apply(&self, _: &crate::enrich::Document<'_>, _: &mut crate::enrich::Enrichment) {
            panic!("boom");
        }
    }

    #[test]
    fn a_panicking_stage_dead_letters_instead_of_crashing() {
        let m = Metrics::new().unwrap();
        let p = process(
            &input(b"text"),
            &Pipeline::with_stages(vec![Box::new(Boom)]),
            &outputs(),
            &m,
        );
        assert_eq!(p.outcome, Err(REASON_ENRICH_PANIC));
        assert_eq!(p.records[0].topic, "d");
    }
}
