//! Typed round trips (serialize, then deserialize) of 20,000 records through
//! serde: ours beside the reference crate and other binary and text formats;
//! and a round trip of addresses, which the reference's serde cannot carry.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use genvm_calldata::Address;
use genvm_calldata_benches::serde_records::{records, Record, ROUND_TRIPS};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn round_trips(c: &mut Criterion) {
    let records = records();
    let ours = genvm_calldata::to_vec(&records).unwrap();
    assert_eq!(
        genvm_calldata::from_slice::<Vec<Record>>(&ours).unwrap(),
        records
    );

    let mut group = c.benchmark_group("serde_records");
    // Every format is charged for our encoding's size, so MB/s compare times.
    group.throughput(Throughput::Bytes(ours.len() as u64));
    for &(name, round_trip) in ROUND_TRIPS {
        assert_eq!(round_trip(&records), records.len(), "{name}");
        group.bench_function(name, |b| b.iter(|| round_trip(black_box(&records))));
    }
    group.finish();
}

/// Addresses cross serde as one raw item each, which takes the one-value
/// path of the strict parser: a round trip of 20,000 of them.
fn addresses(c: &mut Criterion) {
    let addresses: Vec<Address> = (0..20_000u32)
        .map(|i| Address([i as u8; Address::LEN]))
        .collect();
    let bytes = genvm_calldata::to_vec(&addresses).unwrap();
    let mut group = c.benchmark_group("serde_addresses");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("ours/round_trip", |b| {
        b.iter(|| {
            let bytes = genvm_calldata::to_vec(black_box(&addresses)).unwrap();
            genvm_calldata::from_slice::<Vec<Address>>(&bytes).unwrap()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10);
    targets = round_trips, addresses
}
criterion_main!(benches);
