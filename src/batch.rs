//! `byline enrich`: the no-broker path for backfills, debugging and the scorer.
//!
//! Reads articles from files or stdin and writes one `byline.article.v1` JSON
//! object per line. Input formats, told apart by content (files by extension
//! first): JSONL (one JSON article per line), a JSON array or single object,
//! or raw text (one article, optionally opening with a `date YYYY-MM-DD` line).
//! It uses the worker's decoder and stages; a bad article is reported on
//! stderr with its reason and the run goes on.

use std::io::{self, BufRead, Write};
use std::path::Path;

use crate::article::{self, Article, DecodeError, RecordContext};
use crate::enrich::{build_event, Pipeline};
use crate::event::Processing;

/// Errors of the batch path that stop the run (I/O only: bad articles don't).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// Reading an input or writing the output failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being read or written.
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Serializing an event failed (does not happen for valid events).
    #[error("serializing event: {0}")]
    Json(#[from] serde_json::Error),
}

/// Totals of one run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Articles enriched and written.
    pub enriched: u64,
    /// Inputs rejected by the decoder (reported on stderr).
    pub failed: u64,
}

/// Default cap on one JSON document holding many articles (a `.json`
/// array): it is parsed whole, so it is bounded separately from articles.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 64 << 20;

/// Enriches inputs to a writer.
///
/// Memory is bounded whatever the input: JSON lines are read one at a
/// time, each into at most `max_bytes` (a longer line is skipped without
/// being held, and reported `too_large`); a raw-text or single-object input
/// is read up to `max_bytes`, a JSON array up to `max_document_bytes`, and
/// the rest of a larger one is skipped and reported.
pub struct Batch<'p, W: Write> {
    /// The stages to run.
    pipeline: &'p Pipeline,
    /// Where JSON lines go.
    out: W,
    /// Size limit per article, as for Kafka values.
    max_bytes: usize,
    /// Size limit of a JSON array document.
    max_document_bytes: usize,
    /// Running totals.
    stats: BatchStats,
    /// The output line, reused so that each article's JSON is written into
    /// memory already grown by the articles before it.
    line: Vec<u8>,
}

/// How a bounded line read ended.
#[derive(Debug, PartialEq, Eq)]
enum LineEnd {
    /// A newline was read (and appended).
    Newline,
    /// End of input.
    Eof,
    /// The buffer reached its limit before a newline; the rest of the line
    /// is still unread.
    Limit,
}

/// Append to `out` up to and including the next newline, stopping early
/// when `out` holds `limit` bytes: memory never exceeds the limit, however
/// long the line.
fn read_line_upto(r: &mut impl BufRead, limit: usize, out: &mut Vec<u8>) -> io::Result<LineEnd> {
    loop {
        if out.len() >= limit {
            return Ok(LineEnd::Limit);
        }
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(LineEnd::Eof);
        }
        let room = limit - out.len();
        let window = buf.get(..room.min(buf.len())).unwrap_or(buf);
        match window.iter().position(|&b| b == b'\n') {
            Some(i) => {
                out.extend_from_slice(window.get(..=i).unwrap_or(window));
                r.consume(i + 1);
                return Ok(LineEnd::Newline);
            }
            None => {
                let n = window.len();
                out.extend_from_slice(window);
                r.consume(n);
            }
        }
    }
}

/// Skip to just after the next newline (or the end); returns the bytes
/// skipped, the newline excluded.
fn skip_line(r: &mut impl BufRead) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(skipped);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                r.consume(i + 1);
                return Ok(skipped + i as u64);
            }
            None => {
                let n = buf.len();
                r.consume(n);
                skipped += n as u64;
            }
        }
    }
}

/// Append the rest of `r` to `out` while `out` stays within `limit`;
/// returns the total size when the input is larger (the excess skipped).
fn read_upto(r: &mut impl BufRead, limit: usize, out: &mut Vec<u8>) -> io::Result<Option<u64>> {
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(None);
        }
        let n = buf.len();
        if out.len() + n > limit {
            let mut total = (out.len() + n) as u64;
            r.consume(n);
            out.clear();
            loop {
                let n = r.fill_buf()?.len();
                if n == 0 {
                    return Ok(Some(total));
                }
                r.consume(n);
                total += n as u64;
            }
        }
        out.extend_from_slice(buf);
        r.consume(n);
    }
}

/// Append from `r` until `out` holds more than `limit` bytes or the input
/// ends; true at the end of input.
fn fill_upto(r: &mut impl BufRead, limit: usize, out: &mut Vec<u8>) -> io::Result<bool> {
    while out.len() <= limit {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(true);
        }
        let n = buf
            .len()
            .min(limit.saturating_add(1).saturating_sub(out.len()));
        out.extend_from_slice(buf.get(..n).unwrap_or(buf));
        r.consume(n);
    }
    Ok(false)
}

fn strip_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn is_blank(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_whitespace)
}

impl<'p, W: Write> Batch<'p, W> {
    /// A batch writing to `out`.
    pub fn new(pipeline: &'p Pipeline, out: W, max_bytes: usize) -> Self {
        Batch {
            pipeline,
            out,
            max_bytes,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES.max(max_bytes),
            stats: BatchStats::default(),
            line: Vec::with_capacity(4096),
        }
    }

    /// Set the size limit of a JSON array document (at least `max_bytes`).
    pub fn with_max_document_bytes(mut self, limit: usize) -> Self {
        self.max_document_bytes = limit.max(self.max_bytes);
        self
    }

    /// Totals so far.
    pub fn stats(&self) -> BatchStats {
        self.stats
    }

    /// Enrich one file; format chosen by extension, then by content.
    pub fn file(&mut self, path: &Path) -> Result<(), BatchError> {
        let name = path.display().to_string();
        let io = |source| BatchError::Io {
            context: format!("reading {name}"),
            source,
        };
        let f = std::fs::File::open(path).map_err(io)?;
        let mut r = io::BufReader::new(f);
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let result = match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => self.lines(&mut r, &name, Vec::new()),
            Some("json") => self.document(&mut r, Vec::new(), &name, stem.as_deref(), true),
            _ => self.auto(&mut r, &name, stem.as_deref()),
        };
        result.map_err(|e| match e {
            Step::Io(source) => io(source),
            Step::Batch(b) => b,
        })
    }

    /// Enrich everything readable from `r` (stdin), format by content.
    pub fn reader(&mut self, mut r: impl BufRead) -> Result<(), BatchError> {
        self.auto(&mut r, "<stdin>", None).map_err(|e| match e {
            Step::Io(source) => BatchError::Io {
                context: "reading stdin".into(),
                source,
            },
            Step::Batch(b) => b,
        })
    }

    /// Tell the format from the first non-blank line (read within
    /// `max_bytes`): `[` a JSON array, `{` JSON lines or one (pretty)
    /// object, anything else one raw-text article.
    fn auto(&mut self, r: &mut impl BufRead, name: &str, stem: Option<&str>) -> Result<(), Step> {
        let mut head = Vec::new();
        let start = loop {
            let start = head.len();
            let end = read_line_upto(r, self.max_bytes.saturating_add(1), &mut head)?;
            if end == LineEnd::Newline && is_blank(head.get(start..).unwrap_or_default()) {
                continue;
            }
            break start;
        };
        let line = head.get(start..).unwrap_or_default();
        match line.iter().find(|b| !b.is_ascii_whitespace()).copied() {
            // Only whitespace: the decoder reports the empty article.
            None => self.one(&head, name, stem).map_err(Step::Batch),
            Some(b'[') => self.document(r, head, name, stem, true),
            Some(b'{') => {
                // Within one article's limit and exactly one JSON value: a
                // single (maybe pretty-printed) object, keyed by the file
                // stem. Anything else: JSON lines, streamed.
                let eof = fill_upto(r, self.max_bytes, &mut head)?;
                if eof && is_single_json_value(&head) {
                    self.json_document(&head, name, stem).map_err(Step::Batch)
                } else {
                    self.lines(r, name, head)
                }
            }
            // Raw text: one article.
            Some(_) => self.document(r, head, name, stem, false),
        }
    }

    /// JSON lines, one bounded line at a time; `carry` holds input the
    /// caller already read (whole lines, then maybe the start of one).
    fn lines(&mut self, r: &mut impl BufRead, name: &str, carry: Vec<u8>) -> Result<(), Step> {
        let limit = self.max_bytes.saturating_add(1);
        let mut carry = io::Cursor::new(carry);
        let mut r = io::Read::chain(&mut carry, r);
        let mut line = Vec::new();
        let mut lineno = 0;
        loop {
            line.clear();
            let end = read_line_upto(&mut r, limit, &mut line)?;
            lineno += 1;
            if end == LineEnd::Limit {
                let size = line.len() as u64 + skip_line(&mut r)?;
                self.too_large(&format!("{name}:{lineno}"), size, self.max_bytes);
                continue;
            }
            if !is_blank(&line) {
                let value = strip_newline(&line);
                let name = format!("{name}:{lineno}");
                // Every line of JSON lines is an object: a stray text line
                // (the tail of an oversized pretty object, say) is not an
                // article of its own.
                let text = value.strip_prefix("\u{feff}".as_bytes()).unwrap_or(value);
                if text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
                    self.one(value, &name, None).map_err(Step::Batch)?;
                } else {
                    let e = DecodeError::InvalidJson("a JSON lines line must be an object".into());
                    self.report(&name, &e);
                }
            }
            if end == LineEnd::Eof {
                return Ok(());
            }
        }
    }

    /// A whole-input document (`data` is what was read of it already):
    /// a JSON array (bounded by `max_document_bytes`) or one article
    /// (bounded by `max_bytes`).
    fn document(
        &mut self,
        r: &mut impl BufRead,
        mut data: Vec<u8>,
        name: &str,
        stem: Option<&str>,
        array: bool,
    ) -> Result<(), Step> {
        let limit = if array {
            self.max_document_bytes
        } else {
            self.max_bytes
        };
        if let Some(size) = read_upto(r, limit, &mut data)? {
            self.too_large(name, size, limit);
            return Ok(());
        }
        if data.len() > limit {
            self.too_large(name, data.len() as u64, limit);
            return Ok(());
        }
        self.json_document(&data, name, stem).map_err(Step::Batch)
    }

    fn too_large(&mut self, name: &str, size: u64, limit: usize) {
        let e = DecodeError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
            limit,
        };
        self.report(name, &e);
    }

    fn json_document(
        &mut self,
        data: &[u8],
        name: &str,
        stem: Option<&str>,
    ) -> Result<(), BatchError> {
        match serde_json::from_slice::<serde_json::Value>(data) {
            Ok(serde_json::Value::Array(items)) => {
                for (n, item) in items.iter().enumerate() {
                    let bytes = serde_json::to_vec(item)?;
                    self.one(&bytes, &format!("{name}[{n}]"), None)?;
                }
                Ok(())
            }
            // A single object, or invalid JSON: the decoder says which.
            _ => self.one(data, name, stem),
        }
    }

    fn one(&mut self, value: &[u8], name: &str, key: Option<&str>) -> Result<(), BatchError> {
        let ctx = RecordContext {
            key: key.map(str::as_bytes),
            published_at: None,
        };
        match article::decode(value, ctx, self.max_bytes) {
            Ok(a) => self.write(&a),
            Err(e) => {
                self.report(name, &e);
                Ok(())
            }
        }
    }

    fn write(&mut self, a: &Article) -> Result<(), BatchError> {
        let enrichment = self.pipeline.run(a);
        let processing = Processing {
            byline_version: crate::VERSION.to_string(),
            processed_at: crate::now_rfc3339(),
            source: None,
        };
        let event = build_event(a, enrichment, processing);
        let io = |source| BatchError::Io {
            context: "writing output".into(),
            source,
        };
        self.line.clear();
        crate::event::write_article_json(&event, &mut self.line);
        self.line.push(b'\n');
        self.out.write_all(&self.line).map_err(io)?;
        self.stats.enriched += 1;
        Ok(())
    }

    fn report(&mut self, name: &str, e: &DecodeError) {
        self.stats.failed += 1;
        tracing::warn!(message = "Article rejected.", input = %name, reason = e.reason(), error = %e);
    }

    /// Flush the writer.
    pub fn finish(mut self) -> Result<BatchStats, BatchError> {
        self.out.flush().map_err(|source| BatchError::Io {
            context: "flushing output".into(),
            source,
        })?;
        Ok(self.stats)
    }
}

/// Why a step of the batch stopped: reading the input, or a [`BatchError`]
/// (writing the output).
enum Step {
    /// Reading the input failed.
    Io(io::Error),
    /// Writing or serializing failed.
    Batch(BatchError),
}

impl From<io::Error> for Step {
    fn from(e: io::Error) -> Step {
        Step::Io(e)
    }
}

/// Whether `data` is exactly one JSON value (one line of JSON lines, or a
/// whole object), as opposed to the start of a pretty-printed one.
fn is_single_json_value(data: &[u8]) -> bool {
    let mut de = serde_json::Deserializer::from_slice(data).into_iter::<serde::de::IgnoredAny>();
    matches!(de.next(), Some(Ok(_))) && de.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> (Vec<serde_json::Value>, BatchStats) {
        let p = Pipeline::with_stages(vec![]);
        let mut out = Vec::new();
        let mut b = Batch::new(&p, &mut out, 1 << 20);
        b.reader(input.as_bytes()).unwrap();
        let stats = b.finish().unwrap();
        let lines = String::from_utf8(out).unwrap();
        (
            lines
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect(),
            stats,
        )
    }

    #[test]
    fn jsonl_keeps_ids_and_skips_bad_lines() {
        let (ev, st) = run("{\"id\":\"a\",\"body\":\"x\",\"published_at\":\"2025-02-20\"}\n\n{\"title\":\"no body\"}\n{\"id\":\"b\",\"text\":\"y\"}\n");
        assert_eq!(
            st,
            BatchStats {
                enriched: 2,
                failed: 1
            }
        );
        assert_eq!(ev[0]["id"], "a");
        assert_eq!(ev[0]["published_at"], "2025-02-20");
        assert_eq!(ev[0]["schema"], "byline.article.v1");
        assert_eq!(ev[1]["id"], "b");
    }

    fn run_limited(
        input: &[u8],
        max: usize,
        max_doc: usize,
    ) -> (Vec<serde_json::Value>, BatchStats) {
        let p = Pipeline::with_stages(vec![]);
        let mut out = Vec::new();
        let mut b = Batch::new(&p, &mut out, max).with_max_document_bytes(max_doc);
        b.reader(input).unwrap();
        let stats = b.finish().unwrap();
        let v = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (v, stats)
    }

    #[test]
    fn oversized_inputs_are_rejected_and_the_rest_goes_on() {
        let long = format!("{{\"id\":\"big\",\"body\":\"{}\"}}", "x".repeat(500));
        let input =
            format!("{{\"id\":\"a\",\"body\":\"x\"}}\n{long}\n{{\"id\":\"b\",\"body\":\"y\"}}\n");
        let (ev, st) = run_limited(input.as_bytes(), 100, 1000);
        assert_eq!(
            st,
            BatchStats {
                enriched: 2,
                failed: 1
            }
        );
        assert_eq!(ev[0]["id"], "a");
        assert_eq!(ev[1]["id"], "b");
        // The first line too long as well.
        let input = format!("{long}\n{{\"id\":\"b\",\"body\":\"y\"}}");
        let (ev, st) = run_limited(input.as_bytes(), 100, 1000);
        assert_eq!(
            st,
            BatchStats {
                enriched: 1,
                failed: 1
            }
        );
        assert_eq!(ev[0]["id"], "b");
        // Raw text over the limit: one rejection, nothing written.
        let (ev, st) = run_limited("word ".repeat(100).as_bytes(), 100, 1000);
        assert_eq!((ev.len(), st.failed), (0, 1));
        // Exactly at the limit is accepted.
        let (ev, _) = run_limited("a".repeat(100).as_bytes(), 100, 1000);
        assert_eq!(ev.len(), 1);
        // An array is bounded by the document limit, not the article one.
        let arr = format!("[{}]", vec!["{\"body\":\"abc\"}"; 20].join(","));
        let (ev, _) = run_limited(arr.as_bytes(), 100, 1000);
        assert_eq!(ev.len(), 20);
        let (ev, st) = run_limited(arr.as_bytes(), 100, 200);
        assert_eq!((ev.len(), st.failed), (0, 1));
    }

    #[test]
    fn jsonl_with_a_broken_first_line_keeps_the_others() {
        let (ev, st) = run("{\"body\": broken\n{\"id\":\"b\",\"body\":\"y\"}\n");
        assert_eq!(
            st,
            BatchStats {
                enriched: 1,
                failed: 1
            }
        );
        assert_eq!(ev[0]["id"], "b");
    }

    #[test]
    fn raw_text_and_arrays() {
        let (ev, _) = run("date 2025-02-20\nHello world.");
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0]["published_at"], "2025-02-20");
        let (ev, _) = run("[{\"body\":\"a\"},{\"body\":\"b\"}]");
        assert_eq!(ev.len(), 2);
        let (ev, _) = run("{\n  \"id\": \"p\",\n  \"body\": \"pretty\"\n}\n");
        assert_eq!(ev[0]["id"], "p");
    }
}
