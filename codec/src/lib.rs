// Layers, lowest first: a module uses only the modules above it in this
// list (tests/layers.rs reads the list and checks every `crate::` path).
//
// error        ErrorKind and DecodeError
// hex          hex digits in and out
// gvm32        GVM32, the base32 of hash-like values
// address      Address
// wire         tags, headers, ULEB128: reading and writing
// int          Int, IntRef, Uint256, limb arithmetic, big-integer interop
// read         the strict iterative reader, its Item and DecodeOptions
// visit        the reader's single pass as public events
// value_ref    ValueRef, ArrayRef, MapRef: borrowed views and iterators
// value        Value, Map, Str, owned copies of views
// encode       Encode for values and views, encode entry points
// decode       validate, decode_ref, decode, decode_bytes
// text         the text form: printing and parsing
// document     Document: one validated input and an arena of 16-byte nodes
// serde        the serde data format
// arbitrary    Arbitrary for Value
// method_call  MethodCall, call keys, migration between generations
// frame        the ResultCode frame
// vm_error     v0.3 VM error codes: parsing, matching
// proposed     validity of a proposed (leader's) result
// nondet       the non-deterministic verdict, validator and host sides
// result_hash  the sub-VM small hash, its accumulator, the execution hash

//! A strict, zero-copy codec for GenVM calldata.
//!
//! Calldata is the compact, canonical, JSON-like binary format GenVM contracts
//! and their host exchange: null, booleans, integers of any size, bytes,
//! UTF-8 strings, arrays, maps with sorted string keys, and 20-byte
//! addresses. The format is specified in `spec/calldata.md`.
//!
//! * [`validate`] checks every rule of the format and allocates nothing.
//! * [`decode_ref`] validates once, then hands out a [`ValueRef`] view whose
//!   strings, bytes and integers borrow the input.
//! * [`decode`] and [`decode_bytes`] build an owned [`Value`]; the latter
//!   shares the input buffer instead of copying strings.
//! * [`encode`], [`encode_to`] and [`encoded_len`] write the one canonical
//!   encoding of a [`Value`] or [`ValueRef`].
//! * [`decode_frame`] and [`Frame`] read and write the ResultCode frame a
//!   sub-VM's result travels in (`spec/framing.md`).
//!
//! Decoding is as strict as the reference host: every accepted input
//! re-encodes to the same bytes, so hashes of calldata are stable.
//!
//! ```
//! use genvm_calldata::{decode, decode_ref, encode, Map, Value};
//!
//! let value = Value::from(Map::from_entries([
//!     ("method", Value::from("transfer")),
//!     ("args", Value::from(vec![Value::from(-7), Value::from(&b"\x01"[..])])),
//! ]).unwrap());
//! let bytes = encode(&value);
//! assert_eq!(decode(&bytes).unwrap(), value);
//!
//! let view = decode_ref(&bytes).unwrap();
//! assert_eq!(view.get("method").and_then(|m| m.as_str()), Some("transfer"));
//! assert_eq!(view.to_string(), r#"{"args":[-7,b#01],"method":"transfer"}"#);
//! ```
//!
//! # Features
//!
//! * `std` (default): turns on `std` in `bytes` and `serde`. The crate itself
//!   is always `no_std` + `alloc` (its errors implement `core::error::Error`)
//!   and builds for `wasm32-unknown-unknown` without it.
//! * `arbitrary`: `Arbitrary` for [`Value`], producing only valid values.
//! * `serde`: calldata as a serde data format ([`to_vec`], [`from_slice`],
//!   [`to_value`], [`from_value`]; see the [`serde`](mod@crate::serde) module).
//! * `num-bigint`, `primitive-types`: conversions between [`Int`] and
//!   `BigInt`/`BigUint` and `U256`.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs, missing_debug_implementations)]

extern crate alloc;

mod address;
#[cfg(feature = "arbitrary")]
mod arbitrary;
mod decode;
mod document;
mod encode;
mod error;
mod frame;
mod gvm32;
mod hex;
mod int;
mod method_call;
mod nondet;
mod proposed;
mod read;
mod result_hash;
#[cfg(feature = "serde")]
pub mod serde;
mod text;
mod value;
mod value_ref;
mod visit;
mod vm_error;
mod wire;

pub use address::{Address, ParseAddressError};
pub use decode::{
    decode, decode_bytes, decode_bytes_with, decode_ref, decode_ref_with, decode_with, validate,
    validate_with,
};
pub use document::{
    decode_document, decode_document_bytes, decode_document_bytes_with, decode_document_with,
    ArrayNode, ArrayNodes, Document, MapNode, MapNodes, Node,
};
pub use encode::{
    encode, encode_array_header, encode_map_header, encode_map_key, encode_to, encoded_len, Encode,
    MAX_LENGTH,
};
pub use error::{DecodeError, ErrorKind};
pub use frame::{
    decode_frame, decode_frame_in, known_vm_error, Frame, FrameContext, FrameEncodeError,
    FrameError, FrameRef, UnpackError, UserError, UserErrorRef, FATAL_VM_ERROR_CODE,
    USER_ERROR_DATA_PREFIX,
};
pub use gvm32::{gvm32_decode, gvm32_encode, Gvm32Error};
pub use int::{Int, IntRangeError, IntRef, ParseIntError, ParseUint256Error, Uint256};
pub use method_call::{
    call_key, method_key, migrate_call, MethodCall, MethodCallError, MethodCallRef,
};
pub use nondet::{
    default_vm_error_comparison, guest_equal, host_verdict, validator_verdict,
    validator_verdict_with, Comparisons, HostVerdict, VerdictError,
};
pub use proposed::{
    check_proposed_result, short_digest, FIX_POINT, NONDET_OUTPUT_ABSENT, NONDET_OUTPUT_MALFORMED,
    NONDET_OUTPUT_NAMESPACE, NONDET_OUTPUT_USES_THIS_ERROR,
};
pub use read::DecodeOptions;
pub use result_hash::{
    execution_hash, subvm_small_hash, ExecutionHashFields, ResultKind, SubVmHashes,
};
pub use text::{acts_on_terminal, from_text, Pretty, TextParseError};
pub use value::{DuplicateKey, Map, MapEntries, Str, Value};
pub use value_ref::{ArrayIter, ArrayRef, MapIter, MapRef, ValueRef};
pub use visit::{visit, Event};
pub use vm_error::{
    public_code, vm_error_matches, VmErrorCode, VmErrorCodeError, VmErrorParam, DETAIL_SEPARATOR,
};

#[cfg(feature = "serde")]
pub use crate::serde::{
    encoded_len_of, from_slice, from_value, to_buf, to_value, to_vec, SerdeError,
};

pub use bytes;
pub use genvm_abi as abi;

/// A guest-to-host message with the codec's address, value and 256-bit
/// integer types (see [`abi::HostCall`]).
///
/// ```
/// use genvm_calldata::{abi::StorageType, from_slice, to_vec, Address, HostCall, MethodCall};
/// let call = HostCall::CallContract {
///     address: Address::from([7; 20]),
///     calldata: MethodCall::new("get").to_value(),
///     state: StorageType::LatestFinal,
/// };
/// let bytes = to_vec(&call).unwrap();
/// assert_eq!(from_slice::<HostCall>(&bytes).unwrap(), call);
/// ```
#[cfg(feature = "serde")]
pub type HostCall = abi::HostCall<Address, Value, Uint256>;

/// A v0.3 guest-to-host message with the codec's address, value and 256-bit
/// integer types (see [`abi::HostCallV03`]).
///
/// ```
/// use genvm_calldata::abi::{AbiGeneration, ExecuteOn};
/// use genvm_calldata::{from_slice, to_vec, Address, HostCallV03, MethodCall, Uint256};
/// let call = HostCallV03::PostMessage {
///     address: Address::from([7; 20]),
///     calldata: MethodCall::new("pay").to_value_in(AbiGeneration::V03),
///     value: Uint256::from(5u8),
///     on: ExecuteOn::Finalized,
///     use_balance: false,
///     fee_params: None,
/// };
/// let bytes = to_vec(&call).unwrap();
/// assert_eq!(from_slice::<HostCallV03>(&bytes).unwrap(), call);
/// assert_eq!(to_vec(&HostCallV03::Yield).unwrap(), to_vec(&"Yield").unwrap());
/// ```
#[cfg(feature = "serde")]
pub type HostCallV03 = abi::HostCallV03<Address, Value, Uint256>;

/// The README's examples compile and pass as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
