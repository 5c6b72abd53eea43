//! `byline enrich` reads any input in bounded memory: a single line of
//! hundreds of megabytes (no newline anywhere) is skipped and reported, not
//! loaded. Checked with a counting global allocator: the peak of live heap
//! bytes while the batch consumes a 256 MiB input must stay a small multiple
//! of the configured limits, far below the input size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{BufReader, Read};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use byline::batch::{Batch, BatchStats};
use byline::enrich::Pipeline;

/// Counts live heap bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::SeqCst) + l.size();
            PEAK.fetch_max(now, Ordering::SeqCst);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::SeqCst);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The tests share the counters: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

/// `prefix`, then `len` bytes of `fill`, then `suffix`, generated on the fly.
struct Generated {
    prefix: Vec<u8>,
    fill: u8,
    len: u64,
    suffix: Vec<u8>,
    pos: u64,
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let p = self.prefix.len() as u64;
        let total = p + self.len + self.suffix.len() as u64;
        if self.pos >= total || buf.is_empty() {
            return Ok(0);
        }
        let n = if self.pos < p {
            let src = &self.prefix[self.pos as usize..];
            let n = src.len().min(buf.len());
            buf[..n].copy_from_slice(&src[..n]);
            n
        } else if self.pos < p + self.len {
            let n = ((p + self.len - self.pos) as usize).min(buf.len());
            buf[..n].fill(self.fill);
            n
        } else {
            let src = &self.suffix[(self.pos - p - self.len) as usize..];
            let n = src.len().min(buf.len());
            buf[..n].copy_from_slice(&src[..n]);
            n
        };
        self.pos += n as u64;
        Ok(n)
    }
}

const HUGE: u64 = 256 << 20;
const MAX_BYTES: usize = 1 << 20;
/// Generous bound: limits plus buffers, far below the 256 MiB input.
const PEAK_BOUND: usize = 16 << 20;

fn run(input: Generated) -> (BatchStats, usize, Vec<u8>) {
    let p = Pipeline::with_stages(vec![]);
    let mut out = Vec::new();
    let base = LIVE.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    let mut b = Batch::new(&p, &mut out, MAX_BYTES).with_max_document_bytes(4 * MAX_BYTES);
    b.reader(BufReader::new(input)).unwrap();
    let stats = b.finish().unwrap();
    let peak = PEAK.load(Ordering::SeqCst).saturating_sub(base);
    (stats, peak, out)
}

#[test]
fn a_huge_jsonl_line_is_skipped_in_bounded_memory() {
    let _serial = SERIAL.lock().unwrap();
    let (stats, peak, out) = run(Generated {
        prefix: b"{\"id\":\"a\",\"body\":\"first\"}\n{\"id\":\"huge\",\"body\":\"".to_vec(),
        fill: b'x',
        len: HUGE,
        suffix: b"\"}\n{\"id\":\"b\",\"body\":\"last\"}\n".to_vec(),
        pos: 0,
    });
    assert_eq!(
        stats,
        BatchStats {
            enriched: 2,
            failed: 1
        }
    );
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("\"id\":\"a\"") && out.contains("\"id\":\"b\""));
    assert!(
        peak < PEAK_BOUND,
        "peak heap {peak} bytes for a {HUGE}-byte line"
    );
}

#[test]
fn huge_raw_text_and_arrays_are_rejected_in_bounded_memory() {
    let _serial = SERIAL.lock().unwrap();
    for (prefix, fill, suffix) in [
        (b"date 2025-02-20\n".to_vec(), b'w', Vec::new()),
        (b"[{\"body\":\"".to_vec(), b'a', b"\"}]".to_vec()),
        (b"{\n  \"body\": \"".to_vec(), b'a', b"\"\n}".to_vec()),
    ] {
        let (stats, peak, out) = run(Generated {
            prefix,
            fill,
            len: HUGE,
            suffix,
            pos: 0,
        });
        // One rejection (a pretty object over the limit is read as JSON
        // lines: each of its lines is rejected).
        assert!(stats.failed >= 1 && stats.enriched == 0, "{stats:?}");
        assert!(out.is_empty());
        assert!(peak < PEAK_BOUND, "peak heap {peak} bytes for {HUGE} bytes");
    }
}
