//! The public `Serializer` and `Deserializer`: several values one after
//! another, seeds, and depth limits other than the default.

mod common;

use std::fmt;

use common::arbitrary_value;
use genvm_calldata::serde::{Deserializer, Serializer};
use genvm_calldata::{decode_with, from_slice, to_vec, DecodeOptions, ErrorKind, Value};
use proptest::prelude::*;
use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

/// Fields declared out of key order, so each value is put in order.
#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Entry {
    name: String,
    id: u64,
    active: bool,
}

#[derive(Serialize, Deserialize, PartialEq, Debug, Clone)]
struct Pair {
    right: Option<Entry>,
    left: Vec<Entry>,
}

fn entry(id: u64) -> Entry {
    Entry {
        name: format!("entry {id}"),
        id,
        active: id % 2 == 0,
    }
}

#[test]
fn values_written_one_after_another_read_back_in_turn() {
    let first = entry(1);
    let second = Pair {
        right: Some(entry(2)),
        left: vec![entry(3), entry(4)],
    };
    let third = "third";
    let mut out = Vec::new();
    let mut serializer = Serializer::new(&mut out);
    first.serialize(&mut serializer).unwrap();
    second.serialize(&mut serializer).unwrap();
    third.serialize(&mut serializer).unwrap();
    let each = [
        to_vec(&first).unwrap(),
        to_vec(&second).unwrap(),
        to_vec(&third).unwrap(),
    ];
    assert_eq!(out, each.concat());
    let lengths = each.map(|bytes| bytes.len());

    let mut de = Deserializer::from_slice(&out);
    assert_eq!(Entry::deserialize(&mut de).unwrap(), first);
    assert_eq!(de.offset(), lengths[0]);
    assert_eq!(Pair::deserialize(&mut de).unwrap(), second);
    assert_eq!(de.offset(), lengths[0] + lengths[1]);
    let error = de.end().unwrap_err();
    assert_eq!(error.message(), ErrorKind::TrailingBytes.description());
    assert_eq!(error.kind(), Some(ErrorKind::TrailingBytes));
    assert_eq!(error.offset(), Some(lengths[0] + lengths[1]));
    assert_eq!(<&str>::deserialize(&mut de).unwrap(), third);
    assert_eq!(de.offset(), out.len());
    de.end().unwrap();
}

proptest! {
    /// One serializer, reused, writes every value as `to_vec` would: key
    /// orders it remembers from earlier values never leak into later ones.
    #[test]
    fn a_reused_serializer_writes_what_to_vec_writes(
        data in prop::collection::vec(any::<u8>(), 0..400),
        ids in prop::collection::vec(any::<u64>(), 1..6),
    ) {
        // Values made from each quarter of the bytes.
        let values: Vec<Value> = data.chunks(100).filter_map(arbitrary_value).collect();
        let mut out = Vec::new();
        let mut expected = Vec::new();
        let mut serializer = Serializer::new(&mut out);
        for (value, id) in values.iter().zip(ids.iter().cycle()) {
            let pair = Pair { right: Some(entry(*id)), left: vec![entry(id / 2)] };
            value.serialize(&mut serializer).unwrap();
            pair.serialize(&mut serializer).unwrap();
            expected.extend(to_vec(value).unwrap());
            expected.extend(to_vec(&pair).unwrap());
        }
        prop_assert_eq!(out, expected);
    }
}

/// Appends the elements of a sequence to a vector it borrows: state a plain
/// `Deserialize` cannot carry.
struct AppendTo<'a>(&'a mut Vec<u64>);

impl<'de> DeserializeSeed<'de> for AppendTo<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for AppendTo<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence of integers")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(element) = seq.next_element()? {
            self.0.push(element);
        }
        Ok(())
    }
}

#[test]
fn seeds_deserialize_through_it() {
    let mut all = vec![1];
    for part in [vec![2u64, 3], vec![], vec![u64::MAX]] {
        let bytes = to_vec(&part).unwrap();
        let mut de = Deserializer::from_slice(&bytes);
        AppendTo(&mut all).deserialize(&mut de).unwrap();
        de.end().unwrap();
    }
    assert_eq!(all, [1, 2, 3, u64::MAX]);

    // A bad element is reported with its index and offset.
    let bytes = to_vec(&(5u64, "six")).unwrap();
    let error = AppendTo(&mut all)
        .deserialize(&mut Deserializer::from_slice(&bytes))
        .unwrap_err();
    assert_eq!((error.path(), error.offset()), ("[1]", Some(2)));
}

/// `count` arrays, each inside the one before: the last, empty, is nested
/// inside `count - 1` others.
fn nested_arrays(count: usize) -> Vec<u8> {
    let mut bytes = vec![0x0d; count - 1];
    bytes.push(0x05);
    bytes
}

#[test]
fn depth_limits_other_than_the_default() {
    let deep = nested_arrays(200);
    let error = from_slice::<Value>(&deep).unwrap_err();
    assert_eq!(error.offset(), Some(128));

    let options = DecodeOptions::new().max_depth(200);
    let mut de = Deserializer::from_slice_with(&deep, &options);
    let value = Value::deserialize(&mut de).unwrap();
    de.end().unwrap();
    assert_eq!(value, decode_with(&deep, &options).unwrap());

    // A lower limit: the innermost of [[[]]] is inside two others.
    let shallow = nested_arrays(3);
    let two = DecodeOptions::new().max_depth(2);
    let error = Value::deserialize(&mut Deserializer::from_slice_with(&shallow, &two)).unwrap_err();
    assert_eq!(error.offset(), Some(2));
    assert_eq!(
        decode_with(&shallow, &two).unwrap_err().offset(),
        error.offset().unwrap()
    );
    // The limit holds for values skipped unread, too: in {"ignored":
    // [[[]]]} the innermost array is inside three others.
    #[derive(Deserialize, Debug)]
    struct Skips {}
    let holder = to_vec(&std::collections::BTreeMap::from([(
        "ignored",
        genvm_calldata::decode(&shallow).unwrap(),
    )]))
    .unwrap();
    let three = DecodeOptions::new().max_depth(3);
    let error =
        Skips::deserialize(&mut Deserializer::from_slice_with(&holder, &three)).unwrap_err();
    assert_eq!(error.message(), "containers nested deeper than 3");
    assert_eq!(error.kind(), Some(ErrorKind::TooDeep));
    assert_eq!(
        decode_with(&holder, &three).unwrap_err().offset(),
        error.offset().unwrap()
    );
    let four = DecodeOptions::new().max_depth(4);
    Skips::deserialize(&mut Deserializer::from_slice_with(&holder, &four)).unwrap();
    decode_with(&holder, &four).unwrap();
}
