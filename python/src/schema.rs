//! Contract schemas (`#get-schema`), all by the `genvm-calldata-schema`
//! crate: reading, checking calls, deployments and return values, building
//! calls from loosely typed values. The `Schema` and `Method` classes the
//! package exports are Python (`genvm_calldata/_schema.py`) around the
//! native `Schema` here.
//!
//! Building takes Python values the way the crate takes JSON: `None`,
//! `bool`, `int` within 64 bits, `float`, `str`, `list`/`tuple` and
//! `Mapping`s with `str` keys become the JSON the crate reads by each parameter's type
//! (decimal strings for big integers, `0x` hex for addresses and bytes, ...).
//! An argument holding a value JSON has no form for (`bytes`, an
//! `Address`, an `int` beyond 64 bits) is given to the crate as calldata
//! instead (its `Arg::Calldata`), converted as `encode` converts it and
//! taken as it is if it fits the parameter's type.

use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::{decode, Value};
use genvm_calldata_schema::{encode_checked, Arg, CheckOptions, Method, Schema as Inner};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{
    PyBool, PyBytes, PyDict, PyFloat, PyInt, PyIterator, PyList, PyMapping, PyString, PyTuple,
};
use serde_json::{Map as JsonMap, Number, Value as Json};

use crate::calls::generation;
use crate::errors::{decode_error, method_call_error, type_name};
use crate::from_python::encode_part;
use crate::input::{input_bytes, without_gil};

pyo3::import_exception!(genvm_calldata._errors, SchemaError);

/// A `SchemaError` with the crate's kind name, path and message; for
/// `not_calldata` and `not_a_call` the codec's method-call error as
/// `call_error` (and `__cause__`).
fn schema_error(py: Python<'_>, error: genvm_calldata_schema::SchemaError) -> PyErr {
    let cause = error
        .call_error()
        .map(|call| method_call_error(py, call.clone()).into_value(py));
    SchemaError::new_err((
        error.kind().name(),
        error.path().to_owned(),
        error.message().to_owned(),
        error.to_string(),
        cause,
    ))
}

/// A method's name (`None`: the constructor), signature, positional and
/// keyword parameters (name, type as the signature writes it), readonly,
/// payable, return type and gas fields.
type MethodParts = (
    Option<String>,
    String,
    Vec<(String, String)>,
    Vec<(String, String)>,
    bool,
    bool,
    Option<String>,
    Option<u64>,
    Option<u64>,
);

fn parts(method: Method<'_>) -> MethodParts {
    let params = |list: &mut dyn Iterator<Item = genvm_calldata_schema::Param<'_>>| {
        list.map(|param| (param.name().to_owned(), param.ty().to_string()))
            .collect()
    };
    (
        method.name().map(str::to_owned),
        method.to_string(),
        params(&mut method.params()),
        params(&mut method.kwparams()),
        method.readonly(),
        method.payable(),
        method.ret().map(|ty| ty.to_string()),
        method.min_gas_leader(),
        method.min_gas_validator(),
    )
}

/// The most containers around a Python value read as JSON (counting the
/// call's map and its `args` or `kwargs`): one past calldata's depth limit,
/// since a list of byte values becomes `bytes`, one level less. Anything
/// deeper can never be calldata; it goes to the encoder, which refuses it
/// as `encode` does (`too_deep`), and the crate never walks it (so a thread
/// with a small stack is safe too).
const MAX_JSON_DEPTH: usize = genvm_calldata::DecodeOptions::DEFAULT_MAX_DEPTH + 1;

/// What one Python object is, read as JSON.
enum Read<'py> {
    /// A scalar's JSON.
    Json(Json),
    /// A list, tuple or mapping, opened.
    Open(Open<'py>),
    /// Something JSON has no form for.
    Foreign,
}

/// A container being read: what it holds so far and the rest of its items
/// (for a mapping, `(key, value)` pairs and the key of the value being
/// read).
enum Open<'py> {
    Array(Vec<Json>, Bound<'py, PyIterator>),
    Object(JsonMap<String, Json>, Bound<'py, PyIterator>, String),
}

/// The next item of an open container.
enum Pull<'py> {
    Item(Bound<'py, PyAny>),
    End,
    Foreign,
}

fn read<'py>(object: &Bound<'py, PyAny>) -> PyResult<Read<'py>> {
    if object.is_none() {
        return Ok(Read::Json(Json::Null));
    }
    if let Ok(flag) = object.cast::<PyBool>() {
        return Ok(Read::Json(Json::Bool(flag.is_true())));
    }
    if let Ok(int) = object.cast::<PyInt>() {
        if let Ok(small) = int.extract::<i64>() {
            return Ok(Read::Json(Json::from(small)));
        }
        return Ok(int
            .extract::<u64>()
            .map_or(Read::Foreign, |n| Read::Json(Json::from(n))));
    }
    if let Ok(float) = object.cast::<PyFloat>() {
        return Ok(
            Number::from_f64(float.value()).map_or(Read::Foreign, |n| Read::Json(Json::Number(n)))
        );
    }
    if let Ok(text) = object.cast::<PyString>() {
        return Ok(
            PyBackedStr::try_from(text.clone()).map_or(Read::Foreign, |text| {
                Read::Json(Json::String(String::from(&*text)))
            }),
        );
    }
    if object.cast::<PyList>().is_ok() || object.cast::<PyTuple>().is_ok() {
        return Ok(Read::Open(Open::Array(Vec::new(), object.try_iter()?)));
    }
    let items = if let Ok(dict) = object.cast::<PyDict>() {
        dict.items()
    } else if let Ok(mapping) = object.cast::<PyMapping>() {
        mapping.items()?
    } else {
        return Ok(Read::Foreign);
    };
    Ok(Read::Open(Open::Object(
        JsonMap::new(),
        items.into_any().try_iter()?,
        String::new(),
    )))
}

impl<'py> Open<'py> {
    fn attach(&mut self, json: Json) {
        match self {
            Open::Array(items, _) => items.push(json),
            Open::Object(map, _, key) => {
                map.insert(std::mem::take(key), json);
            }
        }
    }

    fn pull(&mut self) -> PyResult<Pull<'py>> {
        match self {
            Open::Array(_, rest) => Ok(rest.next().transpose()?.map_or(Pull::End, Pull::Item)),
            Open::Object(_, rest, key) => {
                let Some(pair) = rest.next().transpose()? else {
                    return Ok(Pull::End);
                };
                let (name, item) = pair.extract::<(Bound<PyAny>, Bound<PyAny>)>()?;
                let name = name
                    .cast::<PyString>()
                    .ok()
                    .and_then(|name| PyBackedStr::try_from(name.clone()).ok());
                match name {
                    Some(name) => {
                        *key = String::from(&*name);
                        Ok(Pull::Item(item))
                    }
                    None => Ok(Pull::Foreign),
                }
            }
        }
    }

    fn close(self) -> Json {
        match self {
            Open::Array(items, _) => Json::Array(items),
            Open::Object(map, _, _) => Json::Object(map),
        }
    }
}

/// `object` as JSON, or `None` when it holds something JSON has no form
/// for (or is no value at all: the encoder then says what). `depth`
/// containers hold it. One pass with an explicit stack, never recursion.
fn to_json(object: &Bound<'_, PyAny>, depth: usize) -> PyResult<Option<Json>> {
    let mut stack: Vec<Open> = Vec::new();
    let mut item = object.clone();
    loop {
        let mut finished = match read(&item)? {
            Read::Json(json) => Some(json),
            Read::Foreign => return Ok(None),
            Read::Open(open) => {
                if depth + stack.len() >= MAX_JSON_DEPTH {
                    return Ok(None);
                }
                stack.push(open);
                None
            }
        };
        loop {
            let Some(top) = stack.last_mut() else {
                return Ok(finished);
            };
            if let Some(json) = finished.take() {
                top.attach(json);
            }
            match top.pull()? {
                Pull::Item(child) => {
                    item = child;
                    break;
                }
                Pull::Foreign => return Ok(None),
                Pull::End => finished = stack.pop().map(Open::close),
            }
        }
    }
}

/// One argument as the crate takes it: JSON when the value has a JSON
/// form, else the codec's value of it.
enum Loose {
    Json(Json),
    Calldata(Value),
}

impl Loose {
    /// `object`, named `name` in conversion errors; one level down in the
    /// call's `args` or `kwargs`.
    fn of(object: &Bound<'_, PyAny>, name: &str) -> PyResult<Loose> {
        if let Some(json) = to_json(object, 2)? {
            return Ok(Loose::Json(json));
        }
        let bytes = encode_part(object, name, 2)?;
        Ok(Loose::Calldata(decode(&bytes).map_err(decode_error)?))
    }

    fn arg(&self) -> Arg<'_> {
        match self {
            Loose::Json(json) => Arg::Json(json),
            Loose::Calldata(value) => Arg::Calldata(value),
        }
    }
}

fn options(strict: bool) -> CheckOptions {
    CheckOptions::new().strict(strict)
}

/// A contract's schema as the crate reads it.
#[pyclass(module = "genvm_calldata._native", name = "Schema", frozen)]
pub struct Schema(Inner);

#[pymethods]
impl Schema {
    /// Reads a schema from its JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<Self> {
        without_gil(py, text.as_bytes(), |utf8| {
            Inner::from_json(std::str::from_utf8(utf8).expect("a str's UTF-8"))
        })
        .map(Schema)
        .map_err(|error| schema_error(py, error))
    }

    /// Reads a schema from the calldata `#get-schema` returns (a calldata
    /// string holding the JSON).
    #[staticmethod]
    fn from_calldata(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = data.py();
        let bytes = input_bytes(data)?;
        without_gil(py, bytes.as_bytes(), Inner::from_calldata)
            .map(Schema)
            .map_err(|error| schema_error(py, error))
    }

    /// The constructor's parts (see `MethodParts`).
    fn constructor(&self) -> MethodParts {
        parts(self.0.constructor())
    }

    /// Every public method's parts, sorted by name.
    fn methods(&self) -> Vec<MethodParts> {
        self.0.methods().map(parts).collect()
    }

    /// The parts of the method named `name` (`#get-schema` too), if any.
    fn method(&self, name: PyBackedStr) -> Option<MethodParts> {
        self.0.method(&name).map(parts)
    }

    /// Checks a call's calldata (of `abi`) against its method.
    fn check_call(&self, data: &Bound<'_, PyAny>, abi: &str, strict: bool) -> PyResult<()> {
        let py = data.py();
        let generation = generation(abi, "abi")?;
        let bytes = input_bytes(data)?;
        without_gil(py, bytes.as_bytes(), |bytes| {
            self.0.check_call_with(bytes, generation, &options(strict))
        })
        .map_err(|error| schema_error(py, error))
    }

    /// Checks a deployment's calldata (of `abi`) against the constructor.
    fn check_deployment(&self, data: &Bound<'_, PyAny>, abi: &str, strict: bool) -> PyResult<()> {
        let py = data.py();
        let generation = generation(abi, "abi")?;
        let bytes = input_bytes(data)?;
        without_gil(py, bytes.as_bytes(), |bytes| {
            self.0.check_deployment(bytes, generation, &options(strict))
        })
        .map_err(|error| schema_error(py, error))
    }

    /// Checks a return value's calldata against `method`'s return type.
    fn check_return(
        &self,
        method: PyBackedStr,
        data: &Bound<'_, PyAny>,
        strict: bool,
    ) -> PyResult<()> {
        let py = data.py();
        let bytes = input_bytes(data)?;
        without_gil(py, bytes.as_bytes(), |bytes| {
            self.0.check_return_with(&method, bytes, &options(strict))
        })
        .map_err(|error| schema_error(py, error))
    }

    /// The calldata of a call of `method` (`None`: a deployment) in `abi`,
    /// from loosely typed `args` (a `list` or `tuple`) and `kwargs` (a
    /// `Mapping` with `str` keys), each read by its parameter's type.
    fn build<'py>(
        &self,
        method: Option<PyBackedStr>,
        args: &Bound<'py, PyAny>,
        kwargs: &Bound<'py, PyAny>,
        abi: &str,
        strict: bool,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let py = args.py();
        let generation: AbiGeneration = generation(abi, "abi")?;
        if args.cast::<PyList>().is_err() && args.cast::<PyTuple>().is_err() {
            return Err(PyTypeError::new_err(format!(
                "args is a list or tuple, not {}",
                type_name(args)
            )));
        }
        let Ok(kwargs) = kwargs.cast::<PyMapping>() else {
            return Err(PyTypeError::new_err(format!(
                "kwargs is a Mapping, not {}",
                type_name(kwargs)
            )));
        };
        let mut positional = Vec::new();
        for (index, item) in args.try_iter()?.enumerate() {
            positional.push(Loose::of(&item?, &format!("args[{index}]"))?);
        }
        let mut named: Vec<(PyBackedStr, Loose)> = Vec::new();
        for pair in kwargs.items()?.iter() {
            let (key, item) = pair.extract::<(Bound<PyAny>, Bound<PyAny>)>()?;
            let Ok(key) = key.extract::<PyBackedStr>() else {
                return Err(PyTypeError::new_err(format!(
                    "a keyword argument's name is a str, not {}",
                    type_name(&key)
                )));
            };
            let value = Loose::of(&item, &format!("kwargs[{:?}]", &*key))?;
            named.push((key, value));
        }
        // In key order, as the crate's own build_call reads a JSON object.
        named.sort_by(|(a, _), (b, _)| a.as_bytes().cmp(b.as_bytes()));
        let args: Vec<Arg<'_>> = positional.iter().map(Loose::arg).collect();
        let kwargs: Vec<(&str, Arg<'_>)> = named
            .iter()
            .map(|(key, value)| (&**key, value.arg()))
            .collect();
        let options = options(strict);
        let call = match method.as_deref() {
            Some(name) => self.0.build_method_call(name, &args, &kwargs, &options),
            None => self.0.build_deployment_call(&args, &kwargs, &options),
        }
        .and_then(|call| encode_checked(&call, generation))
        .map_err(|error| schema_error(py, error))?;
        Ok(PyBytes::new(py, &call))
    }

    fn __repr__(&self) -> String {
        format!("<Schema of {} methods>", self.0.methods().len())
    }
}
