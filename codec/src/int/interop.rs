//! Conversions between [`Int`] and other crates' big integers.

use super::{Int, IntRangeError};

#[cfg(feature = "num-bigint")]
mod num_bigint_impls {
    use super::*;
    use alloc::vec::Vec;
    use num_bigint::{BigInt, BigUint, Sign};

    fn biguint(limbs: Vec<u64>) -> BigUint {
        BigUint::from_slice(
            &limbs
                .iter()
                .flat_map(|l| [*l as u32, (*l >> 32) as u32])
                .collect::<Vec<_>>(),
        )
    }

    impl From<&Int> for BigInt {
        fn from(value: &Int) -> BigInt {
            let sign = if value.is_negative() {
                Sign::Minus
            } else {
                Sign::Plus
            };
            BigInt::from_biguint(sign, biguint(value.magnitude()))
        }
    }

    impl From<Int> for BigInt {
        fn from(value: Int) -> BigInt {
            BigInt::from(&value)
        }
    }

    impl From<&BigInt> for Int {
        fn from(value: &BigInt) -> Int {
            Int::from_sign_magnitude(
                value.sign() == Sign::Minus,
                value.magnitude().to_u64_digits(),
            )
        }
    }

    impl From<BigInt> for Int {
        fn from(value: BigInt) -> Int {
            Int::from(&value)
        }
    }

    impl From<&BigUint> for Int {
        fn from(value: &BigUint) -> Int {
            Int::from_sign_magnitude(false, value.to_u64_digits())
        }
    }

    impl From<BigUint> for Int {
        fn from(value: BigUint) -> Int {
            Int::from(&value)
        }
    }

    impl TryFrom<&Int> for BigUint {
        type Error = IntRangeError;
        fn try_from(value: &Int) -> Result<BigUint, IntRangeError> {
            if value.is_negative() {
                return Err(IntRangeError);
            }
            Ok(biguint(value.magnitude()))
        }
    }
}

#[cfg(feature = "primitive-types")]
mod primitive_types_impls {
    use super::*;
    use primitive_types::U256;

    impl From<U256> for Int {
        fn from(value: U256) -> Int {
            Int::from_sign_magnitude(false, value.0.to_vec())
        }
    }

    impl TryFrom<&Int> for U256 {
        type Error = IntRangeError;
        fn try_from(value: &Int) -> Result<U256, IntRangeError> {
            let magnitude = value.magnitude();
            if value.is_negative() || magnitude.len() > 4 {
                return Err(IntRangeError);
            }
            let mut limbs = [0u64; 4];
            limbs[..magnitude.len()].copy_from_slice(&magnitude);
            Ok(U256(limbs))
        }
    }

    impl TryFrom<Int> for U256 {
        type Error = IntRangeError;
        fn try_from(value: Int) -> Result<U256, IntRangeError> {
            U256::try_from(&value)
        }
    }
}
