//! serde support: calldata as a serde data format, in serde_json's style.
//!
//! Serialization writes calldata straight into the output: struct fields and
//! map entries are written in place, then put in key order by gathering them
//! through a reusable scratch buffer (no tree, no allocation per field). Each
//! struct type's encoded keys and key order are worked out once per
//! [`Serializer`] (one per `to_vec` call) and reused for every later value
//! of the type, so its keys are copied, not encoded, and never compared
//! again; a struct whose fields are declared in key order is not moved at
//! all (declaring hot structs' fields in key order is the one speed tip;
//! see `BENCHMARKS.md`).
//! A long sequence reserves room for all its elements after the first, as
//! if they were its size and a quarter more (16 MiB at most).
//! Deserialization reads the input in place in one pass, checking it as
//! strictly as [`validate`] does as it goes: `&str` and `&[u8]` fields borrow
//! from it.
//!
//! The mapping is the reference host's: structs and maps are maps with sorted
//! keys; `None`, `()` and unit structs are null; `Some(x)` is `x`; newtype
//! structs are their content; unit variants are their name; other variants
//! are one-key maps `{name: content}`; sequences and tuples are arrays; every
//! integer type (`u128`/`i128` included) is an integer; floats only when
//! whole and within ±(2^53 − 1); `char` and non-string map keys are errors.
//! [`Address`](crate::Address) is the address atom and [`Int`](crate::Int)
//! an integer of any size. Reading keeps the kinds apart: a string is read
//! only from a string, bytes only from bytes. `spec/typed-mapping.md` states
//! the whole mapping, both ways, and `spec/vectors/typed.json` holds its
//! vectors.
//!
//! ```
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, Debug, PartialEq)]
//! struct Transfer<'a> {
//!     to: genvm_calldata::Address,
//!     amount: u128,
//!     memo: &'a str,
//! }
//!
//! let transfer = Transfer { to: genvm_calldata::Address([1; 20]), amount: 5, memo: "rent" };
//! let bytes = genvm_calldata::to_vec(&transfer).unwrap();
//! assert_eq!(genvm_calldata::decode(&bytes).unwrap().to_string(),
//!     r#"{"amount":5,"memo":"rent","to":addr#0101010101010101010101010101010101010101}"#);
//! let back: Transfer = genvm_calldata::from_slice(&bytes).unwrap();
//! assert_eq!(back, transfer);
//! ```
//!
//! [`to_vec`] and [`from_slice`] cover one value. The [`Serializer`] and
//! [`Deserializer`] they use are public for the rest: several values in one
//! buffer (a reused `Serializer` keeps the key orders it has worked out), a
//! `DeserializeSeed`, or a depth limit other than the default.
//!
//! [`validate`]: crate::validate

mod de;
mod error;
mod impls;
mod key;
mod key_order;
mod ser;

use alloc::vec::Vec;

use bytes::BufMut;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub use de::Deserializer;
pub use error::SerdeError;
pub use ser::{Compound, Serializer};

use crate::value::Value;

/// The newtype-struct name that carries one encoded calldata item through
/// serde untouched (addresses, integers beyond 128 bits), the way serde_json
/// carries `RawValue`. Never matched against user type names.
pub(crate) const RAW: &str = "$genvm_calldata::private::Raw";

/// The largest integer every float holds exactly, 2^53 - 1: the reference
/// host's limit for floats, both ways.
pub(crate) const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// The integer a float stands for: only whole numbers within ±(2^53 − 1),
/// the reference host's rule (larger floats are not exact integers).
pub(crate) fn whole_float(value: f64) -> Result<i64, SerdeError> {
    const MAX_SAFE: f64 = MAX_SAFE_INTEGER as f64;

    // NaN fails the range check; the cast round-trips only whole numbers.
    if (-MAX_SAFE..=MAX_SAFE).contains(&value) && value as i64 as f64 == value {
        Ok(value as i64)
    } else {
        Err(SerdeError::new(alloc::format!(
            "float {value} is not a whole number within ±(2^53 - 1)"
        )))
    }
}

/// Serializes `value` into a new vector of calldata.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, SerdeError> {
    let mut out = Vec::new();
    ser::serialize_into(value, &mut out)?;
    Ok(out)
}

/// Serializes `value` and appends the calldata to `out`.
///
/// The bytes are assembled in a vector first (map entries are put in key
/// order by moving bytes already written, which a `BufMut` cannot do), then
/// copied into `out` with one `put_slice`.
pub fn to_buf<T: Serialize + ?Sized, B: BufMut + ?Sized>(
    value: &T,
    out: &mut B,
) -> Result<(), SerdeError> {
    out.put_slice(&to_vec(value)?);
    Ok(())
}

/// Length of the calldata `value` serializes to (it is serialized to count).
pub fn encoded_len_of<T: Serialize + ?Sized>(value: &T) -> Result<usize, SerdeError> {
    to_vec(value).map(|bytes| bytes.len())
}

/// Deserializes a `T` from calldata, borrowing strings and bytes from it.
///
/// The input is checked as strictly as [`validate`](crate::validate) checks
/// it (trailing bytes and nesting over 128 included) while it is read. For
/// another depth limit, or several values in one input, see
/// [`Deserializer`].
pub fn from_slice<'de, T: Deserialize<'de>>(input: &'de [u8]) -> Result<T, SerdeError> {
    de::deserialize(input)
}

/// Converts a `T` into a [`Value`].
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, SerdeError> {
    let bytes = to_vec(value)?;
    crate::decode_bytes(bytes.into()).map_err(SerdeError::from)
}

/// Converts a [`Value`] into a `T`.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, SerdeError> {
    from_slice(&crate::encode(&value))
}

/// `#[serde(with = "genvm_calldata::serde::u256")]`: a `primitive_types::U256`
/// as a calldata integer (its own `Serialize` writes a hex string), refusing
/// negative and too large integers on the way back.
#[cfg(feature = "primitive-types")]
pub mod u256 {
    use primitive_types::U256;
    use serde::{de::Error as _, Deserialize, Deserializer, Serialize, Serializer};

    use crate::int::Int;

    /// Serializes `value` as an integer.
    pub fn serialize<S: Serializer>(value: &U256, serializer: S) -> Result<S::Ok, S::Error> {
        Int::from(*value).serialize(serializer)
    }

    /// Deserializes an integer in `0 ..= 2^256 - 1`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<U256, D::Error> {
        let int = Int::deserialize(deserializer)?;
        U256::try_from(&int)
            .map_err(|_| D::Error::custom(alloc::format!("integer {int} is out of range for U256")))
    }
}

/// `#[serde(with = "genvm_calldata::serde::bigint")]`: a `num_bigint::BigInt`
/// as a calldata integer of any size.
#[cfg(feature = "num-bigint")]
pub mod bigint {
    use num_bigint::BigInt;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::int::Int;

    /// Serializes `value` as an integer.
    pub fn serialize<S: Serializer>(value: &BigInt, serializer: S) -> Result<S::Ok, S::Error> {
        Int::from(value).serialize(serializer)
    }

    /// Deserializes an integer.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BigInt, D::Error> {
        Int::deserialize(deserializer).map(BigInt::from)
    }
}
