//! `Arbitrary` values for fuzzing and property tests: always valid, bounded
//! in depth so they never exceed the decoder's default limit.

use alloc::vec::Vec;

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::address::Address;
use crate::int::Int;
use crate::value::Map;
use crate::value::Str;
use crate::value::Value;

/// Deep enough to exercise nesting, well inside the default depth limit.
const MAX_DEPTH: usize = 8;

impl<'a> Arbitrary<'a> for Address {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Address(u.arbitrary()?))
    }
}

impl<'a> Arbitrary<'a> for Int {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0..=3u8)? {
            0 => Int::from(u.arbitrary::<i64>()?),
            1 => Int::from(u.arbitrary::<i128>()?),
            2 => Int::from(u.arbitrary::<u128>()?),
            _ => {
                // Beyond 128 bits: a random magnitude of up to 512 bits.
                let limbs: Vec<u64> = (0..u.int_in_range(1..=8usize)?)
                    .map(|_| u.arbitrary())
                    .collect::<Result<_>>()?;
                Int::from_sign_magnitude(u.arbitrary()?, limbs)
            }
        })
    }
}

fn value(u: &mut Unstructured<'_>, depth: usize) -> Result<Value> {
    let kinds = if depth < MAX_DEPTH { 8 } else { 6 };
    Ok(match u.int_in_range(0..=kinds - 1)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::Int(u.arbitrary()?),
        3 => Value::Bytes(bytes::Bytes::copy_from_slice(u.arbitrary::<&[u8]>()?)),
        4 => Value::Str(Str::from(u.arbitrary::<&str>()?)),
        5 => Value::Address(u.arbitrary()?),
        6 => {
            let len = u.arbitrary_len::<u8>()?.min(16);
            Value::Array(
                (0..len)
                    .map(|_| value(u, depth + 1))
                    .collect::<Result<_>>()?,
            )
        }
        _ => {
            let len = u.arbitrary_len::<u8>()?.min(16);
            let mut map = Map::new();
            for _ in 0..len {
                let key: &str = u.arbitrary()?;
                map.insert(key, value(u, depth + 1)?);
            }
            Value::Map(map)
        }
    })
}

impl<'a> Arbitrary<'a> for Value {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        value(u, 0)
    }
}
