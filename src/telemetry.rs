//! Observability in one place: every metric (names and labels are the agreed
//! interface in `METRICS.md`, shared with the deployment), the health state
//! behind `/healthz` and `/readyz`, the HTTP endpoint, and log setup.
//!
//! The HTTP endpoint is a deliberately tiny HTTP/1.1 responder on tokio: three
//! GET routes for Prometheus and the kubelet do not justify a web framework.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use prometheus::{
    Encoder, Gauge, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Errors of telemetry setup.
#[derive(Debug, thiserror::Error)]
pub enum TelemetryError {
    /// A metric could not be registered (a duplicate name: a bug).
    #[error("registering metrics: {0}")]
    Prometheus(#[from] prometheus::Error),
    /// The HTTP endpoint could not bind.
    #[error("binding the metrics endpoint on {addr}: {source}")]
    Bind {
        /// The address.
        addr: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// Every metric byline exports.
pub struct Metrics {
    /// The registry served at `/metrics`.
    pub registry: Registry,
    /// `byline_articles_consumed_total{topic}`.
    pub consumed: IntCounterVec,
    /// `byline_articles_enriched_total`.
    pub enriched: IntCounter,
    /// `byline_articles_failed_total{reason}`.
    pub failed: IntCounterVec,
    /// `byline_articles_dead_lettered_total{reason}`.
    pub dead_lettered: IntCounterVec,
    /// `byline_records_produced_total{topic}`.
    pub produced: IntCounterVec,
    /// `byline_produce_errors_total{topic}`.
    pub produce_errors: IntCounterVec,
    /// `byline_stage_duration_seconds{stage}`.
    pub stage_duration: HistogramVec,
    /// `byline_end_to_end_latency_seconds`.
    pub end_to_end: Histogram,
    /// `byline_in_flight_messages`.
    pub in_flight: IntGauge,
    /// `byline_consumer_lag{topic,partition}`: end offset minus the offset
    /// the worker last committed (`kafka::consumer::record_consumer_stats`).
    pub consumer_lag: IntGaugeVec,
    /// `byline_consumer_rebalances_total`: librdkafka's `cgrp.rebalance_cnt`
    /// (assignments and revocations of this consumer).
    pub consumer_rebalances: IntCounter,
    /// `byline_consumer_stats_timestamp_seconds`: Unix time of the last
    /// librdkafka statistics. They arrive only while the worker polls the
    /// consumer: an old value means a wedged worker with frozen lag gauges.
    pub consumer_stats_timestamp: Gauge,
    /// `byline_commits_total`.
    pub commits: IntCounter,
    /// `byline_commit_errors_total`.
    pub commit_errors: IntCounter,
    /// `byline_extracted_total{kind}`.
    pub extracted: IntCounterVec,
    /// `byline_statements_total`.
    pub statements: IntCounter,
    /// `byline_ready`.
    pub ready: IntGauge,
    /// `byline_not_ready{reason}`: 1 for each reason the worker is not ready.
    pub not_ready: IntGaugeVec,
    /// `byline_readiness_changes_total{ready}`: transitions to ready/not ready.
    pub readiness_changes: IntCounterVec,
    /// `byline_partitions_assigned`.
    pub partitions_assigned: IntGauge,
    /// `byline_build_info{version}`.
    pub build_info: IntGaugeVec,
    /// `byline_transactions_total{outcome}` (`exactly-once` mode):
    /// `committed` or `aborted`.
    pub transactions: IntCounterVec,
    /// `byline_transaction_duration_seconds` (`exactly-once` mode): first
    /// record read to `commit_transaction` returned, committed ones only.
    pub transaction_duration: Histogram,
}

/// `outcome` label of a committed transaction.
pub const TXN_COMMITTED: &str = "committed";
/// `outcome` label of an aborted transaction.
pub const TXN_ABORTED: &str = "aborted";

/// Failure reason label of a panicking enrichment.
pub const REASON_ENRICH_PANIC: &str = "enrich_panic";

impl Metrics {
    /// Create and register every metric; label sets known up front start at 0
    /// so dashboards show them before the first event.
    pub fn new() -> Result<Metrics, TelemetryError> {
        let registry = Registry::new();
        let counter_vec = |name: &str, help: &str, labels: &[&str]| {
            IntCounterVec::new(Opts::new(name, help), labels)
        };
        let m = Metrics {
            consumed: counter_vec(
                "byline_articles_consumed_total",
                "Input records read.",
                &["topic"],
            )?,
            enriched: IntCounter::new(
                "byline_articles_enriched_total",
                "Articles enriched and whose outputs were all acknowledged.",
            )?,
            failed: counter_vec(
                "byline_articles_failed_total",
                "Inputs that failed, by reason.",
                &["reason"],
            )?,
            dead_lettered: counter_vec(
                "byline_articles_dead_lettered_total",
                "Dead-letter records acknowledged, by reason.",
                &["reason"],
            )?,
            produced: counter_vec(
                "byline_records_produced_total",
                "Output records acknowledged by the broker.",
                &["topic"],
            )?,
            produce_errors: counter_vec(
                "byline_produce_errors_total",
                "Failed produce attempts (delivery errors).",
                &["topic"],
            )?,
            stage_duration: HistogramVec::new(
                HistogramOpts::new("byline_stage_duration_seconds", "Per-stage latency.").buckets(
                    vec![
                        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                        0.25, 1.0,
                    ],
                ),
                &["stage"],
            )?,
            end_to_end: Histogram::with_opts(
                HistogramOpts::new(
                    "byline_end_to_end_latency_seconds",
                    "Input message timestamp to all outputs acknowledged.",
                )
                .buckets(vec![
                    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
                ]),
            )?,
            in_flight: IntGauge::new(
                "byline_in_flight_messages",
                "Input records consumed but not yet ready to commit.",
            )?,
            consumer_lag: IntGaugeVec::new(
                Opts::new(
                    "byline_consumer_lag",
                    "Consumer lag per partition (librdkafka statistics).",
                ),
                &["topic", "partition"],
            )?,
            consumer_rebalances: IntCounter::new(
                "byline_consumer_rebalances_total",
                "Consumer group rebalances (assignments and revocations; librdkafka cgrp.rebalance_cnt).",
            )?,
            consumer_stats_timestamp: Gauge::new(
                "byline_consumer_stats_timestamp_seconds",
                "Unix time of the last librdkafka consumer statistics (only delivered while the worker polls).",
            )?,
            commits: IntCounter::new("byline_commits_total", "Successful offset commits.")?,
            commit_errors: IntCounter::new("byline_commit_errors_total", "Failed offset commits.")?,
            extracted: counter_vec(
                "byline_extracted_total",
                "Items extracted, by kind.",
                &["kind"],
            )?,
            statements: IntCounter::new(
                "byline_statements_total",
                "Statement events acknowledged.",
            )?,
            ready: IntGauge::new("byline_ready", "1 when /readyz answers 200, else 0.")?,
            not_ready: IntGaugeVec::new(
                Opts::new(
                    "byline_not_ready",
                    "1 for each reason the worker is not ready (/readyz 503), else 0.",
                ),
                &["reason"],
            )?,
            readiness_changes: counter_vec(
                "byline_readiness_changes_total",
                "Transitions of readiness, by the new state.",
                &["ready"],
            )?,
            partitions_assigned: IntGauge::new(
                "byline_partitions_assigned",
                "Partitions currently assigned.",
            )?,
            build_info: IntGaugeVec::new(
                Opts::new("byline_build_info", "Build information (always 1)."),
                &["version"],
            )?,
            transactions: counter_vec(
                "byline_transactions_total",
                "Transactions ended (exactly-once mode), by outcome.",
                &["outcome"],
            )?,
            transaction_duration: Histogram::with_opts(
                HistogramOpts::new(
                    "byline_transaction_duration_seconds",
                    "First record read to transaction committed (exactly-once mode).",
                )
                .buckets(vec![
                    0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
                ]),
            )?,
            registry,
        };
        m.registry.register(Box::new(m.consumed.clone()))?;
        m.registry.register(Box::new(m.enriched.clone()))?;
        m.registry.register(Box::new(m.failed.clone()))?;
        m.registry.register(Box::new(m.dead_lettered.clone()))?;
        m.registry.register(Box::new(m.produced.clone()))?;
        m.registry.register(Box::new(m.produce_errors.clone()))?;
        m.registry.register(Box::new(m.stage_duration.clone()))?;
        m.registry.register(Box::new(m.end_to_end.clone()))?;
        m.registry.register(Box::new(m.in_flight.clone()))?;
        m.registry.register(Box::new(m.consumer_lag.clone()))?;
        m.registry
            .register(Box::new(m.consumer_rebalances.clone()))?;
        m.registry
            .register(Box::new(m.consumer_stats_timestamp.clone()))?;
        m.registry.register(Box::new(m.commits.clone()))?;
        m.registry.register(Box::new(m.commit_errors.clone()))?;
        m.registry.register(Box::new(m.extracted.clone()))?;
        m.registry.register(Box::new(m.statements.clone()))?;
        m.registry.register(Box::new(m.ready.clone()))?;
        m.registry.register(Box::new(m.not_ready.clone()))?;
        m.registry.register(Box::new(m.readiness_changes.clone()))?;
        m.registry
            .register(Box::new(m.partitions_assigned.clone()))?;
        m.registry.register(Box::new(m.build_info.clone()))?;
        m.registry.register(Box::new(m.transactions.clone()))?;
        m.registry
            .register(Box::new(m.transaction_duration.clone()))?;
        m.build_info.with_label_values(&[crate::VERSION]).set(1);
        for o in [TXN_COMMITTED, TXN_ABORTED] {
            m.transactions.with_label_values(&[o]).inc_by(0);
        }
        for r in crate::article::DecodeError::REASONS
            .iter()
            .chain([&REASON_ENRICH_PANIC])
        {
            m.failed.with_label_values(&[r]).inc_by(0);
            m.dead_lettered.with_label_values(&[r]).inc_by(0);
        }
        for s in ["analyze", "dates", "entities", "quotes"] {
            let _ = m.stage_duration.with_label_values(&[s]);
        }
        for r in NOT_READY_REASONS {
            m.not_ready.with_label_values(&[r]).set(0);
        }
        for r in ["true", "false"] {
            m.readiness_changes.with_label_values(&[r]).inc_by(0);
        }
        for k in ["dates", "quotes", "entities"] {
            m.extracted.with_label_values(&[k]).inc_by(0);
        }
        Ok(m)
    }

    /// Create the per-topic series at zero, so dashboards and alerts see
    /// them (as 0) before the first record or error: a series that was
    /// never touched is absent from `/metrics`.
    pub fn init_topics(&self, inputs: &[String], outputs: &[&str]) {
        for t in inputs {
            self.consumed.with_label_values(&[t.as_str()]).inc_by(0);
        }
        for t in outputs {
            self.produced.with_label_values(&[t]).inc_by(0);
            self.produce_errors.with_label_values(&[t]).inc_by(0);
        }
    }

    /// Bring `byline_consumer_rebalances_total` up to librdkafka's
    /// cumulative `cgrp.rebalance_cnt` (statistics report the total).
    pub fn observe_rebalance_count(&self, total: i64) {
        let seen = self.consumer_rebalances.get();
        if let Ok(total) = u64::try_from(total) {
            if total > seen {
                self.consumer_rebalances.inc_by(total - seen);
            }
        }
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        let mut buf = Vec::new();
        if let Err(error) = TextEncoder::new().encode(&self.registry.gather(), &mut buf) {
            tracing::warn!(message = "Encoding metrics failed.", %error);
        }
        String::from_utf8(buf).unwrap_or_default()
    }
}

/// Why a worker is not ready: the label values of `byline_not_ready{reason}`,
/// also named in the "Not ready." log event.
pub const NOT_READY_REASONS: [&str; 6] = [
    "not_consuming",
    "draining",
    "brokers_down",
    "deliveries_failing",
    "commits_failing",
    "input_topic_missing",
];

/// Consecutive failed commits after which the worker reports not ready: one
/// failure is routine (a rebalance in progress), a run of them means the
/// group coordinator is unreachable and finished work piles up uncommitted.
pub const COMMIT_FAILURES_NOT_READY: u32 = 3;

/// Process health as seen by `/healthz` and `/readyz`.
///
/// Ready means "able to make progress": subscribed and not draining, a
/// broker reachable (unknown counts as unreachable until the first sign of
/// life, so a worker started without a broker is not ready), no output
/// record stuck in re-produce, commits succeeding, and every input topic
/// present. Every change of the set of reasons is logged ("Ready." /
/// "Not ready.") and mirrored in `byline_ready`, `byline_not_ready{reason}`
/// and `byline_readiness_changes_total{ready}` once metrics are attached.
pub struct Health {
    /// Set once the consumer subscribed and the producer exists.
    consuming: AtomicBool,
    /// Set while shutting down or draining.
    draining: AtomicBool,
    /// Set while no broker is known to be reachable (true at start).
    brokers_down: AtomicBool,
    /// Output records whose delivery failed and are being produced again.
    failing_deliveries: AtomicUsize,
    /// Commits that failed in a row.
    failed_commits: AtomicU32,
    /// Set while an input topic does not exist.
    input_missing: AtomicBool,
    /// The last reported reason set (bit i = `NOT_READY_REASONS[i]`), `None`
    /// before the first report; the lock orders concurrent reports.
    reported: Mutex<Option<u8>>,
    /// Where readiness changes are counted (set once by [`Health::attach`]).
    metrics: OnceLock<Arc<Metrics>>,
}

impl Default for Health {
    fn default() -> Self {
        Health {
            consuming: AtomicBool::new(false),
            draining: AtomicBool::new(false),
            brokers_down: AtomicBool::new(true),
            failing_deliveries: AtomicUsize::new(0),
            failed_commits: AtomicU32::new(0),
            input_missing: AtomicBool::new(false),
            reported: Mutex::new(None),
            metrics: OnceLock::new(),
        }
    }
}

impl std::fmt::Debug for Health {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Health")
            .field("ready", &self.ready())
            .field("reasons", &self.reasons())
            .finish()
    }
}

/// Held while one output record's delivery is failing; dropping it (the
/// record was acknowledged, or the worker gave up) ends the failure.
pub struct FailingDelivery(Arc<Health>);

impl Drop for FailingDelivery {
    fn drop(&mut self) {
        if self.0.failing_deliveries.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.report();
        }
    }
}

impl Health {
    /// Mirror readiness in `metrics` from now on (the first call wins).
    pub fn attach(&self, metrics: Arc<Metrics>) {
        if self.metrics.set(metrics).is_ok() {
            self.report();
        }
    }
    /// Mark the consumer as subscribed (or not).
    pub fn set_consuming(&self, v: bool) {
        if self.consuming.swap(v, Ordering::SeqCst) != v {
            self.report();
        }
    }
    /// Mark the worker as draining (shutdown).
    pub fn set_draining(&self, v: bool) {
        if self.draining.swap(v, Ordering::SeqCst) != v {
            self.report();
        }
    }
    /// Record whether every broker is unreachable (false on any timely sign
    /// of life: an ack, a commit, a metadata answer, an assignment); returns
    /// whether that changed.
    pub fn set_brokers_down(&self, v: bool) -> bool {
        let changed = self.brokers_down.swap(v, Ordering::SeqCst) != v;
        if changed {
            self.report();
        }
        changed
    }
    /// Record whether an input topic is missing.
    pub fn set_input_missing(&self, v: bool) {
        if self.input_missing.swap(v, Ordering::SeqCst) != v {
            self.report();
        }
    }
    /// One output record's delivery failed; not ready until the returned
    /// guard is dropped (and no other record is failing).
    pub fn delivery_failing(self: &Arc<Self>) -> FailingDelivery {
        if self.failing_deliveries.fetch_add(1, Ordering::SeqCst) == 0 {
            self.report();
        }
        FailingDelivery(self.clone())
    }
    /// Record the outcome of an offset commit.
    pub fn commit_result(&self, ok: bool) {
        if ok {
            if self.failed_commits.swap(0, Ordering::SeqCst) >= COMMIT_FAILURES_NOT_READY {
                self.report();
            }
        } else if self.failed_commits.fetch_add(1, Ordering::SeqCst) + 1
            == COMMIT_FAILURES_NOT_READY
        {
            self.report();
        }
    }
    /// Whether every broker is (or, at start, may be) unreachable.
    pub fn brokers_down(&self) -> bool {
        self.brokers_down.load(Ordering::SeqCst)
    }
    /// Whether an input topic was found missing.
    pub fn input_missing(&self) -> bool {
        self.input_missing.load(Ordering::SeqCst)
    }
    /// The reasons the worker is not ready, as a bit set over
    /// [`NOT_READY_REASONS`].
    fn reason_bits(&self) -> u8 {
        let flags = [
            !self.consuming.load(Ordering::SeqCst),
            self.draining.load(Ordering::SeqCst),
            self.brokers_down.load(Ordering::SeqCst),
            self.failing_deliveries.load(Ordering::SeqCst) > 0,
            self.failed_commits.load(Ordering::SeqCst) >= COMMIT_FAILURES_NOT_READY,
            self.input_missing.load(Ordering::SeqCst),
        ];
        flags
            .iter()
            .enumerate()
            .fold(0, |bits, (i, f)| if *f { bits | (1 << i) } else { bits })
    }
    /// The reasons the worker is not ready (empty when ready).
    pub fn reasons(&self) -> Vec<&'static str> {
        let bits = self.reason_bits();
        NOT_READY_REASONS
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, r)| *r)
            .collect()
    }
    /// Ready: able to make progress (see the type's documentation).
    pub fn ready(&self) -> bool {
        self.reason_bits() == 0
    }
    /// Log and count a change of the reason set.
    fn report(&self) {
        let mut reported = self.reported.lock().unwrap_or_else(|p| p.into_inner());
        let bits = self.reason_bits();
        let before = *reported;
        if before == Some(bits) {
            return;
        }
        *reported = Some(bits);
        let ready = bits == 0;
        let was_ready = before == Some(0);
        let reasons = self.reasons().join(",");
        if let Some(m) = self.metrics.get() {
            m.ready.set(i64::from(ready));
            for (i, r) in NOT_READY_REASONS.iter().enumerate() {
                m.not_ready
                    .with_label_values(&[r])
                    .set(i64::from(bits & (1 << i) != 0));
            }
            if before.is_some() && ready != was_ready {
                m.readiness_changes
                    .with_label_values(&[if ready { "true" } else { "false" }])
                    .inc();
            }
        }
        if ready {
            tracing::info!(message = "Ready.");
        } else if was_ready && !self.draining.load(Ordering::SeqCst) {
            // A fault, not a shutdown.
            tracing::warn!(message = "Not ready.", reasons = %reasons);
        } else {
            tracing::info!(message = "Not ready.", reasons = %reasons);
        }
    }
}

/// Bounds of the HTTP endpoint, so that a client (or a port scan, or a
/// slowloris) cannot hold memory, sockets or tasks: the request head is
/// read into a fixed buffer within one overall deadline, and the number of
/// connections served at once is capped (those over the cap get a 503).
#[derive(Clone, Copy, Debug)]
pub struct HttpLimits {
    /// Largest request head (request line + headers) in bytes; larger
    /// heads get `431`. Bodies are never read (GET only).
    pub max_head_bytes: usize,
    /// Time allowed for the whole request head, however slowly it trickles
    /// in; then `408` and the connection is closed.
    pub head_timeout: std::time::Duration,
    /// Time allowed for writing the response.
    pub write_timeout: std::time::Duration,
    /// Connections served concurrently.
    pub max_connections: usize,
}

impl Default for HttpLimits {
    fn default() -> Self {
        HttpLimits {
            max_head_bytes: 8192,
            head_timeout: std::time::Duration::from_secs(5),
            write_timeout: std::time::Duration::from_secs(10),
            max_connections: 64,
        }
    }
}

/// Bind the HTTP endpoint; the returned future serves it forever.
pub async fn serve(
    listen: &str,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
) -> Result<(SocketAddr, impl std::future::Future<Output = ()>), TelemetryError> {
    serve_with(listen, metrics, health, HttpLimits::default()).await
}

/// [`serve`] with explicit [`HttpLimits`].
pub async fn serve_with(
    listen: &str,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    limits: HttpLimits,
) -> Result<(SocketAddr, impl std::future::Future<Output = ()>), TelemetryError> {
    health.attach(metrics.clone());
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|source| TelemetryError::Bind {
            addr: listen.to_string(),
            source,
        })?;
    let addr = listener
        .local_addr()
        .map_err(|source| TelemetryError::Bind {
            addr: listen.to_string(),
            source,
        })?;
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let fut = async move {
        loop {
            let (mut sock, _) = match listener.accept().await {
                Ok(s) => s,
                Err(error) => {
                    tracing::warn!(message = "Accepting a metrics connection failed.", %error);
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            };
            let Ok(slot) = slots.clone().try_acquire_owned() else {
                // Over the cap: answer without reading, off the accept loop.
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(
                        limits.write_timeout,
                        respond(&mut sock, "503 Service Unavailable", "text/plain", "busy\n"),
                    )
                    .await;
                });
                continue;
            };
            let metrics = metrics.clone();
            let health = health.clone();
            tokio::spawn(async move {
                let _slot = slot;
                let (status, ctype, body) = match tokio::time::timeout(
                    limits.head_timeout,
                    read_head(&mut sock, limits.max_head_bytes),
                )
                .await
                {
                    Ok(Head::Complete(head)) => {
                        let mut words = head.split_whitespace();
                        let method = words.next().unwrap_or_default();
                        let path = words.next().unwrap_or("/");
                        if matches!(method, "GET" | "HEAD") {
                            route(path, &metrics, &health)
                        } else {
                            ("405 Method Not Allowed", "text/plain", "GET only\n".into())
                        }
                    }
                    Ok(Head::TooLarge) => (
                        "431 Request Header Fields Too Large",
                        "text/plain",
                        "request head too large\n".into(),
                    ),
                    Ok(Head::Closed) => return,
                    Err(_) => (
                        "408 Request Timeout",
                        "text/plain",
                        "request timeout\n".into(),
                    ),
                };
                let _ = tokio::time::timeout(
                    limits.write_timeout,
                    respond(&mut sock, status, ctype, &body),
                )
                .await;
            });
        }
    };
    Ok((addr, fut))
}

/// Outcome of reading a request head.
enum Head {
    /// The head up to its blank line (lossy UTF-8).
    Complete(String),
    /// No blank line within the size limit.
    TooLarge,
    /// The client closed (or failed) before a complete head.
    Closed,
}

/// Read until the blank line ending the head, into at most `max` bytes.
async fn read_head(sock: &mut tokio::net::TcpStream, max: usize) -> Head {
    let mut buf = vec![0u8; max];
    let mut n = 0;
    loop {
        let Some(free) = buf.get_mut(n..) else {
            return Head::TooLarge;
        };
        if free.is_empty() {
            return Head::TooLarge;
        }
        match sock.read(free).await {
            Ok(0) | Err(_) => return Head::Closed,
            Ok(k) => {
                // Search only the new bytes and the 3 before them.
                let from = n.saturating_sub(3);
                n += k;
                let seen = buf.get(from..n).unwrap_or_default();
                if seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    return Head::Complete(
                        String::from_utf8_lossy(buf.get(..n).unwrap_or_default()).into_owned(),
                    );
                }
            }
        }
    }
}

async fn respond(
    sock: &mut tokio::net::TcpStream,
    status: &str,
    ctype: &str,
    body: &str,
) -> std::io::Result<()> {
    let resp = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {ctype}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    sock.write_all(resp.as_bytes()).await?;
    sock.shutdown().await
}

fn route(path: &str, metrics: &Metrics, health: &Health) -> (&'static str, &'static str, String) {
    let ready = health.ready();
    metrics.ready.set(i64::from(ready));
    match path.split('?').next().unwrap_or(path) {
        "/metrics" => ("200 OK", "text/plain; version=0.0.4", metrics.render()),
        "/healthz" => ("200 OK", "text/plain", "ok\n".into()),
        "/readyz" if ready => ("200 OK", "text/plain", "ready\n".into()),
        "/readyz" => (
            "503 Service Unavailable",
            "text/plain",
            "not ready\n".into(),
        ),
        _ => ("404 Not Found", "text/plain", "not found\n".into()),
    }
}

/// Install the global tracing subscriber on stderr, `text` or `json`.
pub fn init_logs(format: &str, level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .or_else(|_| tracing_subscriber::EnvFilter::try_new(level))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Colours only for a terminal: log collectors get plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    let _ = if format == "json" {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_render_with_agreed_names() {
        let m = Metrics::new().unwrap();
        m.consumed.with_label_values(&["articles.raw"]).inc();
        m.consumer_lag
            .with_label_values(&["articles.raw", "0"])
            .set(3);
        let text = m.render();
        for name in [
            "byline_articles_consumed_total",
            "byline_articles_failed_total{reason=\"too_large\"} 0",
            "byline_build_info{version=",
            "byline_consumer_lag{partition=\"0\",topic=\"articles.raw\"} 3",
            "byline_ready",
        ] {
            assert!(text.contains(name), "{name} missing");
        }
    }

    #[test]
    fn rebalance_counter_follows_the_cumulative_count() {
        let m = Metrics::new().unwrap();
        m.observe_rebalance_count(2);
        m.observe_rebalance_count(2);
        m.observe_rebalance_count(5);
        m.observe_rebalance_count(-1);
        assert_eq!(m.consumer_rebalances.get(), 5);
        assert!(m.render().contains("byline_consumer_rebalances_total 5"));
    }

    #[test]
    fn topic_series_exist_before_any_record() {
        let m = Metrics::new().unwrap();
        assert!(!m.render().contains("byline_produce_errors_total{"));
        m.init_topics(&["in".to_string()], &["out", "dlq"]);
        let text = m.render();
        for line in [
            "byline_articles_consumed_total{topic=\"in\"} 0",
            "byline_records_produced_total{topic=\"out\"} 0",
            "byline_produce_errors_total{topic=\"dlq\"} 0",
        ] {
            assert!(text.contains(line), "{line} missing");
        }
    }

    #[test]
    fn readiness_follows_every_reason_and_counts_transitions() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        h.attach(m.clone());
        assert_eq!(h.reasons(), vec!["not_consuming", "brokers_down"]);
        h.set_consuming(true);
        assert!(!h.ready(), "unknown brokers count as down");
        h.set_brokers_down(false);
        assert!(h.ready());
        assert_eq!(m.ready.get(), 1);
        assert_eq!(m.readiness_changes.with_label_values(&["true"]).get(), 1);

        let a = h.delivery_failing();
        let b = h.delivery_failing();
        assert_eq!(h.reasons(), vec!["deliveries_failing"]);
        assert_eq!(m.ready.get(), 0);
        assert_eq!(
            m.not_ready.with_label_values(&["deliveries_failing"]).get(),
            1
        );
        drop(a);
        assert!(!h.ready(), "one record still failing");
        drop(b);
        assert!(h.ready());
        assert_eq!(
            m.not_ready.with_label_values(&["deliveries_failing"]).get(),
            0
        );

        for _ in 1..COMMIT_FAILURES_NOT_READY {
            h.commit_result(false);
            assert!(h.ready(), "a few failed commits are routine");
        }
        h.commit_result(false);
        assert_eq!(h.reasons(), vec!["commits_failing"]);
        h.commit_result(true);
        assert!(h.ready());

        h.set_input_missing(true);
        h.set_brokers_down(true);
        assert_eq!(h.reasons(), vec!["brokers_down", "input_topic_missing"]);
        h.set_input_missing(false);
        h.set_brokers_down(false);
        assert!(h.ready());
        h.set_draining(true);
        assert_eq!(h.reasons(), vec!["draining"]);
        assert_eq!(m.readiness_changes.with_label_values(&["true"]).get(), 4);
        assert_eq!(m.readiness_changes.with_label_values(&["false"]).get(), 4);
    }

    #[tokio::test]
    async fn http_routes() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        let (addr, fut) = serve("127.0.0.1:0", m, h.clone()).await.unwrap();
        tokio::spawn(fut);
        let get = |p: &'static str| async move {
            let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
            s.write_all(format!("GET {p} HTTP/1.1\r\nhost: x\r\n\r\n").as_bytes())
                .await
                .unwrap();
            let mut out = String::new();
            s.read_to_string(&mut out).await.unwrap();
            out
        };
        assert!(get("/healthz").await.starts_with("HTTP/1.1 200"));
        assert!(get("/readyz").await.starts_with("HTTP/1.1 503"));
        h.set_consuming(true);
        assert!(
            get("/readyz").await.starts_with("HTTP/1.1 503"),
            "no broker seen yet"
        );
        h.set_brokers_down(false);
        assert!(get("/readyz").await.starts_with("HTTP/1.1 200"));
        let text = get("/metrics").await;
        assert!(text.contains("byline_ready 1"), "{text}");
        assert!(text.contains("byline_readiness_changes_total{ready=\"true\"} 1"));
        assert!(text.contains("byline_not_ready{reason=\"brokers_down\"} 0"));
    }

    #[tokio::test]
    async fn binds_the_configured_address() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let listen = format!("127.0.0.1:{port}");
        let m = Arc::new(Metrics::new().unwrap());
        let (addr, fut) = serve(&listen, m, Arc::new(Health::default()))
            .await
            .unwrap();
        assert_eq!(addr.to_string(), listen);
        tokio::spawn(fut);
        assert!(send_raw(addr, b"GET /healthz HTTP/1.1\r\n\r\n")
            .await
            .starts_with("HTTP/1.1 200"));
        // Taken: the error names the address.
        let e = serve(
            &listen,
            Arc::new(Metrics::new().unwrap()),
            Arc::new(Health::default()),
        )
        .await
        .err()
        .unwrap();
        assert!(e.to_string().contains(&listen), "{e}");
    }

    async fn send_raw(addr: SocketAddr, bytes: &[u8]) -> String {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        let _ = s.write_all(bytes).await;
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out).await;
        String::from_utf8_lossy(&out).into_owned()
    }

    #[tokio::test]
    async fn http_request_heads_are_bounded() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        let limits = HttpLimits {
            max_head_bytes: 1024,
            ..HttpLimits::default()
        };
        let (addr, fut) = serve_with("127.0.0.1:0", m, h, limits).await.unwrap();
        tokio::spawn(fut);
        let huge = format!(
            "GET /metrics HTTP/1.1\r\nx: {}\r\n\r\n",
            "a".repeat(100_000)
        );
        let out = send_raw(addr, huge.as_bytes()).await;
        assert!(out.starts_with("HTTP/1.1 431"), "{out}");
        let out = send_raw(addr, b"POST /metrics HTTP/1.1\r\n\r\n").await;
        assert!(out.starts_with("HTTP/1.1 405"), "{out}");
        // A head just under the limit is still served.
        let ok = format!("GET /healthz HTTP/1.1\r\nx: {}\r\n\r\n", "a".repeat(900));
        assert!(send_raw(addr, ok.as_bytes())
            .await
            .starts_with("HTTP/1.1 200"));
    }

    #[tokio::test]
    async fn a_slowloris_is_cut_off_and_connections_are_capped() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        let limits = HttpLimits {
            head_timeout: std::time::Duration::from_millis(300),
            max_connections: 2,
            ..HttpLimits::default()
        };
        let (addr, fut) = serve_with("127.0.0.1:0", m, h, limits).await.unwrap();
        tokio::spawn(fut);
        // One byte every 50 ms, forever: a per-read timeout would never fire.
        let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
        slow.write_all(b"GET /metrics HTTP/1.1\r\n").await.unwrap();
        let (mut rd, mut wr) = slow.into_split();
        let trickle = tokio::spawn(async move {
            while wr.write_all(b"x").await.is_ok() {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        });
        // Meanwhile, with one slot taken by the slowloris and one by an idle
        // connection, a third client is turned away at once.
        let idle = tokio::net::TcpStream::connect(addr).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let busy = send_raw(addr, b"GET /healthz HTTP/1.1\r\n\r\n").await;
        assert!(busy.starts_with("HTTP/1.1 503"), "{busy}");
        // The server closes while bytes still arrive: the read may end in a
        // reset after the response, which is kept in `out` all the same.
        let mut out = Vec::new();
        let _ = tokio::time::timeout(std::time::Duration::from_secs(30), rd.read_to_end(&mut out))
            .await
            .expect("the slow client was never cut off");
        assert!(
            out.starts_with(b"HTTP/1.1 408"),
            "{}",
            String::from_utf8_lossy(&out)
        );
        trickle.abort();
        drop(idle);
    }
}
