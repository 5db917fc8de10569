//! Typed round trips (serialize, then deserialize) of 20,000 records through
//! serde: ours beside the reference crate and other binary and text formats.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::{Deserialize, Serialize};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Record {
    id: u64,
    name: String,
    active: bool,
    balance: u128,
    tags: Vec<String>,
    delta: i64,
    #[serde(with = "serde_bytes")]
    blob: Vec<u8>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct BorrowedRecord<'a> {
    id: u64,
    name: &'a str,
    active: bool,
    balance: u128,
    tags: Vec<&'a str>,
    delta: i64,
    #[serde(with = "serde_bytes")]
    blob: &'a [u8],
}

fn records() -> Vec<Record> {
    (0..20_000u64)
        .map(|i| Record {
            id: i,
            name: format!("user-{i:06}"),
            active: i.is_multiple_of(2),
            balance: u128::MAX / (i as u128 + 7),
            tags: vec!["alpha".into(), format!("t{}", i % 17)],
            delta: -(i as i64) * 31,
            blob: vec![(i % 251) as u8; 32],
        })
        .collect()
}

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
    group.bench_function("ours/round_trip", |b| {
        b.iter(|| {
            let bytes = genvm_calldata::to_vec(black_box(&records)).unwrap();
            genvm_calldata::from_slice::<Vec<Record>>(&bytes).unwrap()
        })
    });
    group.bench_function("ours/round_trip_borrowed", |b| {
        b.iter(|| {
            let bytes = genvm_calldata::to_vec(black_box(&records)).unwrap();
            genvm_calldata::from_slice::<Vec<BorrowedRecord>>(&bytes)
                .unwrap()
                .len()
        })
    });
    group.bench_function("reference/round_trip", |b| {
        b.iter(|| {
            let value = genlayer_calldata::to_value(black_box(&records)).unwrap();
            let bytes = genlayer_calldata::encode(&value);
            let back = genlayer_calldata::decode(&bytes).unwrap();
            genlayer_calldata::from_value::<Vec<Record>>(back).unwrap()
        })
    });
    group.bench_function("postcard/round_trip", |b| {
        b.iter(|| {
            let bytes = postcard::to_allocvec(black_box(&records)).unwrap();
            postcard::from_bytes::<Vec<Record>>(&bytes).unwrap()
        })
    });
    group.bench_function("bincode/round_trip", |b| {
        b.iter(|| {
            let bytes = bincode::serialize(black_box(&records)).unwrap();
            bincode::deserialize::<Vec<Record>>(&bytes).unwrap()
        })
    });
    group.bench_function("rmp_serde/round_trip", |b| {
        b.iter(|| {
            let bytes = rmp_serde::to_vec_named(black_box(&records)).unwrap();
            rmp_serde::from_slice::<Vec<Record>>(&bytes).unwrap()
        })
    });
    group.bench_function("ciborium/round_trip", |b| {
        b.iter(|| {
            let mut bytes = Vec::new();
            ciborium::into_writer(black_box(&records), &mut bytes).unwrap();
            ciborium::from_reader::<Vec<Record>, _>(bytes.as_slice()).unwrap()
        })
    });
    group.bench_function("serde_json/round_trip", |b| {
        b.iter(|| {
            let bytes = serde_json::to_vec(black_box(&records)).unwrap();
            serde_json::from_slice::<Vec<Record>>(&bytes).unwrap()
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
    targets = round_trips
}
criterion_main!(benches);
