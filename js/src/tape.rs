//! The tape: a validated value flattened into 32-bit words for JavaScript.
//!
//! Building JavaScript objects through one call across the boundary per item
//! is slower than the decoding itself, so the module instead writes every
//! item as a tag word and its fixed arguments, in document order, and one
//! JavaScript loop (`js/lib/decode.js`) turns the words into objects.
//! Strings, bytes and addresses are offsets into the caller's input (the
//! JavaScript side still holds it); integers are 64-bit words in a side
//! pool that JavaScript reads as `BigInt`s directly; map keys get an id the
//! first time they appear, so a key repeated in every record is turned into
//! a JavaScript string once.

use std::io::Write;

use genvm_calldata::{ArrayIter, IntRef, MapIter, ValueRef};
use rustc_hash::FxHashMap;

/// The tag words. An item is its tag followed by the arguments listed.
pub mod tag {
    /// `null`.
    pub const NULL: u32 = 0;
    /// `false`.
    pub const FALSE: u32 = 1;
    /// `true`.
    pub const TRUE: u32 = 2;
    /// An address: the offset of its 20 bytes.
    pub const ADDRESS: u32 = 3;
    /// An integer within `i64`: its index in the integer pool.
    pub const INT64: u32 = 4;
    /// An integer within `u128` above `i64`: the index of its low 64 bits
    /// in the pool (the high 64 bits follow).
    pub const UINT128: u32 = 5;
    /// A negative integer `-1 - m` with `m` within `u128`: the index of `m`
    /// as for [`UINT128`].
    pub const NEG_UINT128: u32 = 6;
    /// Any other integer: offset and length of its decimal text in the
    /// text buffer.
    pub const INT_TEXT: u32 = 7;
    /// Bytes: offset and length.
    pub const BYTES: u32 = 8;
    /// A string: offset and length of its UTF-8.
    pub const STR: u32 = 9;
    /// A string that is all ASCII: offset and length.
    pub const ASCII_STR: u32 = 10;
    /// An array: the element count; the elements follow.
    pub const ARRAY: u32 = 11;
    /// A map: the entry count; each entry follows as a key item (one of
    /// the three below) and a value.
    pub const MAP: u32 = 12;
    /// A key not seen before in this document: offset and length. It takes
    /// the next key id, counting from 0.
    pub const KEY: u32 = 13;
    /// [`KEY`] for a key that is all ASCII.
    pub const ASCII_KEY: u32 = 14;
    /// A key seen before: its id.
    pub const SEEN_KEY: u32 = 15;
}

/// The buffers one document is written into; kept between documents so
/// their memory is reused.
#[derive(Default)]
pub struct Tape {
    /// Tag words and their arguments.
    pub words: Vec<u32>,
    /// The integer pool: 64-bit words, two's complement for [`tag::INT64`].
    pub ints: Vec<u64>,
    /// Decimal text of integers beyond 128 bits.
    pub text: Vec<u8>,
}

/// An open container of the walk.
enum Open<'a> {
    Array(ArrayIter<'a>),
    Map(MapIter<'a>),
}

/// A length or offset as a word: wasm32 addresses, and so inputs, fit in
/// 32 bits.
fn word(n: usize) -> u32 {
    n as u32
}

/// Writes one document; lives as long as the input it points into.
struct Writer<'t, 'a> {
    tape: &'t mut Tape,
    base: usize,
    keys: FxHashMap<&'a [u8], u32>,
}

impl<'a> Writer<'_, 'a> {
    /// The offset of `bytes` in the input.
    fn offset(&self, bytes: &[u8]) -> u32 {
        word(bytes.as_ptr() as usize - self.base)
    }

    fn span(&mut self, tag: u32, bytes: &[u8]) {
        let offset = self.offset(bytes);
        self.tape
            .words
            .extend_from_slice(&[tag, offset, word(bytes.len())]);
    }

    fn int(&mut self, int: IntRef<'_>) {
        let pool = word(self.tape.ints.len());
        if let Ok(small) = i64::try_from(int) {
            self.tape.words.extend_from_slice(&[tag::INT64, pool]);
            self.tape.ints.push(small as u64);
        } else if let Ok(positive) = u128::try_from(int) {
            self.tape.words.extend_from_slice(&[tag::UINT128, pool]);
            self.tape
                .ints
                .extend_from_slice(&[positive as u64, (positive >> 64) as u64]);
        } else if let Ok(negative) = i128::try_from(int) {
            // `!negative` is `-1 - negative`, as a u128 for a negative one.
            let magnitude = !negative as u128;
            self.tape.words.extend_from_slice(&[tag::NEG_UINT128, pool]);
            self.tape
                .ints
                .extend_from_slice(&[magnitude as u64, (magnitude >> 64) as u64]);
        } else {
            let start = self.tape.text.len();
            // Writing into a vector cannot fail.
            let _ = write!(self.tape.text, "{int}");
            let len = self.tape.text.len() - start;
            self.tape
                .words
                .extend_from_slice(&[tag::INT_TEXT, word(start), word(len)]);
        }
    }

    fn key(&mut self, key: &'a str) {
        let next = word(self.keys.len());
        match self.keys.entry(key.as_bytes()) {
            std::collections::hash_map::Entry::Occupied(seen) => {
                let id = *seen.get();
                self.tape.words.extend_from_slice(&[tag::SEEN_KEY, id]);
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(next);
                let tag = if key.is_ascii() {
                    tag::ASCII_KEY
                } else {
                    tag::KEY
                };
                self.span(tag, key.as_bytes());
            }
        }
    }

    /// Writes `value`; a container is written as its header and returned
    /// open, for the walk to write its items.
    fn item(&mut self, value: ValueRef<'a>) -> Option<Open<'a>> {
        match value {
            ValueRef::Null => self.tape.words.push(tag::NULL),
            ValueRef::Bool(false) => self.tape.words.push(tag::FALSE),
            ValueRef::Bool(true) => self.tape.words.push(tag::TRUE),
            ValueRef::Address(address) => {
                let offset = self.offset(address);
                self.tape.words.extend_from_slice(&[tag::ADDRESS, offset]);
            }
            ValueRef::Int(int) => self.int(int),
            ValueRef::Bytes(bytes) => self.span(tag::BYTES, bytes),
            ValueRef::Str(text) => {
                let tag = if text.is_ascii() {
                    tag::ASCII_STR
                } else {
                    tag::STR
                };
                self.span(tag, text.as_bytes());
            }
            ValueRef::Array(array) => {
                self.tape
                    .words
                    .extend_from_slice(&[tag::ARRAY, word(array.len())]);
                return Some(Open::Array(array.iter()));
            }
            ValueRef::Map(map) => {
                self.tape
                    .words
                    .extend_from_slice(&[tag::MAP, word(map.len())]);
                return Some(Open::Map(map.iter()));
            }
        }
        None
    }
}

impl Tape {
    /// Replaces the tape's contents with `value`, whose strings, bytes and
    /// addresses lie in `input` (offsets count from its start).
    ///
    /// The walk keeps its open containers in a vector, not on the call
    /// stack, so any depth the decoder accepted is fine here.
    pub fn write<'a>(&mut self, value: ValueRef<'a>, input: &'a [u8]) {
        self.words.clear();
        self.ints.clear();
        self.text.clear();
        let mut writer = Writer {
            tape: self,
            base: input.as_ptr() as usize,
            keys: FxHashMap::default(),
        };
        let mut open: Vec<Open<'a>> = writer.item(value).into_iter().collect();
        while let Some(top) = open.last_mut() {
            let next = match top {
                Open::Array(items) => items.next(),
                Open::Map(entries) => entries.next().map(|(key, value)| {
                    writer.key(key);
                    value
                }),
            };
            match next {
                Some(value) => open.extend(writer.item(value)),
                None => {
                    open.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use genvm_calldata::{decode_ref, from_text};

    fn tape_of(text: &str) -> (Vec<u8>, Tape) {
        let bytes = genvm_calldata::encode(&from_text(text).unwrap());
        let mut tape = Tape::default();
        tape.write(decode_ref(&bytes).unwrap(), &bytes);
        (bytes, tape)
    }

    #[test]
    fn scalars_point_into_the_input() {
        let (bytes, tape) = tape_of(
            r#"[null,true,false,"é","ab",b#0102,addr#0101010101010101010101010101010101010101]"#,
        );
        use tag::*;
        assert_eq!(
            tape.words,
            [ARRAY, 7, NULL, TRUE, FALSE, STR, 5, 2, ASCII_STR, 8, 2, BYTES, 11, 2, ADDRESS, 14]
        );
        assert_eq!(&bytes[5..7], "é".as_bytes());
        assert_eq!(&bytes[14..34], &[1; 20]);
    }

    #[test]
    fn integers_by_size() {
        let big = "1".repeat(45);
        let (_, tape) = tape_of(&format!(
            "[-1,9223372036854775807,9223372036854775808,-9223372036854775809,-{big}]"
        ));
        use tag::*;
        assert_eq!(
            tape.words,
            [
                ARRAY,
                5,
                INT64,
                0,
                INT64,
                1,
                UINT128,
                2,
                NEG_UINT128,
                4,
                INT_TEXT,
                0,
                46
            ]
        );
        assert_eq!(
            tape.ints,
            [u64::MAX, i64::MAX as u64, 1 << 63, 0, 1 << 63, 0]
        );
        assert_eq!(tape.text, format!("-{big}").into_bytes());
    }

    #[test]
    fn repeated_keys_get_ids() {
        let (_, tape) = tape_of(r#"[{"a":1,"é":2},{"a":3,"é":4}]"#);
        use tag::*;
        let keys: Vec<u32> = tape
            .words
            .iter()
            .copied()
            .filter(|&w| (KEY..=SEEN_KEY).contains(&w))
            .collect();
        assert_eq!(keys, [ASCII_KEY, KEY, SEEN_KEY, SEEN_KEY]);
        assert_eq!(
            tape.words[tape.words.len() - 10..],
            [MAP, 2, SEEN_KEY, 0, INT64, 2, SEEN_KEY, 1, INT64, 3]
        );
    }
}
