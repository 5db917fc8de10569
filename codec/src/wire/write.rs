//! Writing the wire format: ULEB128, headers, keys and integer headers, over
//! one [`Output`] trait that the encoder and the serde serializer share.
//!
//! [`Output`] has two implementations: `Vec<u8>`, the fast path, which
//! writes a ULEB128 number as whole words and cuts the length back, and
//! [`BufOut`], any `BufMut`, a byte at a time.

use alloc::vec::Vec;

use bytes::BufMut;

use super::{CONTINUATION_BITS, TAG_BITS, TAG_STR};

/// Where encodings go.
pub(crate) trait Output {
    fn put_u8(&mut self, byte: u8);
    fn put_slice(&mut self, bytes: &[u8]);
    /// Appends `value` as ULEB128.
    fn put_uleb(&mut self, value: u128);
}

/// A `BufMut` as an [`Output`].
pub(crate) struct BufOut<'b, B: ?Sized>(pub &'b mut B);

impl<B: BufMut + ?Sized> Output for BufOut<'_, B> {
    #[inline(always)]
    fn put_u8(&mut self, byte: u8) {
        self.0.put_u8(byte);
    }

    /// Byte by byte when short: a copy call costs more than copying a
    /// five-byte key.
    #[inline(always)]
    fn put_slice(&mut self, bytes: &[u8]) {
        if bytes.len() <= 16 {
            bytes.iter().for_each(|byte| self.0.put_u8(*byte));
        } else {
            self.0.put_slice(bytes);
        }
    }

    /// A byte at a time (cheaper than a copy call for the few bytes a header
    /// takes).
    #[inline(always)]
    fn put_uleb(&mut self, value: u128) {
        let mut rest = value;
        while rest > u64::MAX as u128 {
            self.0.put_u8(rest as u8 | 0x80);
            rest >>= 7;
        }
        let mut rest = rest as u64;
        while rest >= 0x80 {
            self.0.put_u8(rest as u8 | 0x80);
            rest >>= 7;
        }
        self.0.put_u8(rest as u8);
    }
}

impl Output for Vec<u8> {
    #[inline(always)]
    fn put_u8(&mut self, byte: u8) {
        self.push(byte);
    }

    #[inline(always)]
    fn put_slice(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    /// Whole words are written and the length cut back, instead of a byte
    /// and a capacity check at a time.
    #[inline(always)]
    fn put_uleb(&mut self, value: u128) {
        const LOW_56: u128 = (1 << 56) - 1;
        if value <= LOW_56 {
            push_short_uleb(self, value as u64);
            return;
        }
        let len = uleb_len(value);
        let start = self.len();
        // The last byte's continuation bit is cleared in its word before the
        // word is stored: clearing it in memory after (and copying the bytes
        // out of a local array) stalled on the store just made.
        let last = len - 1;
        self.reserve(24);
        for index in 0..3 {
            let group = (value >> (56 * index)) & LOW_56;
            let mut word = spread_groups(group as u64) | CONTINUATION_BITS;
            if last / 8 == index {
                word &= !(0x80 << (8 * (last % 8)));
            }
            self.extend_from_slice(&word.to_le_bytes());
        }
        self.truncate(start + len);
    }
}

/// Spreads the low 56 bits of `bits` into eight 7-bit groups, one a byte:
/// the inverse of the reader's packing.
#[inline(always)]
fn spread_groups(bits: u64) -> u64 {
    let bits = (bits & 0x0000_0000_0fff_ffff) | ((bits & 0x00ff_ffff_f000_0000) << 4);
    let bits = (bits & 0x0000_3fff_0000_3fff) | ((bits & 0x0fff_c000_0fff_c000) << 2);
    (bits & 0x007f_007f_007f_007f) | ((bits & 0x3f80_3f80_3f80_3f80) << 1)
}

/// The vector's ULEB128 for a number below 2^56 (at most eight bytes), in
/// 64-bit arithmetic.
#[inline(always)]
fn push_short_uleb(out: &mut Vec<u8>, value: u64) {
    if value < 0x80 {
        out.push(value as u8);
        return;
    }
    let len = (64 - value.leading_zeros() as usize).div_ceil(7);
    let start = out.len();
    let word = spread_groups(value) | CONTINUATION_BITS;
    let last = 0x80u64 << (8 * (len - 1));
    out.extend_from_slice(&(word & !last).to_le_bytes());
    out.truncate(start + len);
}

/// Number of bytes the ULEB128 encoding of `value` takes.
#[inline(always)]
pub(crate) fn uleb_len(value: u128) -> usize {
    let bits = 128 - (value | 1).leading_zeros() as usize;
    bits.div_ceil(7)
}

/// The header of a length-prefixed type or a container; `len` is at most
/// `usize::MAX`, so the header always fits in 128 bits.
#[inline(always)]
fn header(tag: u8, len: usize) -> u128 {
    ((len as u128) << TAG_BITS) | tag as u128
}

/// Appends the header of a length-prefixed type or a container.
#[inline(always)]
pub(crate) fn put_header<O: Output + ?Sized>(out: &mut O, tag: u8, len: usize) {
    out.put_uleb(header(tag, len));
}

/// Length of the header of a length-prefixed type or a container.
#[inline(always)]
pub(crate) fn header_len(len: usize) -> usize {
    uleb_len(header(TAG_STR, len))
}

/// Appends a map key: its length, then its UTF-8 bytes.
#[inline(always)]
pub(crate) fn put_key<O: Output + ?Sized>(out: &mut O, key: &str) {
    out.put_uleb(key.len() as u128);
    out.put_slice(key.as_bytes());
}

/// Length of a map key's encoding.
#[inline(always)]
pub(crate) fn key_len(key: &str) -> usize {
    uleb_len(key.len() as u128) + key.len()
}

/// Appends an integer's header: `tag` is `TAG_POS_INT` or `TAG_NEG_INT` and
/// `arg` the value or `-1 - value`. An argument of 126 bits or more makes a
/// header wider than 128 bits; its first byte then takes the tag and the
/// argument's low four bits, and the rest is `arg >> 4`.
#[inline(always)]
pub(crate) fn put_int_header<O: Output + ?Sized>(out: &mut O, tag: u8, arg: u128) {
    if arg < 1 << 53 {
        // The common case, below 2^56 with its tag: the word path's length
        // check folds away.
        out.put_uleb((((arg as u64) << TAG_BITS) | tag as u64) as u128);
    } else if arg >> (128 - TAG_BITS) == 0 {
        out.put_uleb((arg << TAG_BITS) | tag as u128);
    } else {
        out.put_u8(((arg as u8 & 0x0f) << TAG_BITS) | tag | 0x80);
        out.put_uleb(arg >> 4);
    }
}

/// Length of an integer's header (see [`put_int_header`]).
#[inline(always)]
pub(crate) fn int_header_len(arg: u128) -> usize {
    if arg >> (128 - TAG_BITS) == 0 {
        uleb_len(arg << TAG_BITS)
    } else {
        1 + uleb_len(arg >> 4)
    }
}
