//! Stage benchmarks (criterion): each enrichment stage and the whole
//! enrichment over the bundled news articles. Filled in by the performance work.

use criterion::{criterion_group, criterion_main, Criterion};

fn placeholder(_c: &mut Criterion) {}

criterion_group!(benches, placeholder);
criterion_main!(benches);
