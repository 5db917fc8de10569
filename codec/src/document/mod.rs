//! [`Document`]: an owned, immutable tree of one validated input, built in
//! one pass: the input itself (one copy, or the caller's [`Bytes`]) and one
//! arena of 16-byte nodes, behind one reference count.
//!
//! A node is a kind and either an inline scalar (a boolean, an integer
//! argument of up to 64 bits), a span of the input (a string, a byte
//! string, a map key, an address) or a range of the arena (a container's
//! children, contiguous: an array's elements, a map's keys and values
//! alternating). Integers wider than 64 bits are kept in a side table. So a
//! document is at most four allocations whatever it holds (the input's
//! copy, the arena, the wide integers, the part its clones share), and
//! dropping it frees them without visiting a node.

mod build;
mod node;

use alloc::sync::Arc;
use alloc::vec::Vec;
use core::fmt;

use bytes::Bytes;

use crate::error::DecodeError;
use crate::int::Int;
use crate::read::{self, DecodeOptions};

pub use node::{ArrayNode, ArrayNodes, MapNode, MapNodes, Node};

/// What a node is. `Key` nodes only sit at the even places of a map's
/// children; readers never hand one out as a [`Node`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Kind {
    Null,
    False,
    True,
    /// `word` is the argument (the value).
    PosInt,
    /// `word` is the argument (`-value - 1`).
    NegInt,
    /// `word` indexes [`Inner::wide`].
    WideInt,
    /// `word` is the offset of the payload, `len` its length.
    Bytes,
    /// `word` is the offset of the text, `len` its length.
    Str,
    /// `word` is the offset of the 20 bytes.
    Address,
    /// `word` is the index of the first element, `len` the element count.
    Array,
    /// `word` is the index of the first key, `len` the entry count; the
    /// children are `2 * len` nodes, key and value alternating.
    Map,
    /// A map key: `word` is the offset of the text, `len` its length.
    Key,
}

/// One node of the arena: 16 bytes.
#[derive(Clone, Copy, Debug)]
struct Slot {
    word: u64,
    len: u32,
    kind: Kind,
}

const _: () = assert!(core::mem::size_of::<Slot>() == 16);

impl Slot {
    /// What a child place holds until its value is read.
    const EMPTY: Slot = Slot::new(Kind::Null, 0, 0);

    #[inline(always)]
    const fn new(kind: Kind, len: u32, word: u64) -> Slot {
        Slot { word, len, kind }
    }
}

/// What every clone of a document shares.
struct Inner {
    /// The validated input, exactly: the document's canonical encoding.
    input: Bytes,
    /// The nodes; the root is the first.
    slots: Vec<Slot>,
    /// Integers whose argument exceeds 64 bits.
    wide: Vec<Int>,
}

/// An owned calldata value as one validated input and an arena of small
/// nodes, made by [`decode_document`] or [`decode_document_bytes`].
///
/// Reading starts at [`root`](Document::root). Strings, byte strings and
/// addresses are spans of the one copy of the input, containers' children
/// lie next to each other in the arena (a map's by key order, so
/// [`MapNode::get`] is a binary search), and the whole document is at most
/// four allocations behind one reference count: cloning it is a count bump,
/// dropping the last clone frees them without visiting a node. It is
/// immutable; [`to_value`](Document::to_value) makes a [`Value`](crate::Value)
/// to change. Its encoding is its input ([`as_bytes`](Document::as_bytes)),
/// canonical because the input was validated. `Display` prints the text form,
/// as [`Value`](crate::Value)'s does.
///
/// ```
/// use genvm_calldata::{decode_document, encode, Map, Value};
/// let value = Value::from(Map::from_entries([
///     ("method", Value::from("transfer")),
///     ("args", Value::from(vec![Value::from(-7), Value::Null])),
/// ]).unwrap());
/// let bytes = encode(&value);
/// let document = decode_document(&bytes).unwrap();
/// let root = document.root();
/// assert_eq!(root.get("method").and_then(|m| m.as_str()), Some("transfer"));
/// let args = root.get("args").unwrap().as_array().unwrap();
/// assert_eq!(args.len(), 2);
/// assert_eq!(i64::try_from(args.get(0).unwrap().as_int().unwrap()), Ok(-7));
/// assert_eq!(document.to_string(), r#"{"args":[-7,null],"method":"transfer"}"#);
/// assert_eq!(document, value);
/// assert_eq!(document.as_bytes(), &bytes[..]);
/// ```
#[derive(Clone)]
pub struct Document {
    inner: Arc<Inner>,
}

impl Document {
    /// The top value.
    #[inline]
    pub fn root(&self) -> Node<'_> {
        Node::root(&self.inner)
    }

    /// The document's encoding: the input it was decoded from (canonical,
    /// since it was validated).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.inner.input
    }

    /// The encoding as [`Bytes`] sharing the document's copy (no copy).
    pub fn to_bytes(&self) -> Bytes {
        self.inner.input.clone()
    }

    /// An owned [`Value`](crate::Value) of the whole document. Strings longer
    /// than [`Str::INLINE_LEN`](crate::Str::INLINE_LEN) and byte strings share
    /// the document's input instead of being copied.
    pub fn to_value(&self) -> crate::value::Value {
        self.root().to_value()
    }

    /// How many nodes the arena holds (values and map keys).
    pub fn node_count(&self) -> usize {
        self.inner.slots.len()
    }
}

/// Documents are equal when their encodings are (the encoding is canonical).
impl PartialEq for Document {
    fn eq(&self, other: &Document) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Document {}

impl core::hash::Hash for Document {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state)
    }
}

impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.root(), f)
    }
}

/// The text form, as `Display` prints it.
impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.root(), f)
    }
}

/// Decodes `input` into a [`Document`], as strictly as
/// [`decode`](crate::decode) (the same verdicts, the same errors): the input
/// is copied once, into the buffer every string of the document is a span
/// of.
///
/// ```
/// use genvm_calldata::{decode_document, ErrorKind};
/// let document = decode_document(&[0x15, 0x09, 0x00]).unwrap(); // [1, null]
/// assert_eq!(document.to_string(), "[1,null]");
/// assert_eq!(decode_document(&[0x15, 0x09]).unwrap_err().kind(), ErrorKind::LengthPastEnd);
/// ```
pub fn decode_document(input: &[u8]) -> Result<Document, DecodeError> {
    decode_document_with(input, &DecodeOptions::new())
}

/// [`decode_document`] with explicit limits.
pub fn decode_document_with(
    input: &[u8],
    options: &DecodeOptions,
) -> Result<Document, DecodeError> {
    decode_document_bytes_with(Bytes::copy_from_slice(input), options)
}

/// Decodes a [`Bytes`] buffer into a [`Document`] that keeps it (no copy).
///
/// ```
/// use bytes::Bytes;
/// use genvm_calldata::decode_document_bytes;
/// let input = Bytes::from_static(&[0x1b, 1, 2, 3]); // b#010203
/// let document = decode_document_bytes(input.clone()).unwrap();
/// assert_eq!(document.root().as_bytes().unwrap().as_ptr(), input[1..].as_ptr());
/// ```
pub fn decode_document_bytes(input: Bytes) -> Result<Document, DecodeError> {
    decode_document_bytes_with(input, &DecodeOptions::new())
}

/// [`decode_document_bytes`] with explicit limits.
pub fn decode_document_bytes_with(
    input: Bytes,
    options: &DecodeOptions,
) -> Result<Document, DecodeError> {
    let mut builder = build::Builder::new(&input);
    read::parse_document(&input, options, &mut builder)?;
    let (slots, wide) = builder.finish()?;
    Ok(Document {
        inner: Arc::new(Inner { input, slots, wide }),
    })
}

#[cfg(test)]
mod tests {
    //! Small enough to run under Miri.

    use alloc::string::ToString;
    use alloc::vec;

    use super::*;
    use crate::address::Address;
    use crate::encode::encode;
    use crate::error::ErrorKind;
    use crate::int::Int;
    use crate::value::{Map, Value};

    fn sample() -> Value {
        Value::Map(
            Map::from_entries([
                ("", Value::from("é")),
                (
                    "key",
                    Value::from(vec![
                        Value::from("ascii"),
                        Value::from("long ascii string over thirty-two bytes"),
                        Value::from(&b"\x01\x02"[..]),
                        Value::from(Address([7; 20])),
                    ]),
                ),
                ("n", Value::from(-(1i128 << 100))),
                ("u", Value::from(u64::MAX)),
                (
                    "z",
                    Value::from(vec![Value::Null, Value::from(true), Value::from(false)]),
                ),
            ])
            .unwrap(),
        )
    }

    #[test]
    fn a_node_is_16_bytes() {
        assert_eq!(core::mem::size_of::<Slot>(), 16);
    }

    #[test]
    fn reads_every_kind() {
        let value = sample();
        let bytes = encode(&value);
        let document = decode_document(&bytes).unwrap();
        let root = document.root();
        assert_eq!(root.get("").unwrap().as_str(), Some("é"));
        let key = root.get("key").unwrap().as_array().unwrap();
        assert_eq!(key.len(), 4);
        assert_eq!(
            key.get(1).unwrap().as_str(),
            Some("long ascii string over thirty-two bytes")
        );
        assert_eq!(key.get(2).unwrap().as_bytes(), Some(&b"\x01\x02"[..]));
        assert_eq!(key.get(3).unwrap().as_address(), Some(Address([7; 20])));
        assert!(key.get(4).is_none());
        assert_eq!(
            root.get("n").unwrap().as_int().unwrap().to_int(),
            Int::from(-(1i128 << 100))
        );
        assert_eq!(
            u64::try_from(root.get("u").unwrap().as_int().unwrap()),
            Ok(u64::MAX)
        );
        let z = root.get("z").unwrap().as_array().unwrap();
        assert!(z.get(0).unwrap().is_null());
        assert_eq!(z.get(1).unwrap().as_bool(), Some(true));
        assert_eq!(z.get(2).unwrap().as_bool(), Some(false));
        assert!(root.get("missing").is_none());
        assert!(root.get("a").is_none());
        assert_eq!(
            root.as_map()
                .unwrap()
                .keys()
                .collect::<alloc::vec::Vec<_>>(),
            ["", "key", "n", "u", "z"]
        );
        assert_eq!(document.to_value(), value);
        assert_eq!(document, value);
        assert_eq!(document.as_bytes(), &bytes[..]);
        // Each string and the long one through `to_value`'s shared buffer.
        let copy = document.to_value();
        drop(document);
        assert_eq!(copy, value);
    }

    #[test]
    fn shares_the_callers_buffer_and_clones_cheaply() {
        let bytes = Bytes::from(encode(&sample()));
        let document = decode_document_bytes(bytes.clone()).unwrap();
        let clone = document.clone();
        drop(document);
        let key = clone.root().get("key").unwrap().as_array().unwrap();
        let long = key.get(1).unwrap().as_str().unwrap();
        assert!(bytes.as_ptr_range().contains(&long.as_ptr()));
        assert_eq!(clone.to_string(), sample().to_string());
    }

    #[test]
    fn invalid_inputs_are_refused_like_decode() {
        for input in [
            &[][..],
            &[0x15, 0x09],
            &[0x0d, 0x0d, 0x0d, 0x0d, 0x0d],
            &[0x0e, 0x01, b'b', 0x00, 0x01, b'a', 0x00],
            &[0x1c, b'a', b'b', 0xff],
            &[0x00, 0x00],
        ] {
            let expected = crate::decode::decode(input).unwrap_err();
            assert_eq!(decode_document(input).unwrap_err(), expected);
        }
        assert_eq!(
            decode_document_with(&[0x0d, 0x0d, 0x05], &DecodeOptions::new().max_depth(2))
                .unwrap_err()
                .kind(),
            ErrorKind::TooDeep
        );
    }

    #[test]
    fn claims_past_the_bound_are_not_kept() {
        // Arrays that each claim as many elements as bytes are left: nested,
        // they claim more nodes than the input has bytes.
        let mut input = vec![0x05 | 6 << 3; 12];
        input.extend_from_slice(&[0x00; 4]);
        let expected = crate::decode::decode(&input).unwrap_err();
        assert_eq!(decode_document(&input).unwrap_err(), expected);
    }
}
