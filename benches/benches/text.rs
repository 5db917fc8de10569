//! The text form of ordinary values, both ways: printing (`Display` of a
//! view) and parsing (`from_text`) the `records` and `integers` payloads.
//! `BENCHMARKS.md` records the numbers.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use genvm_calldata::{decode_ref, from_text};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn text(c: &mut Criterion) {
    for payload in [
        genvm_calldata_benches::records(),
        genvm_calldata_benches::integers(),
    ] {
        let input = payload.bytes.as_slice();
        let printed = decode_ref(input).expect("valid payload").to_string();
        let mut group = c.benchmark_group(format!("{}_text", payload.name));
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function("ours/to_text", |b| {
            b.iter(|| decode_ref(black_box(input)).expect("valid").to_string())
        });
        group.bench_function("ours/from_text", |b| {
            b.iter(|| from_text(black_box(&printed)).expect("parses"))
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    targets = text
}
criterion_main!(benches);
