//! The method-call convention: how a contract call travels as calldata.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use genvm_abi::SpecialMethod;

use crate::value::Map;
use crate::value::Str;
use crate::value::Value;

/// A contract call: `{"method": str, "args": array, "kwargs": map}`.
///
/// A deployment has no `method`; empty `args` and `kwargs` are left out when
/// building and may be absent when parsing. Any other top-level key is an
/// error.
///
/// ```
/// use genvm_calldata::{encode, MethodCall, Value};
/// let call = MethodCall::new("transfer").arg(Value::from(10)).kwarg("memo", Value::from("rent"));
/// let value = call.to_value();
/// assert_eq!(value.to_string(), r#"{"args":[10],"kwargs":{"memo":"rent"},"method":"transfer"}"#);
/// assert_eq!(MethodCall::from_value(&value), Ok(call));
/// assert_eq!(MethodCall::deployment().to_value().to_string(), "{}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MethodCall {
    /// The method, or `None` for a deployment.
    pub method: Option<Str>,
    /// Positional arguments.
    pub args: Vec<Value>,
    /// Keyword arguments.
    pub kwargs: Map,
}

/// A value that is not a method call, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MethodCallError {
    /// The call is not a map.
    NotAMap,
    /// A top-level key other than `method`, `args` and `kwargs`.
    UnknownKey(String),
    /// `method` is not a string, `args` not an array or `kwargs` not a map.
    WrongType {
        /// The key whose value has the wrong type.
        key: &'static str,
        /// What it should be.
        expected: &'static str,
    },
}

impl fmt::Display for MethodCallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MethodCallError::NotAMap => f.write_str("a method call is a map"),
            MethodCallError::UnknownKey(key) => write!(f, "unknown key {key:?} in a method call"),
            MethodCallError::WrongType { key, expected } => {
                write!(f, "`{key}` of a method call must be {expected}")
            }
        }
    }
}

impl core::error::Error for MethodCallError {}

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

    /// The calldata map, leaving out what is empty or absent.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        if let Some(method) = &self.method {
            map.insert("method", Value::Str(method.clone()));
        }
        if !self.args.is_empty() {
            map.insert("args", Value::Array(self.args.clone()));
        }
        if !self.kwargs.is_empty() {
            map.insert("kwargs", Value::Map(self.kwargs.clone()));
        }
        Value::Map(map)
    }

    /// Reads a call from its calldata map.
    pub fn from_value(value: &Value) -> Result<MethodCall, MethodCallError> {
        let map = value.as_map().ok_or(MethodCallError::NotAMap)?;
        let mut call = MethodCall::default();
        for (key, value) in map.iter() {
            let wrong = |key, expected| MethodCallError::WrongType { key, expected };
            match key {
                "method" => match value {
                    Value::Str(method) => call.method = Some(method.clone()),
                    _ => return Err(wrong("method", "a string")),
                },
                "args" => call.args = value.as_array().ok_or(wrong("args", "an array"))?.to_vec(),
                "kwargs" => call.kwargs = value.as_map().ok_or(wrong("kwargs", "a map"))?.clone(),
                other => return Err(MethodCallError::UnknownKey(String::from(other))),
            }
        }
        Ok(call)
    }
}
