//! Contract schemas for JavaScript (`js/lib/schema.js` is the other side):
//! the crate `genvm-calldata-schema` behind status codes. A schema read
//! from JSON stays in the module under a handle (a small number) until
//! JavaScript frees it; every other operation names its schema by handle.
//!
//! A [`SchemaError`] is reported with status [`SCHEMA_FAILED`]: the output holds
//! its kind name, path and message, then the codec's method-call error name
//! and the calldata error's kind name when there are, with the lengths in
//! [`slot::KIND_LEN`], [`slot::LEN_A`] (path), [`slot::MESSAGE_LEN`],
//! [`slot::LEN_B`] ([`NONE`]: no call error) and [`slot::LEN_C`] (0: no
//! calldata error, whose offset is then in [`slot::OFFSET`]).

use std::cell::RefCell;

use genvm_calldata::{decode_ref_with, encode_to, DecodeOptions, Map, Value, ValueRef};
use genvm_calldata_schema::{encode_checked, Arg, CheckOptions, Method, Schema, SchemaError};
use serde_json::Value as Json;

use crate::exports::{fail, generation, set, slot, with_input, NONE, OK};

/// The input does not fit the schema, or is no schema: a [`SchemaError`]
/// in the output (see the module's documentation).
pub const SCHEMA_FAILED: u32 = 4;

thread_local! {
    /// The schemas JavaScript holds, by handle; freed slots are reused.
    static SCHEMAS: RefCell<Vec<Option<Schema>>> = const { RefCell::new(Vec::new()) };
}

/// Records a schema error (see the module's documentation).
#[inline(never)]
fn fail_schema(out: &mut Vec<u8>, error: &SchemaError) -> u32 {
    fail_schema_parts(out, error.kind().name(), error.path(), error.message());
    match error.call_error() {
        Some(call) => {
            out.extend_from_slice(call.name().as_bytes());
            set(slot::LEN_B, call.name().len());
        }
        None => set(slot::LEN_B, NONE as usize),
    }
    match error.decode_error() {
        Some(decode) => {
            out.extend_from_slice(decode.kind().name().as_bytes());
            set(slot::LEN_C, decode.kind().name().len());
            set(slot::OFFSET, decode.offset());
        }
        None => set(slot::LEN_C, 0),
    }
    SCHEMA_FAILED
}

/// The kind, path and message of a schema error, with no call or calldata
/// error.
fn fail_schema_parts(out: &mut Vec<u8>, kind: &str, path: &str, message: &str) -> u32 {
    out.clear();
    out.extend_from_slice(kind.as_bytes());
    set(slot::KIND_LEN, kind.len());
    out.extend_from_slice(path.as_bytes());
    set(slot::LEN_A, path.len());
    out.extend_from_slice(message.as_bytes());
    set(slot::MESSAGE_LEN, message.len());
    set(slot::LEN_B, NONE as usize);
    set(slot::LEN_C, 0);
    SCHEMA_FAILED
}

/// Runs `operation` on the schema `handle`, or fails for a handle that
/// holds none (freed, or never made).
fn with_schema(
    handle: u32,
    out: &mut Vec<u8>,
    operation: impl FnOnce(&Schema, &mut Vec<u8>) -> u32,
) -> u32 {
    SCHEMAS.with_borrow(|schemas| match schemas.get(handle as usize) {
        Some(Some(schema)) => operation(schema, out),
        _ => fail(
            out,
            "freed",
            format_args!("schema {handle} was freed (or never made)"),
            0,
        ),
    })
}

/// Reads the input (UTF-8 JSON) as a schema; its handle in
/// [`slot::NUMBER`].
#[cfg_attr(feature = "schema", no_mangle)]
pub extern "C" fn schema_from_json(len: usize) -> u32 {
    with_input(len, |input, out, _| {
        // JavaScript's TextEncoder writes only UTF-8; the schema crate
        // calls anything else invalid JSON.
        let text = match std::str::from_utf8(input) {
            Ok(text) => text,
            Err(error) => {
                return fail(out, "invalid_json", error, error.valid_up_to());
            }
        };
        match Schema::from_json(text) {
            Ok(schema) => {
                let handle = SCHEMAS.with_borrow_mut(|schemas| {
                    match schemas.iter().position(Option::is_none) {
                        Some(free) => {
                            schemas[free] = Some(schema);
                            free
                        }
                        None => {
                            schemas.push(Some(schema));
                            schemas.len() - 1
                        }
                    }
                });
                set(slot::NUMBER, handle);
                OK
            }
            Err(error) => fail_schema(out, &error),
        }
    })
}

/// Drops the schema `handle` (nothing if it holds none).
#[cfg_attr(feature = "schema", no_mangle)]
pub extern "C" fn schema_free(handle: u32) {
    SCHEMAS.with_borrow_mut(|schemas| {
        if let Some(entry) = schemas.get_mut(handle as usize) {
            *entry = None;
        }
        while let Some(None) = schemas.last() {
            schemas.pop();
        }
    });
}

/// How many schemas the module holds (for leak checks).
#[cfg_attr(feature = "schema", no_mangle)]
pub extern "C" fn schema_count() -> u32 {
    SCHEMAS.with_borrow(|schemas| schemas.iter().flatten().count() as u32)
}

fn text(text: &str) -> Value {
    Value::from(text)
}

fn entries(pairs: Vec<(&str, Value)>) -> Value {
    let mut map = Map::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    Value::Map(map)
}

fn describe_method(method: Method<'_>) -> Value {
    let params = |params: &mut dyn Iterator<Item = genvm_calldata_schema::Param<'_>>| {
        Value::Array(
            params
                .map(|param| Value::Array(vec![text(param.name()), text(&param.ty().to_string())]))
                .collect(),
        )
    };
    let gas = |gas: Option<u64>| gas.map_or(Value::Null, Value::from);
    entries(vec![
        ("name", method.name().map_or(Value::Null, text)),
        ("signature", text(&method.to_string())),
        ("params", params(&mut method.params())),
        ("kwparams", params(&mut method.kwparams())),
        ("readonly", Value::Bool(method.readonly())),
        ("payable", Value::Bool(method.payable())),
        (
            "ret",
            method
                .ret()
                .map_or(Value::Null, |ret| text(&ret.to_string())),
        ),
        ("min_gas_leader", gas(method.min_gas_leader())),
        ("min_gas_validator", gas(method.min_gas_validator())),
    ])
}

/// The schema's constructor and methods as calldata, in the output and on
/// the tape: `[constructor, [method, ...]]`, each a map of `name`,
/// `signature`, `params` and `kwparams` (`[name, type]` pairs, types in the
/// signature notation), `readonly`, `payable`, `ret`, `min_gas_leader`,
/// `min_gas_validator`.
#[cfg_attr(feature = "schema", no_mangle)]
pub extern "C" fn schema_describe(handle: u32) -> u32 {
    with_input(0, |_, out, tape| {
        with_schema(handle, out, |schema, out| {
            let methods = schema.methods().map(describe_method).collect();
            let all = Value::Array(vec![
                describe_method(schema.constructor()),
                Value::Array(methods),
            ]);
            encode_to(&all, out);
            // The codec's own encoding, so this cannot fail; if it did, the
            // error would still be reported, never a trap.
            match tape.write(out, 0, &DecodeOptions::new()) {
                Ok(()) => OK,
                Err(error) => crate::exports::fail_decode(out, error),
            }
        })
    })
}

/// Checks the input as a call (a deployment when `deployment` is 1) of
/// generation number `generation` against the schema.
#[cfg_attr(feature = "schema", no_mangle)]
pub extern "C" fn schema_check_call(
    handle: u32,
    len: usize,
    generation: u32,
    strict: u32,
    deployment: u32,
) -> u32 {
    with_input(len, |input, out, _| {
        let generation = match self::generation(generation, out) {
            Ok(generation) => generation,
            Err(status) => return status,
        };
        let options = CheckOptions::new().strict(strict == 1);
        with_schema(handle, out, |schema, out| {
            let checked = if deployment == 1 {
                schema.check_deployment(input, generation, &options)
            } else {
                schema.check_call_with(input, generation, &options)
            };
            match checked {
                Ok(()) => OK,
                Err(error) => fail_schema(out, &error),
            }
        })
    })
}

/// Checks the input's tail (after the method name, the first `method_len`
/// bytes) as a return value of that method.
#[cfg_attr(feature = "schema", no_mangle)]
pub extern "C" fn schema_check_return(
    handle: u32,
    method_len: usize,
    len: usize,
    strict: u32,
) -> u32 {
    with_input(len, |input, out, _| {
        let (method, bytes) = input.split_at(input.len().min(method_len));
        let Ok(method) = std::str::from_utf8(method) else {
            return fail(out, "invalid_utf8", "the method name is not UTF-8", 0);
        };
        let options = CheckOptions::new().strict(strict == 1);
        with_schema(handle, out, |schema, out| {
            match schema.check_return_with(method, bytes, &options) {
                Ok(()) => OK,
                Err(error) => fail_schema(out, &error),
            }
        })
    })
}

/// One argument as JavaScript hands it over: a string is loose JSON text,
/// bytes are calldata taken as they are.
enum Given {
    Json(Json),
    Calldata(Value),
}

impl Given {
    fn arg(&self) -> Arg<'_> {
        match self {
            Given::Json(json) => Arg::Json(json),
            Given::Calldata(value) => Arg::Calldata(value),
        }
    }
}

/// An argument's part of the input, or why it cannot be one (`path` names
/// it in the error).
fn given(part: ValueRef<'_>, path: &str, out: &mut Vec<u8>) -> Result<Given, u32> {
    match part {
        // JavaScript writes the JSON, so only its depth can be refused
        // (serde_json stops at 128 levels).
        ValueRef::Str(text) => match serde_json::from_str(text) {
            Ok(json) => Ok(Given::Json(json)),
            Err(error) => Err(fail_schema_parts(
                out,
                "too_deep",
                path,
                &format!("not read as JSON: {error}"),
            )),
        },
        ValueRef::Bytes(bytes) => match decode_ref_with(bytes, &DecodeOptions::new()) {
            Ok(value) => Ok(Given::Calldata(value.to_value())),
            Err(error) => Err(crate::exports::fail_decode(out, error)),
        },
        _ => Err(fail(out, "invalid_call", "an argument is text or bytes", 0)),
    }
}

/// Builds a call (a deployment when `deployment` is 1) of generation number
/// `generation`: the input is the calldata `[method or null, [arg, ...],
/// {name: arg, ...}]`, each argument a string of JSON (read by its
/// parameter's type) or bytes of calldata (taken as it is). The call's
/// bytes go to the output.
#[cfg_attr(feature = "schema", no_mangle)]
pub extern "C" fn schema_build_call(
    handle: u32,
    len: usize,
    generation: u32,
    strict: u32,
    deployment: u32,
) -> u32 {
    with_input(len, |input, out, _| {
        let generation = match self::generation(generation, out) {
            Ok(generation) => generation,
            Err(status) => return status,
        };
        let options = CheckOptions::new().strict(strict == 1);
        let parts = match decode_ref_with(input, &DecodeOptions::new()) {
            Ok(ValueRef::Array(parts)) if parts.len() == 3 => parts,
            Ok(_) => return fail(out, "invalid_call", "not [method, args, kwargs]", 0),
            Err(error) => return crate::exports::fail_decode(out, error),
        };
        let mut parts = parts.iter();
        let (Some(method), Some(ValueRef::Array(args)), Some(ValueRef::Map(kwargs))) =
            (parts.next(), parts.next(), parts.next())
        else {
            return fail(out, "invalid_call", "not [method, args, kwargs]", 0);
        };
        let mut positional = Vec::with_capacity(args.len());
        for (index, part) in args.iter().enumerate() {
            match given(part, &format!("args[{index}]"), out) {
                Ok(arg) => positional.push(arg),
                Err(status) => return status,
            }
        }
        let mut named = Vec::with_capacity(kwargs.len());
        for (name, part) in kwargs.iter() {
            match given(part, &format!("kwargs.{name}"), out) {
                Ok(arg) => named.push((name, arg)),
                Err(status) => return status,
            }
        }
        let args: Vec<Arg<'_>> = positional.iter().map(Given::arg).collect();
        let kwargs: Vec<(&str, Arg<'_>)> =
            named.iter().map(|(name, arg)| (*name, arg.arg())).collect();
        with_schema(handle, out, |schema, out| {
            let call = match (method, deployment == 1) {
                (ValueRef::Str(name), false) => {
                    schema.build_method_call(name, &args, &kwargs, &options)
                }
                (ValueRef::Null, true) => schema.build_deployment_call(&args, &kwargs, &options),
                _ => return fail(out, "invalid_call", "a method name, or none to deploy", 0),
            };
            match call.and_then(|call| encode_checked(&call, generation)) {
                Ok(bytes) => {
                    out.extend_from_slice(&bytes);
                    OK
                }
                Err(error) => fail_schema(out, &error),
            }
        })
    })
}
