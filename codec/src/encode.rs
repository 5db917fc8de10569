//! Encoding: [`Encode`] for [`Value`] and [`ValueRef`], and the entry points.

use alloc::vec::Vec;

use bytes::BufMut;

use crate::address::Address;
use crate::value::{Node, Value};
use crate::value_ref::ValueRef;
use crate::wire::*;

/// Something with a calldata encoding: [`Value`] and [`ValueRef`].
pub trait Encode {
    /// Exact length of the encoding in bytes.
    fn encoded_len(&self) -> usize;

    /// Appends the encoding to `out`.
    ///
    /// A `BufMut` without room to grow (such as `&mut [u8]`) panics when
    /// full; size it with [`encoded_len`](Self::encoded_len).
    fn encode_to<B: BufMut + ?Sized>(&self, out: &mut B);

    /// Appends the encoding to a vector: the same bytes as
    /// [`encode_to`](Self::encode_to), written faster ([`encode`] takes
    /// this path). Provided in terms of `encode_to`.
    fn encode_to_vec(&self, out: &mut Vec<u8>) {
        self.encode_to(out)
    }
}

/// Encodes `value` into a new vector.
///
/// ```
/// use genvm_calldata::{encode, encoded_len, Value};
/// let value = Value::from(vec![Value::from(-1), Value::from("hi")]);
/// assert_eq!(encode(&value), [0x15, 0x02, 0x14, b'h', b'i']);
/// assert_eq!(encoded_len(&value), 5);
/// ```
pub fn encode<T: Encode + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.encode_to_vec(&mut out);
    out
}

/// Appends the encoding of `value` to `out`.
pub fn encode_to<T: Encode + ?Sized, B: BufMut + ?Sized>(value: &T, out: &mut B) {
    value.encode_to(out)
}

/// Exact length of the encoding of `value`.
pub fn encoded_len<T: Encode + ?Sized>(value: &T) -> usize {
    value.encoded_len()
}

/// The largest length or element count calldata allows (`2^32 - 1`):
/// encoders that write their own headers ([`encode_array_header`] and the
/// like) check against it and report [`ErrorKind::LengthTooLarge`](crate::ErrorKind::LengthTooLarge).
pub const MAX_LENGTH: usize = crate::wire::MAX_LENGTH as usize;

/// Appends the header of an array of `len` elements; the caller then
/// appends the elements' encodings. For encoders that walk values of their
/// own (the Python binding) without building a [`Value`] first; scalars are
/// written by encoding a [`ValueRef`]. A valid array has fewer than 2^32
/// elements.
///
/// ```
/// use genvm_calldata::{encode_array_header, Encode, ValueRef};
/// let mut out = Vec::new();
/// encode_array_header(&mut out, 1);
/// ValueRef::Null.encode_to(&mut out);
/// assert_eq!(out, [0x0d, 0x00]);
/// ```
#[inline]
pub fn encode_array_header<B: BufMut + ?Sized>(out: &mut B, len: usize) {
    put_header(&mut BufOut(out), TAG_ARRAY, len);
}

/// Appends the header of a map of `len` entries; the caller then appends
/// each entry with [`encode_map_key`] and its value's encoding, keys
/// strictly increasing by their UTF-8 bytes (see [`encode_array_header`]).
#[inline]
pub fn encode_map_header<B: BufMut + ?Sized>(out: &mut B, len: usize) {
    put_header(&mut BufOut(out), TAG_MAP, len);
}

/// Appends a map key (its length, then its UTF-8 bytes).
///
/// ```
/// use genvm_calldata::{encode_map_header, encode_map_key, Encode, ValueRef};
/// let mut out = Vec::new();
/// encode_map_header(&mut out, 1);
/// encode_map_key(&mut out, "a");
/// ValueRef::Bool(true).encode_to(&mut out);
/// assert_eq!(genvm_calldata::decode_ref(&out).unwrap().to_string(), r#"{"a":true}"#);
/// ```
#[inline]
pub fn encode_map_key<B: BufMut + ?Sized>(out: &mut B, key: &str) {
    put_key(&mut BufOut(out), key);
}

impl Encode for Value {
    fn encoded_len(&self) -> usize {
        match self.node() {
            Node::Scalar(scalar) => scalar.encoded_len(),
            Node::Array(items) => {
                header_len(items.len()) + items.iter().map(Encode::encoded_len).sum::<usize>()
            }
            Node::Map(map) => {
                header_len(map.len())
                    + map
                        .iter()
                        .map(|(k, v)| key_len(k) + v.encoded_len())
                        .sum::<usize>()
            }
        }
    }

    fn encode_to<B: BufMut + ?Sized>(&self, out: &mut B) {
        write_value(self, &mut BufOut(out));
    }

    fn encode_to_vec(&self, out: &mut Vec<u8>) {
        write_value(self, out);
    }
}

fn write_value<O: Output + ?Sized>(value: &Value, out: &mut O) {
    match value.node() {
        Node::Scalar(scalar) => write_view(&scalar, out),
        Node::Array(items) => {
            put_header(out, TAG_ARRAY, items.len());
            for item in items {
                write_value(item, out);
            }
        }
        Node::Map(map) => {
            put_header(out, TAG_MAP, map.len());
            for (key, value) in map.iter() {
                put_key(out, key);
                write_value(value, out);
            }
        }
    }
}

/// A view re-encodes to its own bytes: containers are copied whole.
impl Encode for ValueRef<'_> {
    fn encoded_len(&self) -> usize {
        match self {
            ValueRef::Null | ValueRef::Bool(_) => 1,
            ValueRef::Int(i) => i.encoded_len(),
            ValueRef::Bytes(b) => header_len(b.len()) + b.len(),
            ValueRef::Str(s) => header_len(s.len()) + s.len(),
            ValueRef::Address(_) => 1 + Address::LEN,
            ValueRef::Array(a) => header_len(a.len()) + a.encoded_body().len(),
            ValueRef::Map(m) => header_len(m.len()) + m.encoded_body().len(),
        }
    }

    fn encode_to<B: BufMut + ?Sized>(&self, out: &mut B) {
        write_view(self, &mut BufOut(out));
    }

    fn encode_to_vec(&self, out: &mut Vec<u8>) {
        write_view(self, out);
    }
}

#[inline(always)]
fn write_view<O: Output + ?Sized>(view: &ValueRef<'_>, out: &mut O) {
    match view {
        ValueRef::Null => out.put_u8(NULL_BYTE),
        ValueRef::Bool(false) => out.put_u8(FALSE_BYTE),
        ValueRef::Bool(true) => out.put_u8(TRUE_BYTE),
        ValueRef::Int(i) => i.encode_to(out),
        ValueRef::Bytes(b) => {
            put_header(out, TAG_BYTES, b.len());
            out.put_slice(b);
        }
        ValueRef::Str(s) => {
            put_header(out, TAG_STR, s.len());
            out.put_slice(s.as_bytes());
        }
        ValueRef::Address(a) => {
            out.put_u8(ADDRESS_BYTE);
            out.put_slice(*a);
        }
        ValueRef::Array(a) => {
            put_header(out, TAG_ARRAY, a.len());
            out.put_slice(a.encoded_body());
        }
        ValueRef::Map(m) => {
            put_header(out, TAG_MAP, m.len());
            out.put_slice(m.encoded_body());
        }
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encoded_len(&self) -> usize {
        (**self).encoded_len()
    }

    fn encode_to<B: BufMut + ?Sized>(&self, out: &mut B) {
        (**self).encode_to(out)
    }

    fn encode_to_vec(&self, out: &mut Vec<u8>) {
        (**self).encode_to_vec(out)
    }
}
