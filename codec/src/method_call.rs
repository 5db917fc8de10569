//! The method-call convention: how a contract call travels as calldata, in
//! each ABI generation, and the call key the current line derives from it.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use genvm_abi::{AbiGeneration, SpecialMethod};
use sha3::{Digest, Keccak256};

use bytes::BufMut;

use crate::decode::decode_ref;
use crate::encode::{encode, encode_map_header, encode_map_key, Encode};
use crate::error::DecodeError;
use crate::value::Map;
use crate::value::Str;
use crate::value::Value;
use crate::value_ref::{ArrayRef, MapRef, ValueRef};

/// The key a generation carries the method name under: `"method"` in v0.2,
/// the empty key `""` in v0.3 (`spec/abi-generations.md`).
pub const fn method_key(generation: AbiGeneration) -> &'static str {
    match generation {
        AbiGeneration::V02 => "method",
        AbiGeneration::V03 => "",
    }
}

/// A contract call: the method name, `"args"` (an array) and `"kwargs"` (a
/// map), the name under the generation's [`method_key`].
///
/// A deployment has no method name; empty `args` and `kwargs` are left out
/// when building and may be absent when parsing. The key set is closed in
/// both generations: any other top-level key is an error naming it.
///
/// ```
/// use genvm_calldata::{abi::AbiGeneration, encode, MethodCall, Value};
/// let call = MethodCall::new("transfer").arg(Value::from(10)).kwarg("memo", Value::from("rent"));
/// let value = call.to_value();
/// assert_eq!(value.to_string(), r#"{"args":[10],"kwargs":{"memo":"rent"},"method":"transfer"}"#);
/// assert_eq!(MethodCall::from_value(&value), Ok(call.clone()));
///
/// let current = call.to_value_in(AbiGeneration::V03);
/// assert_eq!(current.to_string(), r#"{"":"transfer","args":[10],"kwargs":{"memo":"rent"}}"#);
/// assert_eq!(MethodCall::from_value_in(&current, AbiGeneration::V03), Ok(call));
/// assert_eq!(MethodCall::deployment().to_value().to_string(), "{}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MethodCall {
    /// The method, or `None` for a deployment (or, in v0.3, an unnamed call).
    pub method: Option<Str>,
    /// Positional arguments.
    pub args: Vec<Value>,
    /// Keyword arguments.
    pub kwargs: Map,
}

/// A value that is not a method call of the generation asked for, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MethodCallError {
    /// The bytes are not calldata.
    Decode(DecodeError),
    /// The call is not a map.
    NotAMap,
    /// A top-level key outside the generation's closed key set.
    UnknownKey(String),
    /// The method name is not a string, `args` not an array or `kwargs` not a
    /// map.
    WrongType {
        /// The key whose value has the wrong type.
        key: &'static str,
        /// What it should be.
        expected: &'static str,
    },
    /// A deployment carries a method name (v0.3 requires it absent).
    NamedDeployment,
    /// Both `"method"` and `""` are present, so the call belongs to neither
    /// generation (migration refuses to choose).
    BothMethodKeys,
}

impl fmt::Display for MethodCallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MethodCallError::Decode(error) => write!(f, "not calldata: {error}"),
            MethodCallError::NotAMap => f.write_str("a method call is a map"),
            MethodCallError::UnknownKey(key) => write!(f, "unknown key {key:?} in a method call"),
            MethodCallError::WrongType { key, expected } => {
                write!(f, "{key:?} of a method call must be {expected}")
            }
            MethodCallError::NamedDeployment => {
                f.write_str("a deployment has no method name (the \"\" key must be absent)")
            }
            MethodCallError::BothMethodKeys => {
                f.write_str("a method call has both \"method\" and \"\" keys")
            }
        }
    }
}

impl core::error::Error for MethodCallError {}

impl MethodCallError {
    /// The error's name as `spec/vectors/method-calls.json` and the bindings
    /// spell it: `not_calldata`, `not_a_map`, `unknown_key`, `wrong_type`,
    /// `named_deployment` or `both_method_keys`.
    pub const fn name(&self) -> &'static str {
        match self {
            MethodCallError::Decode(_) => "not_calldata",
            MethodCallError::NotAMap => "not_a_map",
            MethodCallError::UnknownKey(_) => "unknown_key",
            MethodCallError::WrongType { .. } => "wrong_type",
            MethodCallError::NamedDeployment => "named_deployment",
            MethodCallError::BothMethodKeys => "both_method_keys",
        }
    }

    /// The top-level key the error names, if it names one.
    pub fn key(&self) -> Option<&str> {
        match self {
            MethodCallError::UnknownKey(key) => Some(key),
            MethodCallError::WrongType { key, .. } => Some(key),
            _ => None,
        }
    }
}

impl From<DecodeError> for MethodCallError {
    fn from(error: DecodeError) -> Self {
        MethodCallError::Decode(error)
    }
}

impl MethodCall {
    /// A call of `method` with no arguments yet.
    pub fn new(method: impl Into<Str>) -> MethodCall {
        MethodCall {
            method: Some(method.into()),
            ..MethodCall::default()
        }
    }

    /// A deployment (no method) with no arguments yet.
    pub fn deployment() -> MethodCall {
        MethodCall::default()
    }

    /// Adds a positional argument.
    pub fn arg(mut self, value: Value) -> MethodCall {
        self.args.push(value);
        self
    }

    /// Sets a keyword argument.
    pub fn kwarg(mut self, name: impl Into<Str>, value: Value) -> MethodCall {
        self.kwargs.insert(name, value);
        self
    }

    /// The special method this calls (`#get-schema`, `#error`), if any.
    pub fn special(&self) -> Option<SpecialMethod> {
        let method = self.method.as_deref()?;
        SpecialMethod::try_from(method).ok()
    }

    /// The call key of this call's method ([`call_key`]).
    pub fn call_key(&self) -> [u8; 32] {
        call_key(self.method.as_deref())
    }

    /// The calldata map in the default generation (v0.2).
    pub fn to_value(&self) -> Value {
        self.to_value_in(AbiGeneration::default())
    }

    /// The calldata map in `generation`, leaving out what is empty or absent.
    pub fn to_value_in(&self, generation: AbiGeneration) -> Value {
        let mut map = Map::new();
        if let Some(method) = &self.method {
            map.insert(method_key(generation), Value::Str(method.clone()));
        }
        if !self.args.is_empty() {
            map.insert("args", Value::Array(self.args.clone()));
        }
        if !self.kwargs.is_empty() {
            map.insert("kwargs", Value::Map(self.kwargs.clone()));
        }
        Value::Map(map)
    }

    /// The call's canonical calldata in `generation`.
    pub fn encode_in(&self, generation: AbiGeneration) -> Vec<u8> {
        encode(&self.to_value_in(generation))
    }

    /// Reads a call in the default generation (v0.2) from its calldata map.
    pub fn from_value(value: &Value) -> Result<MethodCall, MethodCallError> {
        MethodCall::from_value_in(value, AbiGeneration::default())
    }

    /// Reads a call in `generation` from its calldata map: the keys are the
    /// generation's method key, `args` and `kwargs`, each optional.
    pub fn from_value_in(
        value: &Value,
        generation: AbiGeneration,
    ) -> Result<MethodCall, MethodCallError> {
        let map = value.as_map().ok_or(MethodCallError::NotAMap)?;
        let mut call = MethodCall::default();
        for (key, value) in map.iter() {
            let part = Part::of(key, generation)?;
            match (part, value) {
                (Part::Name, Value::Str(method)) => call.method = Some(method.clone()),
                (Part::Args, Value::Array(items)) => call.args = items.clone(),
                (Part::Kwargs, Value::Map(entries)) => call.kwargs = entries.clone(),
                _ => return Err(part.wrong_type(generation)),
            }
        }
        Ok(call)
    }

    /// Reads a deployment (constructor call) in `generation`: a call whose
    /// method name is absent.
    pub fn deployment_from_value_in(
        value: &Value,
        generation: AbiGeneration,
    ) -> Result<MethodCall, MethodCallError> {
        let call = MethodCall::from_value_in(value, generation)?;
        match call.method {
            Some(_) => Err(MethodCallError::NamedDeployment),
            None => Ok(call),
        }
    }

    /// Decodes and reads a call in `generation` from calldata bytes.
    pub fn from_bytes_in(
        bytes: &[u8],
        generation: AbiGeneration,
    ) -> Result<MethodCall, MethodCallError> {
        MethodCallRef::parse(bytes, generation).map(|call| call.to_call())
    }
}

/// Which part of a call a top-level key names in a generation.
#[derive(Clone, Copy)]
enum Part {
    Name,
    Args,
    Kwargs,
}

impl Part {
    /// The part `key` names, or the error naming a key outside the closed
    /// set.
    fn of(key: &str, generation: AbiGeneration) -> Result<Part, MethodCallError> {
        match key {
            "args" => Ok(Part::Args),
            "kwargs" => Ok(Part::Kwargs),
            _ if key == method_key(generation) => Ok(Part::Name),
            other => Err(MethodCallError::UnknownKey(String::from(other))),
        }
    }

    /// The error for a value of the wrong type under this part's key.
    fn wrong_type(self, generation: AbiGeneration) -> MethodCallError {
        let (key, expected) = match self {
            Part::Name => (method_key(generation), "a string"),
            Part::Args => ("args", "an array"),
            Part::Kwargs => ("kwargs", "a map"),
        };
        MethodCallError::WrongType { key, expected }
    }
}

/// A method call borrowed from its bytes: the name, `args` and `kwargs` as
/// views (`None` where absent). Reading and writing calls through it builds
/// no owned tree.
///
/// ```
/// use genvm_calldata::{abi::AbiGeneration, MethodCall, MethodCallRef};
/// let bytes = MethodCall::new("get").encode_in(AbiGeneration::V03);
/// let call = MethodCallRef::parse(&bytes, AbiGeneration::V03).unwrap();
/// assert_eq!(call.method, Some("get"));
/// assert!(call.args.is_none());
/// let mut out = Vec::new();
/// call.encode_to_in(&mut out, AbiGeneration::V02);
/// assert_eq!(out, MethodCall::new("get").encode_in(AbiGeneration::V02));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct MethodCallRef<'a> {
    /// The method, or `None` for a deployment (or, in v0.3, an unnamed call).
    pub method: Option<&'a str>,
    /// Positional arguments, if present.
    pub args: Option<ArrayRef<'a>>,
    /// Keyword arguments, if present.
    pub kwargs: Option<MapRef<'a>>,
}

impl<'a> MethodCallRef<'a> {
    /// Validates `bytes` and reads a call of `generation` from them.
    pub fn parse(bytes: &'a [u8], generation: AbiGeneration) -> Result<Self, MethodCallError> {
        MethodCallRef::from_view(decode_ref(bytes)?, generation)
    }

    /// Reads a deployment of `generation`: a call without a method name.
    pub fn parse_deployment(
        bytes: &'a [u8],
        generation: AbiGeneration,
    ) -> Result<Self, MethodCallError> {
        let call = MethodCallRef::parse(bytes, generation)?;
        match call.method {
            Some(_) => Err(MethodCallError::NamedDeployment),
            None => Ok(call),
        }
    }

    /// Reads a call of `generation` from a view.
    pub fn from_view(
        view: ValueRef<'a>,
        generation: AbiGeneration,
    ) -> Result<Self, MethodCallError> {
        let map = view.as_map().ok_or(MethodCallError::NotAMap)?;
        let mut call = MethodCallRef {
            method: None,
            args: None,
            kwargs: None,
        };
        for (key, value) in map.iter() {
            let part = Part::of(key, generation)?;
            match (part, value) {
                (Part::Name, ValueRef::Str(method)) => call.method = Some(method),
                (Part::Args, ValueRef::Array(items)) => call.args = Some(items),
                (Part::Kwargs, ValueRef::Map(entries)) => call.kwargs = Some(entries),
                _ => return Err(part.wrong_type(generation)),
            }
        }
        Ok(call)
    }

    /// An owned copy.
    pub fn to_call(&self) -> MethodCall {
        MethodCall {
            method: self.method.map(Str::from),
            args: self.args.map_or_else(Vec::new, |items| {
                items.iter().map(|v| v.to_value()).collect()
            }),
            kwargs: self.kwargs.map_or_else(Map::new, |entries| {
                ValueRef::Map(entries)
                    .to_value()
                    .as_map()
                    .cloned()
                    .unwrap_or_default()
            }),
        }
    }

    /// Appends the call's canonical calldata in `generation`, leaving out
    /// empty `args` and `kwargs` (as [`MethodCall::encode_in`]).
    pub fn encode_to_in<B: BufMut + ?Sized>(&self, out: &mut B, generation: AbiGeneration) {
        let args = self.args.filter(|items| !items.is_empty());
        let kwargs = self.kwargs.filter(|entries| !entries.is_empty());
        let name = self.method.map(ValueRef::Str);
        let rest = [
            args.map(|items| ("args", ValueRef::Array(items))),
            kwargs.map(|map| ("kwargs", ValueRef::Map(map))),
        ];
        write_call(out, generation, name, &rest);
    }
}

/// The 256-bit big-endian call key the current line (v0.3) gives a message
/// by its method name (spec `02-abi.rst`, "Call Key").
///
/// `None` (a deployment) and the empty name are 0; a name of fewer than 32
/// UTF-8 bytes is those bytes at the most significant end of 32 zero bytes;
/// a longer name is its keccak256 with the lowest bit of the last byte set,
/// so it can never equal a short name's key or 0.
///
/// ```
/// use genvm_calldata::call_key;
/// let mut short = [0u8; 32];
/// short[..4].copy_from_slice(b"mint");
/// assert_eq!(call_key(Some("mint")), short);
/// assert_eq!(call_key(None), [0; 32]);
/// assert_eq!(call_key(Some(&"x".repeat(32)))[31] & 1, 1);
/// ```
pub fn call_key(name: Option<&str>) -> [u8; 32] {
    let mut key = [0u8; 32];
    let name = name.unwrap_or("").as_bytes();
    if name.len() < key.len() {
        key[..name.len()].copy_from_slice(name);
    } else {
        key.copy_from_slice(&Keccak256::digest(name));
        key[31] |= 1;
    }
    key
}

/// Writes a call map: the method name under `generation`'s key, placed where
/// the key sorts among the other entries (`""` first; `"method"` after
/// `"args"` and `"kwargs"`, the only other keys), which come in key order.
fn write_call<B: BufMut + ?Sized>(
    out: &mut B,
    generation: AbiGeneration,
    name: Option<ValueRef<'_>>,
    rest: &[Option<(&str, ValueRef<'_>)>; 2],
) {
    let rest = rest.iter().flatten();
    encode_map_header(out, usize::from(name.is_some()) + rest.clone().count());
    let write_name = |out: &mut B| {
        if let Some(name) = name {
            encode_map_key(out, method_key(generation));
            name.encode_to(out);
        }
    };
    if generation == AbiGeneration::V03 {
        write_name(out);
    }
    for (key, value) in rest {
        encode_map_key(out, key);
        value.encode_to(out);
    }
    if generation == AbiGeneration::V02 {
        write_name(out);
    }
}

/// Rewrites a call's method key for `to`, bytes to bytes, as the manager
/// (`"method"` to `""`) and executor v0.2.17 (`""` to `"method"`) do.
///
/// The input must be a method call of either generation: valid calldata, a
/// map whose keys are one method key, `args` and `kwargs` with their types.
/// Only the method key changes; every other entry keeps its bytes, so empty
/// `args` or `kwargs` stay. A call already in `to`'s shape, a deployment and
/// an unnamed call come back unchanged.
///
/// ```
/// use genvm_calldata::{abi::AbiGeneration, encode, migrate_call, MethodCall};
/// let old = encode(&MethodCall::new("get").to_value_in(AbiGeneration::V02));
/// let new = migrate_call(&old, AbiGeneration::V03).unwrap();
/// assert_eq!(new, encode(&MethodCall::new("get").to_value_in(AbiGeneration::V03)));
/// assert_eq!(migrate_call(&new, AbiGeneration::V02).unwrap(), old);
/// ```
pub fn migrate_call(bytes: &[u8], to: AbiGeneration) -> Result<Vec<u8>, MethodCallError> {
    let view = decode_ref(bytes)?;
    let map = view.as_map().ok_or(MethodCallError::NotAMap)?;
    let from = match (
        map.get(method_key(AbiGeneration::V02)).is_some(),
        map.get(method_key(AbiGeneration::V03)).is_some(),
    ) {
        (true, true) => return Err(MethodCallError::BothMethodKeys),
        (true, false) => AbiGeneration::V02,
        (false, true) => AbiGeneration::V03,
        (false, false) => to,
    };
    MethodCallRef::from_view(view, from)?;
    if from == to {
        return Ok(bytes.to_vec());
    }
    let name = map.get(method_key(from));
    // The shape was checked: besides the name, at most `args` and `kwargs`.
    let mut rest = [None, None];
    for (slot, entry) in rest
        .iter_mut()
        .zip(map.iter().filter(|(key, _)| *key != method_key(from)))
    {
        *slot = Some(entry);
    }
    let mut out = Vec::with_capacity(bytes.len() + method_key(AbiGeneration::V02).len());
    write_call(&mut out, to, name, &rest);
    Ok(out)
}
