//! The output side: an idempotent `FutureProducer` and delivery with retry.
//!
//! Idempotence (`enable.idempotence=true`, `acks=all`) lets librdkafka retry
//! internally without duplicating or reordering within its session. When a
//! delivery still fails (after `message.timeout.ms`), byline re-produces the
//! record with backoff, forever: the input record stays unacknowledged, so
//! its offset is never committed past it, and the in-flight bound turns a
//! broker that keeps refusing into backpressure instead of loss.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rdkafka::config::ClientConfig;
use rdkafka::error::{KafkaError, KafkaResult, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{DeliveryFuture, FutureProducer, FutureRecord};
use rdkafka::ClientContext;

use crate::config::Config;
use crate::internal_events::{
    DeliveryFailed, InternalEvent, OutputAcked, ProduceRetried, ProducerClientError,
};
use crate::telemetry::{FailingDelivery, Health, Metrics};

/// One output record, owned so it can be re-produced after a failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutRecord {
    /// Destination topic.
    pub topic: String,
    /// Destination partition; `None` lets the partitioner choose by key.
    /// The novelty processor writes its changelog partition for partition.
    pub partition: Option<i32>,
    /// Record key.
    pub key: Option<Vec<u8>>,
    /// Record value; `None` is a tombstone (an evicted identity on a
    /// compacted changelog).
    pub payload: Option<Vec<u8>>,
    /// Record headers.
    pub headers: Vec<(String, Vec<u8>)>,
}

/// The producer's context: notices fatal errors (an idempotent producer
/// that lost its sequence state cannot continue; the worker then stops
/// without committing past unacknowledged records and is restarted), and
/// feeds readiness (brokers down, deliveries failing).
#[derive(Default)]
pub struct ProducerCtx {
    /// Set once librdkafka reports a fatal error (shared with the worker).
    pub fatal: Arc<AtomicBool>,
    /// Readiness, shared with the consumer and the HTTP endpoint.
    pub health: Arc<Health>,
}

impl ClientContext for ProducerCtx {
    fn error(&self, error: KafkaError, reason: &str) {
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::Fatal) {
            self.fatal.store(true, Ordering::SeqCst);
        }
        ProducerClientError {
            health: &self.health,
            error: &error,
            reason,
        }
        .emit();
    }
}

/// The producer type of the worker.
pub type WorkerProducer = FutureProducer<ProducerCtx>;

/// The producer's default `linger.ms` (see [`client_config`]).
pub const LINGER_MS: &str = "20";

/// librdkafka settings byline manages, then `kafka.properties`, then
/// `kafka.producer_properties`.
pub fn client_config(config: &Config) -> ClientConfig {
    let k = &config.kafka;
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", &k.brokers)
        .set("acks", "all")
        // librdkafka's 5 ms sends a produce request per handful of records:
        // on a backlog its broker thread took a tenth of the worker's CPU,
        // and the broker as much again. 20 ms halves the broker's CPU on a
        // backlog and cuts it by a quarter at 200 articles/s, for about 11
        // ms more latency (README, "The worker's own cost");
        // `producer_properties` can lower it.
        .set("linger.ms", LINGER_MS)
        .set(
            "message.timeout.ms",
            config.worker.message_timeout_ms.to_string(),
        )
        .set("queue.buffering.max.kbytes", "65536");
    // TLS and SASL from [kafka.security] (empty for plaintext).
    for (key, v) in k.security.client_properties() {
        c.set(key, v);
    }
    for (key, v) in k.properties.iter().chain(&k.producer_properties) {
        c.set(key, v);
    }
    c.set("enable.idempotence", "true");
    c
}

/// Create the producer; the flag turns true on a fatal producer error.
/// Delivery failures and broker outages it sees are reported to `health`.
pub fn create(
    config: &Config,
    health: Arc<Health>,
) -> KafkaResult<(WorkerProducer, Arc<AtomicBool>)> {
    let fatal = Arc::new(AtomicBool::new(false));
    let p = client_config(config).create_with_context(ProducerCtx {
        fatal: fatal.clone(),
        health,
    })?;
    Ok((p, fatal))
}

/// The headers of `r` as librdkafka wants them.
pub fn headers(r: &OutRecord) -> OwnedHeaders {
    let mut h = OwnedHeaders::new_with_capacity(r.headers.len());
    for (k, v) in &r.headers {
        h = h.insert(Header {
            key: k,
            value: Some(v),
        });
    }
    h
}

/// Create the transactional producer of the exactly-once mode (not yet
/// initialized: `init_transactions` is the worker's, it retries); the flag
/// turns true on a fatal error.
pub fn create_transactional(
    config: &Config,
    health: Arc<Health>,
) -> KafkaResult<(WorkerProducer, Arc<AtomicBool>)> {
    let w = &config.worker;
    let fatal = Arc::new(AtomicBool::new(false));
    let mut c = client_config(config);
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
    let p = c.create_with_context(ProducerCtx {
        fatal: fatal.clone(),
        health,
    })?;
    Ok((p, fatal))
}

/// Hand `r` to librdkafka once, waiting while its queue is full (the one
/// backpressure point between the worker and the producer); any other
/// refusal is returned. Ordering: records sent one after the other by the
/// same task keep their order per partition.
pub async fn send_queued(producer: &WorkerProducer, r: &OutRecord) -> KafkaResult<DeliveryFuture> {
    loop {
        let mut rec = FutureRecord::<Vec<u8>, Vec<u8>>::to(&r.topic).headers(headers(r));
        if let Some(k) = &r.key {
            rec = rec.key(k);
        }
        if let Some(p) = &r.payload {
            rec = rec.payload(p);
        }
        if let Some(p) = r.partition {
            rec = rec.partition(p);
        }
        match producer.send_result(rec) {
            Ok(f) => return Ok(f),
            Err((e, _)) if e.rdkafka_error_code() == Some(RDKafkaErrorCode::QueueFull) => {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            Err((e, _)) => return Err(e),
        }
    }
}

/// Hand `r` to librdkafka ([`send_queued`]), retrying refusals with backoff
/// until it is queued; returns its delivery future, or `None` once
/// `give_up` says so (fatal producer error, partition revoked).
pub async fn enqueue(
    producer: &WorkerProducer,
    r: &OutRecord,
    metrics: &Metrics,
    health: &Arc<Health>,
    give_up: &(dyn Fn() -> bool + Send + Sync),
) -> Option<DeliveryFuture> {
    let mut backoff = Duration::from_millis(5);
    // Held while this record cannot even be queued (not ready meanwhile).
    let mut failing: Option<FailingDelivery> = None;
    loop {
        match send_queued(producer, r).await {
            Ok(f) => return Some(f),
            Err(error) => {
                ProduceRetried {
                    metrics,
                    topic: &r.topic,
                    error: &error,
                }
                .emit();
                if failing.is_none() {
                    failing = Some(health.delivery_failing());
                }
                if give_up() {
                    return None;
                }
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(5));
            }
        }
    }
}

/// Wait until every record is acknowledged, re-producing failed ones with
/// backoff. Returns true once all are acknowledged, false only when
/// `give_up` said so (fatal producer error, partition revoked: the records
/// then stay unacknowledged). While a record is being produced again the
/// worker reports not ready; an ack is proof that a broker is reachable.
pub async fn deliver_all(
    producer: &WorkerProducer,
    records: &[OutRecord],
    futures: Vec<DeliveryFuture>,
    metrics: &Metrics,
    health: &Arc<Health>,
    give_up: &(dyn Fn() -> bool + Send + Sync),
) -> bool {
    for (r, f) in records.iter().zip(futures) {
        let mut f = f;
        let mut backoff = Duration::from_millis(100);
        // Held from the first failure of this record until its ack.
        let mut failing: Option<FailingDelivery> = None;
        loop {
            match f.await {
                Ok(Ok(_)) => {
                    OutputAcked {
                        metrics,
                        health,
                        topic: &r.topic,
                    }
                    .emit();
                    drop(failing.take());
                    break;
                }
                Ok(Err((error, _))) => DeliveryFailed {
                    metrics,
                    topic: &r.topic,
                    error: Some(&error),
                    first: failing.is_none(),
                }
                .emit(),
                Err(_canceled) => DeliveryFailed {
                    metrics,
                    topic: &r.topic,
                    error: None,
                    first: failing.is_none(),
                }
                .emit(),
            }
            if failing.is_none() {
                failing = Some(health.delivery_failing());
            }
            if give_up() {
                return false;
            }
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_secs(5));
            match enqueue(producer, r, metrics, health, give_up).await {
                Some(next) => f = next,
                None => return false,
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_producer_batches_by_default_and_the_operator_can_lower_it() {
        let mut c = Config::default();
        let pc = client_config(&c);
        assert_eq!(pc.get("linger.ms"), Some(LINGER_MS));
        assert_eq!(pc.get("enable.idempotence"), Some("true"));
        c.kafka
            .producer_properties
            .insert("linger.ms".into(), "1".into());
        assert_eq!(client_config(&c).get("linger.ms"), Some("1"));
    }
}
