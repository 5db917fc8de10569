//! The typed-mapping vectors (`spec/vectors/typed.json`): each value maps
//! onto the listed calldata, or is refused, both through our serde data
//! format and through the reference crate's (`genlayer_calldata`'s
//! `to_value` + `encode`, `decode` + `from_value`), except where a vector
//! says the reference lets a read through that we refuse on purpose, or
//! that its serde cannot carry the type (addresses, large integers).

mod common;

use std::collections::BTreeMap;
use std::fmt::Debug;

use common::repo_root;
use genvm_calldata::{decode, from_slice, to_vec, Address, Int};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;
use serde_json::Value as Json;

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Point {
    y: i64,
    x: i64,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Accents {
    #[serde(rename = "é")]
    e_acute: u8,
    z: u8,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Marker;

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Meters(u64);

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Pair(u8, String);

#[derive(Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Color {
    Red,
    Blue,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
enum Shape {
    Dot,
    Circle(u64),
    Line(u8, u8),
    Rect { w: u64, h: u64 },
}

/// Runs one vector through `T`, our format and (unless the vector says its
/// serde cannot carry the type) the reference's.
fn check<T: Serialize + DeserializeOwned + PartialEq + Debug>(vector: &Json) {
    let name = vector["name"].as_str().unwrap();
    let direction = vector["direction"].as_str().unwrap();
    let hex = vector
        .get("hex")
        .map(|hex| hex::decode(hex.as_str().unwrap()).unwrap());
    let error = vector.get("error").map(|error| error.as_str().unwrap());
    let value = || serde_json::from_value::<T>(vector["value"].clone()).unwrap();
    let flag = |key: &str| vector.get(key).and_then(Json::as_bool);
    let compared = flag("reference_carries") != Some(false);
    // The two reads refused on purpose where the reference is lax.
    let lax = flag("reference_accepts") == Some(true);

    if let Some(text) = vector.get("text") {
        let bytes = hex.as_deref().unwrap();
        assert_eq!(
            decode(bytes).unwrap().to_string(),
            text.as_str().unwrap(),
            "{name}: text"
        );
    }
    if direction != "read" {
        let value = value();
        let ours = to_vec(&value);
        let reference = genlayer_calldata::to_value(&value).map(|v| genlayer_calldata::encode(&v));
        match error {
            None => {
                let expected = hex.as_deref().unwrap();
                assert_eq!(ours.as_deref().unwrap(), expected, "{name}: ours");
                if compared {
                    assert_eq!(reference.as_deref().unwrap(), expected, "{name}: reference");
                }
            }
            Some(error) => {
                let ours = ours.unwrap_err().to_string();
                assert!(ours.contains(error), "{name}: ours said {ours:?}");
                assert!(
                    !compared || reference.is_err(),
                    "{name}: the reference wrote it"
                );
            }
        }
    }
    if direction != "write" {
        let bytes = hex.as_deref().unwrap();
        let ours = from_slice::<T>(bytes);
        let reference =
            genlayer_calldata::from_value::<T>(genlayer_calldata::decode(bytes).unwrap());
        match error {
            None => {
                let expected = value();
                assert_eq!(ours.unwrap(), expected, "{name}: ours");
                if compared {
                    assert_eq!(reference.unwrap(), expected, "{name}: reference");
                }
            }
            Some(error) => {
                let ours = ours.unwrap_err().to_string();
                assert!(ours.contains(error), "{name}: ours said {ours:?}");
                if compared {
                    let read = reference.is_ok();
                    assert_eq!(read, lax, "{name}: the reference read {reference:?}");
                }
            }
        }
    }
}

#[test]
fn every_typed_vector_holds_for_ours_and_the_reference() {
    let text = std::fs::read_to_string(repo_root().join("spec/vectors/typed.json")).unwrap();
    let document: Json = serde_json::from_str(&text).unwrap();
    let vectors = document["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 40);
    for vector in vectors {
        match vector["type"].as_str().unwrap() {
            "bool" => check::<bool>(vector),
            "address" => check::<Address>(vector),
            "int" => check::<Int>(vector),
            "u8" => check::<u8>(vector),
            "i8" => check::<i8>(vector),
            "u64" => check::<u64>(vector),
            "i64" => check::<i64>(vector),
            "f32" => check::<f32>(vector),
            "f64" => check::<f64>(vector),
            "char" => check::<char>(vector),
            "string" => check::<String>(vector),
            "bytes" => check::<ByteBuf>(vector),
            "seq<u8>" => check::<Vec<u8>>(vector),
            "unit" => check::<()>(vector),
            "option<u8>" => check::<Option<u8>>(vector),
            "(u8, string)" => check::<(u8, String)>(vector),
            "map<string, u8>" => check::<BTreeMap<String, u8>>(vector),
            "map<u8, u8>" => check::<BTreeMap<u8, u8>>(vector),
            "map<option<string>, u8>" => check::<BTreeMap<Option<String>, u8>>(vector),
            "map<enum Color { Red, Blue }, u8>" => check::<BTreeMap<Color, u8>>(vector),
            "struct Point { y: i64, x: i64 }" => check::<Point>(vector),
            "struct Accents { é: u8, z: u8 }" => check::<Accents>(vector),
            "struct Marker" => check::<Marker>(vector),
            "struct Meters(u64)" => check::<Meters>(vector),
            "struct Pair(u8, string)" => check::<Pair>(vector),
            "enum Shape { Dot, Circle(u64), Line(u8, u8), Rect { w: u64, h: u64 } }" => {
                check::<Shape>(vector)
            }
            other => panic!("{}: no Rust type for {other:?}", vector["name"]),
        }
    }
}
