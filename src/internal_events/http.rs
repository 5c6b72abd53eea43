//! Events of the telemetry HTTP endpoint.

use super::InternalEvent;

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
