//! Owned values: [`Value`], its [`Map`] and [`Str`], and conversions from
//! borrowed views.

mod map;
mod string;

pub use map::{DuplicateKey, Map, MapEntries};
pub use string::Str;

use alloc::string::String;
use alloc::vec::Vec;

use bytes::Bytes;

use crate::address::Address;
use crate::int::Int;
use crate::value_ref::ValueRef;

/// An owned calldata value.
///
/// Strings and byte strings are [`Str`] and [`Bytes`], so a value decoded
/// with [`decode_bytes`](crate::decode_bytes) shares the input buffer.
/// `Display` prints the text form of `spec/calldata.md`.
///
/// ```
/// use genvm_calldata::{Value, Map};
/// let call = Value::from(Map::from_entries([
///     ("method", Value::from("transfer")),
///     ("args", Value::from(vec![Value::from(10), Value::Null])),
/// ]).unwrap());
/// assert_eq!(call.to_string(), r#"{"args":[10,null],"method":"transfer"}"#);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer of any size.
    Int(Int),
    /// A byte string.
    Bytes(Bytes),
    /// A UTF-8 string.
    Str(Str),
    /// A 20-byte address.
    Address(Address),
    /// A sequence of values.
    Array(Vec<Value>),
    /// String keys to values, sorted by key.
    Map(Map),
}

impl Value {
    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The integer, if this is one.
    pub fn as_int(&self) -> Option<&Int> {
        match self {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    /// The byte string, if this is one.
    pub fn as_bytes(&self) -> Option<&Bytes> {
        match self {
            Value::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The address, if this is one.
    pub fn as_address(&self) -> Option<&Address> {
        match self {
            Value::Address(a) => Some(a),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The map, if this is one.
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The value under `key`, if this is a map holding it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_map()?.get(key)
    }
}

/// How encoding and printing see a value: a scalar through its borrowed
/// view (so the two share one implementation), or a container.
pub(crate) enum Node<'v> {
    Scalar(ValueRef<'v>),
    Array(&'v [Value]),
    Map(&'v Map),
}

impl Value {
    #[inline(always)]
    pub(crate) fn node(&self) -> Node<'_> {
        Node::Scalar(match self {
            Value::Null => ValueRef::Null,
            Value::Bool(b) => ValueRef::Bool(*b),
            Value::Int(i) => ValueRef::Int(i.as_int_ref()),
            Value::Bytes(b) => ValueRef::Bytes(b),
            Value::Str(s) => ValueRef::Str(s),
            Value::Address(a) => ValueRef::Address(&a.0),
            Value::Array(items) => return Node::Array(items),
            Value::Map(map) => return Node::Map(map),
        })
    }
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(value: $t) -> Value {
                Value::Int(Int::from(value))
            }
        }
    )*};
}

from_int!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl From<bool> for Value {
    fn from(value: bool) -> Value {
        Value::Bool(value)
    }
}

impl From<Int> for Value {
    fn from(value: Int) -> Value {
        Value::Int(value)
    }
}

impl From<Bytes> for Value {
    fn from(value: Bytes) -> Value {
        Value::Bytes(value)
    }
}

impl From<&[u8]> for Value {
    fn from(value: &[u8]) -> Value {
        Value::Bytes(Bytes::copy_from_slice(value))
    }
}

impl From<Str> for Value {
    fn from(value: Str) -> Value {
        Value::Str(value)
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Value {
        Value::Str(Str::from(value))
    }
}

impl From<String> for Value {
    fn from(value: String) -> Value {
        Value::Str(Str::from(value))
    }
}

impl From<Address> for Value {
    fn from(value: Address) -> Value {
        Value::Address(value)
    }
}

impl From<Vec<Value>> for Value {
    fn from(value: Vec<Value>) -> Value {
        Value::Array(value)
    }
}

impl From<Map> for Value {
    fn from(value: Map) -> Value {
        Value::Map(value)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

impl FromIterator<Value> for Value {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Value {
        Value::Array(iter.into_iter().collect())
    }
}

/// Owned copies of views.
impl ValueRef<'_> {
    /// An owned copy (strings and bytes are copied).
    pub fn to_value(&self) -> Value {
        match *self {
            ValueRef::Null => Value::Null,
            ValueRef::Bool(b) => Value::Bool(b),
            ValueRef::Int(i) => Value::Int(i.to_int()),
            ValueRef::Bytes(b) => Value::from(b),
            ValueRef::Str(s) => Value::from(s),
            ValueRef::Address(a) => Value::Address(Address(*a)),
            ValueRef::Array(a) => Value::Array(a.iter().map(|item| item.to_value()).collect()),
            ValueRef::Map(m) => Value::Map(Map::from_sorted(
                m.iter()
                    .map(|(k, v)| (Str::from(k), v.to_value()))
                    .collect::<Vec<_>>(),
            )),
        }
    }
}

impl From<ValueRef<'_>> for Value {
    fn from(value: ValueRef<'_>) -> Value {
        value.to_value()
    }
}
