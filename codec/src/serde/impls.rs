//! `Serialize`/`Deserialize` for the crate's own types.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::RAW;
use crate::address::Address;
use crate::decode::decode_ref;
use crate::encode::encode;
use crate::int::Int;
use crate::int::Uint256;
use crate::value::Map;
use crate::value::Str;
use crate::value::Value;
use crate::value_ref::ValueRef;
use crate::wire::ADDRESS_BYTE;

/// Bytes that serialize as bytes (the payload of a raw item).
struct RawBytes<'a>(&'a [u8]);

impl Serialize for RawBytes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

/// Serializes one encoded calldata item through the private newtype name.
fn serialize_raw<S: Serializer>(encoded: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_newtype_struct(RAW, &RawBytes(encoded))
}

/// The address atom for calldata, `0x…` text for human-readable formats.
impl Serialize for Address {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return serializer.collect_str(self);
        }
        let mut atom = [0u8; 1 + Address::LEN];
        atom[0] = ADDRESS_BYTE;
        atom[1..].copy_from_slice(&self.0);
        serialize_raw(&atom, serializer)
    }
}

struct AddressVisitor;

impl<'de> Visitor<'de> for AddressVisitor {
    type Value = Address;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an address")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Address, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Address, E> {
        // The atom from calldata, or 20 plain bytes from other formats.
        let raw = match bytes.split_first() {
            Some((&ADDRESS_BYTE, rest)) if rest.len() == Address::LEN => rest,
            _ => bytes,
        };
        Address::from_slice(raw)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Bytes(bytes), &self))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Address, D::Error> {
        deserializer.deserialize_bytes(self)
    }
}

impl<'de> Deserialize<'de> for Address {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Address, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_str(AddressVisitor)
        } else {
            deserializer.deserialize_newtype_struct(RAW, AddressVisitor)
        }
    }
}

/// A number when it fits 128 bits; beyond, the integer item for calldata
/// and decimal text for other formats.
impl Serialize for Int {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Ok(small) = u128::try_from(self) {
            serializer.serialize_u128(small)
        } else if let Ok(small) = i128::try_from(self) {
            serializer.serialize_i128(small)
        } else if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            serialize_raw(&encode(&Value::Int(self.clone())), serializer)
        }
    }
}

struct IntVisitor;

impl<'de> Visitor<'de> for IntVisitor {
    type Value = Int;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Int, E> {
        Ok(Int::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Int, E> {
        Ok(Int::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Int, E> {
        Ok(Int::from(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Int, E> {
        Ok(Int::from(v))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Int, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Int, E> {
        match decode_ref(bytes).ok().and_then(|item| item.as_int()) {
            Some(int) => Ok(int.to_int()),
            None => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Int, D::Error> {
        deserializer.deserialize_bytes(self)
    }
}

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Int, D::Error> {
        deserializer.deserialize_any(IntVisitor)
    }
}

impl Serialize for Uint256 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Int::from(*self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Uint256 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Uint256, D::Error> {
        let int = Int::deserialize(deserializer)?;
        Uint256::try_from(&int).map_err(|_| {
            de::Error::custom(format_args!("integer {int} is out of range for uint256"))
        })
    }
}

impl Serialize for Str {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Str, D::Error> {
        String::deserialize(deserializer).map(Str::from)
    }
}

impl Serialize for Map {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Map {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Map, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Map(map) => Ok(map),
            other => Err(de::Error::custom(alloc::format!(
                "expected a map, found {other}"
            ))),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Int(int) => int.serialize(serializer),
            Value::Bytes(bytes) => serializer.serialize_bytes(bytes),
            Value::Str(text) => serializer.serialize_str(text),
            Value::Address(address) => address.serialize(serializer),
            Value::Array(items) => serializer.collect_seq(items),
            Value::Map(map) => map.serialize(serializer),
        }
    }
}

/// Views serialize like the values they show.
impl Serialize for ValueRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ValueRef::Null => serializer.serialize_unit(),
            ValueRef::Bool(b) => serializer.serialize_bool(*b),
            ValueRef::Int(int) => int.to_int().serialize(serializer),
            ValueRef::Bytes(bytes) => serializer.serialize_bytes(bytes),
            ValueRef::Str(text) => serializer.serialize_str(text),
            ValueRef::Address(address) => Address(**address).serialize(serializer),
            ValueRef::Array(items) => serializer.collect_seq(items.iter()),
            ValueRef::Map(entries) => serializer.collect_map(entries.iter()),
        }
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a calldata value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        super::whole_float(v).map(Value::from).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Value, E> {
        Ok(Value::Bytes(v.into()))
    }

    /// One raw calldata item (an address, or an integer beyond 128 bits).
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Value, D::Error> {
        deserializer.deserialize_bytes(RawItemVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        // The hint is capped: it comes from the input.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some((key, value)) = entries.next_entry::<Str, Value>()? {
            if map.contains_key(&key) {
                return Err(de::Error::custom(alloc::format!(
                    "duplicate map key {:?}",
                    key.as_str()
                )));
            }
            map.insert(key, value);
        }
        Ok(Value::Map(map))
    }
}

/// Decodes the bytes of one raw calldata item.
struct RawItemVisitor;

impl<'de> Visitor<'de> for RawItemVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an encoded calldata item")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Value, E> {
        decode_ref(bytes)
            .map(|item| item.to_value())
            .map_err(E::custom)
    }
}

/// Borrows the bytes of one raw calldata item as a view.
struct ValueRefVisitor;

impl<'de> Visitor<'de> for ValueRefVisitor {
    type Value = ValueRef<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("calldata borrowed from the input (a ValueRef deserializes only through genvm_calldata::from_slice)")
    }

    fn visit_borrowed_bytes<E: de::Error>(self, bytes: &'de [u8]) -> Result<ValueRef<'de>, E> {
        decode_ref(bytes).map_err(E::custom)
    }
}

/// A view deserializes zero-copy: `from_slice` hands over the item's bytes
/// through the private raw name (as serde_json does for `&RawValue`).
impl<'de: 'a, 'a> Deserialize<'de> for ValueRef<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ValueRef<'a>, D::Error> {
        deserializer.deserialize_newtype_struct(RAW, ValueRefVisitor)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}
