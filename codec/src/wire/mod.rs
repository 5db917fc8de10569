//! The header layout and ULEB128: the lowest layer of the format. Reading
//! is here; writing in [`write`].
//!
//! Every value starts with one ULEB128 number `h`; `h & 7` is the type tag and
//! `h >> 3` its argument (see `spec/calldata.md`).

use crate::error::ErrorKind;

mod write;

pub(crate) use write::{
    header_len, int_header_len, key_len, put_header, put_int_header, put_key, BufOut, Output,
};

/// Number of low header bits holding the type tag.
pub(crate) const TAG_BITS: u32 = 3;
pub(crate) const TAG_MASK: u8 = (1 << TAG_BITS) - 1;

pub(crate) const TAG_ATOM: u8 = 0;
pub(crate) const TAG_POS_INT: u8 = 1;
pub(crate) const TAG_NEG_INT: u8 = 2;
pub(crate) const TAG_BYTES: u8 = 3;
pub(crate) const TAG_STR: u8 = 4;
pub(crate) const TAG_ARRAY: u8 = 5;
pub(crate) const TAG_MAP: u8 = 6;

pub(crate) const ATOM_NULL: u128 = 0;
pub(crate) const ATOM_FALSE: u128 = 1;
pub(crate) const ATOM_TRUE: u128 = 2;
pub(crate) const ATOM_ADDRESS: u128 = 3;

/// The whole one-byte headers of the atoms.
pub(crate) const NULL_BYTE: u8 = atom_byte(ATOM_NULL);
pub(crate) const FALSE_BYTE: u8 = atom_byte(ATOM_FALSE);
pub(crate) const TRUE_BYTE: u8 = atom_byte(ATOM_TRUE);
pub(crate) const ADDRESS_BYTE: u8 = atom_byte(ATOM_ADDRESS);

const fn atom_byte(atom: u128) -> u8 {
    (atom << TAG_BITS) as u8 | TAG_ATOM
}

/// Lengths and counts must fit in 32 bits (the reference host's limit).
pub(crate) const MAX_LENGTH: u128 = u32::MAX as u128;

/// A ULEB128 number read from the input.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Uleb {
    /// The number, exact unless `wide`; when `wide`, only its low 128 bits.
    pub value: u128,
    /// The number does not fit in 128 bits.
    pub wide: bool,
    /// Offset just past the last byte.
    pub end: usize,
}

impl Uleb {
    /// The type tag of a header.
    #[inline(always)]
    pub fn tag(&self) -> u8 {
        self.value as u8 & TAG_MASK
    }

    /// The argument of a header, when the header fits in 128 bits.
    #[inline(always)]
    pub fn arg(&self) -> Option<u128> {
        (!self.wide).then_some(self.value >> TAG_BITS)
    }

    /// The number itself as a length (map keys), refusing anything over 32 bits.
    #[inline(always)]
    pub fn plain_length(&self) -> Result<usize, ErrorKind> {
        match self.value {
            n if !self.wide && n <= MAX_LENGTH => Ok(n as usize),
            _ => Err(ErrorKind::LengthTooLarge),
        }
    }

    /// The header argument as a length or count, refusing anything over 32 bits.
    #[inline(always)]
    pub fn length(&self) -> Result<usize, ErrorKind> {
        match self.arg() {
            Some(n) if n <= MAX_LENGTH => Ok(n as usize),
            _ => Err(ErrorKind::LengthTooLarge),
        }
    }
}

/// Reads a canonical ULEB128 number starting at `pos`.
#[inline(always)]
pub(crate) fn read_uleb(input: &[u8], pos: usize) -> Result<Uleb, ErrorKind> {
    match input.get(pos) {
        Some(&byte) if byte < 0x80 => Ok(Uleb {
            value: byte as u128,
            wide: false,
            end: pos + 1,
        }),
        // Up to eight bytes (lengths, counts, integers below 2^53) inline,
        // from one word; longer numbers and the input's last bytes out of
        // line.
        Some(_) => match word_at(input, pos) {
            Some(first) => match word_end(first) {
                Some((groups, count)) => {
                    finish_words(groups, count, pack_groups(groups) as u128, false, pos)
                }
                None => read_uleb_past_word(input, pos, first),
            },
            None => read_uleb_long(input, pos),
        },
        None => Err(ErrorKind::TruncatedUleb),
    }
}

/// A number of up to eight bytes at `pos` with eight bytes to read there,
/// without a branch on its length: its value and end, or the error
/// [`read_uleb`] gives. `None` when it is longer or the input too short
/// (then [`read_uleb`] decides).
#[inline(always)]
pub(crate) fn read_short_uleb(input: &[u8], pos: usize) -> Option<Result<(u64, usize), ErrorKind>> {
    let word = word_at(input, pos)?;
    let (groups, count) = word_end(word)?;
    // A longer number ends in a non-zero group (a one-byte number is
    // below 0x80, and zero is a canonical one).
    if count > 1 && groups >> (8 * (count - 1)) == 0 {
        return Some(Err(ErrorKind::NonCanonicalUleb));
    }
    Some(Ok((pack_groups(groups), pos + count)))
}

/// The offset past the canonical ULEB128 number at `pos`, without its
/// value: the same checks and errors as [`read_uleb`], for validation.
#[inline(always)]
pub(crate) fn skip_uleb(input: &[u8], pos: usize) -> Result<usize, ErrorKind> {
    let mut at = pos;
    while let Some(word) = word_at(input, at) {
        if let Some((groups, count)) = word_end(word) {
            // A number of one byte is canonical; a longer one ends in a
            // non-zero group.
            if at > pos || count > 1 {
                finish_words(groups, count, 0, false, at)?;
            }
            return Ok(at + count);
        }
        at += 8;
    }
    skip_uleb_tail(input, pos)
}

/// The last bytes of the input, fewer than eight after `pos` or after the
/// words already stepped over.
#[cold]
fn skip_uleb_tail(input: &[u8], pos: usize) -> Result<usize, ErrorKind> {
    match input.get(pos) {
        Some(&byte) if byte < 0x80 => Ok(pos + 1),
        _ => read_uleb_long(input, pos).map(|number| number.end),
    }
}

/// Packs the low 7 bits of each byte of `word` into its low 56 bits.
#[inline(always)]
fn pack_groups(word: u64) -> u64 {
    let word = word & 0x7f7f_7f7f_7f7f_7f7f;
    let word = (word & 0x007f_007f_007f_007f) | ((word & 0x7f00_7f00_7f00_7f00) >> 1);
    let word = (word & 0x0000_3fff_0000_3fff) | ((word & 0x3fff_0000_3fff_0000) >> 2);
    (word & 0x0000_0000_0fff_ffff) | ((word & 0x0fff_ffff_0000_0000) >> 4)
}

/// Accumulates ULEB128 groups into a 128-bit value, noting overflow.
struct Accumulator {
    value: u128,
    wide: bool,
    shift: usize,
}

impl Accumulator {
    /// Adds `count` groups of 7 bits, packed in `bits`.
    #[inline(always)]
    fn add(&mut self, bits: u64, count: usize) {
        if self.shift < 128 {
            self.value |= (bits as u128) << self.shift;
            if self.shift + 7 * count > 128 && bits >> (128 - self.shift) != 0 {
                self.wide = true;
            }
        } else if bits != 0 {
            self.wide = true;
        }
        self.shift += 7 * count;
    }

    /// Ends the number at `last`, the final byte, which sits before `end`.
    #[inline(always)]
    fn finish(self, last: u8, end: usize) -> Result<Uleb, ErrorKind> {
        // Only multi-byte numbers come here: a zero last group is padding.
        if last == 0 {
            return Err(ErrorKind::NonCanonicalUleb);
        }
        Ok(Uleb {
            value: self.value,
            wide: self.wide,
            end,
        })
    }
}

const CONTINUATION_BITS: u64 = 0x8080_8080_8080_8080;

/// Where the number ends in `word` (eight input bytes), if it does: its
/// groups there (the bytes after the last masked off) and how many bytes.
#[inline(always)]
fn word_end(word: u64) -> Option<(u64, usize)> {
    let stops = !word & CONTINUATION_BITS;
    if stops == 0 {
        return None;
    }
    let count = stops.trailing_zeros() as usize / 8 + 1;
    Some((word & (u64::MAX >> (64 - 8 * count)), count))
}

/// The eight input bytes at `at`, if there are eight.
#[inline(always)]
fn word_at(input: &[u8], at: usize) -> Option<u64> {
    let chunk = input.get(at..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*chunk))
}

/// Ends a number of two bytes or more whose last word holds `count` bytes
/// of `groups`, starting at `at`. The first byte continues, so a zero last
/// group is padding.
#[inline(always)]
fn finish_words(
    groups: u64,
    count: usize,
    value: u128,
    wide: bool,
    at: usize,
) -> Result<Uleb, ErrorKind> {
    match groups >> (8 * (count - 1)) {
        0 => Err(ErrorKind::NonCanonicalUleb),
        _ => Ok(Uleb {
            value,
            wide,
            end: at + count,
        }),
    }
}

/// A number that goes on past its `first` eight bytes: up to 24 bytes
/// (every integer of 125 bits) it is read a word at a time without a loop.
#[inline(never)]
fn read_uleb_past_word(input: &[u8], pos: usize, first: u64) -> Result<Uleb, ErrorKind> {
    let low = pack_groups(first) as u128;
    let Some(second) = word_at(input, pos + 8) else {
        return read_uleb_long(input, pos);
    };
    if let Some((groups, count)) = word_end(second) {
        let value = low | (pack_groups(groups) as u128) << 56;
        return finish_words(groups, count, value, false, pos + 8);
    }
    let middle = (pack_groups(second) as u128) << 56;
    match word_at(input, pos + 16).and_then(word_end) {
        Some((groups, count)) => {
            // Bits from 128 on do not fit: the number is wide.
            let high = pack_groups(groups);
            let value = low | middle | (high as u128) << 112;
            finish_words(groups, count, value, high >> 16 != 0, pos + 16)
        }
        None => read_uleb_long(input, pos),
    }
}

/// A number longer than 24 bytes, or near the end of the input: a word at
/// a time while eight bytes remain, then a byte at a time.
#[cold]
fn read_uleb_long(input: &[u8], pos: usize) -> Result<Uleb, ErrorKind> {
    let mut number = Accumulator {
        value: 0,
        wide: false,
        shift: 0,
    };
    let mut at = pos;
    // Eight bytes at a time while eight remain.
    while let Some(chunk) = input.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let word = u64::from_le_bytes(*chunk);
        let stops = !word & CONTINUATION_BITS;
        if stops == 0 {
            number.add(pack_groups(word), 8);
            at += 8;
            continue;
        }
        let count = stops.trailing_zeros() as usize / 8 + 1;
        let groups = if count == 8 {
            word
        } else {
            word & ((1u64 << (8 * count)) - 1)
        };
        number.add(pack_groups(groups), count);
        at += count;
        return number.finish(chunk[count - 1], at);
    }
    // The tail, a byte at a time.
    while let Some(&byte) = input.get(at) {
        at += 1;
        number.add((byte & 0x7f) as u64, 1);
        if byte & 0x80 == 0 {
            return number.finish(byte, at);
        }
    }
    Err(ErrorKind::TruncatedUleb)
}

#[cfg(test)]
mod tests {
    use super::write::uleb_len;
    use super::*;
    use alloc::vec::Vec;

    fn encoded(value: u128) -> Vec<u8> {
        let mut out = Vec::new();
        BufOut(&mut out).put_uleb(value);
        // The vector's word-at-a-time path, after a byte already there.
        let mut pushed = alloc::vec![0xee];
        pushed.put_uleb(value);
        assert_eq!(pushed[1..], out[..], "put_uleb({value})");
        out
    }

    #[test]
    fn known_encodings() {
        assert_eq!(encoded(0), [0x00]);
        assert_eq!(encoded(1), [0x01]);
        assert_eq!(encoded(127), [0x7f]);
        assert_eq!(encoded(128), [0x80, 0x01]);
        assert_eq!(encoded(300), [0xac, 0x02]);
    }

    #[test]
    fn round_trip_and_length_at_group_boundaries() {
        for bits in 0..128u32 {
            for value in [1u128 << bits, (1u128 << bits) - 1, (1u128 << bits) + 1] {
                let bytes = encoded(value);
                assert_eq!(bytes.len(), uleb_len(value), "{value}");
                // Alone, and followed by more input (read a word at a time).
                let mut followed = bytes.clone();
                followed.extend_from_slice(&[0xff; 24]);
                for input in [&bytes, &followed] {
                    let read = read_uleb(input, 0).unwrap();
                    assert_eq!(
                        (read.value, read.wide, read.end),
                        (value, false, bytes.len())
                    );
                }
            }
        }
        let max = encoded(u128::MAX);
        assert_eq!(read_uleb(&max, 0).unwrap().value, u128::MAX);
    }

    #[test]
    fn refuses_padding_and_truncation() {
        assert_eq!(
            read_uleb(&[0x80, 0x00], 0).unwrap_err(),
            ErrorKind::NonCanonicalUleb
        );
        assert_eq!(
            read_uleb(&[0x81, 0x80, 0x00], 0).unwrap_err(),
            ErrorKind::NonCanonicalUleb
        );
        assert_eq!(read_uleb(&[0x80], 0).unwrap_err(), ErrorKind::TruncatedUleb);
        assert_eq!(
            read_uleb(&[0x80; 20], 0).unwrap_err(),
            ErrorKind::TruncatedUleb
        );
        // Inside one word, with bytes after it: every length from 2 to 8.
        for len in 2..=8 {
            let mut bytes = [0x85; 16];
            bytes[len - 1] = 0x00;
            assert_eq!(
                read_uleb(&bytes, 0).unwrap_err(),
                ErrorKind::NonCanonicalUleb,
                "{len} bytes"
            );
            bytes[len - 1] = 0x01;
            let read = read_uleb(&bytes, 0).unwrap();
            assert_eq!((read.value >> (7 * (len - 1)), read.end), (1, len));
        }
        let mut padded = [0x80; 12];
        padded[7] = 0x00;
        assert_eq!(
            read_uleb(&padded, 0).unwrap_err(),
            ErrorKind::NonCanonicalUleb
        );
        assert_eq!(read_uleb(&[], 0).unwrap_err(), ErrorKind::TruncatedUleb);
    }

    #[test]
    fn flags_numbers_wider_than_128_bits() {
        let mut bytes = [0x80u8; 19].to_vec();
        bytes.push(0x01); // 2^133
        let read = read_uleb(&bytes, 0).unwrap();
        assert!(read.wide);
        bytes.extend_from_slice(&[0; 8]);
        assert!(read_uleb(&bytes, 0).unwrap().wide);
        assert_eq!(read.arg(), None);
        assert_eq!(read.length(), Err(ErrorKind::LengthTooLarge));
        // 2^128 exactly: the 19th group carries bit 128.
        let mut bytes = [0x80u8; 18].to_vec();
        bytes.push(0x04);
        assert!(read_uleb(&bytes, 0).unwrap().wide);
        // The same, and 2^127 (not wide), followed by more input.
        bytes.extend_from_slice(&[0; 8]);
        assert!(read_uleb(&bytes, 0).unwrap().wide);
        bytes[18] = 0x02;
        let read = read_uleb(&bytes, 0).unwrap();
        assert_eq!((read.value, read.wide, read.end), (1 << 127, false, 19));
    }
}
