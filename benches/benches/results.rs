//! `check_proposed_result` beside `validate` on the same payloads (the
//! proposal is the payload behind a RETURN code byte), and VM error code
//! parsing. `BENCHMARKS.md` records the ratio.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use genvm_calldata::{check_proposed_result, validate, VmErrorCode};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn proposed(c: &mut Criterion) {
    for payload in genvm_calldata_benches::all() {
        let input = payload.bytes.as_slice();
        let mut frame = vec![0u8];
        frame.extend_from_slice(input);
        assert_eq!(check_proposed_result(&frame), None);
        let mut group = c.benchmark_group(payload.name);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function("ours/validate", |b| b.iter(|| validate(black_box(input))));
        group.bench_function("ours/check_proposed_result", |b| {
            b.iter(|| check_proposed_result(black_box(&frame)))
        });
        group.finish();
    }
    let mut group = c.benchmark_group("vm_error_code");
    for text in [
        "exit_code -3 # in main",
        "invalid_contract wasm entrypoint",
        "timeout",
    ] {
        let mut frame = vec![2u8];
        frame.extend_from_slice(text.as_bytes());
        group.bench_function(format!("parse {text:?}"), |b| {
            b.iter(|| VmErrorCode::parse(black_box(text)).is_ok())
        });
        group.bench_function(format!("check_proposed_result {text:?}"), |b| {
            b.iter(|| check_proposed_result(black_box(&frame)))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    targets = proposed
}
criterion_main!(benches);
