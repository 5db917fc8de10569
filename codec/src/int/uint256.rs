//! [`Uint256`]: the unsigned 256-bit integer host calls carry (values,
//! salts), range-checked where an [`Int`] is not.

use core::fmt;
use core::str::FromStr;

use super::{Int, IntRangeError, ParseIntError};

/// An integer in `0 ..= 2^256 - 1`, as four little-endian `u64` limbs.
///
/// On the wire it is an ordinary calldata integer; converting from an
/// [`Int`] (and deserializing) refuses negative and too large values.
///
/// ```
/// use genvm_calldata::{Int, Uint256};
/// let max = Uint256::MAX;
/// assert_eq!(max.to_string(), "115792089237316195423570985008687907853269984665640564039457584007913129639935");
/// let two_pow_256: Int = "115792089237316195423570985008687907853269984665640564039457584007913129639936".parse().unwrap();
/// assert!(Uint256::try_from(two_pow_256).is_err());
/// assert_eq!(Uint256::try_from(Int::from(max)), Ok(max));
/// assert_eq!(Uint256::from(5u8).to_be_bytes()[31], 5);
/// assert!("-1".parse::<Uint256>().is_err());
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uint256 {
    // Most significant limb first, so the derived order is numeric order.
    limbs_be: [u64; 4],
}

impl Uint256 {
    /// Zero.
    pub const ZERO: Uint256 = Uint256 { limbs_be: [0; 4] };
    /// `2^256 - 1`.
    pub const MAX: Uint256 = Uint256 {
        limbs_be: [u64::MAX; 4],
    };

    /// From 32 big-endian bytes (the EVM's word order).
    pub fn from_be_bytes(bytes: [u8; 32]) -> Uint256 {
        let mut limbs_be = [0; 4];
        for (limb, chunk) in limbs_be.iter_mut().zip(bytes.chunks_exact(8)) {
            *limb = u64::from_be_bytes(chunk.try_into().expect("8-byte chunk"));
        }
        Uint256 { limbs_be }
    }

    /// As 32 big-endian bytes.
    pub fn to_be_bytes(self) -> [u8; 32] {
        let mut bytes = [0; 32];
        for (chunk, limb) in bytes.chunks_exact_mut(8).zip(self.limbs_be) {
            chunk.copy_from_slice(&limb.to_be_bytes());
        }
        bytes
    }
}

impl From<u128> for Uint256 {
    fn from(value: u128) -> Uint256 {
        Uint256 {
            limbs_be: [0, 0, (value >> 64) as u64, value as u64],
        }
    }
}

macro_rules! from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for Uint256 {
            fn from(value: $t) -> Uint256 {
                Uint256::from(u128::from(value))
            }
        }
    )*};
}

from_unsigned!(u8, u16, u32, u64);

impl From<Uint256> for Int {
    fn from(value: Uint256) -> Int {
        let mut limbs_le = value.limbs_be;
        limbs_le.reverse();
        Int::from_sign_magnitude(false, limbs_le.to_vec())
    }
}

impl TryFrom<&Int> for Uint256 {
    type Error = IntRangeError;

    fn try_from(value: &Int) -> Result<Uint256, IntRangeError> {
        if value.is_negative() {
            return Err(IntRangeError);
        }
        let magnitude = value.magnitude();
        if magnitude.len() > 4 {
            return Err(IntRangeError);
        }
        let mut limbs_be = [0; 4];
        for (limb, source) in limbs_be.iter_mut().rev().zip(magnitude) {
            *limb = source;
        }
        Ok(Uint256 { limbs_be })
    }
}

impl TryFrom<Int> for Uint256 {
    type Error = IntRangeError;

    fn try_from(value: Int) -> Result<Uint256, IntRangeError> {
        Uint256::try_from(&value)
    }
}

impl fmt::Display for Uint256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Int::from(*self), f)
    }
}

impl fmt::Debug for Uint256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Why text is not a [`Uint256`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseUint256Error {
    /// Not a decimal integer.
    Syntax(ParseIntError),
    /// Negative or at least `2^256`.
    Range(IntRangeError),
}

impl fmt::Display for ParseUint256Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseUint256Error::Syntax(error) => error.fmt(f),
            ParseUint256Error::Range(error) => error.fmt(f),
        }
    }
}

impl core::error::Error for ParseUint256Error {}

impl FromStr for Uint256 {
    type Err = ParseUint256Error;

    fn from_str(text: &str) -> Result<Uint256, ParseUint256Error> {
        let int: Int = text.parse().map_err(ParseUint256Error::Syntax)?;
        Uint256::try_from(int).map_err(ParseUint256Error::Range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways_at_the_edges() {
        for value in [
            Uint256::ZERO,
            Uint256::from(u64::MAX),
            Uint256::from(u128::MAX),
            Uint256::MAX,
        ] {
            assert_eq!(Uint256::try_from(Int::from(value)), Ok(value));
            assert_eq!(Uint256::from_be_bytes(value.to_be_bytes()), value);
        }
        assert_eq!(Int::from(Uint256::from(7u8)), Int::from(7));
        assert_eq!(Uint256::try_from(Int::from(-1)), Err(IntRangeError));
        assert!(Uint256::from(1u8) < Uint256::from(u128::MAX));
        assert!(Uint256::from(u128::MAX) < Uint256::MAX);
        let two_pow_128: Uint256 = "340282366920938463463374607431768211456".parse().unwrap();
        assert_eq!(two_pow_128.to_be_bytes()[15], 1);
    }
}
