//! serde reads zero-copy: borrowed fields and `ValueRef` point into the
//! input.

use genvm_calldata::{from_slice, to_vec};
use serde::{Deserialize, Serialize};

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
