//! The method-call convention: how a contract call travels as calldata, in
//! each ABI generation, and the call key the current line derives from it.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use genvm_abi::{AbiGeneration, SpecialMethod};
use sha3::{Digest, Keccak256};

use crate::decode::decode;
use crate::encode::encode;
use crate::error::DecodeError;
use crate::value::Map;
use crate::value::Str;
use crate::value::Value;

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
        let name_key = method_key(generation);
        let mut call = MethodCall::default();
        for (key, value) in map.iter() {
            let wrong = |key, expected| MethodCallError::WrongType { key, expected };
            match key {
                "args" => call.args = value.as_array().ok_or(wrong("args", "an array"))?.to_vec(),
                "kwargs" => call.kwargs = value.as_map().ok_or(wrong("kwargs", "a map"))?.clone(),
                _ if key == name_key => match value {
                    Value::Str(method) => call.method = Some(method.clone()),
                    _ => return Err(wrong(name_key, "a string")),
                },
                other => return Err(MethodCallError::UnknownKey(String::from(other))),
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
        MethodCall::from_value_in(&decode(bytes)?, generation)
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
    let mut value = decode(bytes)?;
    let map = value.as_map().ok_or(MethodCallError::NotAMap)?;
    let from = match (
        map.contains_key(method_key(AbiGeneration::V02)),
        map.contains_key(method_key(AbiGeneration::V03)),
    ) {
        (true, true) => return Err(MethodCallError::BothMethodKeys),
        (true, false) => AbiGeneration::V02,
        (false, true) => AbiGeneration::V03,
        (false, false) => to,
    };
    MethodCall::from_value_in(&value, from)?;
    if from == to {
        return Ok(bytes.to_vec());
    }
    if let Value::Map(map) = &mut value {
        if let Some(name) = map.remove(method_key(from)) {
            map.insert(method_key(to), name);
        }
    }
    Ok(encode(&value))
}
