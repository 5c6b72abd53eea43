//! Worker tests against a real Kafka-compatible broker (tansu, started by
//! `scripts/test.sh`, address in `BYLINE_TEST_BROKERS`). They are `#[ignore]`d
//! so a plain `cargo test` needs no external process; `scripts/test.sh` runs
//! them with `--include-ignored`, and then a missing broker address FAILS.
//!
//! `BYLINE_KILL9_RUNS=20` repeats the kill -9 test 20 times in a row.
#![cfg(feature = "kafka")]

mod common;

use std::collections::{BTreeMap, HashMap};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use byline::config::Config;
use byline::kafka::embedded::{self, Sample};
use common::*;

fn brokers() -> String {
    std::env::var("BYLINE_TEST_BROKERS").unwrap_or_else(|_| {
        panic!("BYLINE_TEST_BROKERS is not set: run the real-broker tests through scripts/test.sh")
    })
}

async fn setup(name: &str) -> Config {
    let c = config(&brokers(), name);
    create_topics(&c).await;
    c
}

/// The real binary as a child process, configured by environment.
fn spawn_binary(c: &Config, log_name: &str) -> Child {
    std::fs::create_dir_all("target/test-logs").unwrap();
    let log = std::fs::File::create(format!("target/test-logs/{log_name}.log")).unwrap();
    byline_run(c)
        .env(
            "BYLINE_KAFKA__CONSUMER_PROPERTIES__SESSION.TIMEOUT.MS",
            "6000",
        )
        .env("BYLINE_WORKER__COMMIT_INTERVAL_MS", "100")
        .env("BYLINE_METRICS__LISTEN", "127.0.0.1:0")
        .env("BYLINE_LOG__FORMAT", "json")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap()
}

/// Wait until the child logged that its worker runs (signal handlers are
/// installed by then), so a SIGTERM tests the graceful path.
async fn wait_started(log_name: &str) {
    let path = format!("target/test-logs/{log_name}.log");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !std::fs::read_to_string(&path)
        .unwrap_or_default()
        .contains("Worker started.")
    {
        assert!(Instant::now() < deadline, "{log_name} did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a broker: run scripts/test.sh"]
async fn real_end_to_end() {
    let c = setup("e2e").await;
    let n = 300;
    embedded::publish(
        &c.kafka.brokers,
        &c.kafka.input_topics[0],
        &articles("e2e", n),
        &[],
    )
    .await
    .unwrap();
    let collector = Collector::start(&c);
    let w = start_worker(&c);
    collector
        .wait_for("all articles", Duration::from_secs(120), |o| {
            o.article_ids().len() >= n
        })
        .await;
    let (summary, m) = w.stop().await;
    assert_eq!(summary.abandoned, 0);
    assert_eq!(summary.consumed, n as u64);
    collector.settle().await;
    let o = collector.out.lock().unwrap();
    check_content(&o, "e2e", n);
    assert_eq!(o.articles.len(), n, "no duplicates without a crash");
    assert_eq!(m.enriched.get(), n as u64);
    assert_eq!(m.statements.get() as usize, o.statements.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a broker: run scripts/test.sh"]
async fn real_dead_letters_and_the_stream_goes_on() {
    let mut c = setup("dlq").await;
    c.worker.max_article_bytes = 1000;
    // One topic partition order: send everything with the same key so the
    // good records after the bad ones prove the stream went on.
    let bad: Vec<(&str, Vec<u8>)> = vec![
        ("invalid_utf8", vec![b'a', 0xff, 0xfe]),
        ("empty_body", b" \n\t ".to_vec()),
        ("too_large", vec![b'x'; 2000]),
        ("invalid_json", b"{\"body\": \"unterminated".to_vec()),
        ("missing_body", b"{\"title\": \"no body\"}".to_vec()),
        (
            "invalid_published_at",
            b"{\"body\": \"x\", \"published_at\": \"yesterday\"}".to_vec(),
        ),
    ];
    let mut inputs: Vec<Sample> = Vec::new();
    for (i, (_, v)) in bad.iter().enumerate() {
        inputs.push(Sample {
            key: Some(format!("bad-{i}")),
            value: v.clone(),
        });
        inputs.push(Sample {
            key: Some(format!("good-{i}")),
            value: format!("Good article {i}.").into_bytes(),
        });
    }
    let input = &c.kafka.input_topics[0];
    embedded::publish(&c.kafka.brokers, input, &inputs, &[])
        .await
        .unwrap();
    // published_at from a header, id from the key.
    embedded::publish(
        &c.kafka.brokers,
        input,
        &[Sample {
            key: Some("with-header".into()),
            value: b"Body without a date line.".to_vec(),
        }],
        &[("published_at", "2025-01-05")],
    )
    .await
    .unwrap();
    let collector = Collector::start(&c);
    let w = start_worker(&c);
    collector
        .wait_for("dead letters and good ones", Duration::from_secs(90), |o| {
            o.dlq.len() >= bad.len() && o.article_ids().len() > bad.len()
        })
        .await;
    let (_, m) = w.stop().await;
    let o = collector.out.lock().unwrap();
    let by_reason: HashMap<String, &HashMap<String, String>> = o
        .dlq
        .iter()
        .map(|(h, _)| (h["byline.error.reason"].clone(), h))
        .collect();
    for (reason, value) in &bad {
        let h = by_reason
            .get(*reason)
            .unwrap_or_else(|| panic!("no dead letter for {reason}"));
        assert!(!h["byline.error.message"].is_empty());
        assert_eq!(h["byline.source.topic"], *input);
        assert!(h["byline.source.partition"].parse::<i32>().is_ok());
        assert!(h["byline.source.offset"].parse::<i64>().is_ok());
        assert_eq!(
            m.dead_lettered.with_label_values(&[reason]).get(),
            1,
            "{reason}"
        );
        assert!(
            o.dlq.iter().any(|(_, v)| v == value),
            "{reason}: original value kept"
        );
    }
    let ids = o.article_ids();
    for i in 0..bad.len() {
        assert!(
            ids.contains(&format!("good-{i}")),
            "good-{i} missing: the stream must go on"
        );
    }
    let ev = &o
        .articles
        .iter()
        .find(|(k, _)| k == "with-header")
        .expect("header article")
        .1;
    assert_eq!(ev["published_at"], "2025-01-05");
    assert_eq!(ev["id"], "with-header");
}

/// One kill -9 round: returns the number of duplicate article events.
async fn kill9_round(round: usize) -> usize {
    let c = setup(&format!("kill9-{round}")).await;
    // Large enough that the worker is still busy at the kill point (about
    // 3000 articles/s with the stub stages on 2 cores).
    let n = 2000;
    let prefix = format!("k9r{round}");
    embedded::publish(
        &c.kafka.brokers,
        &c.kafka.input_topics[0],
        &articles(&prefix, n),
        &[],
    )
    .await
    .unwrap();
    let collector = Collector::start(&c);
    let mut child = spawn_binary(&c, &format!("kill9-{round}-a"));
    let k = random_in(1, n as u64 / 2) as usize;
    collector
        .wait_for("the kill point", Duration::from_secs(120), |o| {
            o.articles.len() >= k
        })
        .await;
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let at_kill = collector.out.lock().unwrap().article_ids().len();
    assert!(at_kill < n, "killed mid-stream ({at_kill} of {n} done)");
    let mut child = spawn_binary(&c, &format!("kill9-{round}-b"));
    wait_started(&format!("kill9-{round}-b")).await;
    collector
        .wait_for("every input after restart", Duration::from_secs(180), |o| {
            o.article_ids().len() >= n
        })
        .await;
    sigterm(&child);
    let status = wait_exit(&mut child, Duration::from_secs(60)).await;
    assert!(status.success(), "graceful exit after SIGTERM: {status}");
    collector.settle().await;
    let o = collector.out.lock().unwrap();
    check_content(&o, &prefix, n);
    let dups = o.articles.len() - o.article_ids().len();
    eprintln!(
        "kill -9 round {round}: killed at {at_kill} of {n} outputs seen (target {k}), 0 lost, {dups} duplicates"
    );
    dups
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a broker: run scripts/test.sh"]
async fn real_kill9_loses_nothing() {
    let runs: usize = std::env::var("BYLINE_KILL9_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let mut dups = Vec::new();
    for round in 0..runs {
        dups.push(kill9_round(round).await);
    }
    eprintln!("kill -9: {runs} rounds, 0 lost, duplicates per round {dups:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a broker: run scripts/test.sh"]
async fn real_rebalance_second_worker_joins_then_first_stops() {
    let mut c = setup("rebalance").await;
    c.kafka
        .consumer_properties
        .insert("session.timeout.ms".into(), "6000".into());
    let n = 600;
    let all = articles("rb", n);
    let collector = Collector::start(&c);
    let a = start_worker(&c);
    let producer = {
        let c = c.clone();
        tokio::spawn(async move {
            for chunk in all.chunks(50) {
                embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], chunk, &[])
                    .await
                    .unwrap();
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
        })
    };
    collector
        .wait_for("first outputs", Duration::from_secs(60), |o| {
            o.articles.len() >= 50
        })
        .await;
    let b = start_worker(&c);
    collector
        .wait_for("progress with two workers", Duration::from_secs(90), |o| {
            o.articles.len() >= 250
        })
        .await;
    let (sa, ma) = a.stop().await;
    producer.await.unwrap();
    collector
        .wait_for("every input", Duration::from_secs(180), |o| {
            o.article_ids().len() >= n
        })
        .await;
    let (sb, mb) = b.stop().await;
    collector.settle().await;
    let o = collector.out.lock().unwrap();
    check_content(&o, "rb", n);
    eprintln!(
        "rebalance: worker A consumed {} (enriched {}), worker B consumed {} (enriched {}), {} duplicates",
        sa.consumed,
        ma.enriched.get(),
        sb.consumed,
        mb.enriched.get(),
        o.articles.len() - o.article_ids().len()
    );
    assert!(sb.consumed > 0, "the second worker took partitions over");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a broker: run scripts/test.sh"]
async fn real_sigterm_commits_what_it_finished() {
    let c = setup("sigterm").await;
    let n = 3000;
    embedded::publish(
        &c.kafka.brokers,
        &c.kafka.input_topics[0],
        &articles("st", n),
        &[],
    )
    .await
    .unwrap();
    let collector = Collector::start(&c);
    let mut child = spawn_binary(&c, "sigterm");
    wait_started("sigterm").await;
    collector
        .wait_for("some outputs", Duration::from_secs(120), |o| {
            o.articles.len() >= 100
        })
        .await;
    sigterm(&child);
    let status = wait_exit(&mut child, Duration::from_secs(60)).await;
    assert!(status.success(), "exit status {status}");
    let committed = committed(&c);
    // Every output the worker produced is read (it flushed before exiting).
    tokio::time::sleep(Duration::from_secs(2)).await;
    let o = collector.out.lock().unwrap();
    let mut done: BTreeMap<i32, Vec<i64>> = BTreeMap::new();
    for (_, ev) in &o.articles {
        let s = &ev["processing"]["source"];
        done.entry(s["partition"].as_i64().unwrap() as i32)
            .or_default()
            .push(s["offset"].as_i64().unwrap());
    }
    let total_committed: i64 = committed.values().sum();
    assert!(
        total_committed > 0 && (total_committed as usize) < n,
        "stopped mid-stream: {committed:?}"
    );
    for (p, c_off) in &committed {
        let mut offs = done.remove(p).unwrap_or_default();
        offs.sort();
        offs.dedup();
        // What was finished is committed: the outputs are exactly 0..committed.
        assert_eq!(
            offs.len() as i64,
            *c_off,
            "partition {p}: outputs {} vs committed {c_off}",
            offs.len()
        );
        assert_eq!(offs.last().map_or(0, |l| l + 1), *c_off, "partition {p}");
    }
    eprintln!("sigterm: committed {committed:?} of {n}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a broker: run scripts/test.sh"]
async fn real_throughput_and_rss() {
    let c = setup("throughput").await;
    let n: usize = std::env::var("BYLINE_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let inputs = articles("tp", n);
    for chunk in inputs.chunks(5000) {
        embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], chunk, &[])
            .await
            .unwrap();
    }
    let collector = Collector::start(&c);
    let t0 = Instant::now();
    let mut child = spawn_binary(&c, "throughput");
    collector
        .wait_for("every input", Duration::from_secs(300), |o| {
            o.article_ids().len() >= n
        })
        .await;
    let secs = t0.elapsed().as_secs_f64();
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: ?")
        .to_string();
    sigterm(&child);
    wait_exit(&mut child, Duration::from_secs(60)).await;
    eprintln!("throughput: {n} articles in {secs:.1}s = {:.0} articles/s (incl. startup and group join); worker peak RSS {hwm}", n as f64 / secs);
}
