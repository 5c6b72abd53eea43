//! The input decoder on arbitrary bytes: never panics; what it accepts has a
//! non-empty body and an id.
#![no_main]

use byline::article::{decode, RecordContext};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte splits off a key and a published_at header, so those
    // paths are fuzzed too.
    let (ctx_len, rest) = match data.split_first() {
        Some((n, rest)) => ((*n as usize) % 16, rest),
        None => (0, data),
    };
    let (key, value) = rest.split_at(ctx_len.min(rest.len()));
    let ctx = RecordContext {
        key: Some(key),
        published_at: Some(key),
    };
    if let Ok(a) = decode(value, ctx, 1 << 20) {
        assert!(!a.body.trim().is_empty());
        assert!(!a.id.is_empty());
    }
});
