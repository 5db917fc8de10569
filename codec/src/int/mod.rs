//! Unbounded integers: [`Int`] (owned) and [`IntRef`] (borrowed from input).
//!
//! Both keep the number the way the wire does, a sign and the header argument
//! (`v` for `v >= 0`, `-v - 1` for `v < 0`), so decoding and encoding never do
//! arithmetic. Arguments up to 128 bits live inline; larger ones in limbs.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;
use core::str::FromStr;

use dashu_int::UBig;

#[cfg(any(feature = "num-bigint", feature = "primitive-types"))]
mod interop;
mod limbs;
mod uint256;

pub use uint256::{ParseUint256Error, Uint256};

use crate::wire::{self, Output, TAG_NEG_INT, TAG_POS_INT};

/// An integer of any size, as calldata carries it.
///
/// Free of allocation for every value in `-2^128 ..= 2^128 - 1` (all of
/// `i128` and `u128`); exact for any size beyond.
///
/// ```
/// use genvm_calldata::Int;
/// let big: Int = "-340282366920938463463374607431768211457".parse().unwrap();
/// assert_eq!(big.to_string(), "-340282366920938463463374607431768211457");
/// assert_eq!(i64::try_from(&Int::from(-5i8)), Ok(-5));
/// assert!(u8::try_from(&Int::from(256)).is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Int(Repr);

/// Sign and header argument (`v`, or `-v - 1` for negatives). The sign sits
/// inside each variant and small arguments are two `u64` halves, not a
/// `u128`, which keeps an `Int` (and so a `Value`) 8 bytes smaller.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Small {
        negative: bool,
        arg: [u64; 2],
    },
    /// Over `u128::MAX`: little-endian limbs, no high zero limb.
    Big {
        negative: bool,
        arg: Box<[u64]>,
    },
}

impl Int {
    /// Zero.
    pub const ZERO: Int = Int(Repr::Small {
        negative: false,
        arg: [0, 0],
    });

    /// Whether the number is below zero.
    pub fn is_negative(&self) -> bool {
        match self.0 {
            Repr::Small { negative, .. } | Repr::Big { negative, .. } => negative,
        }
    }

    /// The integer with the given sign and header argument.
    #[inline]
    pub(crate) fn from_wire(negative: bool, arg: u128) -> Int {
        Int(Repr::Small {
            negative,
            arg: [arg as u64, (arg >> 64) as u64],
        })
    }

    fn from_wire_limbs(negative: bool, mut arg: Vec<u64>) -> Int {
        limbs::trim(&mut arg);
        match limbs::to_u128(&arg) {
            Some(small) => Int::from_wire(negative, small),
            None => Int(Repr::Big {
                negative,
                arg: arg.into_boxed_slice(),
            }),
        }
    }

    /// The integer `±magnitude`, from little-endian limbs.
    pub(crate) fn from_sign_magnitude(negative: bool, mut magnitude: Vec<u64>) -> Int {
        limbs::trim(&mut magnitude);
        let negative = negative && !magnitude.is_empty();
        if negative {
            limbs::sub_one(&mut magnitude);
        }
        Int::from_wire_limbs(negative, magnitude)
    }

    /// The absolute value as little-endian limbs.
    pub(crate) fn magnitude(&self) -> Vec<u64> {
        let mut magnitude = match &self.0 {
            Repr::Small { arg, .. } => limbs::from_u128(join(*arg)),
            Repr::Big { arg, .. } => arg.to_vec(),
        };
        if self.is_negative() {
            limbs::add_one(&mut magnitude);
        }
        magnitude
    }

    /// A borrowed view of this integer (also `IntRef::from(&int)`).
    pub fn as_int_ref(&self) -> IntRef<'_> {
        match &self.0 {
            Repr::Small { negative, arg } => IntRef::small(*negative, join(*arg)),
            Repr::Big { negative, arg } => IntRef {
                negative: *negative,
                arg: ArgRef::Limbs(arg),
            },
        }
    }
}

fn join([low, high]: [u64; 2]) -> u128 {
    ((high as u128) << 64) | low as u128
}

/// An integer borrowed from encoded input (or from an [`Int`]): reading it
/// costs nothing.
///
/// Convert with [`IntRef::to_int`] or `TryFrom` into a primitive.
#[derive(Clone, Copy)]
pub struct IntRef<'a> {
    negative: bool,
    arg: ArgRef<'a>,
}

#[derive(Clone, Copy)]
enum ArgRef<'a> {
    Small(u128),
    /// The canonical ULEB128 bytes of a header wider than 128 bits.
    Wide(&'a [u8]),
    /// The limbs of an [`Int`] argument over `u128::MAX`.
    Limbs(&'a [u64]),
}

impl<'a> IntRef<'a> {
    pub(crate) fn small(negative: bool, arg: u128) -> Self {
        IntRef {
            negative,
            arg: ArgRef::Small(arg),
        }
    }

    pub(crate) fn wide(negative: bool, header: &'a [u8]) -> Self {
        IntRef {
            negative,
            arg: ArgRef::Wide(header),
        }
    }

    /// Whether the number is below zero.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// The owned integer (allocates only beyond 128 bits).
    #[inline]
    pub fn to_int(&self) -> Int {
        match self.arg {
            ArgRef::Small(small) => Int::from_wire(self.negative, small),
            ArgRef::Wide(header) => {
                Int::from_wire_limbs(self.negative, limbs::arg_from_uleb(header))
            }
            ArgRef::Limbs(big) => Int::from_wire_limbs(self.negative, big.to_vec()),
        }
    }

    fn tag(&self) -> u8 {
        if self.negative {
            TAG_NEG_INT
        } else {
            TAG_POS_INT
        }
    }

    /// Length of the encoding (the header is the whole encoding).
    pub(crate) fn encoded_len(&self) -> usize {
        match self.arg {
            ArgRef::Small(small) => wire::int_header_len(small),
            ArgRef::Wide(header) => header.len(),
            ArgRef::Limbs(big) => limbs::header_len(big),
        }
    }

    /// Writes the encoding.
    #[inline]
    pub(crate) fn encode_to<O: Output + ?Sized>(&self, out: &mut O) {
        match self.arg {
            ArgRef::Small(small) => wire::put_int_header(out, self.tag(), small),
            ArgRef::Wide(header) => out.put_slice(header),
            ArgRef::Limbs(big) => limbs::put_header(out, self.tag(), big),
        }
    }

    /// Sign and argument, when the argument fits in 128 bits.
    #[inline]
    pub(crate) fn small_parts(&self) -> Option<(bool, u128)> {
        match self.arg {
            ArgRef::Small(small) => Some((self.negative, small)),
            ArgRef::Wide(header) => limbs::arg_to_u128(header).map(|arg| (self.negative, arg)),
            ArgRef::Limbs(_) => None,
        }
    }
}

/// Equal numbers are equal whichever form holds them.
impl PartialEq for IntRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.to_int() == other.to_int()
    }
}

impl Eq for IntRef<'_> {}

impl core::hash::Hash for IntRef<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.to_int().hash(state)
    }
}

impl<'a> From<&'a Int> for IntRef<'a> {
    fn from(int: &'a Int) -> Self {
        int.as_int_ref()
    }
}

impl From<IntRef<'_>> for Int {
    fn from(value: IntRef<'_>) -> Int {
        value.to_int()
    }
}

/// A number does not fit in the requested primitive type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntRangeError;

impl fmt::Display for IntRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("integer out of range for the target type")
    }
}

impl core::error::Error for IntRangeError {}

/// Narrows `(negative, arg)` into a primitive.
fn narrow<T: TryFrom<u128> + TryFrom<i128>>(
    parts: Option<(bool, u128)>,
) -> Result<T, IntRangeError> {
    match parts {
        Some((false, arg)) => T::try_from(arg).map_err(|_| IntRangeError),
        Some((true, arg)) if arg <= i128::MAX as u128 => {
            T::try_from(-1 - arg as i128).map_err(|_| IntRangeError)
        }
        _ => Err(IntRangeError),
    }
}

macro_rules! primitive_conversions {
    ($($t:ty),*) => {$(
        impl From<$t> for Int {
            #[allow(unused_comparisons)]
            fn from(value: $t) -> Int {
                if value < 0 {
                    // -v - 1 is the bitwise complement in two's complement.
                    Int::from_wire(true, !(value as i128) as u128)
                } else {
                    Int::from_wire(false, value as u128)
                }
            }
        }
        impl TryFrom<&Int> for $t {
            type Error = IntRangeError;
            fn try_from(value: &Int) -> Result<$t, IntRangeError> {
                narrow(value.as_int_ref().small_parts())
            }
        }
        impl TryFrom<Int> for $t {
            type Error = IntRangeError;
            fn try_from(value: Int) -> Result<$t, IntRangeError> {
                narrow(value.as_int_ref().small_parts())
            }
        }
        impl TryFrom<IntRef<'_>> for $t {
            type Error = IntRangeError;
            fn try_from(value: IntRef<'_>) -> Result<$t, IntRangeError> {
                narrow(value.small_parts())
            }
        }
    )*};
}

primitive_conversions!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, usize);

impl From<u128> for Int {
    fn from(value: u128) -> Int {
        Int::from_wire(false, value)
    }
}

impl TryFrom<IntRef<'_>> for u128 {
    type Error = IntRangeError;
    fn try_from(value: IntRef<'_>) -> Result<u128, IntRangeError> {
        match value.small_parts() {
            Some((false, arg)) => Ok(arg),
            _ => Err(IntRangeError),
        }
    }
}

impl TryFrom<&Int> for u128 {
    type Error = IntRangeError;
    fn try_from(value: &Int) -> Result<u128, IntRangeError> {
        u128::try_from(value.as_int_ref())
    }
}

impl TryFrom<Int> for u128 {
    type Error = IntRangeError;
    fn try_from(value: Int) -> Result<u128, IntRangeError> {
        u128::try_from(value.as_int_ref())
    }
}

impl Default for Int {
    fn default() -> Self {
        Int::ZERO
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        let by_arg = match (&self.0, &other.0) {
            (Repr::Small { arg: a, .. }, Repr::Small { arg: b, .. }) => join(*a).cmp(&join(*b)),
            (Repr::Small { .. }, Repr::Big { .. }) => Ordering::Less,
            (Repr::Big { .. }, Repr::Small { .. }) => Ordering::Greater,
            (Repr::Big { arg: a, .. }, Repr::Big { arg: b, .. }) => a
                .len()
                .cmp(&b.len())
                .then_with(|| a.iter().rev().cmp(b.iter().rev())),
        };
        match (self.is_negative(), other.is_negative()) {
            (false, false) => by_arg,
            // A larger argument is a more negative number.
            (true, true) => by_arg.reverse(),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for IntRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.small_parts() {
            Some((false, arg)) => return write!(f, "{arg}"),
            Some((true, arg)) if arg < u128::MAX => return write!(f, "-{}", arg + 1),
            _ => {}
        }
        if self.negative {
            f.write_str("-")?;
        }
        fmt::Display::fmt(&limbs::to_ubig(&self.to_int().magnitude()), f)
    }
}

impl fmt::Debug for IntRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_int_ref(), f)
    }
}

impl fmt::Debug for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_int_ref(), f)
    }
}

/// Text that is not a decimal integer (`-?[0-9]+`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseIntError;

impl fmt::Display for ParseIntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid decimal integer")
    }
}

impl core::error::Error for ParseIntError {}

impl FromStr for Int {
    type Err = ParseIntError;

    /// Parses `-?[0-9]+` of any length.
    fn from_str(text: &str) -> Result<Int, ParseIntError> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseIntError);
        }
        // Up to 38 digits always fit in a `u128`: no allocation.
        if digits.len() <= 38 {
            let magnitude: u128 = digits.parse().map_err(|_| ParseIntError)?;
            return Ok(match magnitude.checked_sub(1) {
                Some(arg) if negative => Int::from_wire(true, arg),
                _ => Int::from_wire(false, magnitude),
            });
        }
        let ubig = UBig::from_str_radix(digits, 10).map_err(|_| ParseIntError)?;
        let magnitude = limbs::from_ubig(&ubig);
        Ok(Int::from_sign_magnitude(negative, magnitude))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn round_trip(int: &Int) -> Int {
        let mut out = Vec::new();
        int.as_int_ref().encode_to(&mut out);
        assert_eq!(out.len(), int.as_int_ref().encoded_len());
        let header = wire::read_uleb(&out, 0).unwrap();
        assert_eq!(header.end, out.len());
        let negative = header.tag() == TAG_NEG_INT;
        match header.arg() {
            Some(arg) => Int::from_wire(negative, arg),
            None => IntRef::wide(negative, &out).to_int(),
        }
    }

    #[test]
    fn primitive_extremes_round_trip() {
        for value in [
            0i128,
            1,
            -1,
            i64::MIN as i128,
            i64::MAX as i128,
            i128::MIN,
            i128::MAX,
        ] {
            let int = Int::from(value);
            assert_eq!(i128::try_from(&int), Ok(value));
            assert_eq!(int.to_string(), value.to_string());
            assert_eq!(round_trip(&int), int);
        }
        let max = Int::from(u128::MAX);
        assert_eq!(u128::try_from(&max), Ok(u128::MAX));
        assert_eq!(i128::try_from(&max), Err(IntRangeError));
        assert_eq!(round_trip(&max), max);
    }

    #[test]
    fn negative_numbers_use_the_complement() {
        assert_eq!(Int::from(-1), Int::from_wire(true, 0));
        assert_eq!(Int::from(i8::MIN), Int::from_wire(true, 127));
        assert_eq!(u32::try_from(&Int::from(-1)), Err(IntRangeError));
        assert_eq!(i8::try_from(&Int::from(-129)), Err(IntRangeError));
    }

    #[test]
    fn big_numbers_parse_print_and_round_trip() {
        let texts = [
            "340282366920938463463374607431768211456",
            "-340282366920938463463374607431768211456",
            "-340282366920938463463374607431768211457",
            "115792089237316195423570985008687907853269984665640564039457584007913129639936",
            "-10000000000000000000000000000000000000000000000000000000000000000000000000001",
        ];
        for text in texts {
            let int: Int = text.parse().unwrap();
            assert_eq!(int.to_string(), text);
            assert_eq!(round_trip(&int), int);
        }
        assert_eq!("-0".parse::<Int>(), Ok(Int::ZERO));
        for bad in ["", "-", "+1", "1.0", "0x10", " 1"] {
            assert_eq!(bad.parse::<Int>(), Err(ParseIntError), "{bad:?}");
        }
    }

    #[test]
    fn ordering_is_numeric() {
        let mut ints: Vec<Int> = [
            "5",
            "-1",
            "0",
            "-340282366920938463463374607431768211457",
            "340282366920938463463374607431768211456",
            "-2",
        ]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
        ints.sort();
        let printed: Vec<_> = ints.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            printed,
            [
                "-340282366920938463463374607431768211457",
                "-2",
                "-1",
                "0",
                "5",
                "340282366920938463463374607431768211456"
            ]
        );
    }
}
