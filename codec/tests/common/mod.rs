//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use arbitrary::{Arbitrary, Unstructured};
use genvm_calldata::Value;

/// The repository root (the workspace), from this crate's manifest.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Our value as the reference crate's value.
pub fn to_reference(value: &Value) -> genlayer_calldata::Value {
    use genlayer_calldata::Value as R;
    match value {
        Value::Null => R::Null,
        Value::Bool(b) => R::Bool(*b),
        Value::Int(i) => R::Number(num_bigint::BigInt::from(i)),
        Value::Bytes(b) => R::Bytes(b.to_vec()),
        Value::Str(s) => R::Str(s.to_string()),
        Value::Address(a) => R::Address(genlayer_calldata::Address::from(a.0)),
        Value::Array(items) => R::Array(items.iter().map(to_reference).collect()),
        Value::Map(map) => R::Map(
            map.iter()
                .map(|(k, v)| (k.to_owned(), to_reference(v)))
                .collect(),
        ),
    }
}

/// A value made from fuzz bytes, if they suffice.
pub fn arbitrary_value(data: &[u8]) -> Option<Value> {
    Value::arbitrary(&mut Unstructured::new(data)).ok()
}

/// The reference crate's verdict: `Some(re-encoding)` if it accepts `input`.
pub fn reference_verdict(input: &[u8]) -> Option<Vec<u8>> {
    genlayer_calldata::decode(input)
        .ok()
        .map(|value| genlayer_calldata::encode(&value))
}
