//! How bytes are written on the command line (hex, base64, raw), both ways,
//! with errors that point at the column of the input at fault.

use base64::engine::general_purpose::STANDARD;
use base64::{DecodeError, Engine as _};

use crate::escape::visible;
use crate::failure::{Failure, Position};

/// How bytes are written on the command line.
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum Encoding {
    Hex,
    Base64,
    Raw,
}

/// Whether a written input (hex, base64 or text) holds nothing but
/// whitespace: an empty input, not a malformed one.
pub fn is_blank(input: &[u8]) -> bool {
    input.iter().all(u8::is_ascii_whitespace)
}

impl Encoding {
    /// The bytes `input` stands for.
    pub fn read(self, input: &[u8]) -> Result<Vec<u8>, Failure> {
        let empty = match self {
            Encoding::Raw => input.is_empty(),
            Encoding::Hex | Encoding::Base64 => is_blank(input),
        };
        if empty {
            return Err(Failure::new("empty input"));
        }
        match self {
            Encoding::Raw => Ok(input.to_vec()),
            Encoding::Base64 => read_base64(input),
            Encoding::Hex => read_hex(input),
        }
    }

    /// `bytes` written out, with a newline unless raw.
    pub fn write(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Encoding::Raw => bytes.to_vec(),
            Encoding::Base64 => {
                let mut text = STANDARD.encode(bytes).into_bytes();
                text.push(b'\n');
                text
            }
            Encoding::Hex => {
                const DIGITS: &[u8; 16] = b"0123456789abcdef";
                let mut text = Vec::with_capacity(bytes.len() * 2 + 1);
                for byte in bytes {
                    text.extend_from_slice(&[
                        DIGITS[(byte >> 4) as usize],
                        DIGITS[(byte & 0xf) as usize],
                    ]);
                }
                text.push(b'\n');
                text
            }
        }
    }
}

/// The character (or, if not UTF-8, the byte) at `offset` of `input`, made
/// visible, for messages that name it.
fn character_at(input: &[u8], offset: usize) -> String {
    let rest = &input[offset..];
    let length = rest
        .utf8_chunks()
        .next()
        .and_then(|chunk| chunk.valid().chars().next())
        .map_or(1, char::len_utf8);
    visible(&rest[..length])
}

/// Hex digits in either case, after an optional `0x` or `0X`, whitespace
/// anywhere ignored.
fn read_hex(input: &[u8]) -> Result<Vec<u8>, Failure> {
    let start = input
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(input.len());
    let digits_from = match &input[start..] {
        [b'0', b'x' | b'X', ..] => start + 2,
        _ => start,
    };
    let mut bytes = Vec::with_capacity((input.len() - digits_from) / 2);
    // The high half of the byte being read, and the offset of its digit.
    let mut high: Option<(u8, usize)> = None;
    for (offset, &c) in input.iter().enumerate().skip(digits_from) {
        let digit = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            c if c.is_ascii_whitespace() => continue,
            _ => {
                return Err(Failure::at(
                    format!("invalid hex digit '{}'", character_at(input, offset)),
                    Position::of(input, offset),
                ))
            }
        };
        match high.take() {
            Some((high, _)) => bytes.push(high << 4 | digit),
            None => high = Some((digit, offset)),
        }
    }
    match high {
        Some((_, offset)) => Err(Failure::at(
            "unpaired hex digit (an odd number of digits)",
            Position::of(input, offset),
        )),
        None => Ok(bytes),
    }
}

/// Standard base64 with padding, whitespace anywhere ignored.
fn read_base64(input: &[u8]) -> Result<Vec<u8>, Failure> {
    let symbols: Vec<u8> = input
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    STANDARD.decode(&symbols).map_err(|error| {
        // The decoder counts symbols; find the one it means in the input.
        let offset_of = |symbol: usize| {
            input
                .iter()
                .enumerate()
                .filter(|(_, b)| !b.is_ascii_whitespace())
                .nth(symbol)
                .map_or(input.len(), |(offset, _)| offset)
        };
        let at = |symbol: usize| Position::of(input, offset_of(symbol));
        let last = symbols.len().saturating_sub(1);
        match error {
            DecodeError::InvalidByte(symbol, _) => Failure::at(
                format!(
                    "'{}' is not a base64 character",
                    character_at(input, offset_of(symbol))
                ),
                at(symbol),
            ),
            DecodeError::InvalidLength(_) => Failure::at(
                "a base64 character alone after the last group of four",
                at(last),
            ),
            DecodeError::InvalidLastSymbol(symbol, _) => Failure::at(
                format!(
                    "base64 character '{}' carries bits no byte uses",
                    character_at(input, offset_of(symbol))
                ),
                at(symbol),
            ),
            DecodeError::InvalidPadding => Failure::at(
                "base64 needs '=' padding to a multiple of four characters",
                at(last),
            ),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_reads_either_case_prefix_and_whitespace() {
        assert_eq!(Encoding::Hex.read(b" 0X0a Bc\n"), Ok(vec![0x0a, 0xbc]));
        assert_eq!(Encoding::Hex.read(b"0x"), Ok(vec![]));
    }

    #[test]
    fn written_forms_read_back() {
        let bytes: Vec<u8> = (0..=255).collect();
        for encoding in [Encoding::Hex, Encoding::Base64, Encoding::Raw] {
            assert_eq!(encoding.read(&encoding.write(&bytes)).as_ref(), Ok(&bytes));
        }
    }
}
