//! Map keys: only what serializes as a string is one, as with the
//! reference: a string, a unit variant's name, or a newtype struct around
//! either. `Some(..)`, numbers, `char`, bytes and the rest are refused.

use alloc::vec::Vec;

use serde::ser::{self, Impossible, Serialize};

use super::SerdeError;
use crate::wire::put_key;

/// Writes one map key onto the end of `out`; on refusal it writes nothing.
pub(super) struct KeySerializer<'a> {
    pub(super) out: &'a mut Vec<u8>,
}

fn not_a_string() -> SerdeError {
    SerdeError::new("a map key must be a string")
}

/// The scalar methods, each refusing its value.
macro_rules! refuse {
    ($($method:ident($type:ty),)*) => {
        $(fn $method(self, _: $type) -> Result<(), SerdeError> {
            Err(not_a_string())
        })*
    };
}

type Refused = Impossible<(), SerdeError>;

impl ser::Serializer for KeySerializer<'_> {
    type Ok = ();
    type Error = SerdeError;
    type SerializeSeq = Refused;
    type SerializeTuple = Refused;
    type SerializeTupleStruct = Refused;
    type SerializeTupleVariant = Refused;
    type SerializeMap = Refused;
    type SerializeStruct = Refused;
    type SerializeStructVariant = Refused;

    fn is_human_readable(&self) -> bool {
        false
    }

    #[inline]
    fn serialize_str(self, v: &str) -> Result<(), SerdeError> {
        put_key(self.out, v);
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), SerdeError> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), SerdeError> {
        value.serialize(self)
    }

    refuse! {
        serialize_bool(bool),
        serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8), serialize_u16(u16), serialize_u32(u32), serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32), serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    }

    fn serialize_none(self) -> Result<(), SerdeError> {
        Err(not_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), SerdeError> {
        Err(not_a_string())
    }

    fn serialize_unit(self) -> Result<(), SerdeError> {
        Err(not_a_string())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), SerdeError> {
        Err(not_a_string())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Refused, SerdeError> {
        Err(not_a_string())
    }

    fn serialize_tuple(self, _: usize) -> Result<Refused, SerdeError> {
        Err(not_a_string())
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Refused, SerdeError> {
        Err(not_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Refused, SerdeError> {
        Err(not_a_string())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Refused, SerdeError> {
        Err(not_a_string())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Refused, SerdeError> {
        Err(not_a_string())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Refused, SerdeError> {
        Err(not_a_string())
    }
}
