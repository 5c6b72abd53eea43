//! Events of the service roles' start and stop (`main.rs`: `byline run`,
//! `byline novelty`) and of the telemetry endpoint.

use std::net::SocketAddr;

use super::InternalEvent;

/// The enrichment stages `byline run` is configured with.
pub struct EnrichmentStages<'a> {
    /// The stage names, in order.
    pub stages: &'a [String],
}

impl InternalEvent for EnrichmentStages<'_> {
    fn emit(self) {
        tracing::info!(message = "Enrichment stages.", stages = ?self.stages);
    }
}

/// The telemetry endpoint listens on `addr`.
pub struct ServingMetrics {
    /// The bound address.
    pub addr: SocketAddr,
}

impl InternalEvent for ServingMetrics {
    fn emit(self) {
        tracing::info!(message = "Serving metrics.", addr = %self.addr);
    }
}

/// SIGINT or SIGTERM arrived: the service stops reading and drains.
pub struct ShutdownSignalReceived;

impl InternalEvent for ShutdownSignalReceived {
    fn emit(self) {
        tracing::info!(message = "Signal received, shutting down.");
    }
}

/// Accepting a connection failed (out of file descriptors, typically); the
/// endpoint waits a little and accepts again.
pub struct HttpAcceptFailed<'a> {
    /// The error.
    pub error: &'a std::io::Error,
}

impl InternalEvent for HttpAcceptFailed<'_> {
    fn emit(self) {
        tracing::warn!(message = "Accepting a metrics connection failed.", error = %self.error);
    }
}

/// A connection ended with an error: a client that timed out, sent
/// something that is not HTTP (hyper answered 400 or 431 itself) or went
/// away. Routine; the connection is closed either way.
pub struct HttpConnectionFailed<'a> {
    /// The error.
    pub error: &'a hyper::Error,
}

impl InternalEvent for HttpConnectionFailed<'_> {
    fn emit(self) {
        tracing::debug!(message = "Metrics connection ended with an error.", error = %self.error);
    }
}

/// Encoding the metrics for `/metrics` failed (a bug: an invalid metric).
pub struct MetricsEncodingFailed<'a> {
    /// The error.
    pub error: &'a prometheus::Error,
}

impl InternalEvent for MetricsEncodingFailed<'_> {
    fn emit(self) {
        tracing::warn!(message = "Encoding metrics failed.", error = %self.error);
    }
}
