//! Method calls of both ABI generations, migration between them and call
//! keys, all by the codec (`MethodCall`, `migrate_call`, `call_key`). The
//! package's `MethodCall` class and keyword arguments are Python
//! (`genvm_calldata/_calls.py`).
//!
//! Encoding writes the arguments through the package's encoder and reads
//! them back into the codec's values, so the codec builds the call (which
//! keys, in which generation, what is left out). Decoding has the codec
//! read the call, then builds the Python values of its arguments from the
//! codec's encoding of them, as `decode` builds any value.

use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{decode, encode, MethodCall, Value};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyList, PyMapping, PyString, PyTuple};

use crate::errors::{calldata_error, decode_error, method_call_error, type_name};
use crate::from_python::encode_part;
use crate::gc_pause::GcPause;
use crate::input::{input_bytes, without_gil};
use crate::to_python::build;

/// The generation named `name` (`"v0.2"`, `"v0.3"`); a `ValueError`
/// naming the allowed values for any other, `what` being the argument.
pub fn generation(name: &str, what: &str) -> PyResult<AbiGeneration> {
    AbiGeneration::try_from(name).map_err(|_| {
        let allowed: Vec<String> = AbiGeneration::ALL
            .iter()
            .map(|generation| format!("{:?}", generation.value()))
            .collect();
        PyValueError::new_err(format!(
            "{what} must be {}, not {name:?}",
            allowed.join(" or ")
        ))
    })
}

/// The 32-byte call key of a method name (`None`: a deployment).
#[pyfunction]
pub fn call_key<'py>(py: Python<'py>, name: Option<PyBackedStr>) -> Bound<'py, PyBytes> {
    PyBytes::new(py, &genvm_calldata::call_key(name.as_deref()))
}

/// The canonical calldata of a call of `method` (`None`: a deployment) with
/// `args` (a `list` or `tuple`) and `kwargs` (a `Mapping`), in `abi`.
#[pyfunction]
pub fn encode_call<'py>(
    method: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: &Bound<'py, PyAny>,
    abi: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let py = method.py();
    let generation = generation(abi, "abi")?;
    let method = if method.is_none() {
        None
    } else {
        let Ok(text) = method.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "method is a str or None, not {}",
                type_name(method)
            )));
        };
        let utf8 = PyBackedStr::try_from(text.clone()).map_err(|_| {
            calldata_error(
                genvm_calldata::ErrorKind::InvalidUtf8.name(),
                0,
                "a str with a lone surrogate is not UTF-8 at method".into(),
            )
        })?;
        Some(genvm_calldata::Str::from(&*utf8))
    };
    if args.cast::<PyList>().is_err() && args.cast::<PyTuple>().is_err() {
        return Err(PyTypeError::new_err(format!(
            "args is a list or tuple, not {}",
            type_name(args)
        )));
    }
    if kwargs.cast::<PyMapping>().is_err() {
        return Err(PyTypeError::new_err(format!(
            "kwargs is a Mapping, not {}",
            type_name(kwargs)
        )));
    }
    // Both sit inside the call's map, one level down.
    let args = match part(args, "args")? {
        Value::Array(items) => items,
        _ => return Err(PyTypeError::new_err("args is not a sequence")),
    };
    let kwargs = match part(kwargs, "kwargs")? {
        Value::Map(map) => map,
        // A Mapping with a 20-byte `as_bytes` encodes as an address.
        _ => return Err(PyTypeError::new_err("kwargs is not a mapping")),
    };
    let call = MethodCall {
        method,
        args,
        kwargs,
    };
    Ok(PyBytes::new(py, &call.encode_in(generation)))
}

/// The codec's value of one part of a call, encoded one level down.
fn part(object: &Bound<'_, PyAny>, name: &str) -> PyResult<Value> {
    let bytes = encode_part(object, name, 1)?;
    decode(&bytes).map_err(decode_error)
}

/// A decoded call's method, args and kwargs.
type CallParts<'py> = (
    Option<Bound<'py, PyString>>,
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
);

/// The method (`None` for a deployment or an unnamed call), args (`list`)
/// and kwargs (`dict`) of the call `data` in `abi`; a deployment's method
/// name must be absent.
#[pyfunction]
pub fn decode_call<'py>(
    data: &Bound<'py, PyAny>,
    abi: &str,
    deployment: bool,
) -> PyResult<CallParts<'py>> {
    let py = data.py();
    let generation = generation(abi, "abi")?;
    let bytes = input_bytes(data)?;
    let call = without_gil(py, bytes.as_bytes(), |bytes| {
        let value = decode(bytes)?;
        if deployment {
            MethodCall::deployment_from_value_in(&value, generation)
        } else {
            MethodCall::from_value_in(&value, generation)
        }
    })
    .map_err(|error| method_call_error(py, error))?;
    let _pause = GcPause::new(py, bytes.as_bytes().len())?;
    let method = call.method.as_deref().map(|name| PyString::new(py, name));
    let args = build(py, &encode(&Value::Array(call.args)), decode_error)?;
    let kwargs = build(py, &encode(&Value::Map(call.kwargs)), decode_error)?;
    Ok((method, args, kwargs))
}

/// The call `data` (of either generation) with its method key rewritten
/// for `to`; every other entry keeps its bytes.
#[pyfunction]
pub fn migrate_call<'py>(data: &Bound<'py, PyAny>, to: &str) -> PyResult<Bound<'py, PyBytes>> {
    let py = data.py();
    let generation = generation(to, "to")?;
    let bytes = input_bytes(data)?;
    let migrated = without_gil(py, bytes.as_bytes(), |bytes| {
        genvm_calldata::migrate_call(bytes, generation)
    })
    .map_err(|error| method_call_error(py, error))?;
    Ok(PyBytes::new(py, &migrated))
}
