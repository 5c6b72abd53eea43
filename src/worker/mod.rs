//! The streaming worker: consume, enrich off the reactor, produce, commit.
//!
//! One loop ([`run`]) serves both delivery modes: it reads the consumer
//! while a `worker.max_in_flight` permit is free, starts each record's
//! enrichment (`record.rs`), hands the record to the delivery mode, accounts
//! for failed reads, and keeps readiness probing while the brokers or an
//! input topic are missing. On shutdown (SIGINT/SIGTERM or
//! `--exit-when-done`) it stops reading and lets the mode drain for at most
//! `worker.drain_timeout_ms`. The delivery mode supplies only what differs:
//! - `at_least_once.rs` (the default): outputs produced per partition in
//!   offset order, each input's offset stored once all its outputs are
//!   acknowledged, librdkafka's auto-commit writing the stored offsets; the
//!   guarantee and its caveats are stated there;
//! - `exactly_once.rs`: outputs and offsets of a batch in one Kafka
//!   transaction; the guarantee and its caveats are stated there.
//!
//! Both modes report readiness the same way (the consumer context, the
//! producer context, commit outcomes, the metadata probe) and honour every
//! `worker.*` setting (the `transaction_*` ones are exactly-once only).

mod at_least_once;
mod exactly_once;
mod record;

use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use rdkafka::error::KafkaError;
use rdkafka::message::{BorrowedMessage, Message};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};

use crate::config::{Config, Delivery as DeliveryMode};
use crate::enrich::Pipeline;
use crate::internal_events::{InternalEvent, RecordConsumed, WorkerStarted, WorkerStopped};
use crate::kafka::consumer::{self as kconsumer, WorkerConsumer};
use crate::telemetry::{Health, HealthChange, Metrics};
use record::{Enricher, Input, Job};

/// Why the worker could not run.
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    /// Creating the consumer or producer failed (bad librdkafka property...).
    #[error("kafka client: {0}")]
    Kafka(#[from] KafkaError),
    /// The system refused to start an enrichment thread.
    #[error("starting the enrichment threads: {0}")]
    EnrichThreads(std::io::Error),
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

/// What a delivery mode does with the records the loop reads.
pub(crate) trait Delivery {
    /// An event of the mode's own (a result to produce, a timer).
    type Event;
    /// The consumer the loop reads (created with the mode's revoke policy).
    fn consumer(&self) -> &Arc<WorkerConsumer>;
    /// Called before every turn of the loop; `Ok(false)` stops reading and
    /// drains (a fatal producer error), `Err` stops at once.
    async fn turn(&mut self) -> Result<bool, WorkerError>;
    /// Whether the loop may read now (besides a free in-flight permit).
    fn reading(&self) -> bool;
    /// The mode's next event; never resolves if it has none. Cancel-safe.
    async fn next_event(&mut self) -> Self::Event;
    /// Handle an event of [`Delivery::next_event`].
    async fn handle(&mut self, event: Self::Event) -> Result<(), WorkerError>;
    /// Take a record read, its enrichment started.
    async fn accept(&mut self, job: Job) -> Result<(), WorkerError>;
    /// Shutdown: finish what is in flight within `timeout` (every permit of
    /// `in_flight` back, `max_in_flight` of them) and make it durable;
    /// returns how many records were left unfinished (they are re-read).
    async fn drain(
        &mut self,
        in_flight: &Arc<Semaphore>,
        max_in_flight: usize,
        timeout: Duration,
    ) -> Result<usize, WorkerError>;
}

/// Run the worker until `shutdown` turns true, then drain and commit.
pub async fn run(
    config: &Config,
    pipeline: Arc<Pipeline>,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    shutdown: watch::Receiver<bool>,
) -> Result<RunSummary, WorkerError> {
    let enricher =
        Enricher::new(config, pipeline, metrics.clone()).map_err(WorkerError::EnrichThreads)?;
    match config.kafka.delivery {
        DeliveryMode::AtLeastOnce => {
            let mode = at_least_once::AtLeastOnce::new(config, &metrics, &health)?;
            WorkerStarted {
                config,
                exactly_once: false,
            }
            .emit();
            drive(config, mode, enricher, &metrics, &health, shutdown).await
        }
        DeliveryMode::ExactlyOnce => {
            let mode = exactly_once::ExactlyOnce::new(config, &metrics, &health, &shutdown).await?;
            WorkerStarted {
                config,
                exactly_once: true,
            }
            .emit();
            drive(config, mode, enricher, &metrics, &health, shutdown).await
        }
    }
}

/// The loop both modes share.
async fn drive<D: Delivery>(
    config: &Config,
    mut mode: D,
    enricher: Enricher,
    metrics: &Metrics,
    health: &Health,
    mut shutdown: watch::Receiver<bool>,
) -> Result<RunSummary, WorkerError> {
    let w = &config.worker;
    let consumer = mode.consumer().clone();
    let in_flight = Arc::new(Semaphore::new(w.max_in_flight));
    let probing = Arc::new(AtomicBool::new(false));
    let mut housekeeping = tokio::time::interval(Duration::from_millis(w.commit_interval_ms));
    housekeeping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut summary = RunSummary::default();
    health.update(HealthChange::Consuming(true));
    // `Err` only on a fatal error; `?` inside leaves this block, not `drive`.
    let read: Result<(), WorkerError> = async {
        loop {
            if *shutdown.borrow() || !mode.turn().await? {
                break Ok(());
            }
            let reading = mode.reading();
            tokio::select! {
                biased;
                _ = shutdown.changed() => break Ok(()),
                _ = housekeeping.tick() => kconsumer::probe_in_background(&consumer, &probing),
                event = mode.next_event() => mode.handle(event).await?,
                read = next_record(&consumer, &in_flight), if reading => {
                    let Some((permit, msg)) = read else { break Ok(()) };
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
                    RecordConsumed {
                        metrics,
                        topic: &input.topic,
                    }
                    .emit();
                    mode.accept(enricher.start(input, timestamp_ms, permit)).await?;
                }
            }
        }
    }
    .await;
    if let Err(error) = read {
        // Nothing more can be made durable, but leaving the group now hands
        // the partitions to a successor at once instead of after the
        // session timeout.
        kconsumer::leave(&consumer).await;
        health.update(HealthChange::Consuming(false));
        return Err(error);
    }

    health.update(HealthChange::Draining(true));
    summary.abandoned = mode
        .drain(
            &in_flight,
            w.max_in_flight,
            Duration::from_millis(w.drain_timeout_ms),
        )
        .await?;
    kconsumer::leave(&consumer).await;
    health.update(HealthChange::Consuming(false));
    WorkerStopped {
        consumed: summary.consumed,
        unfinished: summary.abandoned,
    }
    .emit();
    Ok(summary)
}

/// Wait for a free in-flight permit, then for the next record (or read
/// error). `None` only if the semaphore was closed, which nothing does.
async fn next_record<'c>(
    consumer: &'c WorkerConsumer,
    in_flight: &Arc<Semaphore>,
) -> Option<(
    OwnedSemaphorePermit,
    Result<BorrowedMessage<'c>, KafkaError>,
)> {
    let permit = in_flight.clone().acquire_owned().await.ok()?;
    Some((permit, consumer.recv().await))
}

/// Run `f`, letting the runtime move other tasks off this thread while it
/// blocks (librdkafka's transactional calls and the revoke drain block up to
/// their timeout). On a current-thread runtime `f` simply blocks.
fn blocking<R>(f: impl FnOnce() -> R) -> R {
    match tokio::runtime::Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(f)
        }
        _ => f(),
    }
}
