//! The header layout and ULEB128: the lowest layer of the format.
//!
//! Every value starts with one ULEB128 number `h`; `h & 7` is the type tag and
//! `h >> 3` its argument (see `spec/calldata.md`).

use bytes::BufMut;

use crate::error::ErrorKind;

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
pub(crate) const NULL_BYTE: u8 = 0x00;
pub(crate) const FALSE_BYTE: u8 = 0x08;
pub(crate) const TRUE_BYTE: u8 = 0x10;
pub(crate) const ADDRESS_BYTE: u8 = 0x18;

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
        Some(_) => read_uleb_multi(input, pos),
        None => Err(ErrorKind::TruncatedUleb),
    }
}

#[inline(never)]
fn read_uleb_multi(input: &[u8], pos: usize) -> Result<Uleb, ErrorKind> {
    let mut value = 0u128;
    let mut wide = false;
    let mut shift = 0u32;
    let mut at = pos;
    loop {
        let Some(&byte) = input.get(at) else {
            return Err(ErrorKind::TruncatedUleb);
        };
        at += 1;
        let group = (byte & 0x7f) as u128;
        if shift < 128 {
            value |= group << shift;
            // Bits of this group that fell off the top of the u128.
            if shift > 121 && group >> (128 - shift) != 0 {
                wide = true;
            }
        } else if group != 0 {
            wide = true;
        }
        if byte & 0x80 == 0 {
            if byte == 0 {
                // Only a multi-byte number reaches here: a zero last group is padding.
                return Err(ErrorKind::NonCanonicalUleb);
            }
            return Ok(Uleb {
                value,
                wide,
                end: at,
            });
        }
        shift = shift.saturating_add(7);
    }
}

/// Number of bytes the ULEB128 encoding of `value` takes.
#[inline(always)]
pub(crate) fn uleb_len(value: u128) -> usize {
    let bits = 128 - (value | 1).leading_zeros() as usize;
    bits.div_ceil(7)
}

/// Writes `value` as ULEB128.
#[inline(always)]
pub(crate) fn put_uleb<B: BufMut + ?Sized>(out: &mut B, value: u128) {
    if value < 0x80 {
        out.put_u8(value as u8);
        return;
    }
    let mut scratch = [0u8; 19];
    let mut rest = value;
    let mut len = 0;
    while rest >= 0x80 {
        scratch[len] = rest as u8 | 0x80;
        rest >>= 7;
        len += 1;
    }
    scratch[len] = rest as u8;
    out.put_slice(&scratch[..=len]);
}

/// The header of a length-prefixed type or a container; `len` is at most
/// `usize::MAX`, so the header always fits in 128 bits.
#[inline(always)]
pub(crate) fn header(tag: u8, len: usize) -> u128 {
    ((len as u128) << TAG_BITS) | tag as u128
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn encoded(value: u128) -> Vec<u8> {
        let mut out = Vec::new();
        put_uleb(&mut out, value);
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
                let read = read_uleb(&bytes, 0).unwrap();
                assert_eq!(
                    (read.value, read.wide, read.end),
                    (value, false, bytes.len())
                );
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
        assert_eq!(read_uleb(&[], 0).unwrap_err(), ErrorKind::TruncatedUleb);
    }

    #[test]
    fn flags_numbers_wider_than_128_bits() {
        let mut bytes = [0x80u8; 19].to_vec();
        bytes.push(0x01); // 2^133
        let read = read_uleb(&bytes, 0).unwrap();
        assert!(read.wide);
        assert_eq!(read.arg(), None);
        assert_eq!(read.length(), Err(ErrorKind::LengthTooLarge));
        // 2^128 exactly: the 19th group carries bit 128.
        let mut bytes = [0x80u8; 18].to_vec();
        bytes.push(0x04);
        assert!(read_uleb(&bytes, 0).unwrap().wide);
    }
}
