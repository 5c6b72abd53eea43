//! Observability in one place: every metric (names and labels are the agreed
//! interface in `METRICS.md`, shared with the deployment), the health state
//! behind `/healthz` and `/readyz`, the HTTP endpoint, and log setup.
//!
//! The HTTP endpoint is a deliberately tiny HTTP/1.1 responder on tokio: three
//! GET routes for Prometheus and the kubelet do not justify a web framework.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
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
    /// `byline_consumer_lag{topic,partition}`.
    pub consumer_lag: IntGaugeVec,
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
        m.registry.register(Box::new(m.commits.clone()))?;
        m.registry.register(Box::new(m.commit_errors.clone()))?;
        m.registry.register(Box::new(m.extracted.clone()))?;
        m.registry.register(Box::new(m.statements.clone()))?;
        m.registry.register(Box::new(m.ready.clone()))?;
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

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        let mut buf = Vec::new();
        if let Err(error) = TextEncoder::new().encode(&self.registry.gather(), &mut buf) {
            tracing::warn!(message = "Encoding metrics failed.", %error);
        }
        String::from_utf8(buf).unwrap_or_default()
    }
}

/// Process health as seen by `/healthz` and `/readyz`.
#[derive(Debug, Default)]
pub struct Health {
    /// Set once the consumer subscribed and the producer exists.
    consuming: AtomicBool,
    /// Set while shutting down or draining.
    draining: AtomicBool,
    /// Set while librdkafka reports every broker down.
    brokers_down: AtomicBool,
}

impl Health {
    /// Mark the consumer as subscribed (or not).
    pub fn set_consuming(&self, v: bool) {
        self.consuming.store(v, Ordering::SeqCst);
    }
    /// Mark the worker as draining (shutdown).
    pub fn set_draining(&self, v: bool) {
        self.draining.store(v, Ordering::SeqCst);
    }
    /// Record whether every broker is unreachable.
    pub fn set_brokers_down(&self, v: bool) {
        self.brokers_down.store(v, Ordering::SeqCst);
    }
    /// Ready: consuming, not draining, brokers reachable.
    pub fn ready(&self) -> bool {
        self.consuming.load(Ordering::SeqCst)
            && !self.draining.load(Ordering::SeqCst)
            && !self.brokers_down.load(Ordering::SeqCst)
    }
}

/// Bind the HTTP endpoint; the returned future serves it forever.
pub async fn serve(
    listen: &str,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
) -> Result<(SocketAddr, impl std::future::Future<Output = ()>), TelemetryError> {
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
            let metrics = metrics.clone();
            let health = health.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let mut n = 0;
                // Read the request head (bodies are ignored: GET only).
                while n < buf.len() {
                    match tokio::time::timeout(
                        std::time::Duration::from_secs(5),
                        sock.read(&mut buf[n..]),
                    )
                    .await
                    {
                        Ok(Ok(0)) | Err(_) | Ok(Err(_)) => break,
                        Ok(Ok(k)) => {
                            n += k;
                            if buf[..n].windows(4).any(|w| w == b"\r\n\r\n") {
                                break;
                            }
                        }
                    }
                }
                let head = String::from_utf8_lossy(buf.get(..n).unwrap_or_default());
                let path = head.split_whitespace().nth(1).unwrap_or("/");
                let (status, ctype, body) = route(path, &metrics, &health);
                let resp = format!(
                    "HTTP/1.1 {status}\r\ncontent-type: {ctype}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = sock.write_all(resp.as_bytes()).await;
                let _ = sock.shutdown().await;
            });
        }
    };
    Ok((addr, fut))
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
        assert!(get("/readyz").await.starts_with("HTTP/1.1 200"));
        assert!(get("/metrics").await.contains("byline_ready 1"));
    }
}
