//! Decoding and encoding throughput, ours beside `genlayer_calldata` 0.0.2,
//! on identical bytes. `BENCHMARKS.md` records the numbers.

use std::hint::black_box;
use std::time::Duration;

use bytes::Bytes;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use genvm_calldata::{decode, decode_bytes, decode_ref, encode, validate, ValueRef};

/// glibc's malloc hands freed megabytes back to the kernel and faults them in
/// again on the next iteration, which made decoding numbers swing by 2x from
/// run to run; every codec here runs on mimalloc instead, as hosts often do.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Touches every node of a view, as a consumer reading everything would.
fn walk(value: ValueRef<'_>) -> usize {
    match value {
        ValueRef::Array(items) => items.iter().map(walk).sum::<usize>() + 1,
        ValueRef::Map(entries) => {
            entries
                .iter()
                .map(|(k, v)| k.len() + walk(v))
                .sum::<usize>()
                + 1
        }
        ValueRef::Str(s) => s.len(),
        ValueRef::Bytes(b) => b.len(),
        _ => 1,
    }
}

fn codecs(c: &mut Criterion) {
    for payload in genvm_calldata_benches::all() {
        let input = payload.bytes.as_slice();
        let shared = Bytes::copy_from_slice(input);
        let ours = decode(input).expect("valid payload");
        let reference = genlayer_calldata::decode(input).expect("valid payload");
        assert_eq!(
            genlayer_calldata::encode(&reference),
            input,
            "the reference disagrees"
        );

        let mut group = c.benchmark_group(payload.name);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function("reference/decode", |b| {
            b.iter(|| genlayer_calldata::decode(black_box(input)))
        });
        group.bench_function("ours/decode", |b| b.iter(|| decode(black_box(input))));
        group.bench_function("ours/decode_bytes", |b| {
            b.iter(|| decode_bytes(black_box(shared.clone())))
        });
        group.bench_function("ours/validate", |b| b.iter(|| validate(black_box(input))));
        group.bench_function("ours/decode_ref", |b| {
            b.iter(|| decode_ref(black_box(input)))
        });
        group.bench_function("ours/decode_ref_walk", |b| {
            b.iter(|| walk(decode_ref(black_box(input)).expect("valid")))
        });
        group.bench_function("reference/encode", |b| {
            b.iter(|| genlayer_calldata::encode(black_box(&reference)))
        });
        group.bench_function("ours/encode", |b| b.iter(|| encode(black_box(&ours))));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    targets = codecs
}
criterion_main!(benches);
