//! The tape: a value flattened into 32-bit words for JavaScript.
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
//!
//! The words are written from the codec's [`visit`] events as it validates,
//! in one pass over the input; a tape whose input turns out invalid is
//! cleared, so JavaScript only ever reads (and sizes arrays by) the counts
//! of a valid document.

use std::collections::hash_map::Entry;
use std::io::Write;

use genvm_calldata::{visit, DecodeError, DecodeOptions, Event, IntRef};
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

/// How many distinct keys are looked up by a linear search before a hash
/// map takes the rest: a record's few keys need no hashing and no
/// allocation (the map cost a third of decoding a 100-byte call).
const FEW_KEYS: usize = 16;

/// A length or offset as a word: wasm32 addresses, and so inputs, fit in
/// 32 bits.
fn word(n: usize) -> u32 {
    n as u32
}

/// Writes one document; lives as long as the input it points into.
struct Writer<'t, 'a> {
    tape: &'t mut Tape,
    base: usize,
    /// The first keys seen (ids `0..few`), then the rest by hash.
    few_keys: [&'a [u8]; FEW_KEYS],
    few: usize,
    more_keys: FxHashMap<&'a [u8], u32>,
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

    /// The id of a key seen before, or `None` after giving it the next id.
    fn seen(&mut self, key: &'a [u8]) -> Option<u32> {
        if let Some(id) = self.few_keys[..self.few]
            .iter()
            .position(|seen| *seen == key)
        {
            return Some(word(id));
        }
        if self.few < FEW_KEYS {
            self.few_keys[self.few] = key;
            self.few += 1;
            return None;
        }
        let next = word(FEW_KEYS + self.more_keys.len());
        match self.more_keys.entry(key) {
            Entry::Occupied(seen) => Some(*seen.get()),
            Entry::Vacant(slot) => {
                slot.insert(next);
                None
            }
        }
    }

    fn key(&mut self, key: &'a str) {
        if let Some(id) = self.seen(key.as_bytes()) {
            self.tape.words.extend_from_slice(&[tag::SEEN_KEY, id]);
        } else {
            let tag = if key.is_ascii() {
                tag::ASCII_KEY
            } else {
                tag::KEY
            };
            self.span(tag, key.as_bytes());
        }
    }

    /// Writes one event's words. Containers need no closing word: their
    /// counts say where they end.
    fn event(&mut self, event: Event<'a>) {
        match event {
            Event::Null => self.tape.words.push(tag::NULL),
            Event::Bool(false) => self.tape.words.push(tag::FALSE),
            Event::Bool(true) => self.tape.words.push(tag::TRUE),
            Event::Address(address) => {
                let offset = self.offset(address);
                self.tape.words.extend_from_slice(&[tag::ADDRESS, offset]);
            }
            Event::Int(int) => self.int(int),
            Event::Bytes(bytes) => self.span(tag::BYTES, bytes),
            Event::Str(text) => {
                let tag = if text.is_ascii() {
                    tag::ASCII_STR
                } else {
                    tag::STR
                };
                self.span(tag, text.as_bytes());
            }
            // The count is only written down: the codec bounds it by the
            // bytes left, not by what follows, so it sizes nothing here.
            Event::Array(len) => self.tape.words.extend_from_slice(&[tag::ARRAY, word(len)]),
            Event::Map(len) => self.tape.words.extend_from_slice(&[tag::MAP, word(len)]),
            Event::Key(key) => self.key(key),
            Event::End => {}
        }
    }
}

impl Tape {
    /// Checks `input[at..]` as calldata and replaces the tape's contents
    /// with its value; offsets count from the start of `input` (a frame's
    /// payload is read in place). On an error, whose offset counts from
    /// `at`, the tape is left empty.
    pub fn write(
        &mut self,
        input: &[u8],
        at: usize,
        options: &DecodeOptions,
    ) -> Result<(), DecodeError> {
        self.words.clear();
        self.ints.clear();
        self.text.clear();
        let mut writer = Writer {
            tape: self,
            base: input.as_ptr() as usize,
            few_keys: [&[]; FEW_KEYS],
            few: 0,
            more_keys: FxHashMap::default(),
        };
        let value = input.get(at..).unwrap_or_default();
        let result = visit(value, options, |event| writer.event(event));
        if result.is_err() {
            self.words.clear();
            self.ints.clear();
            self.text.clear();
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use genvm_calldata::{from_text, ErrorKind};

    fn tape_of(text: &str) -> (Vec<u8>, Tape) {
        let bytes = genvm_calldata::encode(&from_text(text).unwrap());
        let mut tape = Tape::default();
        tape.write(&bytes, 0, &DecodeOptions::new()).unwrap();
        (bytes, tape)
    }

    #[test]
    fn a_late_error_leaves_the_tape_empty() {
        let (mut bytes, mut tape) = tape_of(r#"[{"a":1},9223372036854775808,"z"]"#);
        assert!(!tape.words.is_empty() && !tape.ints.is_empty());
        // The last byte, the string's only character, becomes a lone
        // continuation byte.
        let last = bytes.len() - 1;
        bytes[last] = 0x80;
        let error = tape.write(&bytes, 0, &DecodeOptions::new()).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidUtf8);
        assert_eq!(error.offset(), last);
        assert!(tape.words.is_empty() && tape.ints.is_empty() && tape.text.is_empty());
    }

    /// Appends `n` as ULEB128.
    fn uleb(mut n: usize, out: &mut Vec<u8>) {
        while n >= 0x80 {
            out.push(0x80 | (n & 0x7f) as u8);
            n >>= 7;
        }
        out.push(n as u8);
    }

    #[test]
    fn claimed_counts_size_nothing() {
        // 128 nested arrays, each claiming as many elements as bytes are
        // left after its header (the most the codec lets one claim); the
        // innermost holds one 1,000-byte string and ends there.
        let mut body = Vec::new();
        uleb((1000 << 3) | 3, &mut body);
        body.resize(body.len() + 1000, 0);
        for _ in 0..128 {
            let mut array = Vec::new();
            uleb((body.len() << 3) | 5, &mut array);
            array.extend_from_slice(&body);
            body = array;
        }
        let mut tape = Tape::default();
        let error = tape.write(&body, 0, &DecodeOptions::new()).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::TruncatedUleb);
        assert_eq!(error.offset(), body.len());
        // The 259 words written before the error fit in less room than any
        // one claim (over 1,000 elements) would have reserved.
        assert!(tape.words.capacity() < 1000);
    }

    #[test]
    fn a_payload_inside_a_frame_points_into_the_frame() {
        // RETURN, then the string "ab".
        let frame = [0x00, (2 << 3) | 4, b'a', b'b'];
        let mut tape = Tape::default();
        tape.write(&frame, 1, &DecodeOptions::new()).unwrap();
        assert_eq!(tape.words, [tag::ASCII_STR, 2, 2]);
        // Errors count from the payload.
        let error = tape
            .write(&frame[..3], 1, &DecodeOptions::new())
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::LengthPastEnd);
        assert_eq!(error.offset(), 0);
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

    #[test]
    fn keys_past_the_linear_ones_keep_their_ids() {
        let keys: Vec<String> = (0..FEW_KEYS + 4)
            .map(|i| format!("\"k{i:02}\":{i}"))
            .collect();
        let record = format!("{{{}}}", keys.join(","));
        let (_, tape) = tape_of(&format!("[{record},{record}]"));
        // [ARRAY, 2, MAP, n, n new keys (3 words) with values (2 words), MAP, n, ...]
        let n = FEW_KEYS + 4;
        let second = &tape.words[4 + 5 * n..];
        assert_eq!(second[..2], [tag::MAP, word(n)]);
        let second: Vec<u32> = second[2..]
            .chunks(4)
            .map(|entry| {
                assert_eq!(entry[0], tag::SEEN_KEY);
                entry[1]
            })
            .collect();
        assert_eq!(second, (0..word(FEW_KEYS + 4)).collect::<Vec<_>>());
    }
}
