//! Lowercase hex out, either case in: addresses and byte strings in the
//! text form.

use alloc::vec::Vec;
use core::fmt::{self, Write};

pub(crate) const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes `bytes` as lowercase hex.
pub(crate) fn write_hex<W: Write + ?Sized>(out: &mut W, bytes: &[u8]) -> fmt::Result {
    let mut chunk = [0u8; 128];
    for part in bytes.chunks(chunk.len() / 2) {
        for (pair, byte) in chunk.chunks_exact_mut(2).zip(part) {
            pair[0] = HEX[(byte >> 4) as usize];
            pair[1] = HEX[(byte & 0xf) as usize];
        }
        let digits = &chunk[..part.len() * 2];
        // Hex digits are ASCII.
        out.write_str(core::str::from_utf8(digits).map_err(|_| fmt::Error)?)?;
    }
    Ok(())
}

/// The bytes an even number of hex digits (either case) stand for.
pub(crate) fn read_hex(digits: &str) -> Option<Vec<u8>> {
    if digits.len() % 2 != 0 {
        return None;
    }
    digits
        .as_bytes()
        .chunks(2)
        .map(|pair| {
            let digit = |c: u8| (c as char).to_digit(16);
            Some((digit(pair[0])? << 4 | digit(pair[1])?) as u8)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    #[test]
    fn hex_is_lowercase_and_handles_long_input() {
        let mut out = String::new();
        write_hex(&mut out, &[0xab; 100]).unwrap();
        assert_eq!(out, "ab".repeat(100));
    }
}
