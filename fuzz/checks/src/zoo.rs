//! A typed zoo of serde shapes for the `serde_zoo` target: built from fuzz
//! input with `Arbitrary`, it must serialize to the reference host's bytes
//! and read back unchanged.

use std::collections::BTreeMap;

use arbitrary::{Arbitrary, Unstructured};
use serde::{Deserialize, Serialize};

/// Every serde shape the data format maps (FACTS sec. 6).
#[derive(Debug, Clone, PartialEq, Arbitrary, Serialize, Deserialize)]
pub struct Zoo {
    small: u8,
    wide: u128,
    signed: i128,
    negative: i64,
    float: f64,
    text: String,
    #[serde(with = "serde_bytes")]
    blob: Vec<u8>,
    flag: Option<bool>,
    nested: Option<Box<Zoo>>,
    list: Vec<Shape>,
    pair: (u16, String),
    map: BTreeMap<String, i32>,
    unit: (),
    marker: Marker,
    wrapped: Wrapper,
    #[serde(rename = "ключ")]
    renamed: u32,
}

/// All four enum variant kinds, and a recursive one: each level of it is a
/// one-key map, so reading it must count towards the depth limit.
#[derive(Debug, Clone, PartialEq, Arbitrary, Serialize, Deserialize)]
pub enum Shape {
    Unit,
    Newtype(i32),
    Nested(Box<Shape>),
    Tuple(u8, bool),
    Struct { name: String, sides: Vec<u64> },
}

/// A unit struct.
#[derive(Debug, Clone, PartialEq, Arbitrary, Serialize, Deserialize)]
pub struct Marker;

/// A newtype struct.
#[derive(Debug, Clone, PartialEq, Arbitrary, Serialize, Deserialize)]
pub struct Wrapper(String);

/// An arbitrary zoo serializes exactly as the reference host does (or both
/// refuse it, e.g. for a fractional float) and reads back equal; any input
/// read as a zoo gives a value or an error, never a panic; an accepted
/// input is valid calldata, and its zoo re-serializes to bytes that read
/// back the same.
pub fn serde_zoo_round_trips(data: &[u8]) {
    if let Ok(zoo) = genvm_calldata::from_slice::<Zoo>(data) {
        let valid = genvm_calldata::validate(data);
        assert_eq!(valid, Ok(()), "serde accepts what validate refuses");
        let bytes = genvm_calldata::to_vec(&zoo).expect("a read zoo serializes");
        assert_eq!(genvm_calldata::from_slice::<Zoo>(&bytes).ok(), Some(zoo));
    }
    let Ok(zoo) = Zoo::arbitrary(&mut Unstructured::new(data)) else {
        return;
    };
    let ours = genvm_calldata::to_vec(&zoo);
    let theirs = genlayer_calldata::to_value(&zoo).map(|value| genlayer_calldata::encode(&value));
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => {
            assert_eq!(ours, theirs, "bytes differ from the reference");
            if let Err(error) = genvm_calldata::validate(&ours) {
                // Nesting past the depth limit writes fine and reads back
                // as the error any strict reader gives.
                assert_eq!(error.kind(), genvm_calldata::ErrorKind::TooDeep);
                let refused = genvm_calldata::from_slice::<Zoo>(&ours).unwrap_err();
                assert_eq!(refused.offset(), Some(error.offset()));
                return;
            }
            let back = genvm_calldata::from_slice::<Zoo>(&ours).expect("our bytes read back");
            assert_eq!(back, zoo, "the zoo does not round-trip");
        }
        (Err(_), Err(_)) => {}
        (ours, theirs) => panic!(
            "verdicts differ: ours {:?}, reference {:?}",
            ours.map(|_| ()),
            theirs.map(|_| ())
        ),
    }
}
