//! serde: byte-compatible with the reference host's mapping, zero-copy on the
//! way back, and refusing what the reference refuses, with field paths.

mod common;

use std::collections::{BTreeMap, HashMap};

use common::arbitrary_value;
use genvm_calldata::{
    decode, encode, from_slice, from_value, to_value, to_vec, Address, Int, Value,
};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

/// Our bytes for `value`, after checking they equal the reference's.
fn same_as_reference<T: Serialize>(value: &T) -> Vec<u8> {
    let ours = to_vec(value).expect("we serialize it");
    let reference = genlayer_calldata::to_value(value).expect("the reference serializes it");
    assert_eq!(
        ours,
        genlayer_calldata::encode(&reference),
        "bytes differ from the reference"
    );
    ours
}

fn round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(value: &T) {
    let bytes = same_as_reference(value);
    assert_eq!(&from_slice::<T>(&bytes).unwrap(), value);
    assert_eq!(&from_value::<T>(to_value(value).unwrap()).unwrap(), value);
}

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
fn borrowed_fields_point_into_the_input() {
    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Borrowed<'a> {
        name: &'a str,
        #[serde(borrow, with = "serde_bytes")]
        data: &'a [u8],
    }
    let bytes = to_vec(&Borrowed {
        name: "borrowed",
        data: b"\x01\x02\x03",
    })
    .unwrap();
    let back: Borrowed = from_slice(&bytes).unwrap();
    let range = bytes.as_ptr_range();
    assert!(range.contains(&back.name.as_ptr()));
    assert!(range.contains(&back.data.as_ptr()));
    assert_eq!(
        back,
        Borrowed {
            name: "borrowed",
            data: b"\x01\x02\x03"
        }
    );
}

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

#[test]
fn value_ref_deserializes_zero_copy_and_only_from_calldata() {
    use genvm_calldata::ValueRef;
    #[derive(serde::Deserialize)]
    struct Envelope<'a> {
        #[serde(borrow)]
        payload: ValueRef<'a>,
    }
    let bytes =
        genvm_calldata::encode(&genvm_calldata::from_text(r#"{"payload":["a",b#ff]}"#).unwrap());
    let envelope: Envelope<'_> = genvm_calldata::from_slice(&bytes).unwrap();
    let ValueRef::Array(items) = envelope.payload else {
        panic!("not an array")
    };
    let first = items.iter().next().unwrap();
    let text = first.as_str().unwrap();
    assert!(
        bytes.as_ptr_range().contains(&text.as_ptr()),
        "borrowed from the input"
    );
    let error = serde_json::from_str::<Envelope<'_>>(r#"{"payload": 1}"#)
        .err()
        .unwrap();
    assert!(error.to_string().contains("from_slice"), "{error}");
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

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Sparse {
    zeta: u8,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    alpha: Option<u8>,
    mid: String,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    beta: Vec<u8>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Other {
    zeta: bool,
    mid: u8,
}

#[test]
fn struct_key_orders_are_reused_only_for_the_same_fields() {
    // Many values of types whose fields are not in key order, with fields
    // that come and go, interleaved: each must be sorted by its own keys.
    let values: Vec<(Sparse, Other)> = (0..40u8)
        .map(|i| {
            (
                Sparse {
                    zeta: i,
                    alpha: (i % 3 == 0).then_some(i),
                    mid: format!("m{i}"),
                    beta: vec![i; usize::from(i % 2)],
                },
                Other {
                    zeta: i % 2 == 0,
                    mid: i,
                },
            )
        })
        .collect();
    let bytes = same_as_reference(&values);
    assert_eq!(from_slice::<Vec<(Sparse, Other)>>(&bytes).unwrap(), values);
}

/// Two struct types both called `Node`, with field names in common (the
/// compiler may store equal names once), nested in each other.
mod first {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    pub struct Node {
        pub zeta: u8,
        pub inner: Option<super::second::Node>,
        pub alpha: u8,
    }
}

mod second {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    pub struct Node {
        pub alpha: u8,
        pub zeta: Option<Box<super::first::Node>>,
        pub extra: String,
    }
}

#[test]
fn struct_types_with_the_same_name_keep_their_own_key_orders() {
    let leaf = |n: u8| first::Node {
        zeta: n,
        inner: None,
        alpha: n + 1,
    };
    let values: Vec<first::Node> = (0..5)
        .map(|n| first::Node {
            zeta: n,
            inner: Some(second::Node {
                alpha: n,
                zeta: Some(Box::new(leaf(n))),
                extra: format!("x{n}"),
            }),
            alpha: 9,
        })
        .collect();
    let bytes = same_as_reference(&values);
    assert_eq!(from_slice::<Vec<first::Node>>(&bytes).unwrap(), values);
}

/// More struct types, all with fields out of key order, than the serializer
/// remembers orders of.
macro_rules! many_types {
    ($($name:ident)*) => {
        $(
            #[derive(Serialize, Deserialize, PartialEq, Debug)]
            struct $name {
                zz: u8,
                mm: String,
                aa: bool,
            }
        )*

        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        #[allow(non_snake_case)]
        struct Many {
            $($name: $name,)*
        }

        fn many(seed: u8) -> Many {
            Many {
                $($name: $name {
                    zz: seed,
                    mm: format!("{}{seed}", stringify!($name)),
                    aa: seed % 2 == 0,
                },)*
            }
        }
    };
}

many_types!(T00 T01 T02 T03 T04 T05 T06 T07 T08 T09 T10 T11 T12 T13 T14 T15 T16 T17 T18 T19);

#[test]
fn more_struct_types_than_remembered_are_still_sorted() {
    let values: Vec<Many> = (0..3).map(many).collect();
    let bytes = same_as_reference(&values);
    assert_eq!(from_slice::<Vec<Many>>(&bytes).unwrap(), values);
}

/// Field names whose encoded keys (a length byte and the text) take 63, 64
/// and 65 bytes: the serializer remembers keys in 64-byte blocks, and
/// sorts a struct type with a longer one every time instead.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct LongNames {
    #[serde(rename = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    sixty_four: u8,
    #[serde(rename = "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm")]
    sixty_three: u8,
    #[serde(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    sixty_two: u8,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct BlockNames {
    #[serde(rename = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    sixty_three: u8,
    #[serde(rename = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    sixty_two: u8,
}

#[test]
fn field_names_past_the_remembered_block_size_are_still_sorted() {
    let long: Vec<LongNames> = (0..4)
        .map(|i| LongNames {
            sixty_four: i,
            sixty_three: i + 1,
            sixty_two: i + 2,
        })
        .collect();
    round_trip(&long);
    let fitting: Vec<BlockNames> = (0..4)
        .map(|i| BlockNames {
            sixty_three: i,
            sixty_two: i + 1,
        })
        .collect();
    round_trip(&fitting);
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
