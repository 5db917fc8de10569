//! [`FeeParams`]: the fee configuration of a balance-funded v0.3 message,
//! with the host's range checks.
//!
//! The spec writes every field as a `U256`, then bounds them
//! (genvm-manager `02-gl_call.rst`, "Balance-funded fees"): counts below
//! 2^32, prices and the budget below 2^96, `rotations` not empty, the three
//! price caps not zero. The host checks these after parsing and answers
//! `Inval` (genvm-executor `executor/src/wasi/genlayer_sdk/message.rs`,
//! `validate_balance_fee`). Here the counts are `u32`, the rest `u128`, and a
//! value outside the bounds neither encodes nor decodes.

use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::ser::{self, SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

/// Prices and budgets are below 2^96.
const PRICE_BITS: u32 = 96;
/// Counts (time units, rotations) are below 2^32.
const COUNT_BITS: u32 = 32;

/// The fee parameters of a balance-funded `PostMessage` or `DeployContract`
/// (`fee_params`, with `use_balance`): the chain's
/// `InternalMessageFeeParams` without `appealRounds`, which is
/// `rotations.len() - 1`.
///
/// ```
/// use genvm_abi::FeeParams;
/// let mut params = FeeParams {
///     leader_timeunits_allocation: 5,
///     validator_timeunits_allocation: 5,
///     execution_budget_per_round: 1024,
///     rotations: vec![4; 5],
///     max_price_gen_per_time_unit: 2,
///     storage_fee_max_gas_price: 20,
///     receipt_fee_max_gas_price: 20,
/// };
/// assert_eq!(params.check(), Ok(()));
/// params.rotations.clear();
/// assert_eq!(params.check().unwrap_err().to_string(), "rotations is empty");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FeeParams {
    /// Time units allocated to the leader per round.
    pub leader_timeunits_allocation: u32,
    /// Time units allocated to each validator per round.
    pub validator_timeunits_allocation: u32,
    /// The child execution's budget per leader round; below 2^96.
    pub execution_budget_per_round: u128,
    /// Rotations per round: the initial round, then the appeal rounds. Not
    /// empty.
    pub rotations: Vec<u32>,
    /// The GEN price cap per time unit; not zero, below 2^96.
    pub max_price_gen_per_time_unit: u128,
    /// The storage fee's gas price cap; not zero, below 2^96.
    pub storage_fee_max_gas_price: u128,
    /// The receipt fee's gas price cap; not zero, below 2^96.
    pub receipt_fee_max_gas_price: u128,
}

impl FeeParams {
    /// The host's checks: `rotations` not empty, the price caps not zero,
    /// prices and the budget below 2^96 (the counts are `u32`, so below
    /// 2^32 already). Encoding and decoding run them.
    pub fn check(&self) -> Result<(), FeeParamsError> {
        if self.rotations.is_empty() {
            return Err(FeeParamsError::EmptyRotations);
        }
        let prices = [
            (
                "max_price_gen_per_time_unit",
                self.max_price_gen_per_time_unit,
            ),
            ("storage_fee_max_gas_price", self.storage_fee_max_gas_price),
            ("receipt_fee_max_gas_price", self.receipt_fee_max_gas_price),
        ];
        for (field, price) in prices {
            if price == 0 {
                return Err(FeeParamsError::ZeroPrice(field));
            }
        }
        let budget = (
            "execution_budget_per_round",
            self.execution_budget_per_round,
        );
        for (field, value) in prices.into_iter().chain([budget]) {
            if value >> PRICE_BITS != 0 {
                return Err(FeeParamsError::TooLarge(field));
            }
        }
        Ok(())
    }
}

/// What [`FeeParams::check`] found wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FeeParamsError {
    /// `rotations` is empty (`appealRounds` would be -1).
    EmptyRotations,
    /// This price cap is zero (the chain reverts `FeeValueMustBeNonZero`).
    ZeroPrice(&'static str),
    /// This price or budget is 2^96 or more.
    TooLarge(&'static str),
}

impl fmt::Display for FeeParamsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeeParamsError::EmptyRotations => f.write_str("rotations is empty"),
            FeeParamsError::ZeroPrice(field) => write!(f, "{field} is zero"),
            FeeParamsError::TooLarge(field) => {
                write!(f, "{field} is out of range (below 2^{PRICE_BITS})")
            }
        }
    }
}

impl core::error::Error for FeeParamsError {}

impl Serialize for FeeParams {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.check().map_err(ser::Error::custom)?;
        let mut map = serializer.serialize_struct("FeeParams", 7)?;
        map.serialize_field(
            "leader_timeunits_allocation",
            &self.leader_timeunits_allocation,
        )?;
        map.serialize_field(
            "validator_timeunits_allocation",
            &self.validator_timeunits_allocation,
        )?;
        map.serialize_field(
            "execution_budget_per_round",
            &self.execution_budget_per_round,
        )?;
        map.serialize_field("rotations", &self.rotations)?;
        map.serialize_field(
            "max_price_gen_per_time_unit",
            &self.max_price_gen_per_time_unit,
        )?;
        map.serialize_field("storage_fee_max_gas_price", &self.storage_fee_max_gas_price)?;
        map.serialize_field("receipt_fee_max_gas_price", &self.receipt_fee_max_gas_price)?;
        map.end()
    }
}

/// The wire form, each integer read with its bound.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    leader_timeunits_allocation: Bounded<COUNT_BITS>,
    validator_timeunits_allocation: Bounded<COUNT_BITS>,
    execution_budget_per_round: Bounded<PRICE_BITS>,
    rotations: Vec<Bounded<COUNT_BITS>>,
    max_price_gen_per_time_unit: Bounded<PRICE_BITS>,
    storage_fee_max_gas_price: Bounded<PRICE_BITS>,
    receipt_fee_max_gas_price: Bounded<PRICE_BITS>,
}

impl<'de> Deserialize<'de> for FeeParams {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = Wire::deserialize(deserializer)?;
        // The bounds hold, so the narrowing cannot fail.
        let count = |value: Bounded<COUNT_BITS>| value.0 as u32;
        let params = FeeParams {
            leader_timeunits_allocation: count(wire.leader_timeunits_allocation),
            validator_timeunits_allocation: count(wire.validator_timeunits_allocation),
            execution_budget_per_round: wire.execution_budget_per_round.0,
            rotations: wire.rotations.into_iter().map(count).collect(),
            max_price_gen_per_time_unit: wire.max_price_gen_per_time_unit.0,
            storage_fee_max_gas_price: wire.storage_fee_max_gas_price.0,
            receipt_fee_max_gas_price: wire.receipt_fee_max_gas_price.0,
        };
        params.check().map_err(de::Error::custom)?;
        Ok(params)
    }
}

/// A non-negative integer below 2^`BITS`: anything else, a negative number
/// or one beyond 128 bits included, is refused as out of range.
struct Bounded<const BITS: u32>(u128);

impl<'de, const BITS: u32> Deserialize<'de> for Bounded<BITS> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BoundedVisitor<const BITS: u32>;
        impl<'de, const BITS: u32> Visitor<'de> for BoundedVisitor<BITS> {
            type Value = Bounded<BITS>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an integer in 0 ..= 2^{BITS} - 1")
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
                self.visit_u128(value.into())
            }
            fn visit_u128<E: de::Error>(self, value: u128) -> Result<Self::Value, E> {
                if value >> BITS != 0 {
                    return Err(E::custom(format_args!(
                        "integer {value} is out of range (below 2^{BITS})"
                    )));
                }
                Ok(Bounded(value))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
                self.visit_i128(value.into())
            }
            fn visit_i128<E: de::Error>(self, value: i128) -> Result<Self::Value, E> {
                match u128::try_from(value) {
                    Ok(value) => self.visit_u128(value),
                    Err(_) => Err(E::custom(format_args!(
                        "integer {value} is out of range (not negative)"
                    ))),
                }
            }
            // A calldata reader hands an integer beyond 128 bits over as a
            // newtype of its encoding (it has already been read).
            fn visit_newtype_struct<D: Deserializer<'de>>(
                self,
                _: D,
            ) -> Result<Self::Value, D::Error> {
                Err(de::Error::custom(format_args!(
                    "integer beyond 128 bits is out of range (below 2^{BITS})"
                )))
            }
        }
        deserializer.deserialize_u128(BoundedVisitor::<BITS>)
    }
}
