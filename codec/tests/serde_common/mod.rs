//! Helpers shared by the serde test files.
#![allow(dead_code)]

use genvm_calldata::{from_slice, from_value, to_value, to_vec};
use serde::{Deserialize, Serialize};

/// Our bytes for `value`, after checking they equal the reference's.
pub fn same_as_reference<T: Serialize>(value: &T) -> Vec<u8> {
    let ours = to_vec(value).expect("we serialize it");
    let reference = genlayer_calldata::to_value(value).expect("the reference serializes it");
    assert_eq!(
        ours,
        genlayer_calldata::encode(&reference),
        "bytes differ from the reference"
    );
    ours
}

pub fn round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(
    value: &T,
) {
    let bytes = same_as_reference(value);
    assert_eq!(&from_slice::<T>(&bytes).unwrap(), value);
    assert_eq!(&from_value::<T>(to_value(value).unwrap()).unwrap(), value);
}
