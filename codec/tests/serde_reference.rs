//! serde output is byte for byte the reference host's mapping, for every
//! shape of type, integer width, key length and length hint, and reads back.

mod common;
mod serde_common;

use std::collections::{BTreeMap, HashMap};

use common::arbitrary_value;
use genvm_calldata::{decode, encode, from_slice, to_vec, Address, Int, Value};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_common::{round_trip, same_as_reference};

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Unit;

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Newtype(u32);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Pair(i8, String);

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
enum Shape {
    Empty,
    Circle(u64),
    Line(i32, i32),
    Rect { w: u16, h: u16 },
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Inner {
    zeta: bool,
    alpha: Option<i64>,
    #[serde(rename = "é")]
    accented: String,
    #[serde(rename = "€uro")]
    euro: u8,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Zoo {
    unit: Unit,
    newtype: Newtype,
    pair: Pair,
    shapes: Vec<Shape>,
    nested: Inner,
    tuple: (u8, bool, String),
    maybe: Option<String>,
    none: Option<u8>,
    map: BTreeMap<String, Vec<i16>>,
    hash: HashMap<String, bool>,
    big: u128,
    small: i128,
    whole: f64,
    #[serde(with = "serde_bytes")]
    blob: Vec<u8>,
    list_of_bytes: Vec<u8>,
}

fn zoo() -> Zoo {
    Zoo {
        unit: Unit,
        newtype: Newtype(7),
        pair: Pair(-3, "p".into()),
        shapes: vec![
            Shape::Empty,
            Shape::Circle(5),
            Shape::Line(-1, 1),
            Shape::Rect { w: 2, h: 3 },
        ],
        nested: Inner {
            zeta: true,
            alpha: None,
            accented: "é".into(),
            euro: 1,
        },
        tuple: (1, false, "t".into()),
        maybe: Some("here".into()),
        none: None,
        map: BTreeMap::from([("b".into(), vec![1, -1]), ("a".into(), vec![])]),
        hash: HashMap::from([("y".into(), true), ("x".into(), false), ("".into(), true)]),
        big: u128::MAX,
        small: i128::MIN,
        whole: -4096.0,
        blob: vec![0, 1, 2, 255],
        list_of_bytes: vec![9, 8],
    }
}

#[test]
fn the_zoo_matches_the_reference_and_round_trips() {
    round_trip(&zoo());
    for shape in zoo().shapes {
        round_trip(&shape);
    }
    round_trip(&Unit);
    round_trip(&(1u8, -1i64, u64::MAX, i64::MIN));
}

#[test]
fn addresses_are_the_address_atom() {
    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Holder {
        who: Address,
    }
    let ours = to_vec(&Holder {
        who: Address([0xab; 20]),
    })
    .unwrap();
    // The reference's own `Address` derives Serialize as 20 numbers; the
    // host's meaning (`spec/typed-mapping.md`) is its address atom, `Value::Address`.
    let theirs = genlayer_calldata::Value::Map(BTreeMap::from([(
        "who".to_owned(),
        genlayer_calldata::Value::Address(genlayer_calldata::Address::from([0xab; 20])),
    )]));
    assert_eq!(ours, genlayer_calldata::encode(&theirs));
    assert_eq!(
        decode(&ours).unwrap().to_string(),
        format!("{{\"who\":addr#{}}}", "ab".repeat(20))
    );
    assert_eq!(
        from_slice::<Holder>(&ours).unwrap(),
        Holder {
            who: Address([0xab; 20])
        }
    );
    // Human-readable formats get the hex text.
    assert_eq!(
        serde_json::to_string(&Address([0xab; 20])).unwrap(),
        format!("\"0x{}\"", "ab".repeat(20))
    );
}

#[test]
fn big_integers_and_values_cross_serde() {
    let big: Int = "-123456789012345678901234567890123456789012345678901234567890"
        .parse()
        .unwrap();
    let bytes = to_vec(&big).unwrap();
    assert_eq!(bytes, encode(&Value::from(big.clone())));
    assert_eq!(from_slice::<Int>(&bytes).unwrap(), big);

    let value = decode(&hex::decode("1e0161183333333333333333333333333333333333333333016209016382808080808080808080808080808080808040").unwrap()).unwrap();
    assert_eq!(to_vec(&value).unwrap(), encode(&value));
    assert_eq!(from_slice::<Value>(&encode(&value)).unwrap(), value);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn values_serialize_to_their_encoding(data in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Some(value) = arbitrary_value(&data) {
            let bytes = to_vec(&value).unwrap();
            prop_assert_eq!(&bytes, &encode(&value));
            prop_assert_eq!(from_slice::<Value>(&bytes).unwrap(), value.clone());
            let view = genvm_calldata::decode_ref(&bytes).unwrap();
            prop_assert_eq!(to_vec(&view).unwrap(), bytes);
        }
    }

    #[test]
    fn integer_extremes_match_the_reference(a: u128, b: i128, c: i64, d: u64) {
        round_trip(&(a, b, c, d));
    }
}

#[test]
fn u256_and_bigint_fields_are_integers() {
    use num_bigint::BigInt;
    use primitive_types::U256;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Amounts {
        #[serde(with = "genvm_calldata::serde::u256")]
        value: U256,
        #[serde(with = "genvm_calldata::serde::bigint")]
        delta: BigInt,
    }
    let amounts = Amounts {
        value: U256::MAX,
        delta: BigInt::from(-7) * BigInt::from(u128::MAX),
    };
    let bytes = to_vec(&amounts).unwrap();
    assert_eq!(
        decode(&bytes).unwrap().to_string(),
        format!("{{\"delta\":{},\"value\":{}}}", amounts.delta, U256::MAX)
    );
    // The reference encodes the same numbers the same way.
    let reference = genlayer_calldata::Value::Map(BTreeMap::from([
        (
            "delta".to_owned(),
            genlayer_calldata::Value::Number(amounts.delta.clone()),
        ),
        (
            "value".to_owned(),
            genlayer_calldata::Value::Number(BigInt::from(&Int::from(U256::MAX))),
        ),
    ]));
    assert_eq!(bytes, genlayer_calldata::encode(&reference));
    assert_eq!(from_slice::<Amounts>(&bytes).unwrap(), amounts);

    for out_of_range in [
        "-1",
        "115792089237316195423570985008687907853269984665640564039457584007913129639936",
    ] {
        let text = format!("{{\"delta\": 0, \"value\": {out_of_range}}}");
        let bytes = encode(&genvm_calldata::from_text(&text).unwrap());
        let error = from_slice::<Amounts>(&bytes).unwrap_err();
        assert_eq!(error.path(), ".value");
        assert!(error.message().contains("out of range for U256"), "{error}");
    }
}

/// A map whose `serialize_map` length hint is wrong.
struct LyingMap {
    declared: usize,
    actual: usize,
}

impl Serialize for LyingMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.declared))?;
        // Reverse order, so the entries are also re-sorted.
        for index in (0..self.actual).rev() {
            map.serialize_entry(&format!("k{index:03}"), &index)?;
        }
        map.end()
    }
}

#[test]
fn a_wrong_map_length_hint_still_gives_the_canonical_encoding() {
    for (declared, actual) in [(3, 2), (1, 200), (200, 1), (0, 0), (5, 5)] {
        let expected: std::collections::BTreeMap<String, usize> = (0..actual)
            .map(|index| (format!("k{index:03}"), index))
            .collect();
        assert_eq!(
            to_vec(&LyingMap { declared, actual }).unwrap(),
            to_vec(&expected).unwrap(),
            "declared {declared}, actual {actual}"
        );
        assert_eq!(
            to_vec(&expected).unwrap(),
            genlayer_calldata::encode(&genlayer_calldata::to_value(&expected).unwrap())
        );
    }
}

/// A sequence (or tuple) whose length hint is wrong.
struct LyingSeq {
    declared: usize,
    actual: usize,
    tuple: bool,
}

impl Serialize for LyingSeq {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeTuple};
        if self.tuple {
            let mut tuple = serializer.serialize_tuple(self.declared)?;
            for index in 0..self.actual {
                tuple.serialize_element(&index)?;
            }
            tuple.end()
        } else {
            let mut seq = serializer.serialize_seq(Some(self.declared))?;
            for index in 0..self.actual {
                seq.serialize_element(&index)?;
            }
            seq.end()
        }
    }
}

/// The reference builds its array from the elements it is given, whatever
/// the hint said; so do we.
#[test]
fn a_wrong_sequence_length_hint_still_gives_the_canonical_encoding() {
    for (declared, actual) in [(3, 2), (1, 200), (200, 1), (0, 0), (5, 5), (64, 80)] {
        for tuple in [false, true] {
            let lying = LyingSeq {
                declared,
                actual,
                tuple,
            };
            let ours = to_vec(&lying).unwrap();
            let expected: Vec<usize> = (0..actual).collect();
            assert_eq!(
                ours,
                to_vec(&expected).unwrap(),
                "declared {declared}, actual {actual}, tuple {tuple}"
            );
            assert_eq!(
                ours,
                genlayer_calldata::encode(&genlayer_calldata::to_value(&lying).unwrap())
            );
        }
    }
}

#[test]
fn integers_at_every_header_width_match_the_codec() {
    let mut values: Vec<i128> = vec![i128::MIN, i128::MAX, 0, -1];
    for bits in 0..127 {
        for near in [-1i128, 0, 1] {
            values.push((1i128 << bits) + near);
            values.push(-(1i128 << bits) + near);
        }
    }
    for value in values {
        let expected = encode(&Value::Int(Int::from(value)));
        assert_eq!(to_vec(&value).unwrap(), expected, "{value}");
        assert_eq!(from_slice::<i128>(&expected).unwrap(), value);
        if let Ok(unsigned) = u128::try_from(value) {
            assert_eq!(to_vec(&unsigned).unwrap(), expected, "{value}");
            let doubled = unsigned.wrapping_mul(2) | 1;
            let expected = encode(&Value::Int(Int::from(doubled)));
            assert_eq!(to_vec(&doubled).unwrap(), expected, "{doubled}");
        }
        if let Ok(small) = i64::try_from(value) {
            assert_eq!(to_vec(&small).unwrap(), expected, "{value}");
        }
    }
}

/// A key type that is not `str` but serializes as a string, as map keys may.
#[derive(Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Debug, Clone)]
struct Name(String);

#[derive(Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Debug, Clone, Copy)]
enum Side {
    Buy,
    Sell,
}

#[test]
fn map_keys_of_every_length_prefix_width_match_the_codec() {
    // A key's length prefix is narrower than a string header of the same
    // length from 16 bytes on (and again from 2048): the key is moved.
    for len in [0, 1, 15, 16, 17, 127, 128, 2047, 2048, 2049] {
        let key = "k".repeat(len);
        let map = BTreeMap::from([(key.clone(), 7u8), (format!("{key}z"), 8u8)]);
        let expected = encode(&Value::from(
            genvm_calldata::Map::from_entries([
                (key.as_str(), Value::from(7)),
                (format!("{key}z").as_str(), Value::from(8)),
            ])
            .unwrap(),
        ));
        assert_eq!(same_as_reference(&map), expected, "key length {len}");
        assert_eq!(from_slice::<BTreeMap<String, u8>>(&expected).unwrap(), map);

        let named: BTreeMap<Name, u8> = map.iter().map(|(k, v)| (Name(k.clone()), *v)).collect();
        assert_eq!(
            same_as_reference(&named),
            expected,
            "newtype key length {len}"
        );
    }
    let sides = BTreeMap::from([(Side::Sell, 2u8), (Side::Buy, 1u8)]);
    round_trip(&sides);
}

#[test]
fn long_sequences_match_the_reference_and_reserve_a_bounded_room() {
    // Past 64 elements the serializer reserves room for the rest after the
    // first; the bytes must not change, whatever the elements' sizes.
    let rows: Vec<BTreeMap<String, Vec<u8>>> = (0..300usize)
        .map(|i| BTreeMap::from([(format!("row{i}"), vec![i as u8; i % 40])]))
        .collect();
    assert_eq!(
        from_slice::<Vec<BTreeMap<String, Vec<u8>>>>(&same_as_reference(&rows)).unwrap(),
        rows
    );

    // A large first element does not make the room grow past its bound.
    let mut lopsided = vec![serde_bytes::ByteBuf::new(); 100];
    lopsided[0] = serde_bytes::ByteBuf::from(vec![1u8; 1 << 20]);
    let bytes = to_vec(&lopsided).unwrap();
    assert_eq!(
        from_slice::<Vec<serde_bytes::ByteBuf>>(&bytes).unwrap(),
        lopsided
    );
    assert!(
        bytes.capacity() <= (1 << 20) + (16 << 20) + 4096,
        "{}",
        bytes.capacity()
    );

    // Elements that grow a little after the first (a counter here) fit the
    // room reserved: the output is not doubled once more near the end.
    let growing: Vec<(u64, String)> = (0..10_000u64).map(|i| (i, "x".repeat(20))).collect();
    let bytes = to_vec(&growing).unwrap();
    assert_eq!(from_slice::<Vec<(u64, String)>>(&bytes).unwrap(), growing);
    assert!(
        bytes.capacity() < bytes.len() * 3 / 2,
        "{} bytes in {}",
        bytes.len(),
        bytes.capacity()
    );
}
