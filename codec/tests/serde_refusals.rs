//! serde refuses what the reference refuses and is as strict as `validate`,
//! with errors that name the field path and the offset.

mod common;

use std::collections::BTreeMap;

use genvm_calldata::{decode, encode, from_slice, to_vec, Value};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Debug)]
struct WithFloat {
    inner: Vec<FloatField>,
}

#[derive(Serialize, Debug)]
struct FloatField {
    x: f64,
}

#[test]
fn refusals_match_the_reference_and_name_the_path() {
    let fractional = WithFloat {
        inner: vec![FloatField { x: 1.0 }, FloatField { x: 1.5 }],
    };
    assert!(genlayer_calldata::to_value(&fractional).is_err());
    let error = to_vec(&fractional).unwrap_err();
    assert_eq!(error.path(), ".inner[1].x");
    assert!(error.to_string().contains("1.5"), "{error}");

    for float in [f64::NAN, f64::INFINITY, 9_007_199_254_740_992.0] {
        assert!(genlayer_calldata::to_value(&float).is_err());
        assert!(to_vec(&float).is_err());
    }
    assert!(to_vec(&9_007_199_254_740_991.0f64).is_ok());

    assert!(genlayer_calldata::to_value(&'c').is_err());
    assert!(to_vec(&'c').is_err());

    let int_keys = BTreeMap::from([(1u8, true)]);
    assert!(genlayer_calldata::to_value(&int_keys).is_err());
    assert_eq!(
        to_vec(&int_keys).unwrap_err().message(),
        "a map key must be a string"
    );
}

#[test]
fn decoding_errors_name_the_path_and_offset() {
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Record {
        id: u8,
        name: String,
    }
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Records {
        records: Vec<Record>,
    }
    let text = r#"{"records": [{"id": 1, "name": "a"}, {"id": 300, "name": "b"}]}"#;
    let bytes = encode(&genvm_calldata::from_text(text).unwrap());
    let error = from_slice::<Records>(&bytes).unwrap_err();
    assert_eq!(error.path(), ".records[1].id");
    let offset = error.offset().unwrap();
    assert_eq!(
        decode(&bytes[offset..offset + 2]).unwrap(),
        Value::from(300)
    );
    assert!(error
        .to_string()
        .starts_with("invalid value: integer `300`, expected u8 at .records[1].id (byte "));
    let reference = genlayer_calldata::decode(&bytes).unwrap();
    assert!(genlayer_calldata::from_value::<Records>(reference).is_err());

    let missing = encode(&genvm_calldata::from_text(r#"{"records": [{"id": 1}]}"#).unwrap());
    let error = from_slice::<Records>(&missing).unwrap_err();
    assert_eq!(
        (error.message(), error.path()),
        ("missing field `name`", ".records[0]")
    );

    let wrong_type = encode(&genvm_calldata::from_text(r#"{"records": "no"}"#).unwrap());
    assert_eq!(
        from_slice::<Records>(&wrong_type).unwrap_err().path(),
        ".records"
    );

    // Invalid calldata is refused before any field is read.
    let error = from_slice::<Value>(&[0x80, 0x00]).unwrap_err();
    assert_eq!(
        (error.message(), error.offset()),
        ("non-canonical ULEB128 (trailing zero byte)", Some(0))
    );
}

/// Reads a map's first entry and stops.
#[derive(Debug)]
struct FirstEntry;

impl<'de> Deserialize<'de> for FirstEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct First;
        impl<'de> serde::de::Visitor<'de> for First {
            type Value = FirstEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<FirstEntry, A::Error> {
                map.next_entry::<String, u8>()?;
                Ok(FirstEntry)
            }
        }
        deserializer.deserialize_map(First)
    }
}

#[test]
fn containers_a_type_reads_only_part_of_are_refused() {
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Holder {
        pair: (u8, u8),
    }
    let bytes = encode(&genvm_calldata::from_text(r#"{"pair": [1, 2, 3]}"#).unwrap());
    let error = from_slice::<Holder>(&bytes).unwrap_err();
    assert_eq!(
        (error.message(), error.path()),
        ("1 more elements than the type reads", ".pair")
    );
    // The offset is the array's: its header is the byte after the key.
    assert_eq!(error.offset(), Some(1 + 1 + "pair".len()));
    let reference = genlayer_calldata::decode(&bytes).unwrap();
    assert!(genlayer_calldata::from_value::<Holder>(reference).is_err());

    let bytes = encode(&genvm_calldata::from_text(r#"{"a": 1, "b": 2, "c": 3}"#).unwrap());
    let error = from_slice::<FirstEntry>(&bytes).unwrap_err();
    assert_eq!(
        (error.message(), error.offset()),
        ("2 more entries than the type reads", Some(0))
    );
    let one = encode(&genvm_calldata::from_text(r#"{"a": 1}"#).unwrap());
    assert!(from_slice::<FirstEntry>(&one).is_ok());
}

#[test]
fn hostile_nesting_is_refused_before_deserializing() {
    let mut input = vec![0x0d; 1_000_000];
    input.push(0x05);
    let error = from_slice::<Value>(&input).unwrap_err();
    assert_eq!(error.offset(), Some(128));
    let error = from_slice::<serde_json::Value>(&input).unwrap_err();
    assert_eq!(error.message(), "containers nested deeper than 128");
    assert_eq!(error.kind(), Some(genvm_calldata::ErrorKind::TooDeep));
}

/// A recursive enum nests one variant map per level: those count towards
/// the depth limit like any map, so hostile nesting is refused, not
/// recursed into until the stack overflows.
#[test]
fn nested_enum_variants_count_towards_the_depth_limit() {
    #[derive(Deserialize, Debug, PartialEq)]
    enum Expr {
        Neg(Box<Expr>),
        Lit(u8),
    }
    // {"Neg": {"Neg": ... {"Lit": 7}}}, `levels` maps deep.
    let nested = |levels: usize| {
        let mut bytes = [0x0e, 0x03, b'N', b'e', b'g'].repeat(levels - 1);
        bytes.extend_from_slice(&[0x0e, 0x03, b'L', b'i', b't', 0x39]);
        bytes
    };
    let mut expected = Expr::Lit(7);
    for _ in 0..127 {
        expected = Expr::Neg(Box::new(expected));
    }
    assert_eq!(from_slice::<Expr>(&nested(128)).unwrap(), expected);
    for levels in [129, 1_000_000] {
        let bytes = nested(levels);
        let error = from_slice::<Expr>(&bytes).unwrap_err();
        let refused = genvm_calldata::validate(&bytes).unwrap_err();
        assert_eq!(refused.kind(), genvm_calldata::ErrorKind::TooDeep);
        assert_eq!(error.offset(), Some(refused.offset()), "{levels}");
        assert_eq!(error.kind(), Some(refused.kind()));
        assert_eq!(
            format!("{} at byte {}", error.message(), refused.offset()),
            refused.to_string()
        );
    }
}

#[test]
fn from_slice_is_as_strict_as_validate_on_every_vector() {
    let text =
        std::fs::read_to_string(common::repo_root().join("spec/vectors/calldata.json")).unwrap();
    let vectors: serde_json::Value = serde_json::from_str(&text).unwrap();
    for vector in vectors["vectors"].as_array().unwrap() {
        let input = hex::decode(vector["hex"].as_str().unwrap()).unwrap();
        let ours = from_slice::<Value>(&input);
        match genvm_calldata::validate(&input) {
            Ok(()) => assert_eq!(ours.unwrap(), decode(&input).unwrap(), "{}", vector["name"]),
            Err(expected) => {
                let error = ours.unwrap_err();
                assert_eq!(
                    error.offset(),
                    Some(expected.offset()),
                    "{}",
                    vector["name"]
                );
                assert_eq!(error.kind(), Some(expected.kind()), "{}", vector["name"]);
                assert_eq!(
                    format!("{} at byte {}", error.message(), expected.offset()),
                    expected.to_string(),
                    "{}",
                    vector["name"]
                );
            }
        }
    }
}

proptest! {
    #[test]
    fn from_slice_agrees_with_validate_on_random_bytes(input in prop::collection::vec(any::<u8>(), 0..48)) {
        prop_assert_eq!(from_slice::<Value>(&input).is_ok(), genvm_calldata::validate(&input).is_ok());
    }
}

#[test]
fn variant_names_are_part_of_error_paths() {
    #[derive(Serialize)]
    enum Motion {
        Move { dx: f64 },
        Path(Vec<f64>),
    }
    assert_eq!(
        to_vec(&Motion::Move { dx: 0.5 }).unwrap_err().path(),
        ".Move.dx"
    );
    assert_eq!(
        to_vec(&Motion::Path(vec![1.0, 2.5])).unwrap_err().path(),
        ".Path[1]"
    );
}

/// A map that sends two keys in a row, or a key without its value.
struct BrokenMap {
    keys_without_values: usize,
}

impl Serialize for BrokenMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for index in 0..self.keys_without_values {
            map.serialize_key(&format!("k{index}"))?;
        }
        map.end()
    }
}

#[test]
fn map_keys_without_values_are_refused() {
    for keys_without_values in [1, 2] {
        let error = to_vec(&BrokenMap {
            keys_without_values,
        })
        .unwrap_err();
        assert_eq!(error.message(), "a map key without a value");
    }
}
