//! Worker tests against librdkafka's in-process mock cluster (no external
//! process): end to end, dead letters, injected produce errors, a broker
//! going down and coming back. Part of plain `cargo test`.
#![cfg(feature = "kafka")]

mod common;

use std::time::Duration;

use byline::kafka::embedded::{self, Embedded, Sample};
use common::*;
use rdkafka::types::{RDKafkaApiKey, RDKafkaRespErr};

fn setup(name: &str) -> (Embedded, byline::config::Config) {
    let mut c = config("unused", name);
    let cluster = Embedded::start(&c, 3).unwrap();
    c.kafka.brokers = cluster.brokers();
    (cluster, c)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn mock_end_to_end_with_dead_letters() {
    let (_cluster, c) = setup("mock-e2e");
    let n = 60;
    let mut inputs = articles("e2e", n);
    inputs.push(Sample {
        key: Some("bad-utf8".into()),
        value: vec![0xff, 0xfe, b'a'],
    });
    inputs.push(Sample {
        key: Some("bad-empty".into()),
        value: b"  \n ".to_vec(),
    });
    let input = &c.kafka.input_topics[0];
    embedded::publish(&c.kafka.brokers, input, &inputs, &[])
        .await
        .unwrap();
    let collector = Collector::start(&c);
    let w = start_worker(&c);
    collector
        .wait_for("all outputs", Duration::from_secs(60), |o| {
            o.article_ids().len() >= n && o.dlq.len() >= 2
        })
        .await;
    let (summary, m) = w.stop().await;
    assert_eq!(summary.abandoned, 0);
    collector.settle().await;
    let o = collector.out.lock().unwrap();
    check_content(&o, "e2e", n);
    let reasons: Vec<_> = o
        .dlq
        .iter()
        .map(|(h, _)| h["byline.error.reason"].clone())
        .collect();
    assert!(
        reasons.contains(&"invalid_utf8".to_string())
            && reasons.contains(&"empty_body".to_string()),
        "{reasons:?}"
    );
    assert_eq!(m.enriched.get(), n as u64);
    assert_eq!(
        m.dead_lettered.with_label_values(&["invalid_utf8"]).get(),
        1
    );
    assert!(m.commits.get() > 0);
}

/// Offsets are stored by the worker once a record's outputs are acknowledged
/// and committed by librdkafka's auto-commit: the group's offsets reach the
/// end of the input while the worker still runs (no shutdown or revoke
/// commit has happened: one member, never stopped until then), and those
/// commits are counted through the commit callback.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn finished_offsets_are_committed_while_running() {
    let (_cluster, c) = setup("mock-auto-commit");
    let n = 40;
    embedded::publish(
        &c.kafka.brokers,
        &c.kafka.input_topics[0],
        &articles("ac", n),
        &[],
    )
    .await
    .unwrap();
    let want = end_offsets(&c);
    assert_eq!(want.values().sum::<i64>(), n as i64, "{want:?}");
    let w = start_worker(&c);
    let committed_now = || tokio::task::block_in_place(|| committed(&c));
    wait_until(
        "the group's offsets to reach the end of the input",
        Duration::from_secs(60),
        || committed_now() == want,
        || format!("committed {:?}, end {want:?}", committed_now()),
    )
    .await;
    assert!(
        w.metrics.commits.get() > 0,
        "auto-commits are counted in the commit callback"
    );
    assert_eq!(w.metrics.commit_errors.get(), 0);
    let (summary, m) = w.stop().await;
    assert_eq!(summary.abandoned, 0);
    assert_eq!(m.enriched.get(), n as u64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn produce_errors_lose_nothing() {
    let (cluster, c) = setup("mock-produce-errors");
    let n = 80;
    embedded::publish(
        &c.kafka.brokers,
        &c.kafka.input_topics[0],
        &articles("pe", n),
        &[],
    )
    .await
    .unwrap();
    // Retriable errors on the next produce requests: librdkafka retries them
    // (idempotently) and the records still arrive.
    cluster.cluster().request_errors(
        RDKafkaApiKey::Produce,
        &[
            RDKafkaRespErr::RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
            RDKafkaRespErr::RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
            RDKafkaRespErr::RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND,
            RDKafkaRespErr::RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
            RDKafkaRespErr::RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
        ],
    );
    let collector = Collector::start(&c);
    let w = start_worker(&c);
    let ok = collector
        .try_wait_for(Duration::from_secs(90), |o| o.article_ids().len() >= n)
        .await;
    let m = w.metrics.clone();
    let got = collector.out.lock().unwrap().article_ids();
    let missing: Vec<_> = ids("pe", n).difference(&got).cloned().collect();
    eprintln!(
        "produce errors: ok={ok} consumed={} enriched={} in_flight={} produced={} missing={missing:?}",
        m.consumed.with_label_values(&[&c.kafka.input_topics[0]]).get(),
        m.enriched.get(),
        m.in_flight.get(),
        m.produced.with_label_values(&[&c.kafka.output_topic]).get(),
    );
    let (summary, _) = w.stop().await;
    assert!(ok, "not every article arrived");
    assert_eq!(summary.abandoned, 0);
    collector.settle().await;
    check_content(&collector.out.lock().unwrap(), "pe", n);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn delivery_timeouts_are_produced_again() {
    // A delivery that fails for good (message.timeout.ms exceeded while every
    // produce request errors) must be produced again by byline, not dropped.
    let (cluster, mut c) = setup("mock-timeouts");
    c.worker.message_timeout_ms = 300;
    let n = 20;
    embedded::publish(
        &c.kafka.brokers,
        &c.kafka.input_topics[0],
        &articles("to", n),
        &[],
    )
    .await
    .unwrap();
    cluster.cluster().request_errors(
        RDKafkaApiKey::Produce,
        &[RDKafkaRespErr::RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT; 60],
    );
    let collector = Collector::start(&c);
    let w = start_worker(&c);
    collector
        .wait_for("all articles", Duration::from_secs(90), |o| {
            o.article_ids().len() >= n
        })
        .await;
    let (_, m) = w.stop().await;
    collector.settle().await;
    check_content(&collector.out.lock().unwrap(), "to", n);
    let errors = m
        .produce_errors
        .with_label_values(&[&c.kafka.output_topic])
        .get()
        + m.produce_errors
            .with_label_values(&[&c.kafka.statements_topic])
            .get();
    eprintln!("produce errors counted: {errors}");
    assert!(
        errors > 0,
        "the injected errors must have failed deliveries"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn broker_down_and_up_loses_nothing() {
    let (cluster, c) = setup("mock-down-up");
    let n = 150;
    let all = articles("du", n);
    let (first, second) = all.split_at(n / 2);
    embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], first, &[])
        .await
        .unwrap();
    let collector = Collector::start(&c);
    let w = start_worker(&c);
    collector
        .wait_for("some articles", Duration::from_secs(60), |o| {
            !o.articles.is_empty()
        })
        .await;
    for b in 1..=3 {
        cluster.cluster().broker_down(b).unwrap();
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    for b in 1..=3 {
        cluster.cluster().broker_up(b).unwrap();
    }
    embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], second, &[])
        .await
        .unwrap();
    collector
        .wait_for("all articles", Duration::from_secs(120), |o| {
            o.article_ids().len() >= n
        })
        .await;
    w.stop().await;
    collector.settle().await;
    check_content(&collector.out.lock().unwrap(), "du", n);
}
