//! The 20-byte account address atom.

use core::fmt;
use core::str::FromStr;

/// A 20-byte address, its own atom on the wire (not 20 bytes of `bytes`).
///
/// `Display` prints `0x` and 40 lowercase hex digits; `{:x}` prints the digits
/// alone. `FromStr` takes 40 hex digits of either case, with or without `0x`.
///
/// ```
/// use genvm_calldata::Address;
/// let address: Address = "0x00000000000000000000000000000000000000ff".parse().unwrap();
/// assert_eq!(address.as_bytes()[19], 0xff);
/// assert_eq!(address.to_string(), "0x00000000000000000000000000000000000000ff");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Address(pub [u8; Address::LEN]);

impl Address {
    /// Length of an address in bytes.
    pub const LEN: usize = 20;

    /// The all-zero address.
    pub const ZERO: Address = Address([0; Address::LEN]);

    /// The raw bytes.
    pub const fn as_bytes(&self) -> &[u8; Address::LEN] {
        &self.0
    }

    /// The address in `bytes`, if it is exactly 20 bytes long.
    pub fn from_slice(bytes: &[u8]) -> Option<Address> {
        bytes.try_into().ok().map(Address)
    }
}

impl From<[u8; Address::LEN]> for Address {
    fn from(bytes: [u8; Address::LEN]) -> Address {
        Address(bytes)
    }
}

impl From<Address> for [u8; Address::LEN] {
    fn from(address: Address) -> [u8; Address::LEN] {
        address.0
    }
}

impl AsRef<[u8]> for Address {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::LowerHex for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            f.write_str("0x")?;
        }
        crate::hex::write_hex(f, &self.0)
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:#x}")
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Address({self:#x})")
    }
}

/// Text that is not 40 hex digits (optionally after `0x`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseAddressError;

impl fmt::Display for ParseAddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an address is 40 hex digits, optionally after 0x")
    }
}

impl core::error::Error for ParseAddressError {}

impl FromStr for Address {
    type Err = ParseAddressError;

    fn from_str(text: &str) -> Result<Address, ParseAddressError> {
        let digits = text.strip_prefix("0x").unwrap_or(text);
        let bytes = crate::hex::read_hex(digits).ok_or(ParseAddressError)?;
        Address::from_slice(&bytes).ok_or(ParseAddressError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn parses_both_forms_and_prints_lowercase() {
        let text = "0xAbCdEf0123456789abcdef0123456789ABCDEF01";
        let address: Address = text.parse().unwrap();
        assert_eq!(address, text[2..].parse().unwrap());
        assert_eq!(format!("{address}"), text.to_lowercase());
        assert_eq!(format!("{address:x}"), text[2..].to_lowercase());
    }

    #[test]
    fn refuses_wrong_length_and_non_hex() {
        for bad in [
            "",
            "0x",
            "00",
            "0x0000000000000000000000000000000000000g00",
            "+0000000000000000000000000000000000000000",
        ] {
            assert_eq!(bad.parse::<Address>(), Err(ParseAddressError), "{bad}");
        }
        assert_eq!(Address::from_slice(&[0; 19]), None);
    }
}
