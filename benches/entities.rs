//! Entities stage benchmark (criterion): extraction over the bundled MEANTIME
//! articles (`data/corpus/meantime-full.jsonl`), throughput in body bytes, with
//! the text analysis done outside the timed loop; plus the cost of loading the
//! compiled-in knowledge (`EntitiesStage::new`).

use byline::enrich::entities::EntitiesStage;
use byline::text::Text;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn bodies() -> Vec<String> {
    include_str!("../data/corpus/meantime-full.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("body").and_then(|b| b.as_str()).map(str::to_string))
        .collect()
}

/// Resident set size in bytes (Linux), to measure what loading costs.
fn rss() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn entities(c: &mut Criterion) {
    let before = rss();
    let t0 = std::time::Instant::now();
    let stage = EntitiesStage::new();
    let load = t0.elapsed();
    let grown = rss().zip(before).map(|(a, b)| a.saturating_sub(b));
    eprintln!(
        "entities: knowledge loaded in {load:?}; RSS grew {:.1} MB (estimate {:.1} MB)",
        grown.unwrap_or(0) as f64 / 1e6,
        stage.knowledge_bytes() as f64 / 1e6
    );
    let bodies = bodies();
    let texts: Vec<Text<'_>> = bodies.iter().map(|b| Text::analyze(b)).collect();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract/meantime-full", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                n += stage.extract(black_box(t)).len();
            }
            n
        })
    });
    g.finish();
    let mut g = c.benchmark_group("entities-load");
    g.sample_size(10);
    g.bench_function("new", |b| b.iter(EntitiesStage::new));
    g.finish();
    eprintln!(
        "entities: corpus {bytes} bytes in {} articles; knowledge ~{:.1} MB on the heap",
        bodies.len(),
        stage.knowledge_bytes() as f64 / 1e6
    );
}

criterion_group!(benches, entities);
criterion_main!(benches);
