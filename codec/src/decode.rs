//! The decoding entry points: `validate`, `decode_ref`, `decode`, `decode_bytes`.

use alloc::vec::Vec;

use bytes::Bytes;

use crate::address::Address;
use crate::error::DecodeError;
use crate::read::{self, DecodeOptions, Item, Sink};
use crate::value::{Map, Str, Value};
use crate::value_ref::{self, ValueRef};

/// Checks that `input` is exactly one canonical value. Allocates nothing.
///
/// ```
/// use genvm_calldata::{validate, ErrorKind};
/// assert!(validate(&[0x10]).is_ok()); // true
/// let error = validate(&[0x80, 0x00]).unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::NonCanonicalUleb);
/// assert_eq!(error.to_string(), "non-canonical ULEB128 (trailing zero byte) at byte 0");
/// ```
pub fn validate(input: &[u8]) -> Result<(), DecodeError> {
    validate_with(input, &DecodeOptions::new())
}

/// [`validate`] with explicit limits.
pub fn validate_with(input: &[u8], options: &DecodeOptions) -> Result<(), DecodeError> {
    read::parse_document(input, options, &mut ())
}

/// Validates `input`, then gives a borrowed view of it (see [`ValueRef`]).
pub fn decode_ref(input: &[u8]) -> Result<ValueRef<'_>, DecodeError> {
    decode_ref_with(input, &DecodeOptions::new())
}

/// [`decode_ref`] with explicit limits.
pub fn decode_ref_with<'a>(
    input: &'a [u8],
    options: &DecodeOptions,
) -> Result<ValueRef<'a>, DecodeError> {
    validate_with(input, options)?;
    value_ref::read_value(input, 0, true).map(|(root, _)| root)
}

/// Decodes `input` into an owned [`Value`].
///
/// The input is copied once into a shared buffer that every string and byte
/// string of the result points into (so a single small string keeps the
/// whole copy alive). Use [`decode_bytes`] to skip the copy.
///
/// ```
/// use genvm_calldata::{decode, Value};
/// assert_eq!(decode(&[0x09]).unwrap(), Value::from(1));
/// ```
pub fn decode(input: &[u8]) -> Result<Value, DecodeError> {
    decode_with(input, &DecodeOptions::new())
}

/// [`decode`] with explicit limits.
pub fn decode_with(input: &[u8], options: &DecodeOptions) -> Result<Value, DecodeError> {
    decode_bytes_with(Bytes::copy_from_slice(input), options)
}

/// Decodes a [`Bytes`] buffer; strings and byte strings of the result share
/// it instead of being copied.
///
/// ```
/// use bytes::Bytes;
/// use genvm_calldata::decode_bytes;
/// let input = Bytes::from_static(&[0x1b, 1, 2, 3]); // b#010203
/// let value = decode_bytes(input.clone()).unwrap();
/// assert_eq!(value.as_bytes().unwrap().as_ptr(), input[1..].as_ptr());
/// ```
pub fn decode_bytes(input: Bytes) -> Result<Value, DecodeError> {
    decode_bytes_with(input, &DecodeOptions::new())
}

/// [`decode_bytes`] with explicit limits.
pub fn decode_bytes_with(input: Bytes, options: &DecodeOptions) -> Result<Value, DecodeError> {
    let mut builder = Builder::new(&input);
    read::parse_document(&input, options, &mut builder)?;
    // A successful parse leaves exactly the top value.
    Ok(builder.items.pop().unwrap_or_default())
}

/// Builds the owned tree: finished values wait on a stack (array elements
/// and map entries apart) until their container ends, then move into it in
/// one exact-size copy.
struct Builder<'b> {
    buffer: &'b Bytes,
    /// Finished elements of the open arrays, and the top value.
    items: Vec<Value>,
    /// Finished entries of the open maps.
    entries: Vec<(Str, Value)>,
    open: Vec<Open>,
}

/// An open container and where its finished children start.
enum Open {
    Array {
        start: usize,
    },
    /// `key` is the key of the entry being read.
    Map {
        start: usize,
        key: Str,
    },
}

impl Builder<'_> {
    fn new(buffer: &Bytes) -> Builder<'_> {
        Builder {
            buffer,
            items: Vec::new(),
            entries: Vec::new(),
            open: Vec::new(),
        }
    }

    /// Hands a finished value to its container.
    #[inline(always)]
    fn place(&mut self, value: Value) {
        match self.open.last_mut() {
            Some(Open::Map { key, .. }) => self.entries.push((core::mem::take(key), value)),
            _ => self.items.push(value),
        }
    }
}

impl<'a> Sink<'a> for Builder<'_> {
    #[inline]
    fn value(&mut self, value: Item<'a>) {
        let value = match value {
            Item::Null => Value::Null,
            Item::Bool(b) => Value::Bool(b),
            Item::Int(i) => Value::Int(i.to_int()),
            Item::Bytes(b) => Value::Bytes(self.buffer.slice_ref(b)),
            Item::Str(s) => Value::Str(Str::slice_of(self.buffer, s)),
            Item::Address(a) => Value::Address(Address(*a)),
            Item::Array { len, .. } => {
                if self.open.is_empty() {
                    // The outermost array becomes the stack itself (see
                    // `end`): size it once. The parser has checked that the
                    // input holds a byte per element, so this is bounded by
                    // the input's length, like the tree it will hold.
                    self.items.reserve(len);
                }
                self.open.push(Open::Array {
                    start: self.items.len(),
                });
                return;
            }
            Item::Map { .. } => {
                self.open.push(Open::Map {
                    start: self.entries.len(),
                    key: Str::new(),
                });
                return;
            }
        };
        self.place(value);
    }

    #[inline]
    fn key(&mut self, new_key: &'a str) {
        if let Some(Open::Map { key, .. }) = self.open.last_mut() {
            *key = Str::slice_of(self.buffer, new_key);
        }
    }

    #[inline]
    fn end(&mut self) {
        let container = match self.open.pop() {
            // The outermost array takes the stack itself: no second copy.
            Some(Open::Array { .. }) if self.open.is_empty() => {
                Value::Array(core::mem::take(&mut self.items))
            }
            Some(Open::Array { start }) => Value::Array(self.items.split_off(start)),
            Some(Open::Map { start, .. }) => {
                Value::Map(Map::from_sorted(self.entries.split_off(start)))
            }
            None => return,
        };
        self.place(container);
    }
}

#[cfg(test)]
mod tests {
    //! Small enough to run under Miri, which checks the `unsafe` string paths.
    use super::*;
    use crate::encode::encode;
    use crate::error::ErrorKind;

    #[test]
    fn strings_survive_every_path() {
        // {"": "é", "key": ["ascii", "long ascii string over thirty-two bytes"]}
        let value = Value::Map(
            Map::from_entries([
                (
                    "key",
                    Value::from(alloc::vec![
                        Value::from("ascii"),
                        Value::from("long ascii string over thirty-two bytes")
                    ]),
                ),
                ("", Value::from("é")),
            ])
            .unwrap(),
        );
        let bytes = encode(&value);
        assert_eq!(decode(&bytes).unwrap(), value);
        assert_eq!(decode_bytes(Bytes::from(bytes.clone())).unwrap(), value);
        let view = decode_ref(&bytes).unwrap();
        assert_eq!(view.get("").unwrap().as_str(), Some("é"));
        let items = view.get("key").unwrap().as_array().unwrap();
        assert_eq!(
            items.get(1).unwrap().as_str(),
            Some("long ascii string over thirty-two bytes")
        );
        assert_eq!(view.to_value(), value);
    }

    #[test]
    fn invalid_utf8_reports_the_first_bad_byte() {
        // "ab\xff"
        let error = validate(&[0x1c, b'a', b'b', 0xff]).unwrap_err();
        assert_eq!((error.kind(), error.offset()), (ErrorKind::InvalidUtf8, 3));
    }
}
