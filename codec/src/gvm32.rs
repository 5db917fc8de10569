//! GVM32: GenVM's base32 for hash-like values (Crockford's alphabet,
//! lowercase, no padding; genvm-manager `04-contract-interface/06-gvm32.rst`).

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// The 32 symbols, the value of each its index.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// The canonical (lowercase) GVM32 text of `data`: its bits big-endian in
/// groups of five, the last group padded with zero bits, no `=`.
///
/// ```
/// use genvm_calldata::{gvm32_decode, gvm32_encode};
/// assert_eq!(gvm32_encode(b"\xff"), "zw");
/// assert_eq!(gvm32_decode("ZW").unwrap(), b"\xff");
/// ```
pub fn gvm32_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity((data.len() * 8).div_ceil(5));
    let (mut value, mut bits) = (0u32, 0u32);
    for &byte in data {
        value = (value << 8 | u32::from(byte)) & 0xfff;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[(value >> bits) as usize & 31]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[(value << (5 - bits)) as usize & 31]));
    }
    out
}

/// Text that is not GVM32.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gvm32Error {
    /// A character outside the alphabet, its aliases and `-`, at this
    /// character index.
    InvalidCharacter {
        /// The character.
        character: char,
        /// Its index among the text's characters.
        index: usize,
    },
    /// The bits left after the last full byte are not all zero.
    NonZeroPadding,
}

impl fmt::Display for Gvm32Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gvm32Error::InvalidCharacter { character, index } => {
                write!(f, "{character:?} at character {index} is not GVM32")
            }
            Gvm32Error::NonZeroPadding => f.write_str("GVM32 text whose padding bits are not zero"),
        }
    }
}

impl core::error::Error for Gvm32Error {}

/// The 5-bit value of a symbol, reading either case, `i`/`l` as 1 and `o`
/// as 0; `None` for `-` (skipped) is handled by the caller.
fn symbol_value(character: char) -> Option<u32> {
    let lower = character.to_ascii_lowercase();
    let canonical = match lower {
        'i' | 'l' => '1',
        'o' => '0',
        other => other,
    };
    let byte = u8::try_from(canonical).ok()?;
    ALPHABET.iter().position(|&s| s == byte).map(|v| v as u32)
}

/// Decodes GVM32 text: either case, Crockford's aliases (`i`, `l` for 1,
/// `o` for 0), hyphens ignored; the padding bits must be zero.
pub fn gvm32_decode(text: &str) -> Result<Vec<u8>, Gvm32Error> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut value, mut bits) = (0u32, 0u32);
    for (index, character) in text.chars().enumerate() {
        if character == '-' {
            continue;
        }
        let symbol =
            symbol_value(character).ok_or(Gvm32Error::InvalidCharacter { character, index })?;
        value = (value << 5 | symbol) & 0xfff;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((value >> bits) as u8);
        }
    }
    if value & ((1 << bits) - 1) != 0 {
        return Err(Gvm32Error::NonZeroPadding);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn lengths_and_round_trips() {
        for len in 0..40usize {
            let data: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = gvm32_encode(&data);
            assert_eq!(text.len(), (len * 8).div_ceil(5));
            assert_eq!(gvm32_decode(&text).unwrap(), data);
            assert_eq!(gvm32_decode(&text.to_uppercase()).unwrap(), data);
        }
    }

    #[test]
    fn aliases_hyphens_and_refusals() {
        assert_eq!(gvm32_decode("0-0").unwrap(), gvm32_decode("00").unwrap());
        assert_eq!(gvm32_decode("i0").unwrap(), gvm32_decode("L0").unwrap());
        assert_eq!(gvm32_decode("oO").unwrap(), vec![0]);
        assert_eq!(gvm32_decode("10").unwrap(), vec![8]);
        assert_eq!(
            gvm32_decode("0u"),
            Err(Gvm32Error::InvalidCharacter {
                character: 'u',
                index: 1
            })
        );
        assert_eq!(gvm32_decode("01"), Err(Gvm32Error::NonZeroPadding));
        assert_eq!(
            gvm32_decode("é"),
            Err(Gvm32Error::InvalidCharacter {
                character: 'é',
                index: 0
            })
        );
    }
}
