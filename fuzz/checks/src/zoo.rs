//! A typed zoo of serde shapes for the `serde_zoo` target: built from fuzz
//! input with `Arbitrary`, it must serialize to the reference host's bytes
//! and read back unchanged.

use std::collections::BTreeMap;

use arbitrary::{Arbitrary, Unstructured};
use genvm_calldata::Value;
use serde::{Deserialize, Serialize};

/// Every serde shape the data format maps (`spec/typed-mapping.md`).
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
/// back the same. Reading agrees with the reference on the input and on
/// the zoo's calldata with one value in it replaced by an arbitrary one.
pub fn serde_zoo_round_trips(data: &[u8]) {
    if let Ok(zoo) = genvm_calldata::from_slice::<Zoo>(data) {
        let valid = genvm_calldata::validate(data);
        assert_eq!(valid, Ok(()), "serde accepts what validate refuses");
        let bytes = genvm_calldata::to_vec(&zoo).expect("a read zoo serializes");
        assert_eq!(genvm_calldata::from_slice::<Zoo>(&bytes).ok(), Some(zoo));
    }
    readers_agree(data);
    let mut input = Unstructured::new(data);
    let Ok(zoo) = Zoo::arbitrary(&mut input) else {
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
            if let Some(mutated) = replace_one_value(&ours, &mut input) {
                readers_agree(&mutated);
            }
        }
        (Err(_), Err(_)) => {}
        (ours, theirs) => panic!(
            "verdicts differ: ours {:?}, reference {:?}",
            ours.map(|_| ()),
            theirs.map(|_| ())
        ),
    }
}

/// Our `from_slice` and the reference's `decode` + `from_value` read the
/// same zoo from valid calldata, or both refuse it. The one difference
/// allowed is on purpose (spec/typed-mapping.md): we refuse an integer of
/// 2^53 or more for a float, which the reference rounds.
fn readers_agree(bytes: &[u8]) {
    let Ok(value) = genlayer_calldata::decode(bytes) else {
        return;
    };
    let ours = genvm_calldata::from_slice::<Zoo>(bytes);
    let theirs = genlayer_calldata::from_value::<Zoo>(value);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "the readers read different zoos"),
        (Err(_), Err(_)) => {}
        (Err(error), Ok(_)) if error.message().ends_with("for a float") => {}
        (ours, theirs) => panic!(
            "reading verdicts differ: ours {:?}, reference {:?}",
            ours.map(|_| ()),
            theirs.map(|_| ())
        ),
    }
}

/// `bytes` (valid calldata) with one of its values, chosen by `input`,
/// replaced by an arbitrary value; `None` when `input` has run out.
fn replace_one_value(bytes: &[u8], input: &mut Unstructured) -> Option<Vec<u8>> {
    let mut value = genvm_calldata::decode(bytes).ok()?;
    let mut target = input.arbitrary::<u16>().ok()? as usize;
    let mut replacement = Some(input.arbitrary::<Value>().ok()?);
    replace_nth(&mut value, &mut target, &mut replacement);
    Some(genvm_calldata::encode(&value))
}

/// Puts `replacement` in place of the value `target` steps into `value`
/// (depth first, `value` itself being step 0), if it has that many; once
/// it is placed, the walk stops.
fn replace_nth(value: &mut Value, target: &mut usize, replacement: &mut Option<Value>) {
    if replacement.is_none() {
        return;
    }
    if *target == 0 {
        if let Some(replacement) = replacement.take() {
            *value = replacement;
        }
        return;
    }
    *target -= 1;
    match value {
        Value::Array(items) => {
            for item in items {
                replace_nth(item, target, replacement);
            }
        }
        Value::Map(map) => {
            let keys: Vec<String> = map.keys().map(String::from).collect();
            for key in keys {
                if let Some(item) = map.get_mut(&key) {
                    replace_nth(item, target, replacement);
                }
            }
        }
        _ => {}
    }
}
