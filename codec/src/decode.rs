//! The decoding entry points: `validate`, `decode_ref`, `decode`, `decode_bytes`.

use alloc::sync::Arc;
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
    Ok(builder.root.unwrap_or_default())
}

/// Builds the owned tree: each container is allocated once, at the size
/// its header gives, when it opens, and its elements are written straight
/// into it.
///
/// A header's count is checked against the bytes left before it arrives,
/// but an invalid input could still claim, level after level, counts that
/// add up to far more than it holds. So counts are reserved from a budget
/// of the input's length: in a valid input every array element takes a
/// byte of its own and every map entry two (a key's length and a value's
/// header), so the budget never runs out; when it does (the input is
/// invalid, and will be refused), containers grow as they fill instead.
/// The memory reserved is so at most the input's length in elements.
struct Builder<'b> {
    buffer: &'b Bytes,
    /// The buffer again, counted once for all the strings that share it
    /// (made at the first string too long to be held inline).
    owner: Option<Arc<Bytes>>,
    /// The innermost open container.
    open: Open,
    /// The containers around it, innermost last.
    parents: Vec<Open>,
    /// Bytes of input not yet spoken for by a reservation.
    budget: usize,
    /// The finished document.
    root: Option<Value>,
}

/// An open container and the elements it has so far.
enum Open {
    /// None: the next value is the document.
    Root,
    Array(Vec<Value>),
    /// The entries so far, and the key of the entry being read.
    Map(Vec<(Str, Value)>, Str),
}

impl Builder<'_> {
    fn new(buffer: &Bytes) -> Builder<'_> {
        Builder {
            buffer,
            owner: None,
            open: Open::Root,
            parents: Vec::new(),
            budget: buffer.len(),
            root: None,
        }
    }

    /// Hands a finished value to its container.
    #[inline(always)]
    fn place(&mut self, value: Value) {
        match &mut self.open {
            Open::Array(items) => items.push(value),
            Open::Map(entries, key) => entries.push((core::mem::take(key), value)),
            Open::Root => self.root = Some(value),
        }
    }

    /// Room for `len` elements that each take `least` bytes of input, if
    /// the budget has it (see [`Builder`]).
    #[inline(always)]
    fn reserve(&mut self, len: usize, least: usize) -> usize {
        match self.budget.checked_sub(len * least) {
            Some(left) => {
                self.budget = left;
                len
            }
            None => 0,
        }
    }

    /// A string of the input: inline when short, else sharing the buffer.
    #[inline(always)]
    fn string(&mut self, text: &str) -> Str {
        match Str::inline(text) {
            Some(inline) => inline,
            None => self.shared(text),
        }
    }

    #[inline(never)]
    fn shared(&mut self, text: &str) -> Str {
        let buffer = self.buffer;
        Str::shared(
            self.owner.get_or_insert_with(|| Arc::new(buffer.clone())),
            text,
        )
    }

    /// Makes `open` the innermost container.
    #[inline(always)]
    fn enter(&mut self, open: Open) {
        let parent = core::mem::replace(&mut self.open, open);
        self.parents.push(parent);
    }
}

impl<'a> Sink<'a> for Builder<'_> {
    #[inline(always)]
    fn value(&mut self, value: Item<'a>) {
        let value = match value {
            Item::Null => Value::Null,
            Item::Bool(b) => Value::Bool(b),
            Item::Int(i) => Value::Int(i.to_int()),
            Item::Bytes(b) => Value::Bytes(self.buffer.slice_ref(b)),
            Item::Str(s) => Value::Str(self.string(s)),
            Item::Address(a) => Value::Address(Address(*a)),
            Item::Array { len, .. } => {
                let room = self.reserve(len, 1);
                return self.enter(Open::Array(Vec::with_capacity(room)));
            }
            Item::Map { len, .. } => {
                // `len` is at most half the input's length (checked by the
                // reader), so twice it does not overflow.
                let room = self.reserve(len, 2);
                return self.enter(Open::Map(Vec::with_capacity(room), Str::new()));
            }
        };
        self.place(value);
    }

    #[inline(always)]
    fn key(&mut self, new_key: &'a str) {
        let new_key = self.string(new_key);
        if let Open::Map(_, key) = &mut self.open {
            *key = new_key;
        }
    }

    #[inline]
    fn end(&mut self) {
        let parent = self.parents.pop().unwrap_or(Open::Root);
        let container = match core::mem::replace(&mut self.open, parent) {
            Open::Array(items) => Value::Array(items),
            Open::Map(entries, _) => Value::Map(Map::from_sorted(entries)),
            Open::Root => return,
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
