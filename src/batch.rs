//! `byline enrich`: the no-broker path for backfills, debugging and the scorer.
//!
//! Reads articles from files or stdin and writes one `byline.article.v1` JSON
//! object per line. Input formats, told apart by content (files by extension
//! first): JSONL (one JSON article per line), a JSON array or single object,
//! or raw text (one article, optionally opening with a `date YYYY-MM-DD` line).
//! It uses the worker's decoder and stages; a bad article is reported on
//! stderr with its reason and the run goes on.

use std::io::{BufRead, Write};
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

/// Enriches inputs to a writer.
pub struct Batch<'p, W: Write> {
    /// The stages to run.
    pipeline: &'p Pipeline,
    /// Where JSON lines go.
    out: W,
    /// Size limit per article, as for Kafka values.
    max_bytes: usize,
    /// Running totals.
    stats: BatchStats,
}

impl<'p, W: Write> Batch<'p, W> {
    /// A batch writing to `out`.
    pub fn new(pipeline: &'p Pipeline, out: W, max_bytes: usize) -> Self {
        Batch {
            pipeline,
            out,
            max_bytes,
            stats: BatchStats::default(),
        }
    }

    /// Totals so far.
    pub fn stats(&self) -> BatchStats {
        self.stats
    }

    /// Enrich one file; format chosen by extension, then by content.
    pub fn file(&mut self, path: &Path) -> Result<(), BatchError> {
        let data = std::fs::read(path).map_err(|source| BatchError::Io {
            context: format!("reading {}", path.display()),
            source,
        })?;
        let name = path.display().to_string();
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => self.jsonl(&data, &name),
            Some("json") => self.json_document(&data, &name, stem.as_deref()),
            _ => self.auto(&data, &name, stem.as_deref()),
        }
    }

    /// Enrich everything readable from `r` (stdin), format by content.
    pub fn reader(&mut self, mut r: impl BufRead) -> Result<(), BatchError> {
        let mut data = Vec::new();
        r.read_to_end(&mut data).map_err(|source| BatchError::Io {
            context: "reading stdin".into(),
            source,
        })?;
        self.auto(&data, "<stdin>", None)
    }

    fn auto(&mut self, data: &[u8], name: &str, stem: Option<&str>) -> Result<(), BatchError> {
        let first = data.iter().find(|b| !b.is_ascii_whitespace()).copied();
        match first {
            Some(b'[') => self.json_document(data, name, stem),
            Some(b'{') if is_single_json_value(data) => self.json_document(data, name, stem),
            Some(b'{') => self.jsonl(data, name),
            _ => self.one(data, name, stem),
        }
    }

    fn jsonl(&mut self, data: &[u8], name: &str) -> Result<(), BatchError> {
        for (n, line) in data.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.one(line, &format!("{name}:{}", n + 1), None)?;
        }
        Ok(())
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
        serde_json::to_writer(&mut self.out, &event)?;
        self.out.write_all(b"\n").map_err(io)?;
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

/// Whether `data` is exactly one JSON value (a pretty-printed object), as
/// opposed to JSON lines.
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
