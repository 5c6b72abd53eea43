//! The embedded default: librdkafka's in-process mock cluster (a
//! Kafka-protocol broker inside this process), the bundled sample articles,
//! and a printer of the outputs. `byline run --embedded` uses it to run the
//! real worker end to end with no Kafka anywhere; tests use it for fault
//! injection (produce errors, broker down and up).

use std::collections::HashSet;
use std::time::Duration;

use futures::StreamExt;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::error::KafkaResult;
use rdkafka::message::{Header, Message, OwnedHeaders};
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{DefaultProducerContext, FutureProducer, FutureRecord};

use crate::config::Config;
use crate::internal_events::{InternalEvent, OutputReadFailed};

/// The raw sample (a `date` header line, then the body).
pub const SEED_TXT: &str = include_str!("../../data/samples/seed.txt");
/// The JSON-lines samples.
pub const ARTICLES_JSONL: &str = include_str!("../../data/samples/articles.jsonl");

/// Partitions of every topic the embedded cluster creates.
pub const PARTITIONS: i32 = 3;

/// One input record to publish.
#[derive(Clone, Debug)]
pub struct Sample {
    /// Record key (the raw sample's id).
    pub key: Option<String>,
    /// Record value.
    pub value: Vec<u8>,
}

/// The bundled samples: the raw `seed.txt` (keyed `seed`) and each line of
/// `articles.jsonl`.
pub fn samples() -> Vec<Sample> {
    let mut v = vec![Sample {
        key: Some("seed".into()),
        value: SEED_TXT.as_bytes().to_vec(),
    }];
    v.extend(
        ARTICLES_JSONL
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| Sample {
                key: None,
                value: l.as_bytes().to_vec(),
            }),
    );
    v
}

/// A running mock cluster. Dropping it stops the brokers.
pub struct Embedded {
    /// librdkafka's mock cluster.
    cluster: MockCluster<'static, DefaultProducerContext>,
}

impl Embedded {
    /// Start `brokers` mock brokers and create the configured topics.
    pub fn start(config: &Config, brokers: i32) -> KafkaResult<Embedded> {
        let cluster = MockCluster::new(brokers)?;
        let k = &config.kafka;
        for t in k
            .input_topics
            .iter()
            .chain([&k.output_topic, &k.statements_topic, &k.dlq_topic])
        {
            cluster.create_topic(t, PARTITIONS, 1)?;
        }
        Ok(Embedded { cluster })
    }

    /// `bootstrap.servers` of the cluster.
    pub fn brokers(&self) -> String {
        self.cluster.bootstrap_servers()
    }

    /// The cluster, for fault injection.
    pub fn cluster(&self) -> &MockCluster<'static, DefaultProducerContext> {
        &self.cluster
    }
}

/// Publish records to `topic` and wait for their acknowledgements.
/// `headers` are added to every record.
pub async fn publish(
    brokers: &str,
    topic: &str,
    samples: &[Sample],
    headers: &[(&str, &str)],
) -> KafkaResult<()> {
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("enable.idempotence", "true")
        .create()?;
    let mut pending = Vec::with_capacity(samples.len());
    for s in samples {
        let mut h = OwnedHeaders::new();
        for (k, v) in headers {
            h = h.insert(Header {
                key: k,
                value: Some(v.as_bytes()),
            });
        }
        let mut rec = FutureRecord::to(topic).payload(&s.value).headers(h);
        if let Some(k) = &s.key {
            rec = rec.key(k);
        }
        pending.push(producer.send(rec, Duration::from_secs(30)));
    }
    for p in pending {
        p.await.map_err(|(e, _)| e)?;
    }
    Ok(())
}

/// Print every output record as `topic<TAB>key<TAB>json` on stdout; returns
/// once `expected` distinct article ids have been seen and no further record
/// (a statement of the last articles, read from another topic in any order)
/// arrived for [`SETTLE`] (never returns, if `expected` is 0).
pub async fn print_outputs(config: &Config, expected: usize) -> KafkaResult<()> {
    let k = &config.kafka;
    let consumer: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", &k.brokers)
        .set("group.id", format!("{}-embedded-printer", k.group_id))
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .create()?;
    consumer.subscribe(&[&k.output_topic, &k.statements_topic, &k.dlq_topic])?;
    let mut ids = HashSet::new();
    let mut stream = consumer.stream();
    loop {
        let done = expected > 0 && ids.len() >= expected;
        let next = if done {
            match tokio::time::timeout(SETTLE, stream.next()).await {
                Ok(next) => next,
                Err(_) => return Ok(()),
            }
        } else {
            stream.next().await
        };
        let Some(m) = next else {
            return Ok(());
        };
        let m = match m {
            Ok(m) => m,
            Err(error) => {
                OutputReadFailed { error: &error }.emit();
                continue;
            }
        };
        let key = m.key().map(String::from_utf8_lossy).unwrap_or_default();
        let value = m.payload().map(String::from_utf8_lossy).unwrap_or_default();
        println!("{}\t{}\t{}", m.topic(), key, value);
        if m.topic() == k.output_topic {
            ids.insert(key.into_owned());
        }
    }
}

/// How long the printer waits for stragglers once every sample is enriched.
pub const SETTLE: std::time::Duration = std::time::Duration::from_secs(2);
