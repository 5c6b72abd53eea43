//! Quotes stage throughput (criterion) over the bundled MEANTIME articles
//! (`data/corpus/meantime-full.jsonl`), in body bytes per second:
//! - `quotes/extract`: the stage alone, on texts analysed beforehand (what
//!   the pipeline pays for this stage);
//! - `quotes/analyze+extract`: with the shared text analysis included;
//! - `quotes/extract_with_entities`: the stage as the pipeline runs it,
//!   with the article's entities and dates (computed beforehand) for
//!   speakers, pronouns and `said_at`;
//! - `quotes/adversarial`: a body made of thousands of quotation marks,
//!   to watch the linear-time pairing.
//!
//! Run: `cargo bench --no-default-features --bench quotes`.

use std::hint::black_box;
use std::time::Duration;

use byline::article::{self, RecordContext, DEFAULT_MAX_BYTES};
use byline::enrich::quotes::{extract, extract_with_dates};
use byline::enrich::Pipeline;
use byline::text::Text;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/corpus/meantime-full.jsonl"
    );
    let raw = std::fs::read_to_string(path).unwrap_or_default();
    raw.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("body").and_then(|b| b.as_str()).map(str::to_string))
        .collect()
}

fn bench_quotes(c: &mut Criterion) {
    let bodies = corpus();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let mut g = c.benchmark_group("quotes");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(bytes as u64));

    let texts: Vec<Text<'_>> = bodies.iter().map(|b| Text::analyze(b)).collect();
    g.bench_function("extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                n += extract(black_box(t), &[]).len();
            }
            n
        })
    });
    g.bench_function("analyze+extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for body in &bodies {
                let t = Text::analyze(black_box(body));
                n += extract(&t, &[]).len();
            }
            n
        })
    });

    // entities and dates from the standard pipeline, outside the timing
    let pipeline = Pipeline::standard();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/corpus/meantime-full.jsonl"
    );
    let raw = std::fs::read_to_string(path).unwrap_or_default();
    let enriched: Vec<_> = raw
        .lines()
        .filter_map(|l| {
            article::decode(l.as_bytes(), RecordContext::default(), DEFAULT_MAX_BYTES).ok()
        })
        .map(|a| {
            let e = pipeline.run(&a);
            (a.body, e.entities, e.dates)
        })
        .collect();
    let with: Vec<_> = enriched
        .iter()
        .map(|(body, ents, dates)| (Text::analyze(body), ents, dates))
        .collect();
    let with_bytes: usize = enriched.iter().map(|(b, _, _)| b.len()).sum();
    g.throughput(Throughput::Bytes(with_bytes as u64));
    g.bench_function("extract_with_entities", |b| {
        b.iter(|| {
            let mut n = 0;
            for (t, ents, dates) in &with {
                n += extract_with_dates(black_box(t), ents, dates).len();
            }
            n
        })
    });

    let marks = ['"', '“', '”', '‘', '’', '\'', '«', '»'];
    let mut adversarial = String::new();
    for i in 0..20_000usize {
        adversarial.push(marks[i % marks.len()]);
        if i % 3 == 0 {
            adversarial.push_str(" said he ");
        }
    }
    g.throughput(Throughput::Bytes(adversarial.len() as u64));
    let t = Text::analyze(&adversarial);
    g.bench_function("adversarial", |b| {
        b.iter(|| extract(black_box(&t), &[]).len())
    });
    g.finish();
}

criterion_group!(benches, bench_quotes);
criterion_main!(benches);
