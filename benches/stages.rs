//! Whole-enrichment benchmarks (criterion) over the bundled news corpus
//! (`data/corpus/meantime-full.jsonl`: 60 real Wikinews articles).
//!
//! Reported as bytes/s of article body (`Throughput::Bytes`), so MB/s per core
//! reads straight off criterion's output; articles/s is that divided by the
//! mean article size, printed once at start. Per-stage benchmarks live beside
//! this file (`dates.rs`, `entities.rs`, `quotes.rs`).

use byline::article::{self, Article, RecordContext, DEFAULT_MAX_BYTES};
use byline::enrich::Pipeline;
use byline::text::Text;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The corpus as decoded articles.
fn corpus() -> Vec<Article> {
    let data = include_str!("../data/corpus/meantime-full.jsonl");
    data.lines()
        .filter_map(|l| {
            article::decode(l.as_bytes(), RecordContext::default(), DEFAULT_MAX_BYTES).ok()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    eprintln!(
        "corpus: {} articles, {} bytes, {:.0} bytes/article",
        articles.len(),
        bytes,
        bytes as f64 / articles.len().max(1) as f64
    );
    let mut g = c.benchmark_group("enrichment");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| Text::analyze(&a.body).tokens().len())
                .sum::<usize>()
        })
    });
    let pipeline = Pipeline::standard();
    g.bench_function("all_stages", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| {
                    let e = pipeline.run(a);
                    e.dates.len() + e.entities.len() + e.quotes.len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("decode_enrich_serialize", |b| {
        let raw: Vec<&str> = include_str!("../data/corpus/meantime-full.jsonl")
            .lines()
            .collect();
        b.iter(|| {
            let mut n = 0usize;
            for line in &raw {
                if let Ok(a) =
                    article::decode(line.as_bytes(), RecordContext::default(), DEFAULT_MAX_BYTES)
                {
                    let e = pipeline.run(&a);
                    let ev = byline::enrich::build_event(
                        &a,
                        e,
                        byline::event::Processing {
                            byline_version: byline::VERSION.into(),
                            processed_at: String::new(),
                            source: None,
                        },
                    );
                    // The article event and its statement events, as the
                    // worker encodes them.
                    n += byline::event::encode(&ev).map_or(0, |e| {
                        e.article.1.len() + e.statements.iter().map(|s| s.1.len()).sum::<usize>()
                    });
                }
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
