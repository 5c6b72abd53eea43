//! Novelty benchmark: signature plus store lookup and update per statement,
//! against a store already holding 100,000 identities (the processor's work
//! per statement, without Kafka and JSON). Generated sentences over a
//! 5,000-word vocabulary, 2,000 speakers; half the measured statements are
//! rewordings of stored ones (repeats), half are new.

use std::hint::black_box;
use std::time::Duration;

use byline::novelty::signature::Signature;
use byline::novelty::store::{Sighting, Store};
use byline::rng::Rng;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// A generated statement: (speaker, text).
fn statement(rng: &mut Rng) -> (String, String) {
    let speaker = format!("Ann Speaker{}", rng.next_u64() % 2000);
    let len = 8 + (rng.next_u64() % 20) as usize;
    let words: Vec<String> = (0..len)
        .map(|_| format!("w{}", rng.next_u64() % 5000))
        .collect();
    (speaker, words.join(" "))
}

fn novelty(c: &mut Criterion) {
    let mut rng = Rng(11);
    let stored: Vec<(String, String)> = (0..100_000).map(|_| statement(&mut rng)).collect();
    let mut store = Store::new();
    for (i, (speaker, text)) in stored.iter().enumerate() {
        let sig = Signature::of(Some(speaker), text);
        store.observe(Sighting {
            signature: &sig,
            fingerprint: &format!("{i:032x}"),
            article_id: "a",
            event_ms: 0,
            now: "t",
        });
    }
    let mut fresh = 0u64;
    let mut g = c.benchmark_group("novelty");
    g.throughput(Throughput::Elements(1000));
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("signature_and_observe_1000", |b| {
        b.iter_batched_ref(
            // 1,000 statements: rewordings (quote marks, a word added) of
            // stored ones, and fresh ones (new at every iteration).
            || {
                (0..1000)
                    .map(|i| {
                        if i % 2 == 0 {
                            let (s, t) = &stored[(rng.next_u64() % stored.len() as u64) as usize];
                            (s.clone(), format!("“{t}, indeed.”"))
                        } else {
                            statement(&mut rng)
                        }
                    })
                    .collect::<Vec<_>>()
            },
            |batch| {
                for (speaker, text) in batch.iter() {
                    let sig = Signature::of(Some(speaker), text);
                    fresh += 1;
                    black_box(store.observe(Sighting {
                        signature: &sig,
                        fingerprint: &format!("b{fresh:031x}"),
                        article_id: "b",
                        event_ms: 1,
                        now: "t",
                    }));
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, novelty);
criterion_main!(benches);
