//! byline: turns raw news articles into structured events (who said what,
//! about whom, and when).
//!
//! # Module map
//! - [`article`]: input model and decoding (JSON or raw text with a `date` header).
//! - [`text`]: the shared analysis of one body: tokens, sentences, offsets.
//! - [`enrich`]: the stage trait and pipeline; [`enrich::dates`],
//!   [`enrich::entities`] (a trained tagger, [`enrich::entities::model`],
//!   trained by `byline train-entities`), [`enrich::quotes`] are the stages.
//! - [`event`]: output events, the v1 contract, statement fingerprints, JSON Schemas.
//! - [`novelty`]: statement identities (similarity signatures, the LSH
//!   store) and the `byline novelty` processor.
//! - [`rng`]: the one deterministic generator (training order, benches).
//! - [`batch`]: `byline enrich`, files/stdin to JSON lines.
//! - [`config`]: TOML file + `BYLINE_*` environment + flags, validation naming the key.
//! - [`telemetry`]: every metric and log setup; `telemetry::health`
//!   (readiness), `telemetry::http` (`/metrics` `/healthz` `/readyz`, on
//!   hyper).
//! - [`internal_events`]: every log line of the service paths with the
//!   metrics and readiness it moves, one struct per event.
//! - `kafka` (feature `kafka`), the plumbing: `offsets` (contiguous commit
//!   watermark), `consumer` (the context: statistics, errors, auto-commit
//!   results, the revoke hook; readiness probe), `producer` (idempotent and
//!   transactional, delivery with retry), `embedded` (mock cluster, samples).
//! - `worker` (feature `kafka`), the policy: one loop (backpressure,
//!   enrichment off the reactor, drain) and two delivery modes,
//!   `at_least_once` and `exactly_once`, each stating its guarantee. It uses
//!   `kafka`, never the other way round.

pub mod article;
pub mod batch;
pub mod config;
pub mod enrich;
pub mod event;
pub mod internal_events;
#[cfg(feature = "kafka")]
pub mod kafka;
pub mod novelty;
pub mod rng;
pub mod telemetry;
pub mod text;
#[cfg(feature = "kafka")]
pub mod worker;

/// byline's version, stamped on every event.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Appends `bytes` to `out` as lowercase hex digits, two per byte: ids,
/// fingerprints and signatures are written per statement, where
/// `format!("{b:02x}")` per byte was a measurable share of the worker's
/// own cost.
pub fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    // Digits go through a stack buffer and are appended a chunk at a time:
    // pushing them char by char cost a capacity check and a UTF-8 encoding
    // each (every statement event carries 256 digits of MinHash).
    let mut buf = [0u8; 128];
    out.reserve(bytes.len() * 2);
    for chunk in bytes.chunks(buf.len() / 2) {
        let hex = &mut buf[..chunk.len() * 2];
        for (pair, b) in hex.chunks_exact_mut(2).zip(chunk) {
            pair[0] = DIGITS[usize::from(b >> 4)];
            pair[1] = DIGITS[usize::from(b & 0xf)];
        }
        // Hex digits are ASCII, always UTF-8.
        if let Ok(s) = std::str::from_utf8(hex) {
            out.push_str(s);
        }
    }
}

/// Now as RFC 3339 UTC with millisecond precision.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    #[test]
    fn push_hex_writes_two_lowercase_digits_per_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let mut out = String::from("id:");
        super::push_hex(&mut out, &all);
        let expected: String = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(out, format!("id:{expected}"));
        // Lengths around the chunk size.
        for n in [0, 1, 63, 64, 65, 130] {
            let mut out = String::new();
            super::push_hex(&mut out, &all[..n]);
            assert_eq!(out, expected[..2 * n]);
        }
    }
}
