//! Runs the conformance vectors of `spec/vectors/calldata.json`, and checks
//! the reference crate agrees with every verdict.

mod common;

use std::collections::BTreeSet;

use common::{reference_verdict, repo_root};
use genvm_calldata::{
    decode, decode_bytes, decode_ref, encode, validate, visit, Address, DecodeError, DecodeOptions,
    ErrorKind, Event, Int, Map, Value,
};
use serde_json::Value as Json;

fn load() -> Json {
    let path = repo_root().join("spec/vectors/calldata.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("vectors are JSON")
}

fn field<'a>(vector: &'a Json, name: &str) -> &'a str {
    vector[name]
        .as_str()
        .unwrap_or_else(|| panic!("vector {vector} lacks {name}"))
}

/// A container being rebuilt from `visit`'s events.
enum Open {
    Array(Vec<Value>),
    Map(Vec<(String, Value)>, Option<String>),
}

/// The value `visit`'s events describe, built with no other decoding.
fn value_from_events(input: &[u8]) -> Result<Value, DecodeError> {
    let mut stack: Vec<Open> = Vec::new();
    let mut done = None;
    visit(input, &DecodeOptions::new(), |event| {
        let value = match event {
            Event::Null => Value::Null,
            Event::Bool(value) => Value::from(value),
            Event::Int(int) => Value::from(Int::from(int)),
            Event::Bytes(bytes) => Value::from(bytes),
            Event::Str(text) => Value::from(text),
            Event::Address(bytes) => Value::from(Address::from(*bytes)),
            Event::Array(len) => return stack.push(Open::Array(Vec::with_capacity(len))),
            Event::Map(_) => return stack.push(Open::Map(Vec::new(), None)),
            Event::Key(key) => {
                if let Some(Open::Map(_, pending)) = stack.last_mut() {
                    *pending = Some(key.to_owned());
                }
                return;
            }
            Event::End => match stack.pop().expect("End closes an open container") {
                Open::Array(items) => Value::from(items),
                Open::Map(entries, _) => Value::from(Map::from_entries(entries).unwrap()),
            },
        };
        match stack.last_mut() {
            None => done = Some(value),
            Some(Open::Array(items)) => items.push(value),
            Some(Open::Map(entries, pending)) => {
                entries.push((pending.take().expect("a key before each value"), value))
            }
        }
    })?;
    assert!(stack.is_empty(), "every container closed");
    Ok(done.expect("one value"))
}

#[test]
fn every_vector_passes() {
    let vectors = load();
    let list = vectors["vectors"].as_array().expect("a vector list");
    assert!(list.len() >= 120, "only {} vectors", list.len());
    let mut kinds_seen = BTreeSet::new();
    let mut names = BTreeSet::new();
    for vector in list {
        let name = field(vector, "name");
        assert!(
            names.insert(name.to_owned()),
            "duplicate vector name {name}"
        );
        let input = hex::decode(field(vector, "hex")).expect("hex");
        if let Some(text) = vector.get("text") {
            let text = text.as_str().expect("text is a string");
            let value = decode(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(value.to_string(), text, "{name}: Value text");
            assert_eq!(
                decode_ref(&input).unwrap().to_string(),
                text,
                "{name}: ValueRef text"
            );
            assert_eq!(decode_bytes(input.clone().into()).unwrap(), value, "{name}");
            assert_eq!(value_from_events(&input).unwrap(), value, "{name}: visit");
            assert_eq!(encode(&value), input, "{name}: re-encoding");
            assert_eq!(
                reference_verdict(&input).as_deref(),
                Some(&input[..]),
                "{name}: reference"
            );
        } else {
            let kind: ErrorKind = field(vector, "error")
                .parse()
                .unwrap_or_else(|_| panic!("{name}: kind"));
            let offset = vector["offset"]
                .as_u64()
                .unwrap_or_else(|| panic!("{name}: offset")) as usize;
            let expected = Some((kind, offset));
            let verdict =
                |result: Result<(), DecodeError>| result.err().map(|e| (e.kind(), e.offset()));
            assert_eq!(verdict(validate(&input)), expected, "{name}: validate");
            assert_eq!(
                verdict(decode(&input).map(drop)),
                expected,
                "{name}: decode"
            );
            assert_eq!(
                verdict(decode_ref(&input).map(drop)),
                expected,
                "{name}: decode_ref"
            );
            assert_eq!(
                verdict(value_from_events(&input).map(drop)),
                expected,
                "{name}: visit"
            );
            assert_eq!(
                reference_verdict(&input),
                None,
                "{name}: the reference accepts it"
            );
            kinds_seen.insert(kind);
        }
    }
    let all: BTreeSet<_> = ErrorKind::ALL.into_iter().collect();
    assert_eq!(kinds_seen, all, "some error kinds have no vector");
}

#[test]
fn error_kind_list_matches_the_spec() {
    let vectors = load();
    let listed: Vec<&str> = vectors["error_kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let ours: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(listed, ours);
    assert_eq!(
        vectors["max_depth"].as_u64(),
        Some(genvm_calldata::DecodeOptions::DEFAULT_MAX_DEPTH as u64)
    );
}
