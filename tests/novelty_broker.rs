//! The novelty processor against a real Kafka-compatible broker (tansu,
//! address in `BYLINE_TEST_BROKERS`, as `tests/real_broker.rs`). `#[ignore]`d
//! so a plain `cargo test` needs no broker; run with
//! `cargo test --test novelty_broker -- --include-ignored --test-threads=1`;
//! a missing broker address then FAILS.
#![cfg(feature = "kafka")]

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use byline::config::Config;
use byline::kafka::embedded::{self, Sample};
use common::*;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Message;
use rdkafka::{Offset, TopicPartitionList};

fn brokers() -> String {
    std::env::var("BYLINE_TEST_BROKERS").unwrap_or_else(|_| {
        panic!("BYLINE_TEST_BROKERS is not set: start tansu with scripts/broker.sh start")
    })
}

/// A config with fresh worker and novelty topics and groups.
async fn setup(name: &str) -> Config {
    let mut c = config(&brokers(), name);
    let id = unique(name);
    let n = &mut c.novelty;
    n.group_id = format!("nov-{id}");
    n.repartition_topic = format!("rp-{id}");
    n.changelog_topic = format!("cl-{id}");
    n.new_topic = format!("new-{id}");
    n.seen_topic = format!("seen-{id}");
    n.identified_topic = format!("ident-{id}");
    n.partitions = 3;
    n.max_batch = 10;
    // tansu 0.6.0 serves only the batches starting at or after a fetch
    // offset (see `input_producer` in tests/common): one record per batch,
    // for the worker's and the processor's producers too, makes every
    // committed offset and checkpoint a batch boundary.
    c.kafka
        .producer_properties
        .insert("batch.num.messages".into(), "1".into());
    create_topics(&c).await;
    c
}

/// Key of the test's read fences.
const FENCE: &str = "test-fence";

/// Every record of `topic` acknowledged before this call, as (key, JSON):
/// a fence record is written to each partition first and each partition is
/// read up to its fence (tansu 0.6.0's end offsets can lag the records it
/// serves, so they cannot say where the end is).
fn read_all(c: &Config, topic: &str) -> Vec<(String, serde_json::Value)> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &c.kafka.brokers)
        .set("group.id", unique("reader"))
        .set("enable.auto.commit", "false")
        .set("fetch.wait.max.ms", "10")
        .create()
        .unwrap();
    let md = consumer
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .unwrap();
    let partitions: Vec<i32> = md
        .topics()
        .iter()
        .filter(|t| t.name() == topic)
        .flat_map(|t| t.partitions().iter().map(|p| p.id()))
        .collect();
    assert!(!partitions.is_empty(), "{topic} has no partitions");
    let nonce = unique("fence");
    let producer: rdkafka::producer::BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", &c.kafka.brokers)
        .create()
        .unwrap();
    let mut tpl = TopicPartitionList::new();
    for p in &partitions {
        producer
            .send(
                rdkafka::producer::BaseRecord::to(topic)
                    .partition(*p)
                    .key(FENCE)
                    .payload(&nonce),
            )
            .map_err(|(e, _)| e)
            .unwrap();
        tpl.add_partition_offset(topic, *p, Offset::Beginning)
            .unwrap();
    }
    rdkafka::producer::Producer::flush(&producer, Duration::from_secs(10)).unwrap();
    consumer.assign(&tpl).unwrap();
    let mut open: std::collections::BTreeSet<i32> = partitions.into_iter().collect();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut out = Vec::new();
    while !open.is_empty() {
        assert!(Instant::now() < deadline, "reading {topic} timed out");
        let Some(m) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let m = m.unwrap();
        if !open.contains(&m.partition()) {
            continue;
        }
        let key = String::from_utf8_lossy(m.key().unwrap_or_default()).into_owned();
        if key == FENCE {
            if m.payload() == Some(nonce.as_bytes()) {
                open.remove(&m.partition());
            }
            continue;
        }
        let value = m
            .payload()
            .map(|v| serde_json::from_slice(v).unwrap())
            .unwrap_or(serde_json::Value::Null);
        out.push((key, value));
    }
    out
}

/// The latest `statements.seen` count per statement id.
fn seen_counts(c: &Config) -> HashMap<String, u64> {
    read_all(c, &c.novelty.seen_topic)
        .into_iter()
        .map(|(k, v)| (k, v["count"].as_u64().unwrap()))
        .collect()
}

/// A statement event: its article and fingerprint (exact repeats in other
/// articles are other events).
type EventKey = (String, String);

fn event_key(statement: &serde_json::Value) -> Option<EventKey> {
    Some((
        statement["article_id"].as_str()?.to_string(),
        statement["fingerprint"].as_str()?.to_string(),
    ))
}

/// The statement events of the statements topic (a record that is no
/// statement event left out). Reading writes fence records to the topic:
/// call it once no novelty processor runs.
fn statement_events(c: &Config) -> BTreeSet<EventKey> {
    read_all(c, &c.kafka.statements_topic)
        .iter()
        .filter_map(|(_, v)| event_key(v))
        .collect()
}

/// The `statement_id`s the identified topic gave each statement event,
/// after checking that every record is keyed by its `statement_id`.
fn identified_ids(c: &Config) -> BTreeMap<EventKey, BTreeSet<String>> {
    let mut ids: BTreeMap<EventKey, BTreeSet<String>> = BTreeMap::new();
    for (key, v) in read_all(c, &c.novelty.identified_topic) {
        assert_eq!(v["schema"], "byline.statement.identified.v1", "{v}");
        assert_eq!(v["statement_id"].as_str(), Some(key.as_str()), "{v}");
        let event = event_key(&v["statement"]).unwrap_or_else(|| panic!("no statement: {v}"));
        ids.entry(event).or_default().insert(key);
    }
    ids
}

/// Every statement event has exactly one `statement_id` on the identified
/// topic (none lost; a repeat after a crash keeps the id), and the ids are
/// the announced ones.
fn assert_all_identified(c: &Config, announced: &BTreeMap<String, usize>) {
    let events = statement_events(c);
    let ids = identified_ids(c);
    let missing: Vec<&EventKey> = events.iter().filter(|e| !ids.contains_key(*e)).collect();
    assert!(
        missing.is_empty(),
        "{} of {} statement events never identified: {missing:?}",
        missing.len(),
        events.len()
    );
    let foreign: Vec<&EventKey> = ids.keys().filter(|e| !events.contains(*e)).collect();
    assert!(
        foreign.is_empty(),
        "identified events not on the statements topic: {foreign:?}"
    );
    let split: Vec<_> = ids.iter().filter(|(_, s)| s.len() != 1).collect();
    assert!(split.is_empty(), "events given more than one id: {split:?}");
    let given: BTreeSet<&String> = ids.values().flatten().collect();
    let known: BTreeSet<&String> = announced.keys().collect();
    assert_eq!(given, known, "identified ids vs announced ids");
}

/// The novelty processor in this process.
struct Novelty {
    stop: tokio::sync::watch::Sender<bool>,
    handle: tokio::task::JoinHandle<byline::novelty::processor::NoveltySummary>,
}

fn start_novelty(c: &Config) -> Novelty {
    let (stop, rx) = tokio::sync::watch::channel(false);
    let c = c.clone();
    let handle = tokio::spawn(async move {
        let metrics = Arc::new(byline::telemetry::Metrics::new().unwrap());
        byline::novelty::processor::run(
            &c,
            metrics,
            Arc::new(byline::telemetry::Health::default()),
            rx,
        )
        .await
        .unwrap()
    });
    Novelty { stop, handle }
}

impl Novelty {
    async fn stop(self) -> byline::novelty::processor::NoveltySummary {
        self.stop.send(true).unwrap();
        self.handle.await.unwrap()
    }
}

fn article(id: &str, body: &str) -> Sample {
    Sample {
        key: Some(id.to_string()),
        value: serde_json::json!({"id": id, "published_at": "2025-03-04", "body": body})
            .to_string()
            .into_bytes(),
    }
}

/// Wait until the statements.seen counts satisfy `pred`.
async fn wait_seen(
    c: &Config,
    what: &str,
    timeout: Duration,
    pred: impl Fn(&HashMap<String, u64>) -> bool,
) {
    let deadline = Instant::now() + timeout;
    loop {
        let counts = seen_counts(c);
        if pred(&counts) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}; seen counts: {counts:?}; seen records: {:?}; changelog: {:?}",
            read_all(c, &c.novelty.seen_topic),
            read_all(c, &c.novelty.changelog_topic),
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a real broker (BYLINE_TEST_BROKERS)"]
async fn three_wordings_of_one_statement_are_announced_once() {
    let mut c = setup("nov-three").await;
    let alerts = format!("alerts-{}", c.novelty.new_topic);
    c.novelty.watchlist = Some(byline::novelty::watchlist::WatchlistConfig {
        speakers: vec!["Lindqvist".into()],
        entities: Vec::new(),
        keywords: vec!["ferry line".into()],
        alerts_topic: alerts.clone(),
    });
    let worker = start_worker(&c);
    let novelty = start_novelty(&c);
    // Invented articles: one statement, three wordings (contraction, the
    // surname alone, a mixed quote inside a longer reported sentence).
    let samples = vec![
        article("n1", "Talks on the northern ferry line continued in Eastport. \"We cannot let the northern ferry line close before the winter storms arrive,\" Harbour Minister Mara Lindqvist said on Monday."),
        article("n2", "The ferry operator is losing money. \"We can't let the northern ferry line close before the winter storms arrive,\" Lindqvist told reporters in Eastport."),
        article("n3", "Harbour Minister Mara Lindqvist said on Tuesday that the government would \"not let the northern ferry line close before the winter storms arrive\"."),
    ];
    embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], &samples, &[])
        .await
        .unwrap();
    // A foreign record on the statements topic: dead-lettered, not fatal.
    let bad = Sample {
        key: Some(BAD_KEY.to_string()),
        value: br#"{"unexpected": true}"#.to_vec(),
    };
    embedded::publish(&c.kafka.brokers, &c.kafka.statements_topic, &[bad], &[])
        .await
        .unwrap();
    // Precondition: all three sightings are in (a count of 3 on one id,
    // which also proves they were grouped).
    wait_seen(
        &c,
        "one identity seen 3 times",
        Duration::from_secs(60),
        |s| s.values().any(|n| *n == 3),
    )
    .await;
    let seen = seen_counts(&c);
    assert_eq!(seen.len(), 1, "{seen:?}");
    let new = read_all(&c, &c.novelty.new_topic);
    assert_eq!(new.len(), 1, "{new:#?}");
    let (key, record) = &new[0];
    assert!(seen.contains_key(key));
    assert_eq!(record["schema"], "byline.statement.new.v1");
    assert_eq!(&record["statement_id"], key.as_str());
    assert!(record["first_seen_at"].is_string());
    assert!(["n1", "n2", "n3"].contains(&record["statement"]["article_id"].as_str().unwrap()));
    // The watchlist: both reasons, and the record on the alerts topic.
    assert_eq!(
        record["matched"],
        serde_json::json!([
            {"kind": "speaker", "value": "Lindqvist"},
            {"kind": "keyword", "value": "ferry line"}
        ])
    );
    let alerted = read_all(&c, &alerts);
    assert_eq!(alerted.len(), 1, "{alerted:#?}");
    assert_eq!(&alerted[0].1, record);
    let summary = novelty.stop().await;
    assert_eq!(summary.announced, 1);
    worker.stop().await;
    // Every statement event is given its identity on statements.seen: one
    // record per sighting, naming the event's fingerprint (read once both
    // processes stopped: the read writes fence records).
    let events: HashSet<String> = read_all(&c, &c.kafka.statements_topic)
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| k != BAD_KEY)
        .collect();
    let named: HashSet<String> = read_all(&c, &c.novelty.seen_topic)
        .into_iter()
        .map(|(_, v)| v["last_fingerprint"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(events.len(), 3, "{events:?}");
    assert_eq!(named, events, "fingerprints named on statements.seen");
    // And on statements.identified: one record per sighting, all three
    // with the announced statement_id, the first sighting the announced one.
    let identified = read_all(&c, &c.novelty.identified_topic);
    assert_eq!(identified.len(), 3, "{identified:#?}");
    for (k, v) in &identified {
        assert_eq!(k, key, "{v}");
        assert_eq!(&v["statement_id"], key.as_str(), "{v}");
        assert_eq!(v["schema"], "byline.statement.identified.v1");
        assert_eq!(v["first_seen_at"], record["first_seen_at"], "{v}");
    }
    let fingerprints: HashSet<String> = identified
        .iter()
        .map(|(_, v)| v["statement"]["fingerprint"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fingerprints, events, "every sighting identified once");
    let mut counts: Vec<u64> = identified
        .iter()
        .map(|(_, v)| v["count"].as_u64().unwrap())
        .collect();
    counts.sort_unstable();
    assert_eq!(counts, [1, 2, 3]);
    let firsts: Vec<&serde_json::Value> = identified
        .iter()
        .filter(|(_, v)| v["new"] == true)
        .map(|(_, v)| v)
        .collect();
    assert_eq!(firsts.len(), 1, "{identified:#?}");
    assert_eq!(firsts[0]["count"], 1);
    assert_eq!(firsts[0]["statement"], record["statement"]);
    assert_eq!(&firsts[0]["statement"]["fingerprint"], key.as_str());
    // The record that is no statement event went to the dead-letter topic.
    let dead: Vec<String> = read_all(&c, &c.kafka.dlq_topic)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(dead, vec![BAD_KEY.to_string()], "dead letters");
}

/// Key of a record on the statements topic that is no statement event.
const BAD_KEY: &str = "not-a-statement";

/// 20 statements by 20 invented speakers, 3 wordings each: 60 articles,
/// `k<i>-<j>`.
fn stream() -> Vec<Vec<Sample>> {
    const SURNAMES: [&str; 20] = [
        "Okafor",
        "Lindqvist",
        "Brennan",
        "Castellano",
        "Haddad",
        "Novak",
        "Sorensen",
        "Takahashi",
        "Moreau",
        "Kowalczyk",
        "Abernathy",
        "Delacroix",
        "Fenwick",
        "Gallagher",
        "Ivanova",
        "Jurado",
        "Kessler",
        "Lachance",
        "Mokoena",
        "Nakamura",
    ];
    const FIRST: [&str; 20] = [
        "Amara", "Mara", "Declan", "Lucia", "Omar", "Petra", "Sigrid", "Kenji", "Elodie", "Tomasz",
        "Harriet", "Julien", "Miles", "Fiona", "Daria", "Rafael", "Greta", "Yves", "Thabo", "Aiko",
    ];
    const THINGS: [&str; 20] = [
        "bridge",
        "harbour",
        "railway",
        "school",
        "hospital",
        "library",
        "airport",
        "tunnel",
        "stadium",
        "market",
        "museum",
        "reservoir",
        "ferry",
        "park",
        "clinic",
        "depot",
        "canal",
        "highway",
        "theatre",
        "shelter",
    ];
    const PLACES: [&str; 20] = [
        "Eastport",
        "Northvale",
        "Westbury",
        "Southmere",
        "Lakeside",
        "Hillcrest",
        "Riverton",
        "Oakridge",
        "Stonebridge",
        "Fairhaven",
        "Brookfield",
        "Ashford",
        "Redcliff",
        "Greenholm",
        "Marshfield",
        "Pinecrest",
        "Clearwater",
        "Elmstead",
        "Foxley",
        "Kingsmoor",
    ];
    // Round j holds the j-th wording of every statement.
    (0..3)
        .map(|j| {
            (0..20)
                .map(|i| {
                    let (s, f, t, p) = (SURNAMES[i], FIRST[i], THINGS[i], PLACES[i]);
                    let q = format!("The new {t} in {p} will not be finished before the end of next year");
                    let body = match j {
                        0 => format!("Officials met on Monday. \"{q},\" Mayor {f} {s} said."),
                        1 => format!("Residents asked for dates. \"The new {t} in {p} won't be finished before the end of next year,\" {s} told reporters."),
                        _ => format!("Mayor {f} {s} said: \"{q}.\""),
                    };
                    article(&format!("k{i}-{j}"), &body)
                })
                .collect()
        })
        .collect()
}

/// `byline novelty` as a child process, configured by environment.
fn spawn_novelty(c: &Config, log_name: &str, commit_interval_ms: u64) -> Child {
    std::fs::create_dir_all("target/test-logs").unwrap();
    let log = std::fs::File::create(format!("target/test-logs/{log_name}.log")).unwrap();
    let n = &c.novelty;
    std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("novelty")
        .env("BYLINE_KAFKA__BROKERS", &c.kafka.brokers)
        .env("BYLINE_KAFKA__STATEMENTS_TOPIC", &c.kafka.statements_topic)
        .env("BYLINE_KAFKA__CONSUMER_PROPERTIES__FETCH.WAIT.MAX.MS", "10")
        .env(
            "BYLINE_KAFKA__CONSUMER_PROPERTIES__SESSION.TIMEOUT.MS",
            "6000",
        )
        .env("BYLINE_NOVELTY__GROUP_ID", &n.group_id)
        .env("BYLINE_NOVELTY__REPARTITION_TOPIC", &n.repartition_topic)
        .env("BYLINE_NOVELTY__CHANGELOG_TOPIC", &n.changelog_topic)
        .env("BYLINE_NOVELTY__NEW_TOPIC", &n.new_topic)
        .env("BYLINE_NOVELTY__SEEN_TOPIC", &n.seen_topic)
        .env("BYLINE_NOVELTY__IDENTIFIED_TOPIC", &n.identified_topic)
        .env("BYLINE_NOVELTY__PARTITIONS", n.partitions.to_string())
        .env("BYLINE_NOVELTY__MAX_BATCH", n.max_batch.to_string())
        .env(
            "BYLINE_WORKER__COMMIT_INTERVAL_MS",
            commit_interval_ms.to_string(),
        )
        .env("BYLINE_METRICS__LISTEN", "127.0.0.1:0")
        .env("BYLINE_LOG__FORMAT", "json")
        .env("BYLINE_LOG__LEVEL", "info")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap()
}

fn kill9(child: &mut Child) {
    let ok = std::process::Command::new("kill")
        .args(["-KILL", &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -KILL failed");
    child.wait().unwrap();
}

/// Whether the novelty group committed every record of `topic` (each
/// partition's committed offset at its end offset).
fn caught_up(c: &Config, topic: &str) -> bool {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &c.kafka.brokers)
        .set("group.id", &c.novelty.group_id)
        .create()
        .unwrap();
    let mut tpl = TopicPartitionList::new();
    for p in 0..3 {
        tpl.add_partition(topic, p);
    }
    let committed = consumer
        .committed_offsets(tpl, Duration::from_secs(10))
        .unwrap();
    (0..3).all(|p| {
        let (_, high) = consumer
            .fetch_watermarks(topic, p, Duration::from_secs(10))
            .unwrap();
        let done = committed
            .find_partition(topic, p)
            .and_then(|e| match e.offset() {
                Offset::Offset(o) => Some(o),
                _ => None,
            })
            .unwrap_or(0);
        done >= high
    })
}

/// Announcements per statement id.
fn announcements(c: &Config) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for (k, _) in read_all(c, &c.novelty.new_topic) {
        *m.entry(k).or_default() += 1;
    }
    m
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a real broker (BYLINE_TEST_BROKERS)"]
async fn kill_9_and_restart_lose_nothing_and_repeat_at_most_one_step() {
    let c = setup("nov-kill").await;
    let worker = start_worker(&c);
    let rounds = stream();
    // Commits far apart: at the kill nothing is committed, so the restarted
    // processor reads everything again and must rely on the changelog.
    let mut first = spawn_novelty(&c, "novelty-kill-1", 600_000);
    embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], &rounds[0], &[])
        .await
        .unwrap();
    embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], &rounds[1], &[])
        .await
        .unwrap();
    // Mid-stream: some identities are in, the third round is not published.
    wait_seen(&c, "a first identity", Duration::from_secs(90), |s| {
        !s.is_empty()
    })
    .await;
    kill9(&mut first);
    let killed = Instant::now();
    embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], &rounds[2], &[])
        .await
        .unwrap();
    // The killed member's session (6 s) expires first: tansu 0.6.0 can
    // otherwise leave the restarted member, the group's only one, without
    // partitions (see `kill9_round` in tests/real_broker.rs).
    tokio::time::sleep_until((killed + Duration::from_secs(7)).into()).await;
    let mut second = spawn_novelty(&c, "novelty-kill-2", 100);
    // Every statement reached its third sighting (no loss).
    wait_seen(
        &c,
        "20 identities seen 3 times or more",
        Duration::from_secs(120),
        |s| s.len() == 20 && s.values().all(|n| *n >= 3),
    )
    .await;
    // No loss: the group committed every statement and every repartitioned
    // record, and offsets are committed only after their outputs are acked.
    wait_until(
        "the novelty group to commit every input",
        Duration::from_secs(60),
        || caught_up(&c, &c.kafka.statements_topic) && caught_up(&c, &c.novelty.repartition_topic),
        || log_tail("target/test-logs/novelty-kill-2.log", 20),
    )
    .await;
    let announced = announcements(&c);
    assert_eq!(announced.len(), 20, "{announced:?}");
    let repeats: usize = announced.values().map(|n| n - 1).sum();
    // Only records whose announcement was acknowledged but whose changelog
    // record was not can be announced again: at most one step.
    assert!(
        repeats <= c.novelty.max_batch,
        "{repeats} repeated announcements: {announced:?}"
    );
    let log = std::fs::read_to_string("target/test-logs/novelty-kill-2.log").unwrap();
    assert!(log.contains("Novelty state restored."), "{log}");
    sigterm(&second);
    let status = wait_exit(&mut second, Duration::from_secs(30)).await;
    assert!(status.success(), "{status:?}");
    worker.stop().await;
    // No statement lost on statements.identified either: each of the 60
    // statement events has its identity there.
    let articles: BTreeSet<String> = statement_events(&c).into_iter().map(|(a, _)| a).collect();
    assert_eq!(
        articles.len(),
        60,
        "articles with a statement: {articles:?}"
    );
    assert_all_identified(&c, &announced);
    eprintln!("kill -9: 20 identities, {repeats} repeated announcements");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs a real broker (BYLINE_TEST_BROKERS)"]
async fn two_instances_with_a_rebalance_announce_each_identity_once() {
    let c = setup("nov-two").await;
    let worker = start_worker(&c);
    let rounds = stream();
    let mut a = spawn_novelty(&c, "novelty-two-a", 100);
    embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], &rounds[0], &[])
        .await
        .unwrap();
    wait_seen(&c, "20 identities", Duration::from_secs(90), |s| {
        s.len() == 20
    })
    .await;
    // A second instance joins: the group rebalances, partitions move with
    // their state (rebuilt from the changelog by the new owner).
    let mut b = spawn_novelty(&c, "novelty-two-b", 100);
    wait_until(
        "instance b to be assigned partitions",
        Duration::from_secs(60),
        || {
            log_events("target/test-logs/novelty-two-b.log")
                .iter()
                .any(|e| e["message"] == "Partitions assigned." && e["count"].as_i64() > Some(0))
        },
        || log_tail("target/test-logs/novelty-two-b.log", 20),
    )
    .await;
    embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], &rounds[1], &[])
        .await
        .unwrap();
    wait_seen(
        &c,
        "every identity seen twice",
        Duration::from_secs(90),
        |s| s.len() == 20 && s.values().all(|n| *n >= 2),
    )
    .await;
    // The first instance leaves: everything moves back to b.
    sigterm(&a);
    assert!(wait_exit(&mut a, Duration::from_secs(30)).await.success());
    embedded::publish(&c.kafka.brokers, &c.kafka.input_topics[0], &rounds[2], &[])
        .await
        .unwrap();
    wait_seen(
        &c,
        "every identity seen 3 times",
        Duration::from_secs(120),
        |s| s.len() == 20 && s.values().all(|n| *n >= 3),
    )
    .await;
    let announced = announcements(&c);
    assert_eq!(announced.len(), 20, "{announced:?}");
    assert!(announced.values().all(|n| *n == 1), "{announced:?}");
    sigterm(&b);
    assert!(wait_exit(&mut b, Duration::from_secs(30)).await.success());
    worker.stop().await;
    assert_all_identified(&c, &announced);
}
