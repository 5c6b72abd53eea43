//! Broker faults against the real broker: tansu 0.6.0 with persistent
//! (sqlite) storage, one broker per test, started, SIGKILLed and restarted
//! by the test itself on a free loopback port. The worker is the real
//! `byline` binary as a child process; its readiness is read over HTTP
//! (`/readyz`, `/metrics`) like a kubelet and Prometheus would.
//!
//! What every test shows: the worker process never exits on the fault,
//! `/readyz` answers 503 while the worker cannot make progress and 200 again
//! after, and every input ends with its outputs (duplicates allowed, no loss).
//!
//! The tansu tests are `#[ignore]`d so a plain `cargo test` needs no broker;
//! `scripts/test.sh` runs them with `--include-ignored` and exports
//! `BYLINE_TANSU` (the tansu binary); they FAIL when it is unset. One test
//! (produce timeouts while the brokers are down) runs on librdkafka's mock
//! cluster instead, in-process: see its comment for why.
#![cfg(feature = "kafka")]

mod common;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use std::sync::Arc;

use byline::config::Config;
use byline::enrich::Pipeline;
use byline::kafka::embedded;
use byline::telemetry::{Health, Metrics};
use common::*;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::mocking::MockCoordinator;

/// The tansu binary (exported by `scripts/test.sh`).
fn tansu_bin() -> PathBuf {
    std::env::var_os("BYLINE_TANSU")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            panic!("BYLINE_TANSU is not set: run the broker-fault tests through scripts/test.sh")
        })
}

fn listening(port: u16) -> bool {
    std::net::TcpStream::connect_timeout(
        &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_millis(200),
    )
    .is_ok()
}

/// A tansu broker of this test: same port and same sqlite file across
/// restarts, so a restart keeps topics, records and committed offsets.
struct Broker {
    /// Working directory (the sqlite path is relative to it).
    dir: PathBuf,
    /// Listener port.
    port: u16,
    /// The running process, if started.
    child: Option<Child>,
    /// Starts so far (one log file each).
    starts: usize,
}

impl Broker {
    fn new(name: &str) -> Broker {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(unique(&format!("tansu-{name}")));
        std::fs::create_dir_all(&dir).unwrap();
        Broker {
            dir,
            port: free_port(),
            child: None,
            starts: 0,
        }
    }

    fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Start (or restart) and wait until it accepts connections.
    async fn start(&mut self) {
        assert!(self.child.is_none(), "broker already running");
        self.starts += 1;
        let log_path = self.dir.join(format!("tansu-{}.log", self.starts));
        let log = std::fs::File::create(&log_path).unwrap();
        let url = format!("tcp://{}", self.addr());
        let mut child = Command::new(tansu_bin())
            .current_dir(&self.dir)
            .args(["broker", "--listener-url", &url])
            .args(["--advertised-listener-url", &url])
            .args(["--storage-engine", "sqlite://tansu.db"])
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        while !listening(self.port) {
            if let Some(status) = child.try_wait().unwrap() {
                panic!(
                    "tansu exited ({status}): {}",
                    std::fs::read_to_string(&log_path).unwrap_or_default()
                );
            }
            assert!(
                Instant::now() < deadline,
                "tansu did not listen on {}",
                self.port
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.child = Some(child);
    }

    /// SIGKILL: no shutdown, whatever sqlite has on disk stays.
    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            c.kill().unwrap();
            c.wait().unwrap();
        }
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        self.kill();
        if std::thread::panicking() {
            eprintln!("tansu logs kept in {}", self.dir.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The real `byline run` as a child process, configured for the faults.
struct Worker {
    /// The process, its log (JSON lines) and metrics address.
    process: ChildWorker,
}

impl Worker {
    fn spawn(c: &Config, name: &str, extra: &[(&str, &str)]) -> Worker {
        let mut cmd = byline_run(c);
        cmd.env(
            "BYLINE_KAFKA__CONSUMER_PROPERTIES__SESSION.TIMEOUT.MS",
            "6000",
        )
        // librdkafka's reconnect backoff grows to 10 s by default; a
        // shorter cap only makes the tests quicker to see the broker back.
        .env("BYLINE_KAFKA__PROPERTIES__RECONNECT.BACKOFF.MAX.MS", "1000")
        .env("BYLINE_WORKER__COMMIT_INTERVAL_MS", "200")
        .env("BYLINE_WORKER__STATISTICS_INTERVAL_MS", "1000")
        .env("BYLINE_WORKER__MAX_IN_FLIGHT", "128")
        .env("BYLINE_LOG__FORMAT", "json")
        .env("BYLINE_LOG__LEVEL", "info");
        for (key, v) in extra {
            cmd.env(key, v);
        }
        Worker {
            process: ChildWorker::spawn(cmd, &format!("faults-{name}")),
        }
    }

    /// The worker must never exit on a transient fault.
    fn assert_alive(&mut self) {
        if let Some(status) = self.process.child.try_wait().unwrap() {
            panic!(
                "the worker exited ({status}) on a transient fault; log {}:\n{}",
                self.process.log,
                self.process.log_tail(30)
            );
        }
    }

    /// `/readyz` status, `None` while the endpoint does not answer.
    async fn readyz(&self) -> Option<u16> {
        Some(http_get(&self.process.metrics, "/readyz").await?.status)
    }

    /// A value from `/metrics` (see [`common::metric`]).
    async fn metric(&self, series: &str) -> Option<f64> {
        metric(
            &http_get(&self.process.metrics, "/metrics").await?.body,
            series,
        )
    }

    /// Poll until `/readyz` answers 200 (`ready`) or 503 (`!ready`),
    /// checking all along that the process is alive.
    async fn wait_ready(&mut self, ready: bool, what: &str) {
        let want = if ready { 200 } else { 503 };
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            self.assert_alive();
            if self.readyz().await == Some(want) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: /readyz never answered {want}; log:\n{}",
                self.process.log_tail(30)
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Poll until `series` (see [`Worker::metric`]) reaches `at_least`.
    async fn wait_metric(&mut self, series: &str, at_least: f64) {
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            self.assert_alive();
            if self.metric(series).await.is_some_and(|v| v >= at_least) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{series} never reached {at_least}; log:\n{}",
                self.process.log_tail(30)
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Check, for a while, that the worker stays alive and not ready.
    async fn stays_unready(&mut self, polls: usize) {
        for _ in 0..polls {
            self.assert_alive();
            let code = self.readyz().await;
            assert!(
                code == Some(503) || code.is_none(),
                "ready ({code:?}) while it cannot make progress; log:\n{}",
                self.process.log_tail(30)
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGTERM and a clean exit (the drain commits what finished).
    async fn stop(mut self) {
        self.assert_alive();
        let ok = Command::new("kill")
            .args(["-TERM", &self.process.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -TERM failed");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.process.child.try_wait().unwrap() {
                assert!(status.success(), "exit after SIGTERM: {status}");
                return;
            }
            assert!(Instant::now() < deadline, "no exit after SIGTERM");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// Create `topics` with 3 partitions (panics on failure: the broker is up).
async fn create(brokers: &str, topics: &[&String]) {
    let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .unwrap();
    let new: Vec<NewTopic<'_>> = topics
        .iter()
        .map(|t| NewTopic::new(t, 3, TopicReplication::Fixed(1)))
        .collect();
    let opts = AdminOptions::new().request_timeout(Some(Duration::from_secs(10)));
    for r in admin.create_topics(&new, &opts).await.unwrap() {
        r.unwrap();
    }
}

/// After a graceful stop everything consumed is committed: the group's
/// offsets reach the end of every input partition.
fn assert_all_committed(c: &Config) {
    let (got, want) = (committed(c), end_offsets(c));
    assert_eq!(got, want, "committed offsets vs end offsets");
}

/// Wait for every input's outputs and check them (ids, content, statements).
async fn assert_no_loss(collector: &Collector, prefix: &str, n: usize) -> usize {
    collector
        .wait_for("every input's outputs", Duration::from_secs(240), |o| {
            o.article_ids().len() >= n
        })
        .await;
    collector.settle().await;
    let o = collector.out.lock().unwrap();
    check_content(&o, prefix, n);
    o.articles.len() - o.article_ids().len()
}

/// Duplicates need a second read of their input: a worker that outputs an
/// input twice without reading it twice is wrong, whatever the fault. The
/// worker read `consumed` records of `n` distinct inputs.
fn assert_duplicates_were_reread(dups: usize, consumed: f64, n: usize) {
    let rereads = consumed as usize - n.min(consumed as usize);
    assert!(
        consumed as usize >= n,
        "the worker read {consumed} records of {n} inputs"
    );
    assert!(
        dups <= rereads,
        "{dups} duplicate article events but only {rereads} inputs read twice"
    );
}

impl Worker {
    /// `byline_articles_consumed_total` (all input topics).
    async fn consumed(&mut self) -> f64 {
        self.assert_alive();
        self.metric("byline_articles_consumed_total")
            .await
            .expect("/metrics answers")
    }
}

/// The broker is SIGKILLed while the worker is busy and restarted on the
/// same port and sqlite file: the worker stays up, is not ready while the
/// broker is gone and ready again after, and nothing is lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs tansu: run scripts/test.sh"]
async fn broker_killed_and_restarted_under_load() {
    let t0 = Instant::now();
    let mut broker = Broker::new("restart");
    broker.start().await;
    let c = config(&broker.addr(), "restart");
    create_topics(&c).await;
    let n = 3000;
    let all = articles("rst", n);
    // The second half is held back until the broker is back: the kill
    // lands mid-stream whatever the machine's speed.
    let (first, second) = all.split_at(n / 2);
    publish_inputs(&c, first).await;
    let collector = Collector::start(&c);
    let mut w = Worker::spawn(&c, "restart", &[]);
    w.wait_ready(true, "start").await;
    collector
        .wait_for(
            "100 article events before the kill",
            Duration::from_secs(120),
            |o| o.articles.len() >= 100,
        )
        .await;
    broker.kill();
    let at_kill = collector.out.lock().unwrap().article_ids().len();
    assert!(
        at_kill <= first.len(),
        "{at_kill} outputs of {} inputs published",
        first.len()
    );
    w.wait_ready(false, "broker killed").await;
    w.wait_metric("byline_not_ready{reason=\"brokers_down\"}", 1.0)
        .await;
    w.stays_unready(20).await;
    broker.start().await;
    w.wait_ready(true, "broker restarted").await;
    // The outage was seen as one transition to not ready and back.
    w.wait_metric("byline_readiness_changes_total{ready=\"false\"}", 1.0)
        .await;
    publish_inputs(&c, second).await;
    let dups = assert_no_loss(&collector, "rst", n).await;
    assert_duplicates_were_reread(dups, w.consumed().await, n);
    w.stop().await;
    assert_all_committed(&c);
    eprintln!(
        "broker restart: killed at {at_kill} of {n}, 0 lost, {dups} duplicates, {:.1}s",
        t0.elapsed().as_secs_f64()
    );
}

/// The worker starts before its broker: alive and not ready until the
/// broker is up, then ready and processing everything.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs tansu: run scripts/test.sh"]
async fn broker_unreachable_at_start() {
    let t0 = Instant::now();
    let mut broker = Broker::new("unreachable");
    let c = config(&broker.addr(), "unreachable");
    let mut w = Worker::spawn(&c, "unreachable", &[]);
    w.wait_ready(false, "start without a broker").await;
    w.wait_metric("byline_not_ready{reason=\"brokers_down\"}", 1.0)
        .await;
    w.stays_unready(30).await;
    broker.start().await;
    create_topics(&c).await;
    let n = 300;
    publish_inputs(&c, &articles("unr", n)).await;
    let collector = Collector::start(&c);
    w.wait_ready(true, "broker started").await;
    let dups = assert_no_loss(&collector, "unr", n).await;
    assert_duplicates_were_reread(dups, w.consumed().await, n);
    w.stop().await;
    assert_all_committed(&c);
    eprintln!(
        "unreachable at start: 0 lost, {dups} duplicates, {:.1}s",
        t0.elapsed().as_secs_f64()
    );
}

/// Topics missing: first the input topic (not ready: nothing to read), then
/// the output topics (records read but their outputs cannot be produced: no
/// offset is committed past them). Once the topics exist, everything is
/// processed. tansu does not create topics on produce or metadata requests.
///
/// The deliveries to the missing topics are left pending (librdkafka's
/// default `message.timeout.ms`, 30 s) rather than timed out: with tansu
/// 0.6.0's sqlite engine, an idempotent producer re-producing after timeouts
/// sometimes makes the broker panic (`idempotent_message_check`, "more or
/// less than one row") and its storage stays dead. Timed-out deliveries and
/// the readiness they drive are tested by
/// `produce_timeouts_while_brokers_are_down` on the mock cluster.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs tansu: run scripts/test.sh"]
async fn topics_missing() {
    let t0 = Instant::now();
    let mut broker = Broker::new("missing");
    broker.start().await;
    let c = config(&broker.addr(), "missing");
    let mut w = Worker::spawn(
        &c,
        "missing",
        // A topic created later is seen within seconds, not 5 minutes.
        &[(
            "BYLINE_KAFKA__PROPERTIES__TOPIC.METADATA.REFRESH.INTERVAL.MS",
            "2000",
        )],
    );
    w.wait_metric("byline_not_ready{reason=\"input_topic_missing\"}", 1.0)
        .await;
    w.stays_unready(10).await;

    let k = &c.kafka;
    create(&k.brokers, &[&k.input_topics[0]]).await;
    let n = 200;
    publish_inputs(&c, &articles("mis", n)).await;
    w.wait_metric("byline_articles_consumed_total", 1.0).await;
    // Read, enriched, but nowhere to produce: nothing is acknowledged and
    // nothing committed, however long we look.
    for _ in 0..20 {
        w.assert_alive();
        assert_eq!(w.metric("byline_records_produced_total").await, Some(0.0));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let early = committed(&c);
    assert!(
        early.values().all(|o| *o == 0),
        "committed past records whose outputs were never produced: {early:?}"
    );

    create(
        &k.brokers,
        &[&k.output_topic, &k.statements_topic, &k.dlq_topic],
    )
    .await;
    let collector = Collector::start(&c);
    w.wait_ready(true, "topics created").await;
    let dups = assert_no_loss(&collector, "mis", n).await;
    assert_duplicates_were_reread(dups, w.consumed().await, n);
    w.stop().await;
    assert_all_committed(&c);
    eprintln!(
        "topics missing: 0 lost, {dups} duplicates, {:.1}s",
        t0.elapsed().as_secs_f64()
    );
}

/// Deliveries time out while their brokers are down, then every broker is
/// down: the records are produced again once the brokers are back, their
/// offsets are not committed before, readiness is false while they fail,
/// and nothing is lost.
///
/// Deliveries are in flight when the outage starts whatever the machine's
/// speed: the output topics' partitions are led by broker 3, the input
/// topic's and the group coordinator by brokers 1 and 2, and the second part
/// of the input is published only once broker 3 is down. The worker reads
/// and enriches it, and cannot deliver a single output of it before broker
/// 3 is back: with `message.timeout.ms` at 1 s the deliveries time out.
///
/// Against librdkafka's mock cluster, not tansu: when in-flight requests
/// time out, librdkafka's idempotent producer bumps its epoch by itself,
/// which Kafka accepts but tansu 0.6.0's sqlite engine does not (it panics
/// in `idempotent_message_check` and its storage stays dead until restarted,
/// where the same produce kills it again); and tansu has one broker only.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn produce_timeouts_while_brokers_are_down() {
    let t0 = Instant::now();
    let mut c = config("unused", "mock-timeouts-down");
    let cluster = embedded::Embedded::start(&c, 3).unwrap();
    c.kafka.brokers = cluster.brokers();
    c.worker.message_timeout_ms = 1000;
    let mock = cluster.cluster();
    let k = &c.kafka;
    for p in 0..embedded::PARTITIONS {
        mock.partition_leader(&k.input_topics[0], p, Some(1 + p % 2))
            .unwrap();
        for t in [&k.output_topic, &k.statements_topic, &k.dlq_topic] {
            mock.partition_leader(t, p, Some(3)).unwrap();
        }
    }
    mock.coordinator(MockCoordinator::Group(k.group_id.clone()), 1)
        .unwrap();
    let n = 600;
    let all = articles("mtd", n);
    let (first, second) = all.split_at(100);
    publish_inputs(&c, first).await;
    let collector = Collector::start(&c);
    let health = Arc::new(Health::default());
    let metrics = Arc::new(Metrics::new().unwrap());
    let (stop, rx) = tokio::sync::watch::channel(false);
    let worker = {
        let (c, h, m) = (c.clone(), health.clone(), metrics.clone());
        tokio::spawn(async move {
            byline::worker::run(&c, Arc::new(Pipeline::standard()), m, h, rx).await
        })
    };
    let errors = || {
        [&c.kafka.output_topic, &c.kafka.statements_topic]
            .iter()
            .map(|t| metrics.produce_errors.with_label_values(&[t]).get())
            .sum::<u64>()
    };
    let state = || {
        format!(
            "reasons {:?}, produce errors {}, in flight {}, consumed {}",
            health.reasons(),
            errors(),
            metrics.in_flight.get(),
            metrics
                .consumed
                .with_label_values(&[&c.kafka.input_topics[0]])
                .get()
        )
    };
    let wait = |what: &'static str, pred: &dyn Fn() -> bool| {
        let deadline = Instant::now() + Duration::from_secs(90);
        while !pred() {
            assert!(!worker.is_finished(), "the worker exited during: {what}");
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}: {}",
                state()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    tokio::task::block_in_place(|| wait("ready", &|| health.ready()));
    // Healthy first: the first part goes through.
    collector
        .wait_for("the first part's outputs", Duration::from_secs(60), |o| {
            o.article_ids().len() >= first.len()
        })
        .await;
    mock.broker_down(3).unwrap();
    publish_inputs(&c, second).await;
    tokio::task::block_in_place(|| {
        wait("deliveries failing", &|| {
            errors() > 0
                && health.reasons().contains(&"deliveries_failing")
                && metrics.in_flight.get() > 0
        })
    });
    assert!(!health.ready());
    assert_eq!(metrics.ready.get(), 0);
    // Every broker down, deliveries still in flight: still not ready.
    for b in [1, 2] {
        mock.broker_down(b).unwrap();
    }
    for _ in 0..20 {
        assert!(
            !worker.is_finished(),
            "the worker exited with every broker down"
        );
        assert!(!health.ready(), "ready with every broker down: {}", state());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for b in 1..=3 {
        mock.broker_up(b).unwrap();
    }
    tokio::task::block_in_place(|| wait("ready again", &|| health.ready()));
    let dups = assert_no_loss(&collector, "mtd", n).await;
    stop.send(true).unwrap();
    let summary = worker.await.unwrap().unwrap();
    assert_eq!(summary.abandoned, 0);
    assert!(
        metrics
            .readiness_changes
            .with_label_values(&["false"])
            .get()
            >= 1
    );
    assert_duplicates_were_reread(dups, summary.consumed as f64, n);
    eprintln!(
        "produce timeouts (mock cluster, brokers down): {} failed deliveries produced again, 0 lost, {dups} duplicates, {:.1}s",
        errors(),
        t0.elapsed().as_secs_f64()
    );
}
