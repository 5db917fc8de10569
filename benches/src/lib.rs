//! Payloads shared by the benchmarks, built once and encoded with our codec
//! (the reference encodes them to the same bytes; the differential tests in
//! `codec/tests/reference.rs` hold it to that).

use genvm_calldata::{encode, Address, Map, Value};

pub mod fresh;
pub mod serde_records;

/// A named payload and its encoding.
pub struct Payload {
    /// Short name, used as the criterion group.
    pub name: &'static str,
    /// The encoded bytes.
    pub bytes: Vec<u8>,
}

fn record(i: u64) -> Value {
    let entries = [
        ("id", Value::from(i)),
        ("name", Value::from(format!("user-{:05}", i % 100_000))),
        ("owner", Value::from(Address([(i % 251) as u8; 20]))),
        ("active", Value::from(i.is_multiple_of(3))),
        ("balance", Value::from(u128::MAX / (i as u128 + 1))),
        (
            "tags",
            Value::from(vec![
                Value::from("tag"),
                Value::from(-(i as i64) - 1),
                Value::Null,
            ]),
        ),
        ("blob", Value::from(&[(i % 256) as u8; 32][..])),
    ];
    Value::from(Map::from_entries(entries).expect("distinct keys"))
}

/// 10,000 records of seven fields each.
pub fn records() -> Payload {
    Payload {
        name: "records",
        bytes: encode(&(0..10_000).map(record).collect::<Value>()),
    }
}

/// 200,000 integers up to 2^40, both signs.
pub fn integers() -> Payload {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let ints = (0..200_000).map(|_| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let magnitude = (state >> 24) as i64; // up to 2^40
        Value::from(if state & 1 == 0 {
            magnitude
        } else {
            -magnitude
        })
    });
    Payload {
        name: "integers",
        bytes: encode(&ints.collect::<Value>()),
    }
}

/// 64 byte strings of `size` bytes each.
pub fn blobs(name: &'static str, size: usize) -> Payload {
    let blobs = (0..64u8).map(|i| Value::from(&vec![i; size][..]));
    Payload {
        name,
        bytes: encode(&blobs.collect::<Value>()),
    }
}

/// Arrays nested 128 deep (the default limit), three elements a level.
pub fn nesting() -> Payload {
    let mut value = Value::from(vec![Value::from(0)]);
    for level in 1..128 {
        value = Value::from(vec![Value::from(level), Value::from("level"), value]);
    }
    Payload {
        name: "nesting",
        bytes: encode(&value),
    }
}

/// A typical ~100-byte contract call.
pub fn contract_call() -> Payload {
    let call = Map::from_entries([
        ("method", Value::from("transfer_with_memo")),
        (
            "args",
            Value::from(vec![
                Value::from(Address([0xab; 20])),
                Value::from(1_000_000_000_000u64),
                Value::from("invoice 2026-11-24 #1234"),
                Value::from(true),
            ]),
        ),
    ])
    .expect("distinct keys");
    Payload {
        name: "contract_call",
        bytes: encode(&Value::from(call)),
    }
}

/// Every payload of the report.
pub fn all() -> Vec<Payload> {
    vec![
        records(),
        integers(),
        blobs("blobs_64k", 64 * 1024),
        blobs("blobs_1k", 1024),
        nesting(),
        contract_call(),
    ]
}
