//! Shapes made by serde attributes (internally, adjacently and un-tagged
//! enums, `flatten`, `deny_unknown_fields`) and by std types outside the
//! typed vectors: written to the reference's bytes, and read with the
//! reference's verdict. They go through serde's buffered `Content`, where
//! a visitor sees whatever `deserialize_any` hands it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Debug;
use std::path::PathBuf;

use genvm_calldata::{encode, from_slice, from_text, to_vec};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "t")]
enum Internal {
    A { x: u8 },
    B { s: String },
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    A(u8),
    B(String),
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(untagged)]
enum Untagged {
    Number(u64),
    Text(String),
    List(Vec<i64>),
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Inner {
    b: u8,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Flat {
    a: u8,
    #[serde(flatten)]
    inner: Inner,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Strict {
    a: u8,
}

/// Our bytes for `value`, after checking they are the reference's.
fn written_alike<T: Serialize>(value: &T) -> Vec<u8> {
    let ours = to_vec(value).unwrap();
    let reference = genlayer_calldata::encode(&genlayer_calldata::to_value(value).unwrap());
    assert_eq!(ours, reference);
    ours
}

/// What we read from the calldata in `text`, after checking the reference
/// reads the same (or refuses it too).
fn read_alike<T: DeserializeOwned + Debug + PartialEq>(text: &str) -> Option<T> {
    let bytes = encode(&from_text(text).unwrap());
    let ours = from_slice::<T>(&bytes).ok();
    let reference = genlayer_calldata::decode(&bytes).unwrap();
    let reference = genlayer_calldata::from_value::<T>(reference).ok();
    assert_eq!(ours, reference, "{text}");
    ours
}

#[test]
fn tagged_and_untagged_enums_match_the_reference() {
    let internal = written_alike(&Internal::A { x: 1 });
    assert_eq!(
        from_slice::<Internal>(&internal).unwrap(),
        Internal::A { x: 1 }
    );
    written_alike(&Adjacent::B("x".into()));
    written_alike(&Untagged::List(vec![1, -2]));

    assert_eq!(
        read_alike::<Internal>(r#"{"t": "B", "s": "q"}"#),
        Some(Internal::B { s: "q".into() })
    );
    assert_eq!(
        read_alike::<Adjacent>(r#"{"t": "A", "c": 7}"#),
        Some(Adjacent::A(7))
    );
    assert_eq!(read_alike::<Untagged>("5"), Some(Untagged::Number(5)));
    assert_eq!(
        read_alike::<Untagged>("[1, -2]"),
        Some(Untagged::List(vec![1, -2]))
    );
    assert_eq!(read_alike::<Untagged>("-5"), None);
    assert_eq!(
        read_alike::<Untagged>("340282366920938463463374607431768211455"),
        None
    );
    // Buffered content hands bytes to the string visitor, which takes
    // UTF-8 bytes: the reference's buffering does the same.
    assert_eq!(
        read_alike::<Internal>(r#"{"t": "B", "s": b#71}"#),
        Some(Internal::B { s: "q".into() })
    );
    assert_eq!(
        read_alike::<Untagged>("b#01"),
        Some(Untagged::Text("\u{1}".into()))
    );
}

#[test]
fn flattened_and_strict_structs_match_the_reference() {
    let flat = Flat {
        a: 1,
        inner: Inner { b: 2 },
    };
    assert_eq!(from_slice::<Flat>(&written_alike(&flat)).unwrap(), flat);
    assert_eq!(read_alike::<Flat>(r#"{"a": 1, "b": 2}"#), Some(flat));
    assert_eq!(read_alike::<Flat>(r#"{"a": 1, "b": b#02}"#), None);
    assert_eq!(read_alike::<Strict>(r#"{"a": 1}"#), Some(Strict { a: 1 }));
    assert_eq!(read_alike::<Strict>(r#"{"a": 1, "z": 2}"#), None);
}

#[test]
fn std_string_types_are_read_only_from_strings_like_the_reference() {
    assert_eq!(read_alike::<Box<str>>(r#""a""#).as_deref(), Some("a"));
    assert_eq!(read_alike::<Box<str>>("b#61"), None);
    assert_eq!(read_alike::<Cow<'static, str>>("b#61"), None);
    assert_eq!(read_alike::<PathBuf>("b#61"), None);
    assert_eq!(
        read_alike::<HashMap<String, u8>>(r#"{"a": 1}"#),
        Some(HashMap::from([("a".to_string(), 1)]))
    );
    assert_eq!(read_alike::<[u8; 2]>("[1, 2]"), Some([1, 2]));
    assert_eq!(read_alike::<Option<Option<u8>>>("null"), Some(None));
}
