//! One record's way through the worker, the same in both delivery modes:
//! copied out of the consumer, decoded and enriched off the reactor on a
//! pool of one thread per core, turned into its output records, and
//! counted once its outputs are safe.

use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};

use rdkafka::message::{BorrowedMessage, Headers, Message};
use tokio::sync::{oneshot, OwnedSemaphorePermit};

use crate::article::{self, RecordContext};
use crate::config::Config;
use crate::enrich::{build_event, Pipeline};
use crate::event::{Processing, SourceRecord};
use crate::internal_events::{InputDeadLettered, InternalEvent, ItemsExtracted, StageFinished};
use crate::kafka::offsets::TopicPartition;
use crate::kafka::producer::OutRecord;
use crate::kafka::{
    HEADER_ERROR_MESSAGE, HEADER_ERROR_REASON, HEADER_PUBLISHED_AT, HEADER_SOURCE_OFFSET,
    HEADER_SOURCE_PARTITION, HEADER_SOURCE_TOPIC,
};
use crate::telemetry::{Metrics, REASON_ENRICH_PANIC};

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
        pipeline.run_observed(&article, |stage, took| {
            StageFinished {
                metrics,
                stage,
                took,
            }
            .emit()
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
    ItemsExtracted {
        metrics,
        dates: enrichment.dates.len(),
        entities: enrichment.entities.len(),
        quotes: enrichment.quotes.len(),
    }
    .emit();
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
    let encoded = match crate::event::encode(&event) {
        Ok(e) => e,
        Err(e) => return dead_letter(input, out, metrics, REASON_ENRICH_PANIC, &e.to_string()),
    };
    let statements = encoded.statements.len() as u64;
    // The article event goes first: a reader of both topics sees the
    // article before its statements (per key ordering aside).
    let (id, article_json) = encoded.article;
    let records = std::iter::once((&out.articles, id, article_json))
        .chain(
            encoded
                .statements
                .into_iter()
                .map(|(key, json)| (&out.statements, key, json)),
        )
        .map(|(topic, key, payload)| OutRecord {
            topic: topic.clone(),
            partition: None,
            key: Some(key.into_bytes()),
            payload: Some(payload),
            headers: Vec::new(),
        })
        .collect();
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
    InputDeadLettered {
        metrics,
        reason,
        error: message,
        topic: &input.topic,
        partition: input.partition,
        offset: input.offset,
    }
    .emit();
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
            partition: None,
            key: input.key.clone(),
            payload: Some(input.value.clone().unwrap_or_default()),
            headers,
        }],
        outcome: Err(reason),
    }
}

/// A record read and being enriched, handed to the delivery mode.
pub(crate) struct Job {
    /// Its partition.
    pub(crate) tp: TopicPartition,
    /// Its offset.
    pub(crate) offset: i64,
    /// Input timestamp (ms since epoch) for end-to-end latency.
    pub(crate) timestamp_ms: Option<i64>,
    /// Its share of `worker.max_in_flight`, held until its outputs are safe
    /// (acknowledged, or in the open transaction): "all done" is "all
    /// permits back".
    pub(crate) permit: OwnedSemaphorePermit,
    /// The enrichment's result; an error only if its enrichment thread
    /// died. Closing or dropping it skips the enrichment if it has not
    /// started yet.
    pub(crate) work: oneshot::Receiver<Processed>,
}

/// One record for an enrichment thread.
struct Task {
    /// The record.
    input: Input,
    /// Where its outputs go.
    done: oneshot::Sender<Processed>,
}

/// Starts the enrichment of records read on a fixed pool of threads, one per
/// core, fed through one queue.
///
/// Why not `spawn_blocking` per record: every record then took three hops
/// (a task waiting for a core permit, the blocking pool's condition
/// variable waking one of its idle threads, the task's wake-up when it was
/// done), each a futex call and usually a context switch, which cost the
/// worker about as much CPU per article as decoding and serializing it. The
/// pool's threads take the next record without sleeping while the queue is
/// not empty (a backlog), and bound the enrichment to one record per core as
/// the permits did.
pub(crate) struct Enricher {
    /// The queue; the threads end when it is dropped (with the worker).
    tasks: std::sync::mpsc::Sender<Task>,
}

impl Enricher {
    /// An enricher of `config`'s outputs with `pipeline`: starts one thread
    /// per core (an error if the system refuses a thread).
    pub(crate) fn new(
        config: &Config,
        pipeline: Arc<Pipeline>,
        metrics: Arc<Metrics>,
    ) -> std::io::Result<Enricher> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let outputs = Arc::new(Outputs::new(config));
        let (tasks, rx) = std::sync::mpsc::channel::<Task>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..cores {
            let (rx, pipeline, outputs, metrics) = (
                rx.clone(),
                pipeline.clone(),
                outputs.clone(),
                metrics.clone(),
            );
            // Detached: each ends once the queue is closed and empty.
            std::thread::Builder::new()
                .name(format!("byline-enrich-{i}"))
                .spawn(move || enrich_thread(&rx, &pipeline, &outputs, &metrics))?;
        }
        Ok(Enricher { tasks })
    }

    /// Start enriching `input`, which holds `permit`.
    pub(crate) fn start(
        &self,
        input: Input,
        timestamp_ms: Option<i64>,
        permit: OwnedSemaphorePermit,
    ) -> Job {
        let (tp, offset) = ((input.topic.clone(), input.partition), input.offset);
        let (done, work) = oneshot::channel();
        // Fails only once every thread is gone (each survives a panic); the
        // job then reports its enrichment lost (the record stays
        // uncommitted).
        let _ = self.tasks.send(Task { input, done });
        Job {
            tp,
            offset,
            timestamp_ms,
            permit,
            work,
        }
    }
}

/// An enrichment thread: takes records off the queue until it is closed.
fn enrich_thread(
    rx: &Mutex<std::sync::mpsc::Receiver<Task>>,
    pipeline: &Pipeline,
    outputs: &Outputs,
    metrics: &Metrics,
) {
    loop {
        // The lock is released before the work: the other threads take
        // the next records meanwhile.
        let next = rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok(Task { input, done }) = next else {
            return;
        };
        if done.is_closed() {
            // Its job was dropped (an aborted transaction): nothing to do.
            continue;
        }
        // `process` turns a stage's panic into a dead letter; anything else
        // panicking drops `done` (the record stays uncommitted) but must
        // not take the thread with it.
        let processed = std::panic::catch_unwind(AssertUnwindSafe(|| {
            process(&input, pipeline, outputs, metrics)
        }));
        if let Ok(p) = processed {
            let _ = done.send(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

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
        let v: serde_json::Value = serde_json::from_slice(r.payload.as_deref().unwrap()).unwrap();
        assert_eq!(v["id"], "k1");
        assert_eq!(v["published_at"], "2025-02-20");
        assert_eq!(v["processing"]["source"]["offset"], 7);
        assert_eq!(v["processing"]["source"]["partition"], 2);
    }

    #[test]
    fn statements_follow_their_article_keyed_by_fingerprint() {
        let m = Metrics::new().unwrap();
        let mut out = outputs();
        out.max_bytes = 1000;
        let text = b"\"We will open the ferry in May,\" Jane Roe said. \"It is ready,\" she added.";
        let p = process(
            &input(text),
            &Pipeline::with_stages(vec![Box::new(crate::enrich::quotes::QuotesStage)]),
            &out,
            &m,
        );
        assert_eq!(p.outcome, Ok(2));
        let topics: Vec<&str> = p.records.iter().map(|r| r.topic.as_str()).collect();
        assert_eq!(topics, ["a", "s", "s"]);
        let article: serde_json::Value =
            serde_json::from_slice(p.records[0].payload.as_deref().unwrap()).unwrap();
        for (r, quote) in p.records[1..]
            .iter()
            .zip(article["quotes"].as_array().unwrap())
        {
            let v: serde_json::Value =
                serde_json::from_slice(r.payload.as_deref().unwrap()).unwrap();
            assert_eq!(v["text"], quote["text"]);
            assert_eq!(v["article_id"], "k1");
            let key = std::str::from_utf8(r.key.as_deref().unwrap()).unwrap();
            assert_eq!(v["fingerprint"], key);
        }
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
            assert_eq!(r.payload.as_deref(), Some(value));
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

    #[test]
    fn every_job_gets_its_own_record_back_from_the_pool() {
        let mut config = Config::default();
        config.kafka.output_topic = "a".into();
        let enricher = Enricher::new(
            &config,
            Arc::new(Pipeline::with_stages(vec![])),
            Arc::new(Metrics::new().unwrap()),
        )
        .unwrap();
        let permits = Arc::new(tokio::sync::Semaphore::new(64));
        let jobs: Vec<Job> = (0..64)
            .map(|i| {
                let mut input = input(format!("Article number {i}.").as_bytes());
                input.offset = i;
                input.key = Some(format!("k{i}").into_bytes());
                let permit = permits.clone().try_acquire_owned().unwrap();
                enricher.start(input, None, permit)
            })
            .collect();
        for job in jobs {
            let p = job.work.blocking_recv().unwrap();
            let r = &p.records[0];
            assert_eq!(r.topic, "a");
            assert_eq!(r.key, Some(format!("k{}", job.offset).into_bytes()));
            let v: serde_json::Value =
                serde_json::from_slice(r.payload.as_deref().unwrap()).unwrap();
            assert_eq!(v["processing"]["source"]["offset"], job.offset);
        }
    }
}
