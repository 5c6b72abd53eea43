//! Dates-stage benchmark over the bundled MEANTIME articles
//! (`data/corpus/meantime-full.jsonl`): the stage alone on pre-analysed
//! texts, and text analysis plus the stage, both as body bytes per second.

use std::hint::black_box;
use std::time::Duration;

use byline::enrich::dates::extract;
use byline::text::Text;
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// (body, publication date) of every corpus article.
fn corpus() -> Vec<(String, Option<NaiveDate>)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/corpus/meantime-full.jsonl"
    );
    let raw = std::fs::read_to_string(path).expect("corpus file");
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line");
            let body = v["body"].as_str().unwrap_or_default().to_string();
            let published = v["published_at"]
                .as_str()
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            (body, published)
        })
        .collect()
}

fn dates(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(b, _)| b.len()).sum();
    let texts: Vec<(Text<'_>, Option<NaiveDate>)> =
        docs.iter().map(|(b, p)| (Text::analyze(b), *p)).collect();

    let mut g = c.benchmark_group("dates");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(30);
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for (t, p) in &texts {
                n += extract(black_box(t), *p).len();
            }
            n
        })
    });
    g.bench_function("analyze+extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for (body, p) in &docs {
                let t = Text::analyze(black_box(body));
                n += extract(&t, *p).len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, dates);
criterion_main!(benches);
