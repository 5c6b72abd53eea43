//! Helpers shared by the broker tests: inputs, topics, output collection,
//! the worker's HTTP endpoint and its metrics.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use byline::config::Config;
use byline::kafka::embedded::{self, Sample};
use futures::StreamExt;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::message::{Headers, Message};

/// A unique suffix per test run (topics and groups never collide).
pub fn unique(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{name}-{}-{}", std::process::id(), nanos % 1_000_000_000)
}

/// A small pseudo-random number in `lo..hi` (no rand crate needed).
pub fn random_in(lo: u64, hi: u64) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(lo ^ hi);
    lo + h.finish() % (hi - lo).max(1)
}

/// Worker config with topics and group unique to `name`.
pub fn config(brokers: &str, name: &str) -> Config {
    let id = unique(name);
    let mut c = Config::default();
    c.kafka.brokers = brokers.to_string();
    c.kafka.group_id = format!("g-{id}");
    c.kafka.input_topics = vec![format!("in-{id}")];
    c.kafka.output_topic = format!("out-{id}");
    c.kafka.statements_topic = format!("st-{id}");
    c.kafka.dlq_topic = format!("dlq-{id}");
    c.worker.commit_interval_ms = 100;
    c.worker.statistics_interval_ms = 1000;
    c.worker.drain_timeout_ms = 10_000;
    c.worker.max_in_flight = 64;
    c.metrics.listen = "127.0.0.1:0".into();
    // tansu and the mock cluster hold every empty fetch for the full wait.
    byline::kafka::consumer::use_test_broker_fetch_wait(&mut c);
    c
}

/// The raw seed sample (keyed `<prefix>-seed`) and `n - 1` generated JSON
/// articles with a quote each, ids `<prefix>-<i>`.
pub fn articles(prefix: &str, n: usize) -> Vec<Sample> {
    let mut v = vec![Sample {
        key: Some(format!("{prefix}-seed")),
        value: embedded::SEED_TXT.as_bytes().to_vec(),
    }];
    for i in 1..n {
        let body = format!(
            "Article {i}. \"We will ship version {i} next week,\" Jane Doe, the chief executive of Acme Corp, said on Monday in Berlin."
        );
        let value = serde_json::json!({
            "id": format!("{prefix}-{i}"),
            "published_at": format!("2025-03-0{}", 1 + i % 9),
            "body": body,
        });
        v.push(Sample {
            key: None,
            value: value.to_string().into_bytes(),
        });
    }
    v
}

/// A producer for a test's input topic on tansu, one record per batch.
///
/// tansu 0.6.0's fetch (`tansu-storage` `DynoStore::fetch`) returns only the
/// batches whose base offset is at or after the fetch offset. A consumer that
/// resumes from a committed offset inside a batch (after a kill, a restart
/// or a rebalance) is therefore served the *next* batch: the rest of its
/// batch is skipped, or, at the end of a partition, it waits forever. Kafka
/// returns the batch that holds the offset. One record per batch makes every
/// offset a batch boundary, so the tests see what Kafka would serve; the
/// worker's own batching is unchanged. (Seen as kill -9 rounds whose
/// restarted worker never saw its last inputs: README, "Tests".)
pub fn input_producer(c: &Config) -> rdkafka::producer::FutureProducer {
    let mut cc = ClientConfig::new();
    cc.set("bootstrap.servers", &c.kafka.brokers)
        .set("enable.idempotence", "true")
        .set("linger.ms", "1")
        .set("batch.num.messages", "1");
    for (k, v) in c.kafka.security.client_properties() {
        cc.set(k, v);
    }
    cc.create().unwrap()
}

/// Publish `samples` to the input topic of `c` through [`input_producer`],
/// every record acknowledged before it returns.
pub async fn publish_inputs(c: &Config, samples: &[Sample]) {
    let producer = input_producer(c);
    for chunk in samples.chunks(1000) {
        publish_chunk(&producer, &c.kafka.input_topics[0], chunk).await;
    }
}

/// Send `chunk` to `topic` and wait for every acknowledgement; returns where
/// each record was written, as (partition, offset), in order.
pub async fn publish_chunk(
    producer: &rdkafka::producer::FutureProducer,
    topic: &str,
    chunk: &[Sample],
) -> Vec<(i32, i64)> {
    use rdkafka::producer::FutureRecord;
    let pending: Vec<_> = chunk
        .iter()
        .map(|s| {
            let mut rec = FutureRecord::to(topic).payload(&s.value);
            if let Some(k) = &s.key {
                rec = rec.key(k);
            }
            producer.send_result(rec).map_err(|(e, _)| e).unwrap()
        })
        .collect();
    let mut written = Vec::with_capacity(chunk.len());
    for p in pending {
        let d = p.await.unwrap().map_err(|(e, _)| e).unwrap();
        written.push((d.partition, d.offset));
    }
    written
}

/// The article id of an input record of [`articles`]: its JSON `id`, else
/// its key.
pub fn article_id(payload: &[u8], key: Option<&[u8]>) -> String {
    serde_json::from_slice::<serde_json::Value>(payload)
        .ok()
        .and_then(|v| v["id"].as_str().map(str::to_string))
        .or_else(|| key.map(|k| String::from_utf8_lossy(k).into_owned()))
        .unwrap_or_default()
}

/// The article id of a sample of [`articles`].
pub fn sample_id(s: &Sample) -> String {
    article_id(&s.value, s.key.as_deref().map(str::as_bytes))
}

/// The ids `articles(prefix, n)` gives.
pub fn ids(prefix: &str, n: usize) -> HashSet<String> {
    let mut s: HashSet<String> = (1..n).map(|i| format!("{prefix}-{i}")).collect();
    s.insert(format!("{prefix}-seed"));
    s
}

/// Create the config's topics on a real broker (3 partitions each).
pub async fn create_topics(c: &Config) {
    let mut cc = ClientConfig::new();
    cc.set("bootstrap.servers", &c.kafka.brokers);
    // TLS and SASL of the worker's config, if any (tests/secure_broker.rs).
    for (k, v) in c.kafka.security.client_properties() {
        cc.set(k, v);
    }
    let admin: AdminClient<DefaultClientContext> = cc.create().unwrap();
    let k = &c.kafka;
    let names: Vec<&String> = k
        .input_topics
        .iter()
        .chain([&k.output_topic, &k.statements_topic, &k.dlq_topic])
        .collect();
    let topics: Vec<NewTopic<'_>> = names
        .iter()
        .map(|t| NewTopic::new(t, 3, TopicReplication::Fixed(1)))
        .collect();
    let opts = AdminOptions::new().request_timeout(Some(Duration::from_secs(10)));
    match admin.create_topics(&topics, &opts).await {
        Ok(results) => {
            for r in results {
                if let Err((t, e)) = r {
                    eprintln!("creating {t} failed ({e}); relying on auto-creation");
                }
            }
        }
        // librdkafka's mock cluster (used to iterate on these tests without
        // tansu) has no CreateTopics; it auto-creates topics instead.
        Err(e) => eprintln!("create_topics failed ({e}); relying on auto-creation"),
    }
}

/// Everything read from the output topics.
#[derive(Default, Debug)]
pub struct Outputs {
    /// Article events: key and JSON.
    pub articles: Vec<(String, serde_json::Value)>,
    /// Statement events: key and JSON.
    pub statements: Vec<(String, serde_json::Value)>,
    /// Dead letters: headers and value.
    pub dlq: Vec<(HashMap<String, String>, Vec<u8>)>,
}

impl Outputs {
    /// Distinct article ids seen.
    pub fn article_ids(&self) -> HashSet<String> {
        self.articles.iter().map(|(k, _)| k.clone()).collect()
    }

    /// Statements implied by the quotes of the article events seen that have
    /// not arrived, as (fingerprint, article id).
    pub fn missing_statements(&self) -> Vec<(String, String)> {
        let fingerprints: HashSet<&str> = self.statements.iter().map(|(k, _)| k.as_str()).collect();
        let mut seen = HashSet::new();
        let mut missing = Vec::new();
        for (k, ev) in &self.articles {
            if !seen.insert(k) {
                continue;
            }
            for q in ev["quotes"].as_array().into_iter().flatten() {
                let speaker = q["speaker"]["name"].as_str();
                // the statement's words: without an inner attribution, or
                // the clause carrying a quoted fragment
                let said = serde_json::from_value::<byline::event::Quote>(q.clone())
                    .map(|q| q.statement_text())
                    .unwrap_or_else(|_| q["text"].as_str().unwrap_or("").to_string());
                let fp = byline::event::statement_fingerprint(speaker, &said);
                if !fingerprints.contains(fp.as_str()) {
                    missing.push((fp, k.clone()));
                }
            }
        }
        missing
    }
}

/// Reads the output topics in the background.
pub struct Collector {
    /// What was read so far.
    pub out: Arc<Mutex<Outputs>>,
    /// The topics and brokers read, to read a topic back when a wait fails.
    config: Config,
    task: tokio::task::JoinHandle<()>,
}

impl Collector {
    pub fn start(c: &Config) -> Collector {
        let mut cc = ClientConfig::new();
        cc.set("bootstrap.servers", &c.kafka.brokers)
            .set("group.id", unique("collector"))
            .set("auto.offset.reset", "earliest")
            .set("enable.auto.commit", "false")
            // tansu answers an empty fetch only when this expires (500 ms
            // by default): the collector would see outputs that late.
            .set("fetch.wait.max.ms", "10");
        for (k, v) in c.kafka.security.client_properties() {
            cc.set(k, v);
        }
        let consumer: StreamConsumer = cc.create().unwrap();
        consumer
            .subscribe(&[
                &c.kafka.output_topic,
                &c.kafka.statements_topic,
                &c.kafka.dlq_topic,
            ])
            .unwrap();
        Collector::reading(consumer, c)
    }

    /// Collect what `consumer` (subscribed or assigned to the output topics
    /// of `c`) reads. Dead letters keep their headers, plus the record key
    /// under `key`.
    pub fn reading(consumer: StreamConsumer, c: &Config) -> Collector {
        let k = c.kafka.clone();
        let out = Arc::new(Mutex::new(Outputs::default()));
        let o = out.clone();
        let task = tokio::spawn(async move {
            let mut s = consumer.stream();
            while let Some(m) = s.next().await {
                let Ok(m) = m else { continue };
                let key = m
                    .key()
                    .map(|k| String::from_utf8_lossy(k).into_owned())
                    .unwrap_or_default();
                let payload = m.payload().unwrap_or_default().to_vec();
                let mut o = o.lock().unwrap();
                if m.topic() == k.output_topic {
                    o.articles
                        .push((key, serde_json::from_slice(&payload).unwrap()));
                } else if m.topic() == k.statements_topic {
                    o.statements
                        .push((key, serde_json::from_slice(&payload).unwrap()));
                } else {
                    let mut h = HashMap::new();
                    if let Some(hs) = m.headers() {
                        for x in hs.iter() {
                            h.insert(
                                x.key.to_string(),
                                String::from_utf8_lossy(x.value.unwrap_or_default()).into_owned(),
                            );
                        }
                    }
                    h.insert("key".into(), key);
                    o.dlq.push((h, payload));
                }
            }
        });
        Collector {
            out,
            config: c.clone(),
            task,
        }
    }

    /// Wait until nothing new arrived for `quiet` (bounded by `timeout`).
    pub async fn quiet(&self, quiet: Duration, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        let count = |o: &Outputs| o.articles.len() + o.statements.len() + o.dlq.len();
        let mut last = count(&self.out.lock().unwrap());
        let mut since = Instant::now();
        while Instant::now() < deadline && since.elapsed() < quiet {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = count(&self.out.lock().unwrap());
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
    }

    /// Wait until `pred` holds; false after `timeout`.
    pub async fn try_wait_for(&self, timeout: Duration, pred: impl Fn(&Outputs) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if pred(&self.out.lock().unwrap()) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    /// Wait until `pred` holds (panics with `what` after `timeout`).
    /// Wait (bounded) until every statement implied by the article events
    /// seen has arrived: statements travel on another topic and can be read
    /// after their article, even once the worker acknowledged them all.
    /// On timeout it says whether the missing statements are in the
    /// statements topic at all (read back by a fresh consumer), which tells a
    /// lost output from one the collector's subscription did not deliver.
    pub async fn settle(&self) {
        if self
            .try_wait_for(Duration::from_secs(60), |o| {
                o.missing_statements().is_empty()
            })
            .await
        {
            return;
        }
        let missing = self.out.lock().unwrap().missing_statements();
        let c = self.config.clone();
        let topic = c.kafka.statements_topic.clone();
        let stored = tokio::task::spawn_blocking(move || read_back(&c, &topic, &BTreeMap::new()))
            .await
            .unwrap();
        let keys: HashSet<Vec<u8>> = stored.iter().filter_map(|r| r.key.clone()).collect();
        let in_topic = missing
            .iter()
            .filter(|(fp, _)| keys.contains(fp.as_bytes()))
            .count();
        panic!(
            "timed out waiting for every statement: {} missing, {in_topic} of them in the statements topic ({} records there); first: {:?}",
            missing.len(),
            stored.len(),
            &missing[..missing.len().min(5)]
        );
    }

    pub async fn wait_for(&self, what: &str, timeout: Duration, pred: impl Fn(&Outputs) -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            {
                let o = self.out.lock().unwrap();
                if pred(&o) {
                    return;
                }
                if Instant::now() > deadline {
                    panic!(
                        "timed out waiting for {what}: {} articles ({} distinct), {} statements, {} dead letters",
                        o.articles.len(),
                        o.article_ids().len(),
                        o.statements.len(),
                        o.dlq.len()
                    );
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Check article events against their inputs: every id present, the seed's
/// date from its header line, statements consistent with quotes.
pub fn check_content(o: &Outputs, prefix: &str, n: usize) {
    let want = ids(prefix, n);
    let got = o.article_ids();
    let missing: Vec<_> = want.difference(&got).collect();
    assert!(missing.is_empty(), "missing outputs: {missing:?}");
    for (k, ev) in &o.articles {
        assert_eq!(ev["schema"], "byline.article.v1");
        assert_eq!(&ev["id"], k.as_str());
        assert!(ev["processing"]["source"]["offset"].is_i64(), "{ev}");
        if k.ends_with("-seed") {
            assert_eq!(ev["published_at"], "2025-02-20");
        } else {
            let i: usize = k.rsplit('-').next().unwrap().parse().unwrap();
            assert_eq!(ev["published_at"], format!("2025-03-0{}", 1 + i % 9));
        }
    }
    // Every quote of every (distinct) article has its statement, keyed by fingerprint.
    let missing = o.missing_statements();
    assert!(
        missing.is_empty(),
        "statements missing (fingerprint, article): {missing:?}"
    );
}

/// A worker running in-process on the test's runtime.
pub struct Running {
    /// Sends the shutdown signal.
    stop: tokio::sync::watch::Sender<bool>,
    /// The worker task; yields its summary after draining.
    handle: tokio::task::JoinHandle<byline::worker::RunSummary>,
    /// Its metrics, for assertions.
    pub metrics: Arc<byline::telemetry::Metrics>,
}

/// Start the worker with the standard pipeline on `c`.
pub fn start_worker(c: &Config) -> Running {
    byline::telemetry::init_logs("text", "warn");
    let (stop, rx) = tokio::sync::watch::channel(false);
    let metrics = Arc::new(byline::telemetry::Metrics::new().unwrap());
    let (c, m) = (c.clone(), metrics.clone());
    let handle = tokio::spawn(async move {
        byline::worker::run(
            &c,
            Arc::new(byline::enrich::Pipeline::standard()),
            m,
            Arc::new(byline::telemetry::Health::default()),
            rx,
        )
        .await
        .unwrap()
    });
    Running {
        stop,
        handle,
        metrics,
    }
}

impl Running {
    /// Signal shutdown and wait for the drained worker's summary.
    pub async fn stop(self) -> (byline::worker::RunSummary, Arc<byline::telemetry::Metrics>) {
        self.stop.send(true).unwrap();
        (self.handle.await.unwrap(), self.metrics)
    }
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `byline run` of the real binary, its brokers, group and topics set from
/// `c` through the environment (the way operators configure it).
pub fn byline_run(c: &Config) -> std::process::Command {
    let k = &c.kafka;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.arg("run")
        .env("BYLINE_KAFKA__BROKERS", &k.brokers)
        .env("BYLINE_KAFKA__GROUP_ID", &k.group_id)
        .env("BYLINE_KAFKA__INPUT_TOPICS", k.input_topics.join(","))
        .env("BYLINE_KAFKA__OUTPUT_TOPIC", &k.output_topic)
        .env("BYLINE_KAFKA__STATEMENTS_TOPIC", &k.statements_topic)
        .env("BYLINE_KAFKA__DLQ_TOPIC", &k.dlq_topic);
    for (name, v) in &k.consumer_properties {
        cmd.env(
            format!("BYLINE_KAFKA__CONSUMER_PROPERTIES__{}", name.to_uppercase()),
            v,
        );
    }
    cmd
}

/// The real `byline` binary as a child process (see [`byline_run`]), its
/// log (stderr) in `target/test-logs/<name>.log` and its metrics listener
/// on a free local port; killed when dropped, so a failing test leaves no
/// worker behind.
pub struct ChildWorker {
    /// The process.
    pub child: std::process::Child,
    /// Its log file.
    pub log: String,
    /// Address of its `/metrics`, `/healthz`, `/readyz`.
    pub metrics: String,
}

impl ChildWorker {
    /// Start `cmd` as `name`. `RUST_LOG` is removed so the configured
    /// `log.level` holds (the tests read the log).
    pub fn spawn(mut cmd: std::process::Command, name: &str) -> ChildWorker {
        std::fs::create_dir_all("target/test-logs").unwrap();
        let log = format!("target/test-logs/{name}.log");
        let metrics = format!("127.0.0.1:{}", free_port());
        let child = cmd
            .env("BYLINE_METRICS__LISTEN", &metrics)
            .env_remove("RUST_LOG")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        ChildWorker {
            child,
            log,
            metrics,
        }
    }

    /// The last `n` lines of its log, for failure messages.
    pub fn log_tail(&self, n: usize) -> String {
        log_tail(&self.log, n)
    }
}

impl Drop for ChildWorker {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Send SIGTERM (the graceful path) to `child`.
pub fn sigterm(child: &std::process::Child) {
    let ok = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -TERM failed");
}

/// Wait (bounded) for `child` to exit.
pub async fn wait_exit(
    child: &mut std::process::Child,
    timeout: Duration,
) -> std::process::ExitStatus {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        assert!(
            Instant::now() < deadline,
            "worker did not exit in {timeout:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The group's committed offsets of the input topic, per partition (0 when
/// none is committed).
pub fn committed(c: &Config) -> std::collections::BTreeMap<i32, i64> {
    let consumer: rdkafka::consumer::BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &c.kafka.brokers)
        .set("group.id", &c.kafka.group_id)
        .create()
        .unwrap();
    let mut tpl = rdkafka::TopicPartitionList::new();
    for p in 0..3 {
        tpl.add_partition(&c.kafka.input_topics[0], p);
    }
    consumer
        .committed_offsets(tpl, Duration::from_secs(10))
        .unwrap()
        .elements()
        .iter()
        .map(|e| match e.offset() {
            rdkafka::Offset::Offset(o) => (e.partition(), o),
            _ => (e.partition(), 0),
        })
        .collect()
}

/// The end offsets of the input topic, per partition.
pub fn end_offsets(c: &Config) -> BTreeMap<i32, i64> {
    let consumer: rdkafka::consumer::BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &c.kafka.brokers)
        .set("group.id", unique("probe"))
        .create()
        .unwrap();
    (0..3)
        .map(|p| {
            let (_, high) = consumer
                .fetch_watermarks(&c.kafka.input_topics[0], p, Duration::from_secs(10))
                .unwrap();
            (p, high)
        })
        .collect()
}

/// Poll `pred` every 50 ms until it holds; panics after `timeout`, saying
/// what was waited for and, from `state`, where things stood.
pub async fn wait_until(
    what: &str,
    timeout: Duration,
    mut pred: impl FnMut() -> bool,
    state: impl Fn() -> String,
) {
    let deadline = Instant::now() + timeout;
    while !pred() {
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}: {}",
            state()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The JSON log lines of a worker log (`BYLINE_LOG__FORMAT=json`) so far.
pub fn log_events(path: &str) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// The last `n` lines of a log file, for failure messages.
pub fn log_tail(path: &str, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// How many article events were read per input record, keyed by the
/// record's source (partition, offset).
pub fn events_per_source(o: &Outputs) -> BTreeMap<(i32, i64), usize> {
    let mut m = BTreeMap::new();
    for (_, ev) in &o.articles {
        let s = &ev["processing"]["source"];
        let key = (
            s["partition"].as_i64().unwrap() as i32,
            s["offset"].as_i64().unwrap(),
        );
        *m.entry(key).or_default() += 1;
    }
    m
}

/// A record read back from a topic.
pub struct Stored {
    pub key: Option<Vec<u8>>,
    pub payload: Vec<u8>,
    pub partition: i32,
    pub offset: i64,
}

/// Every record of `topic` (3 partitions, as [`create_topics`] makes them)
/// up to its end offsets, read back from the broker's log by a fresh
/// consumer. `known_ends` are end offsets known from delivery reports: tansu 0.6.0's
/// ListOffsets has been seen to answer a high watermark behind records it
/// had acknowledged and already served, so the read goes at least that far.
pub fn read_back(c: &Config, topic: &str, known_ends: &BTreeMap<i32, i64>) -> Vec<Stored> {
    use rdkafka::consumer::BaseConsumer;
    let mut cc = ClientConfig::new();
    cc.set("bootstrap.servers", &c.kafka.brokers)
        .set("group.id", unique("read-back"))
        .set("enable.auto.commit", "false")
        .set("fetch.wait.max.ms", "10");
    for (k, v) in c.kafka.security.client_properties() {
        cc.set(k, v);
    }
    let consumer: BaseConsumer = cc.create().unwrap();
    let mut ends = BTreeMap::new();
    let mut tpl = rdkafka::TopicPartitionList::new();
    for p in 0..3 {
        let (_, high) = consumer
            .fetch_watermarks(topic, p, Duration::from_secs(10))
            .unwrap();
        let high = high.max(known_ends.get(&p).copied().unwrap_or(0));
        ends.insert(p, high);
        if high > 0 {
            tpl.add_partition_offset(topic, p, rdkafka::Offset::Beginning)
                .unwrap();
        }
    }
    consumer.assign(&tpl).unwrap();
    let mut next: BTreeMap<i32, i64> = ends.keys().map(|&p| (p, 0)).collect();
    let mut records = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while next.iter().any(|(p, o)| *o < ends[p]) {
        assert!(
            Instant::now() < deadline,
            "reading {topic} back: at {next:?} of {ends:?} after 60 s"
        );
        let Some(m) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let m = m.unwrap();
        records.push(Stored {
            key: m.key().map(<[u8]>::to_vec),
            payload: m.payload().unwrap_or_default().to_vec(),
            partition: m.partition(),
            offset: m.offset(),
        });
        next.insert(m.partition(), m.offset() + 1);
    }
    records
}

/// Every record of the input topic, read back from the broker's log: article
/// id (the JSON `id`, else the record key) to the (partition, offset) of each
/// copy. A produce retry that the broker stored twice shows here as two
/// copies of one id.
pub fn input_copies(
    c: &Config,
    known_ends: &BTreeMap<i32, i64>,
) -> BTreeMap<String, Vec<(i32, i64)>> {
    let mut copies: BTreeMap<String, Vec<(i32, i64)>> = BTreeMap::new();
    for r in read_back(c, &c.kafka.input_topics[0], known_ends) {
        let id = article_id(&r.payload, r.key.as_deref());
        copies.entry(id).or_default().push((r.partition, r.offset));
    }
    copies
}

/// One answer of the worker's HTTP endpoint.
#[derive(Debug)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The body.
    pub body: String,
}

/// `GET path` on `addr` (`host:port`): `None` when nothing answers within a
/// few seconds (not listening yet) or the answer is not HTTP.
pub async fn http_get(addr: &str, path: &str) -> Option<HttpResponse> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let exchange = async {
        let mut s = tokio::net::TcpStream::connect(addr).await.ok()?;
        s.write_all(format!("GET {path} HTTP/1.1\r\nhost: x\r\n\r\n").as_bytes())
            .await
            .ok()?;
        let mut out = String::new();
        // The endpoint closes the connection after one answer.
        s.read_to_string(&mut out).await.ok()?;
        Some(out)
    };
    let out = tokio::time::timeout(Duration::from_secs(5), exchange)
        .await
        .ok()??;
    let status = out.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()?;
    let body = out.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    Some(HttpResponse {
        status,
        body: body.to_string(),
    })
}

/// The value of `series` in a Prometheus text exposition: a whole series
/// (`name{labels}`), or a bare name whose series are summed over their
/// labels; `None` when no such series is exposed.
pub fn metric(text: &str, series: &str) -> Option<f64> {
    let values: Vec<f64> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (name, value) = l.rsplit_once(' ')?;
            let labelled = !series.contains('{')
                && name
                    .strip_prefix(series)
                    .is_some_and(|rest| rest.starts_with('{'));
            (name == series || labelled).then(|| value.parse().ok())?
        })
        .collect();
    (!values.is_empty()).then(|| values.iter().sum())
}

#[test]
fn metric_reads_whole_series_and_sums_bare_names() {
    let text = "# HELP x_total X.\n# TYPE x_total counter\nx_total{t=\"a\"} 2\nx_total{t=\"b\"} 3\nx_total_more 100\ny 1.5\n";
    assert_eq!(metric(text, "x_total"), Some(5.0));
    assert_eq!(metric(text, "x_total{t=\"b\"}"), Some(3.0));
    assert_eq!(metric(text, "y"), Some(1.5));
    assert_eq!(
        metric(text, "x"),
        None,
        "a prefix of a name is not the name"
    );
    assert_eq!(metric(text, "z"), None);
}
