//! Internal events: every log line of the service paths together with the
//! metrics and readiness it moves, one struct per event (the pattern of
//! Vector's `src/internal_events/`). Code that observes something builds
//! the event and calls [`InternalEvent::emit`]; what is logged at which
//! level, which counter moves and what readiness learns is decided here
//! and only here, so a log line and its metric cannot drift apart.
//!
//! Log lines carry the target `byline::internal_events::<area>`, so one
//! area's detail is one directive away (`log.level` or `RUST_LOG`, e.g.
//! `info,byline::internal_events::kafka=debug`).
//!
//! Events borrow what they move (`&Metrics`, `&Health`) instead of reaching
//! for globals: tests run several workers, each with its own registry.
//! Metric names and labels are those of `deploy/METRICS.md`; the readiness
//! reasons are [`crate::telemetry::NOT_READY_REASONS`].
//!
//! - `health`: readiness changes (the one event [`crate::telemetry::Health`]
//!   emits);
//! - `kafka`: the clients' callbacks, rebalances, commits, reads, the
//!   readiness probe, produce and delivery (`kafka/`, shared by the worker
//!   and the novelty processor);
//! - `worker`: one record's way through the worker, the delivery modes'
//!   drains and transactions;
//! - `novelty`: the novelty processor's own events;
//! - `service`: the service roles' start and stop, the telemetry endpoint.

mod health;
#[cfg(feature = "kafka")]
mod kafka;
#[cfg(feature = "kafka")]
mod novelty;
mod service;
#[cfg(feature = "kafka")]
mod worker;

pub use health::*;
#[cfg(feature = "kafka")]
pub use kafka::*;
#[cfg(feature = "kafka")]
pub use novelty::*;
pub use service::*;
#[cfg(feature = "kafka")]
pub use worker::*;

/// Something that happened inside byline: logging it and moving its
/// metrics (and readiness) is one call.
pub trait InternalEvent: Sized {
    /// Log the event and move what it moves.
    fn emit(self);
}
