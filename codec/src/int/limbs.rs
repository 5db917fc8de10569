//! The few unsigned big-number operations the integer type needs, on
//! little-endian `u64` limbs without high zero limbs.

use alloc::vec::Vec;

use dashu_int::UBig;

use crate::wire::{Output, TAG_BITS};

/// Drops high zero limbs, so equal numbers have equal limbs.
pub(crate) fn trim(limbs: &mut Vec<u64>) {
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
}

/// Number of significant bits.
pub(crate) fn bit_len(limbs: &[u64]) -> usize {
    match limbs.last() {
        Some(top) => limbs.len() * 64 - top.leading_zeros() as usize,
        None => 0,
    }
}

/// The argument of a header from its canonical ULEB128 bytes.
pub(crate) fn arg_from_uleb(uleb: &[u8]) -> Vec<u64> {
    let mut header = Vec::with_capacity((uleb.len() * 7).div_ceil(64));
    let (mut acc, mut filled) = (0u128, 0u32);
    for byte in uleb {
        acc |= ((byte & 0x7f) as u128) << filled;
        filled += 7;
        if filled >= 64 {
            header.push(acc as u64);
            acc >>= 64;
            filled -= 64;
        }
    }
    header.push(acc as u64);
    shift_right(&mut header, TAG_BITS);
    trim(&mut header);
    header
}

/// The argument of a canonical ULEB128 header `arg << 3 | tag` when it fits
/// in 128 bits, without allocating (the common case of a wide header).
pub(crate) fn arg_to_u128(uleb: &[u8]) -> Option<u128> {
    let mut arg = 0u128;
    for (index, byte) in uleb.iter().enumerate() {
        let chunk = (byte & 0x7f) as u128;
        // Bit position of this chunk in `arg` (the tag takes the low bits).
        let position = 7 * index as u32;
        if position < TAG_BITS {
            arg |= chunk >> TAG_BITS;
        } else {
            let shift = position - TAG_BITS;
            if shift >= 128 {
                if chunk != 0 {
                    return None;
                }
                continue;
            }
            let shifted = chunk << shift;
            if shifted >> shift != chunk {
                return None;
            }
            arg |= shifted;
        }
    }
    Some(arg)
}

fn shift_right(limbs: &mut [u64], bits: u32) {
    for index in 0..limbs.len() {
        let high = limbs.get(index + 1).map_or(0, |next| next << (64 - bits));
        limbs[index] = (limbs[index] >> bits) | high;
    }
}

/// Length in bytes of the ULEB128 header `arg << 3 | tag`.
pub(crate) fn header_len(arg: &[u64]) -> usize {
    (bit_len(arg) + TAG_BITS as usize).div_ceil(7).max(1)
}

/// Writes the ULEB128 header `arg << 3 | tag` of an argument beyond 128
/// bits (smaller ones take `wire::put_int_header`).
pub(crate) fn put_header<O: Output + ?Sized>(out: &mut O, tag: u8, arg: &[u64]) {
    let total = header_len(arg);
    // Bit `i` of the header is bit `i - 3` of the argument (the tag below).
    let header_bit = |i: usize| -> u64 {
        if i < TAG_BITS as usize {
            (tag as u64 >> i) & 1
        } else {
            let i = i - TAG_BITS as usize;
            arg.get(i / 64).map_or(0, |limb| (limb >> (i % 64)) & 1)
        }
    };
    for index in 0..total {
        let mut group = 0u8;
        for bit in 0..7 {
            group |= (header_bit(index * 7 + bit) as u8) << bit;
        }
        if index + 1 < total {
            group |= 0x80;
        }
        out.put_u8(group);
    }
}

/// `limbs + 1`.
pub(crate) fn add_one(limbs: &mut Vec<u64>) {
    for limb in limbs.iter_mut() {
        let (sum, carry) = limb.overflowing_add(1);
        *limb = sum;
        if !carry {
            return;
        }
    }
    limbs.push(1);
}

/// `limbs - 1`, for a non-zero number.
pub(crate) fn sub_one(limbs: &mut Vec<u64>) {
    for limb in limbs.iter_mut() {
        let (difference, borrow) = limb.overflowing_sub(1);
        *limb = difference;
        if !borrow {
            break;
        }
    }
    trim(limbs);
}

/// The number as a `dashu` integer, whose decimal conversions (both ways)
/// take sub-quadratic time.
pub(crate) fn to_ubig(limbs: &[u64]) -> UBig {
    let bytes: Vec<u8> = limbs.iter().flat_map(|limb| limb.to_le_bytes()).collect();
    UBig::from_le_bytes(&bytes)
}

/// The limbs of a `dashu` integer.
pub(crate) fn from_ubig(number: &UBig) -> Vec<u64> {
    let mut limbs: Vec<u64> = number
        .to_le_bytes()
        .chunks(8)
        .map(|chunk| {
            let mut limb = [0; 8];
            limb[..chunk.len()].copy_from_slice(chunk);
            u64::from_le_bytes(limb)
        })
        .collect();
    trim(&mut limbs);
    limbs
}

/// The limbs of a `u128`.
pub(crate) fn from_u128(value: u128) -> Vec<u64> {
    let mut limbs = alloc::vec![value as u64, (value >> 64) as u64];
    trim(&mut limbs);
    limbs
}

/// The value, if it fits in a `u128`.
pub(crate) fn to_u128(limbs: &[u64]) -> Option<u128> {
    match *limbs {
        [] => Some(0),
        [low] => Some(low as u128),
        [low, high] => Some(((high as u128) << 64) | low as u128),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn arg_to_u128_agrees_with_the_limbs_and_stops_at_128_bits() {
        for arg in [
            0u128,
            1,
            u64::MAX as u128,
            (1 << 125) - 1,
            1 << 125,
            u128::MAX / 7,
            u128::MAX,
        ] {
            let limbs = super::from_u128(arg);
            let mut header = alloc::vec::Vec::new();
            super::put_header(&mut header, 0, &limbs);
            assert_eq!(super::arg_to_u128(&header), Some(arg), "{arg}");
            assert_eq!(super::to_u128(&super::arg_from_uleb(&header)), Some(arg));
        }
        let mut too_big = alloc::vec::Vec::new();
        super::put_header(&mut too_big, 0, &[0, 0, 1]);
        assert_eq!(super::arg_to_u128(&too_big), None);
    }

    use super::*;

    #[test]
    fn header_round_trip_through_uleb() {
        let args: [&[u64]; 5] = [
            &[],
            &[1],
            &[u64::MAX],
            &[0, 0, 1],
            &[5, u64::MAX, 7, 1 << 63],
        ];
        for arg in args {
            for tag in [1u8, 2] {
                let mut out = Vec::new();
                put_header(&mut out, tag, arg);
                assert_eq!(out.len(), header_len(arg));
                assert_eq!(out.last().map(|b| b & 0x80), Some(0));
                assert_eq!(out[0] & 7, tag);
                assert_eq!(arg_from_uleb(&out), arg);
            }
        }
    }

    #[test]
    fn arithmetic_carries_across_limbs() {
        let mut limbs = alloc::vec![u64::MAX, u64::MAX];
        add_one(&mut limbs);
        assert_eq!(limbs, [0, 0, 1]);
        sub_one(&mut limbs);
        assert_eq!(limbs, [u64::MAX, u64::MAX]);
    }

    #[test]
    fn dashu_conversion_keeps_every_limb() {
        for limbs in [
            alloc::vec![],
            alloc::vec![1],
            alloc::vec![u64::MAX, 1 << 63],
            alloc::vec![0, 0, 0x0102_0304],
        ] {
            assert_eq!(from_ubig(&to_ubig(&limbs)), limbs);
        }
        let ubig = to_ubig(&[0, 1]);
        assert_eq!(alloc::format!("{ubig}"), "18446744073709551616");
    }
}
