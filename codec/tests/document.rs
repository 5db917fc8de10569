//! `Document` against `decode`: every vector of `spec/vectors/calldata.json`,
//! arbitrary values and arbitrary bytes give the same verdicts, the same
//! values and the same text; hostile input neither panics nor allocates
//! more than the input's size in nodes; depth limits are `decode`'s.

mod common;
mod counting;

use counting::allocated_by;

use bytes::Bytes;
use common::{arbitrary_value, repo_root};
use genvm_calldata::{
    decode, decode_bytes, decode_document, decode_document_bytes, decode_document_bytes_with,
    decode_document_with, decode_with, encode, DecodeOptions, Document, ErrorKind, Node, Value,
};
use proptest::prelude::*;
use serde_json::Value as Json;

/// Every element and entry the document reaches by index, by key and by
/// iteration is the value's.
fn reaches_every_part(node: Node<'_>, value: &Value) -> Result<(), TestCaseError> {
    prop_assert!(node == *value, "{} against {}", node, value);
    prop_assert_eq!(node.to_string(), value.to_string());
    prop_assert_eq!(&node.to_value(), value);
    match value {
        Value::Array(values) => {
            let items = node.as_array().expect("an array");
            prop_assert_eq!(items.len(), values.len());
            prop_assert_eq!(items.iter().len(), values.len());
            for (index, value) in values.iter().enumerate() {
                reaches_every_part(items.get(index).expect("each element"), value)?;
            }
            prop_assert!(items.get(values.len()).is_none());
            for (item, value) in items.iter().rev().zip(values.iter().rev()) {
                prop_assert!(item == *value);
            }
        }
        Value::Map(map) => {
            let entries = node.as_map().expect("a map");
            prop_assert_eq!(entries.len(), map.len());
            for (index, (key, value)) in map.iter().enumerate() {
                reaches_every_part(entries.get(key).expect("each key"), value)?;
                let (at, item) = entries.entry(index).expect("each entry");
                prop_assert_eq!(at, key);
                prop_assert!(item == *value);
                // A key just after this one in byte order is not there
                // unless the map has it.
                let after = format!("{key}\0");
                prop_assert_eq!(entries.get(&after).is_some(), map.get(&after).is_some());
            }
            prop_assert!(entries.keys().eq(map.keys()));
            let last = "\u{10ffff}";
            prop_assert_eq!(entries.get(last).is_some(), map.contains_key(last));
        }
        _ => {
            prop_assert_eq!(node.is_null(), value.is_null());
            prop_assert_eq!(node.as_bool(), value.as_bool());
            prop_assert_eq!(
                node.as_int().map(|int| int.to_int()),
                value.as_int().cloned()
            );
            prop_assert_eq!(node.as_bytes(), value.as_bytes().map(|bytes| &bytes[..]));
            prop_assert_eq!(node.as_str(), value.as_str());
            prop_assert_eq!(node.as_address(), value.as_address().copied());
            prop_assert!(node.as_array().is_none() && node.as_map().is_none());
        }
    }
    Ok(())
}

/// The document and `decode` agree on `input`: the same error, or the same
/// value, text and encoding.
fn agrees_with_decode(input: &[u8]) -> Result<(), TestCaseError> {
    let document = decode_document(input);
    let shared = decode_document_bytes(Bytes::copy_from_slice(input));
    match decode(input) {
        Err(error) => {
            prop_assert_eq!(document.unwrap_err(), error);
            prop_assert_eq!(shared.unwrap_err(), error);
        }
        Ok(value) => {
            let document = document.expect("decode accepts it");
            prop_assert_eq!(document.to_string(), value.to_string());
            prop_assert_eq!(document.to_value(), value.clone());
            prop_assert!(document == value);
            prop_assert_eq!(document.as_bytes(), input);
            prop_assert_eq!(shared.expect("decode accepts it"), document);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn arbitrary_values_read_back(data in prop::collection::vec(any::<u8>(), 0..4096)) {
        let Some(value) = arbitrary_value(&data) else { return Ok(()) };
        let bytes = encode(&value);
        let document = decode_document(&bytes).unwrap();
        reaches_every_part(document.root(), &value)?;
        prop_assert_eq!(document.as_bytes(), &bytes[..]);
        let shared = decode_document_bytes(Bytes::from(bytes.clone())).unwrap();
        prop_assert_eq!(&shared, &document);
        prop_assert_eq!(shared.to_value(), decode_bytes(Bytes::from(bytes)).unwrap());
        // A node per value and map key, at most one per input byte.
        prop_assert!(document.node_count() <= document.as_bytes().len());
    }

    #[test]
    fn arbitrary_bytes_get_decodes_verdict(data in prop::collection::vec(any::<u8>(), 0..256)) {
        agrees_with_decode(&data)?;
    }

    #[test]
    fn truncated_and_altered_values_get_decodes_verdict(
        data in prop::collection::vec(any::<u8>(), 0..2048),
        cut in any::<prop::sample::Index>(),
        flip in any::<(prop::sample::Index, u8)>(),
    ) {
        let Some(value) = arbitrary_value(&data) else { return Ok(()) };
        let mut bytes = encode(&value);
        agrees_with_decode(&bytes[..cut.index(bytes.len() + 1)])?;
        let at = flip.0.index(bytes.len());
        bytes[at] ^= flip.1 | 1;
        agrees_with_decode(&bytes)?;
    }
}

fn load() -> Json {
    let path = repo_root().join("spec/vectors/calldata.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("vectors are JSON")
}

#[test]
fn every_vector_through_the_document() {
    let vectors = load();
    let list = vectors["vectors"].as_array().expect("a vector list");
    assert!(list.len() >= 120, "only {} vectors", list.len());
    for vector in list {
        let name = vector["name"].as_str().unwrap();
        let input = hex::decode(vector["hex"].as_str().unwrap()).unwrap();
        if let Some(text) = vector.get("text") {
            let document = decode_document(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
            let value = decode(&input).unwrap();
            assert_eq!(document.to_string(), text.as_str().unwrap(), "{name}: text");
            assert_eq!(document.to_string(), value.to_string(), "{name}: text");
            assert_eq!(document.to_value(), value, "{name}: to_value");
            assert_eq!(document, value, "{name}: eq");
            assert_eq!(document.as_bytes(), &input[..], "{name}: encoding");
            let shared = decode_document_bytes(Bytes::from(input.clone())).unwrap();
            assert_eq!(shared.to_string(), document.to_string(), "{name}: bytes");
        } else {
            let kind: ErrorKind = vector["error"].as_str().unwrap().parse().unwrap();
            let offset = vector["offset"].as_u64().unwrap() as usize;
            let error = decode_document(&input).unwrap_err();
            assert_eq!((error.kind(), error.offset()), (kind, offset), "{name}");
            assert_eq!(error, decode(&input).unwrap_err(), "{name}: decode");
        }
    }
}

fn nested_arrays(depth: usize) -> Vec<u8> {
    let mut input = vec![0x0d; depth - 1]; // [x]
    input.push(0x05); // []
    input
}

#[test]
fn depth_limits_are_decodes() {
    let input = nested_arrays(1_000_000);
    let error = decode_document(&input).unwrap_err();
    assert_eq!((error.kind(), error.offset()), (ErrorKind::TooDeep, 128));
    assert_eq!(error, decode(&input).unwrap_err());
    let unlimited = DecodeOptions::new().max_depth(usize::MAX);
    let limit = DecodeOptions::MAX_DEPTH_LIMIT;
    let error = decode_document_with(&input, &unlimited).unwrap_err();
    assert_eq!((error.kind(), error.offset()), (ErrorKind::TooDeep, limit));
    assert_eq!(error, decode_with(&input, &unlimited).unwrap_err());

    assert!(decode_document(&nested_arrays(128)).is_ok());
    let limited = DecodeOptions::new().max_depth(3);
    assert!(decode_document_with(&nested_arrays(3), &limited).is_ok());
    let error = decode_document_bytes_with(Bytes::from(nested_arrays(4)), &limited).unwrap_err();
    assert_eq!(error, decode_with(&nested_arrays(4), &limited).unwrap_err());
}

/// At the hard maximum depth, the document's recursive walks (text,
/// `to_value`, comparison) fit in a new thread's 2 MiB stack, unoptimized.
#[test]
fn the_hard_depth_maximum_is_safe_on_a_small_stack() {
    let input = nested_arrays(DecodeOptions::MAX_DEPTH_LIMIT);
    let options = DecodeOptions::new().max_depth(DecodeOptions::MAX_DEPTH_LIMIT);
    let walk = move || {
        let document = decode_document_with(&input, &options).unwrap();
        let value = decode_with(&input, &options).unwrap();
        assert_eq!(document.to_string(), value.to_string());
        assert_eq!(document.to_value(), value);
        assert_eq!(document, value);
        assert_eq!(format!("{document:?}"), value.to_string());
    };
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(walk)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn garbage_never_panics() {
    for a in 0..=255u8 {
        for b in 0..=255u8 {
            for c in [0x00, 0x01, 0x7f, 0x80, 0xff] {
                let input = [a, b, c];
                assert_eq!(
                    decode_document(&input).map(|d| d.to_string()),
                    decode(&input).map(|v| v.to_string())
                );
            }
        }
        let input = vec![a; 10_000];
        assert_eq!(
            decode_document(&input).map(|d| d.to_string()),
            decode(&input).map(|v| v.to_string())
        );
    }
}

/// Containers nested in one another that each claim as many elements as
/// there are bytes left: their claims add up to far more nodes than the
/// input has bytes, and the arena never grows past a node per input byte.
#[test]
fn lying_claims_allocate_at_most_the_inputs_length_in_nodes() {
    for tag in [5u8, 6] {
        // Headers of two bytes claiming 2^10 (arrays) or 2^9 (maps).
        let len: u32 = if tag == 5 { 1 << 10 } else { 1 << 9 };
        let header = [(len << 3 | tag as u32) as u8 | 0x80, (len >> 4) as u8];
        let mut input = Vec::new();
        for _ in 0..64 {
            if tag == 6 {
                input.extend_from_slice(&[0x01, b'k']);
            }
            input.extend_from_slice(&header);
        }
        input.resize(2 * len as usize + 200, 0x00);
        let (result, bytes) = allocated_by(|| decode_document(&input));
        assert_eq!(result.unwrap_err(), decode(&input).unwrap_err());
        // The input's copy, and the arena grown by doubling from a node
        // per four bytes up to a node per byte (1.75 nodes a byte in all).
        assert!(
            bytes <= input.len() + 28 * input.len() + 4096,
            "{bytes} bytes allocated for a {}-byte input",
            input.len()
        );
    }
}

#[test]
fn documents_are_shared_across_threads() {
    fn send_sync_clone<T: Send + Sync + Clone + 'static>() {}
    send_sync_clone::<Document>();
    let value = Value::from(vec![
        Value::from("a string longer than thirty-one bytes");
        3
    ]);
    let document = decode_document(&encode(&value)).unwrap();
    let copy = document.clone();
    let text = std::thread::spawn(move || copy.to_string()).join().unwrap();
    assert_eq!(text, value.to_string());
    // The clone shares the one copy of the input.
    assert_eq!(
        document.clone().as_bytes().as_ptr(),
        document.as_bytes().as_ptr()
    );
}
