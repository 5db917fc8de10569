//! The typed serde payload: 20,000 records, and one round trip (serialize,
//! then deserialize) of them through each format compared.

use serde::{Deserialize, Serialize};

/// One record: the field types the serde speed targets name.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
pub struct Record {
    pub id: u64,
    pub name: String,
    pub active: bool,
    pub balance: u128,
    pub tags: Vec<String>,
    pub delta: i64,
    #[serde(with = "serde_bytes")]
    pub blob: Vec<u8>,
}

/// The same record read back borrowing its strings and bytes.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
pub struct BorrowedRecord<'a> {
    pub id: u64,
    pub name: &'a str,
    pub active: bool,
    pub balance: u128,
    pub tags: Vec<&'a str>,
    pub delta: i64,
    #[serde(with = "serde_bytes")]
    pub blob: &'a [u8],
}

/// 20,000 records.
pub fn records() -> Vec<Record> {
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

/// A format's round trip of the records; returns how many came back.
pub type RoundTrip = fn(&[Record]) -> usize;

/// Every round trip compared, by the name the report gives it: ours first,
/// then the reference crate, then other formats.
pub const ROUND_TRIPS: &[(&str, RoundTrip)] = &[
    ("ours/round_trip", |records| {
        let bytes = genvm_calldata::to_vec(records).unwrap();
        genvm_calldata::from_slice::<Vec<Record>>(&bytes)
            .unwrap()
            .len()
    }),
    ("ours/round_trip_borrowed", |records| {
        let bytes = genvm_calldata::to_vec(records).unwrap();
        genvm_calldata::from_slice::<Vec<BorrowedRecord>>(&bytes)
            .unwrap()
            .len()
    }),
    ("reference/round_trip", |records| {
        let value = genlayer_calldata::to_value(&records).unwrap();
        let bytes = genlayer_calldata::encode(&value);
        let back = genlayer_calldata::decode(&bytes).unwrap();
        genlayer_calldata::from_value::<Vec<Record>>(back)
            .unwrap()
            .len()
    }),
    ("postcard/round_trip", |records| {
        let bytes = postcard::to_allocvec(records).unwrap();
        postcard::from_bytes::<Vec<Record>>(&bytes).unwrap().len()
    }),
    ("bincode/round_trip", |records| {
        let bytes = bincode::serialize(records).unwrap();
        bincode::deserialize::<Vec<Record>>(&bytes).unwrap().len()
    }),
    ("rmp_serde/round_trip", |records| {
        let bytes = rmp_serde::to_vec_named(records).unwrap();
        rmp_serde::from_slice::<Vec<Record>>(&bytes).unwrap().len()
    }),
    ("ciborium/round_trip", |records| {
        let mut bytes = Vec::new();
        ciborium::into_writer(records, &mut bytes).unwrap();
        ciborium::from_reader::<Vec<Record>, _>(bytes.as_slice())
            .unwrap()
            .len()
    }),
    ("serde_json/round_trip", |records| {
        let bytes = serde_json::to_vec(records).unwrap();
        serde_json::from_slice::<Vec<Record>>(&bytes).unwrap().len()
    }),
];
