//! Exactly-once mode (`kafka.delivery = "exactly-once"`) against librdkafka's
//! in-process mock cluster, part of plain `cargo test`.
//!
//! What the mock cluster can and cannot show (read in librdkafka 2.12's
//! `rdkafka_mock_handlers.c`): it answers every transactional request
//! (InitProducerId with a transactional id, AddPartitionsToTxn,
//! AddOffsetsToTxn, TxnOffsetCommit, EndTxn) and checks producer ids and
//! epochs, so the client-side transaction state machine runs for real; but
//! TxnOffsetCommit does not store the offsets, EndTxn writes no commit or
//! abort markers (read_committed readers see aborted records), and a new
//! InitProducerId for a known transactional id does not fence the old
//! producer. So these tests prove the transactional path end to end, the
//! abort-and-rewind path (no loss), and kill -9 and restart of the real
//! binary (no loss, transactions committed); "zero duplicates after a kill"
//! needs a broker that stores transactional offsets: the `#[ignore]`d
//! `kill_and_restart_real_broker` runs the same scenario against
//! `BYLINE_TEST_TXN_BROKERS` (Apache Kafka, Redpanda) and asserts it.
#![cfg(feature = "kafka")]

mod common;

use std::collections::HashMap;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use byline::config::{Config, Delivery};
use byline::kafka::embedded::{self, Embedded, Sample};
use common::*;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::types::{RDKafkaApiKey, RDKafkaRespErr};
use rdkafka::{Offset, TopicPartitionList};

/// An exactly-once config for `brokers` with unique names.
fn eos_config(brokers: &str, name: &str) -> Config {
    let mut c = config(brokers, name);
    c.kafka.delivery = Delivery::ExactlyOnce;
    c.kafka.transactional_id = format!("tx-{}", c.kafka.group_id);
    c.worker.transaction_max_records = 16;
    c.worker.transaction_interval_ms = 100;
    c
}

fn mock(name: &str) -> (Embedded, Config) {
    let mut c = eos_config("unused", name);
    let cluster = Embedded::start(&c, 3).unwrap();
    c.kafka.brokers = cluster.brokers();
    (cluster, c)
}

/// Short consumer sessions: the mock's rebalances wait for members'
/// sessions (a new member joins only once the departed ones expired).
fn short_sessions(c: &mut Config) {
    for (k, v) in [
        ("session.timeout.ms", "6000"),
        ("heartbeat.interval.ms", "500"),
    ] {
        c.kafka.consumer_properties.insert(k.into(), v.into());
    }
}

/// The inputs: `n` articles (see `common::articles`) and two undecodable
/// records that must end as dead letters.
fn inputs(prefix: &str, n: usize) -> Vec<Sample> {
    let mut v = articles(prefix, n);
    v.push(Sample {
        key: Some(format!("{prefix}-bad-utf8")),
        value: vec![0xff, 0xfe, b'a'],
    });
    v.push(Sample {
        key: Some(format!("{prefix}-bad-empty")),
        value: b"  \n ".to_vec(),
    });
    v
}

/// Publish [`inputs`] `prefix`, `n` to the config's input topic.
async fn publish_inputs(c: &Config, prefix: &str, n: usize) {
    embedded::publish(
        &c.kafka.brokers,
        &c.kafka.input_topics[0],
        &inputs(prefix, n),
        &[],
    )
    .await
    .unwrap();
}

/// A collector of the output topics with an explicit `isolation.level`.
fn reader(c: &Config, isolation: &str) -> Collector {
    let consumer: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", &c.kafka.brokers)
        .set("group.id", unique("reader"))
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .set("isolation.level", isolation)
        .create()
        .unwrap();
    let k = &c.kafka;
    // Assigned, not subscribed: no group to join or leave (closing a
    // group member after the cluster is gone blocks for seconds).
    let mut tpl = TopicPartitionList::new();
    for t in [&k.output_topic, &k.statements_topic, &k.dlq_topic] {
        for p in 0..embedded::PARTITIONS {
            tpl.add_partition_offset(t, p, Offset::Beginning).unwrap();
        }
    }
    consumer.assign(&tpl).unwrap();
    Collector::reading(consumer, c)
}

/// How many times each key was seen more than once, per output topic:
/// (article events, statements (fingerprint, article), dead letters).
fn duplicates(o: &Outputs) -> (usize, usize, usize) {
    fn extra<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> usize {
        let mut seen: HashMap<K, usize> = HashMap::new();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
        seen.values().map(|n| n - 1).sum()
    }
    (
        extra(o.articles.iter().map(|(k, _)| k.clone())),
        extra(
            o.statements
                .iter()
                .map(|(k, v)| (k.clone(), v["article_id"].to_string())),
        ),
        extra(o.dlq.iter().map(|(h, _)| h["key"].clone())),
    )
}

/// Wait until `w` has committed all `n` good inputs. The mock cluster shows
/// records of open and aborted transactions to read_committed readers, so
/// every output can be there before the transaction holding the last ones
/// commits; the `enriched` counter moves only at commit.
async fn wait_committed(w: &Running, n: usize) {
    wait_until(
        "the worker to commit every input",
        Duration::from_secs(120),
        || w.metrics.enriched.get() >= n as u64,
        || format!("committed {} of {n}", w.metrics.enriched.get()),
    )
    .await;
}

fn all_outputs(n: usize) -> impl Fn(&Outputs) -> bool {
    move |o: &Outputs| {
        o.article_ids().len() >= n && o.dlq.len() >= 2 && o.missing_statements().is_empty()
    }
}

/// Every input once: one article event per article, one statement per
/// quote, one dead letter per undecodable input, all in transactions.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn exactly_once_end_to_end_on_the_mock_cluster() {
    let (_cluster, c) = mock("eos-e2e");
    let n = 60;
    publish_inputs(&c, "e", n).await;
    let reader = reader(&c, "read_committed");
    let w = start_worker(&c);
    reader
        .wait_for("all outputs", Duration::from_secs(90), all_outputs(n))
        .await;
    wait_committed(&w, n).await;
    // The lag gauge is measured from the offsets the transactions committed
    // (a transactional offset commit leaves librdkafka's committed offset,
    // and with it its `consumer_lag`, where the assignment found it; the
    // mock cluster does not even store it): once everything is committed,
    // every input partition reports lag 0.
    let input = c.kafka.input_topics[0].clone();
    let lags = || -> Vec<String> {
        w.metrics
            .render()
            .lines()
            .filter(|l| l.starts_with("byline_consumer_lag{") && l.contains(&input))
            .map(str::to_string)
            .collect()
    };
    wait_until(
        "a lag of 0 on every input partition",
        Duration::from_secs(30),
        || {
            let l = lags();
            l.len() == embedded::PARTITIONS as usize && l.iter().all(|l| l.ends_with(" 0"))
        },
        || format!("{:?}", lags()),
    )
    .await;
    let (summary, m) = w.stop().await;
    reader
        .quiet(Duration::from_secs(2), Duration::from_secs(30))
        .await;
    assert_eq!(summary.abandoned, 0);
    assert_eq!(summary.consumed, n as u64 + 2);
    let o = reader.out.lock().unwrap();
    check_content(&o, "e", n);
    assert_eq!(duplicates(&o), (0, 0, 0), "no input may be output twice");
    assert_eq!(o.articles.len(), n);
    let reasons: Vec<&str> = o
        .dlq
        .iter()
        .map(|(h, _)| h["byline.error.reason"].as_str())
        .collect();
    assert!(
        reasons.contains(&"invalid_utf8") && reasons.contains(&"empty_body"),
        "{reasons:?}"
    );
    let committed = m.transactions.with_label_values(&["committed"]).get();
    // 62 inputs, at most 16 per transaction.
    assert!(committed >= 4, "{committed} transactions committed");
    assert_eq!(m.transactions.with_label_values(&["aborted"]).get(), 0);
    assert_eq!(m.enriched.get(), n as u64);
    assert_eq!(
        m.dead_lettered.with_label_values(&["invalid_utf8"]).get(),
        1
    );
    assert_eq!(m.transaction_duration.get_sample_count(), committed);
    assert_eq!(
        m.produced
            .with_label_values(&[&c.kafka.statements_topic])
            .get(),
        o.statements.len() as u64
    );
}

/// `worker.max_in_flight` bounds the exactly-once mode too, below the
/// transaction size: a record holds its permit until its outputs are in the
/// open transaction, so batches still fill and commit, and the in-flight
/// gauge (records read, not yet in the transaction) never passes the bound.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn exactly_once_honours_max_in_flight() {
    let (_cluster, mut c) = mock("eos-in-flight");
    c.worker.max_in_flight = 3;
    c.worker.transaction_max_records = 16;
    let n = 40;
    publish_inputs(&c, "f", n).await;
    let reader = reader(&c, "read_committed");
    let w = start_worker(&c);
    let peak = Arc::new(std::sync::atomic::AtomicI64::new(0));
    let sampler = {
        let (m, peak) = (w.metrics.clone(), peak.clone());
        tokio::spawn(async move {
            loop {
                peak.fetch_max(m.in_flight.get(), std::sync::atomic::Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        })
    };
    reader
        .wait_for("all outputs", Duration::from_secs(90), all_outputs(n))
        .await;
    wait_committed(&w, n).await;
    sampler.abort();
    let (summary, m) = w.stop().await;
    assert_eq!(summary.abandoned, 0);
    assert_eq!(m.enriched.get(), n as u64);
    let peak = peak.load(std::sync::atomic::Ordering::SeqCst);
    assert!(peak <= 3, "in flight peaked at {peak}, the bound is 3");
}

/// An offset commit refused inside the transaction (a fenced group
/// generation, as after a rebalance) aborts it and processes its inputs
/// again: nothing is lost, and a read_uncommitted reader sees the records of
/// the aborted attempt next to the committed ones.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn aborted_transactions_are_processed_again() {
    let (cluster, c) = mock("eos-abort");
    let n = 40;
    publish_inputs(&c, "a", n).await;
    cluster.cluster().request_errors(
        RDKafkaApiKey::TxnOffsetCommit,
        &[RDKafkaRespErr::RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION; 2],
    );
    let committed_reader = reader(&c, "read_committed");
    let uncommitted_reader = reader(&c, "read_uncommitted");
    let w = start_worker(&c);
    committed_reader
        .wait_for("all outputs", Duration::from_secs(120), all_outputs(n))
        .await;
    wait_committed(&w, n).await;
    let (summary, m) = w.stop().await;
    assert_eq!(summary.abandoned, 0);
    committed_reader
        .quiet(Duration::from_secs(2), Duration::from_secs(30))
        .await;
    uncommitted_reader
        .wait_for("all outputs", Duration::from_secs(60), all_outputs(n))
        .await;
    uncommitted_reader
        .quiet(Duration::from_secs(2), Duration::from_secs(30))
        .await;
    let aborted = m.transactions.with_label_values(&["aborted"]).get();
    assert!(aborted >= 1, "the injected errors must abort a transaction");
    check_content(&committed_reader.out.lock().unwrap(), "a", n);
    let u = uncommitted_reader.out.lock().unwrap();
    check_content(&u, "a", n);
    // An aborted attempt's records reach the log only if they left the
    // producer before the abort (records are sent without awaiting their
    // delivery; the abort purges what is still queued), so how many a
    // read_uncommitted reader sees again depends on timing: at most one
    // batch per aborted transaction.
    let (dup_articles, _, _) = duplicates(&u);
    let bound = aborted * c.worker.transaction_max_records as u64;
    assert!(
        dup_articles as u64 <= bound,
        "{dup_articles} article events of aborted attempts seen read_uncommitted, more than {aborted} aborted batches of at most {} records",
        c.worker.transaction_max_records
    );
    assert_eq!(m.enriched.get(), n as u64, "counted once, when committed");
}

/// The fatal arm of the transactional error classification, end to end:
/// the coordinator answers the first commit with PRODUCER_FENCED (a newer
/// instance with the same `transactional.id` took over). The worker stops
/// with `WorkerError::Transaction` instead of carrying on, having counted
/// nothing as done; its successor (a new producer epoch) processes every
/// input and commits. (The abort arm is `aborted_transactions_are_processed_again`;
/// every arm is fed a real librdkafka error in `worker::exactly_once`'s unit
/// tests.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_fenced_worker_stops_and_its_successor_loses_nothing() {
    let (cluster, mut c) = mock("eos-fenced");
    short_sessions(&mut c);
    let n = 20;
    publish_inputs(&c, "f", n).await;
    cluster.cluster().request_errors(
        RDKafkaApiKey::EndTxn,
        &[RDKafkaRespErr::RD_KAFKA_RESP_ERR_PRODUCER_FENCED],
    );
    byline::telemetry::init_logs("text", "warn");
    let metrics = Arc::new(byline::telemetry::Metrics::new().unwrap());
    // Never signalled: the worker must stop by itself.
    let (_keep_running, rx) = tokio::sync::watch::channel(false);
    let fenced = tokio::time::timeout(
        Duration::from_secs(120),
        byline::worker::run(
            &c,
            Arc::new(byline::enrich::Pipeline::standard()),
            metrics.clone(),
            Arc::new(byline::telemetry::Health::default()),
            rx,
        ),
    )
    .await
    .expect("a fenced worker stops by itself");
    assert!(
        matches!(fenced, Err(byline::worker::WorkerError::Transaction(_))),
        "a fenced producer must stop the worker: {fenced:?}"
    );
    let committed =
        |m: &byline::telemetry::Metrics| m.transactions.with_label_values(&["committed"]).get();
    assert_eq!(committed(&metrics), 0, "the fenced commit must not count");
    assert_eq!(
        metrics.enriched.get(),
        0,
        "nothing counted done uncommitted"
    );

    let committed_reader = reader(&c, "read_committed");
    let w = start_worker(&c);
    committed_reader
        .wait_for("all outputs", Duration::from_secs(120), all_outputs(n))
        .await;
    // The fenced worker's aborted outputs are visible too.
    wait_committed(&w, n).await;
    let (summary, m) = w.stop().await;
    assert_eq!(summary.abandoned, 0);
    assert!(committed(&m) >= 1, "the successor commits");
    assert_eq!(
        m.enriched.get(),
        n as u64,
        "the successor processes every input"
    );
    check_content(&committed_reader.out.lock().unwrap(), "f", n);
}

/// A second instance (its own `transactional.id`) joins mid-stream, then the
/// first stops: the revokes abort the open transactions before the
/// partitions move, the rewind and the new owners lose nothing, and neither
/// worker fails.
///
/// The first instance never ends a transaction by itself (its interval and
/// size limits are out of reach), and has read the whole first half when
/// the second joins: the revoke the join causes finds its transaction open,
/// so the abort-on-revoke path runs whatever the machine's speed.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn rebalance_mid_transaction_loses_nothing() {
    let (_cluster, mut c) = mock("eos-rebalance");
    short_sessions(&mut c);
    let n = 400;
    let all = inputs("r", n);
    let (first, second) = all.split_at(n / 2);
    let input = &c.kafka.input_topics[0];
    embedded::publish(&c.kafka.brokers, input, first, &[])
        .await
        .unwrap();
    let reader = reader(&c, "read_committed");
    let mut ca = c.clone();
    ca.worker.transaction_interval_ms = 3_600_000;
    ca.worker.transaction_max_records = 1_000_000;
    let a = start_worker(&ca);
    let read =
        |m: &byline::telemetry::Metrics| m.consumed.with_label_values(&[input.as_str()]).get();
    let committed =
        |m: &byline::telemetry::Metrics| m.transactions.with_label_values(&["committed"]).get();
    let aborted =
        |m: &byline::telemetry::Metrics| m.transactions.with_label_values(&["aborted"]).get();
    wait_until(
        "the first instance to read the first half",
        Duration::from_secs(60),
        || read(&a.metrics) >= first.len() as u64,
        || format!("read {}", read(&a.metrics)),
    )
    .await;
    assert_eq!(
        committed(&a.metrics) + aborted(&a.metrics),
        0,
        "its transaction is still open"
    );
    let mut c2 = c.clone();
    c2.kafka.transactional_id = format!("{}-b", c.kafka.transactional_id);
    let b = start_worker(&c2);
    wait_until(
        "the join to revoke and abort the first instance's open transaction",
        Duration::from_secs(120),
        || aborted(&a.metrics) >= 1 && b.metrics.partitions_assigned.get() > 0,
        || {
            format!(
                "first aborted {}, second owns {} partitions",
                aborted(&a.metrics),
                b.metrics.partitions_assigned.get()
            )
        },
    )
    .await;
    embedded::publish(&c.kafka.brokers, input, second, &[])
        .await
        .unwrap();
    let (sa, ma) = a.stop().await;
    // The mock shows aborted records to read_committed readers, so the
    // outputs alone do not prove the inputs were committed; the second
    // instance's counters (counted at commit) do: it now owns every
    // partition and, the mock storing no transactional offsets, reads each
    // input from the start.
    let done = |m: &byline::telemetry::Metrics| {
        m.enriched.get()
            + m.dead_lettered.with_label_values(&["invalid_utf8"]).get()
            + m.dead_lettered.with_label_values(&["empty_body"]).get()
    };
    wait_until(
        "the second instance to commit every input",
        Duration::from_secs(180),
        || done(&b.metrics) >= n as u64 + 2,
        || {
            format!(
                "committed {} of {} inputs, owns {} partitions",
                done(&b.metrics),
                n + 2,
                b.metrics.partitions_assigned.get()
            )
        },
    )
    .await;
    reader
        .wait_for("all outputs", Duration::from_secs(180), all_outputs(n))
        .await;
    let (sb, mb) = b.stop().await;
    reader
        .quiet(Duration::from_secs(2), Duration::from_secs(30))
        .await;
    check_content(&reader.out.lock().unwrap(), "r", n);
    eprintln!(
        "rebalance: first committed {} aborted {}, second committed {} aborted {}",
        committed(&ma),
        aborted(&ma),
        committed(&mb),
        aborted(&mb)
    );
    assert!(aborted(&ma) >= 1, "the revoke aborted the open transaction");
    assert!(committed(&mb) > 0, "the second instance committed");
    assert_eq!(sa.abandoned + sb.abandoned, 0, "both drained on stop");
}

/// Start the real `byline` binary in exactly-once mode.
fn spawn_byline(c: &Config, round: usize) -> ChildWorker {
    let k = &c.kafka;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.args(["run", "--config", "/dev/null", "--brokers", &k.brokers])
        .env("BYLINE_KAFKA__GROUP_ID", &k.group_id)
        .env("BYLINE_KAFKA__INPUT_TOPICS", &k.input_topics[0])
        .env("BYLINE_KAFKA__OUTPUT_TOPIC", &k.output_topic)
        .env("BYLINE_KAFKA__STATEMENTS_TOPIC", &k.statements_topic)
        .env("BYLINE_KAFKA__DLQ_TOPIC", &k.dlq_topic)
        .env("BYLINE_KAFKA__DELIVERY", "exactly-once")
        .env("BYLINE_KAFKA__TRANSACTIONAL_ID", &k.transactional_id)
        .env(
            "BYLINE_KAFKA__CONSUMER_PROPERTIES__FETCH.WAIT.MAX.MS",
            byline::kafka::consumer::TEST_BROKER_FETCH_WAIT_MS,
        )
        .env("BYLINE_WORKER__TRANSACTION_MAX_RECORDS", "20")
        .env("BYLINE_WORKER__MAX_IN_FLIGHT", "64")
        // A killed member holds its partitions until its session times
        // out: keep that short so the restarted one gets them soon.
        .env(
            "BYLINE_KAFKA__CONSUMER_PROPERTIES__SESSION.TIMEOUT.MS",
            "6000",
        )
        .env(
            "BYLINE_KAFKA__CONSUMER_PROPERTIES__HEARTBEAT.INTERVAL.MS",
            "500",
        )
        .env("BYLINE_LOG__LEVEL", "info");
    ChildWorker::spawn(cmd, &format!("{}-{round}", k.group_id))
}

/// GET `/metrics` of the child (bounded retries while it starts).
async fn scrape(addr: &str) -> String {
    for _ in 0..100 {
        if let Some(r) = http_get(addr, "/metrics").await {
            if r.status == 200 {
                return r.body;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no /metrics on {addr}");
}

/// A counter of `text`, 0 while it is not exposed yet.
fn counter(text: &str, series: &str) -> f64 {
    metric(text, series).unwrap_or(0.0)
}

/// The scenario: publish, run the binary, SIGKILL it three times at random
/// points (each time once it has read something), restart it, let the last
/// run finish and stop it with SIGTERM. Returns the read_committed and
/// read_uncommitted views.
async fn kill_and_restart(c: &Config, n: usize, mock_cluster: bool) -> (Outputs, Outputs) {
    publish_inputs(c, "k", n).await;
    let committed = reader(c, "read_committed");
    let uncommitted = reader(c, "read_uncommitted");
    for round in 0..3 {
        let mut w = spawn_byline(c, round);
        // Let it start and read, then kill it at a random point.
        let text = scrape(&w.metrics).await;
        assert!(text.contains("byline_transactions_total"), "{text}");
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let t = scrape(&w.metrics).await;
            let consumed = counter(
                &t,
                &format!(
                    "byline_articles_consumed_total{{topic=\"{}\"}}",
                    c.kafka.input_topics[0]
                ),
            );
            if consumed > 0.0 {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "round {round}: the binary read nothing in 120 s"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(random_in(0, 1500))).await;
        w.child.kill().unwrap(); // SIGKILL
        w.child.wait().unwrap();
        eprintln!("round {round}: killed");
    }
    let mut w = spawn_byline(c, 3);
    committed
        .wait_for("all outputs", Duration::from_secs(180), all_outputs(n))
        .await;
    // The outputs may all be there before this run has read anything (the
    // killed runs may have finished the work, and the mock shows their
    // aborted records to read_committed readers), so its first commit may
    // still be ahead: wait for it rather than racing the group join.
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let t = scrape(&w.metrics).await;
        if counter(&t, "byline_transactions_total{outcome=\"committed\"}") >= 1.0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the binary must have committed transactions: {t}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if mock_cluster {
        // The mock stores no transactional offsets: the last run reads every
        // input again, and its counters (counted at commit) must reach all
        // of them (aborted records are visible to read_committed readers
        // of the mock, so the outputs alone prove nothing about commits).
        let deadline = Instant::now() + Duration::from_secs(180);
        loop {
            let t = scrape(&w.metrics).await;
            let done = counter(&t, "byline_articles_enriched_total")
                + counter(
                    &t,
                    "byline_articles_dead_lettered_total{reason=\"invalid_utf8\"}",
                )
                + counter(
                    &t,
                    "byline_articles_dead_lettered_total{reason=\"empty_body\"}",
                );
            if done >= (n + 2) as f64 {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "last run committed {done} of {} inputs",
                n + 2
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    let status = Command::new("kill")
        .args(["-TERM", &w.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = w.child.wait().unwrap();
    assert!(exit.success(), "byline exited with {exit}");
    committed
        .quiet(Duration::from_secs(3), Duration::from_secs(60))
        .await;
    uncommitted
        .wait_for("all outputs", Duration::from_secs(60), all_outputs(n))
        .await;
    uncommitted
        .quiet(Duration::from_secs(3), Duration::from_secs(60))
        .await;
    let take = |r: &Collector| std::mem::take(&mut *r.out.lock().unwrap());
    (take(&committed), take(&uncommitted))
}

/// kill -9 and restart of the real binary against the mock cluster: nothing
/// is lost on any output topic. No duplicate count is asserted or reported:
/// the mock stores no transactional offsets, so every restart reads the
/// input from the start again and the count only measures the mock (see
/// the module doc); `kill_and_restart_real_broker` asserts zero.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_and_restart_loses_nothing_on_the_mock_cluster() {
    let (_cluster, c) = mock("eos-kill");
    let n = 300;
    let (committed, uncommitted) = kill_and_restart(&c, n, true).await;
    check_content(&committed, "k", n);
    check_content(&uncommitted, "k", n);
    assert!(committed.dlq.len() >= 2);
}

/// The same scenario against a broker that implements transactions
/// (Apache Kafka, Redpanda: `BYLINE_TEST_TXN_BROKERS=host:port`, topics
/// auto-created or created here): zero duplicates and zero loss as a
/// read_committed consumer sees them, while a read_uncommitted one sees the
/// killed runs' open transactions' records.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a broker with transactions: BYLINE_TEST_TXN_BROKERS"]
async fn kill_and_restart_real_broker() {
    let brokers = std::env::var("BYLINE_TEST_TXN_BROKERS")
        .expect("BYLINE_TEST_TXN_BROKERS must name a broker that implements transactions");
    let c = eos_config(&brokers, "eos-kill-real");
    create_topics(&c).await;
    let n = 300;
    let (committed, uncommitted) = kill_and_restart(&c, n, false).await;
    check_content(&committed, "k", n);
    assert_eq!(
        duplicates(&committed),
        (0, 0, 0),
        "read_committed: exactly once"
    );
    assert_eq!(committed.articles.len(), n);
    assert_eq!(committed.dlq.len(), 2);
    eprintln!(
        "read_uncommitted duplicates (articles, statements, dead letters): {:?}",
        duplicates(&uncommitted)
    );
}

/// Throughput of both modes on the same harness (mock cluster, in-process
/// worker, the bundled sample articles repeated with fresh ids): time from
/// the first record read until every input is counted as enriched (at-least-once:
/// all outputs acknowledged; exactly-once: its transaction committed).
/// Opt-in, release build:
/// `cargo test --release --test exactly_once throughput -- --ignored --nocapture`
/// (`BYLINE_BENCH_ARTICLES=N`, default 6,000: the mock cluster takes about
/// 40 s to accept 6,000 inputs, its log lookups are linear).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "benchmark: run with --release --ignored --nocapture"]
async fn throughput_at_least_once_vs_exactly_once() {
    let n: usize = std::env::var("BYLINE_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6_000);
    let lines: Vec<serde_json::Value> = embedded::ARTICLES_JSONL
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let inputs: Vec<Sample> = (0..n)
        .map(|i| {
            let mut v = lines[i % lines.len()].clone();
            v["id"] = format!("bench-{i}").into();
            Sample {
                key: None,
                value: v.to_string().into_bytes(),
            }
        })
        .collect();
    let mut rates = Vec::new();
    for (mode, max_records) in [
        (Delivery::AtLeastOnce, 0),
        (Delivery::ExactlyOnce, 500),
        (Delivery::ExactlyOnce, 100),
    ] {
        let (_cluster, mut c) = mock("eos-bench");
        c.kafka.delivery = mode;
        c.worker.max_in_flight = 512;
        c.worker.commit_interval_ms = 1000;
        if max_records > 0 {
            c.worker.transaction_max_records = max_records;
        }
        let tp = Instant::now();
        for chunk in inputs.chunks(1000) {
            embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], chunk, &[])
                .await
                .unwrap();
        }
        eprintln!("published {n} in {:.1}s", tp.elapsed().as_secs_f64());
        let w = start_worker(&c);
        let consumed = w
            .metrics
            .consumed
            .with_label_values(&[&c.kafka.input_topics[0]]);
        let deadline = Instant::now() + Duration::from_secs(300);
        // Timed from the first record read: group join is not throughput.
        while consumed.get() == 0 {
            assert!(Instant::now() < deadline, "{mode:?}: nothing read");
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let t0 = Instant::now();
        while w.metrics.enriched.get() < n as u64 {
            assert!(
                Instant::now() < deadline,
                "{mode:?}: not every input enriched"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let secs = t0.elapsed().as_secs_f64();
        let (_, m) = w.stop().await;
        let rate = n as f64 / secs;
        eprintln!(
            "{mode:?} (transaction_max_records {max_records}): {n} articles in {secs:.2}s = {rate:.0} articles/s; transactions committed {}, statements {}",
            m.transactions.with_label_values(&["committed"]).get(),
            m.statements.get()
        );
        rates.push(rate);
    }
    eprintln!(
        "exactly-once / at-least-once: {:.2} (500 per transaction), {:.2} (100 per transaction)",
        rates[1] / rates[0],
        rates[2] / rates[0]
    );
}
