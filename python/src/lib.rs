//! `genvm_calldata._native`: the Python binding of the `genvm-calldata`
//! codec and the `genvm-calldata-schema` crate (PyO3). The package
//! `genvm_calldata` (`python/genvm_calldata/`) re-exports it with the frame
//! classes, `MethodCall`, `VmErrorCode`, `Schema` and `Method`, and the
//! exceptions (`CalldataError`, `MethodCallError`, `VmErrorCodeError`,
//! `Gvm32Error`, `VerdictError`, `SchemaError`).

mod address;
mod calls;
mod errors;
mod frames;
mod from_python;
mod gc_pause;
mod input;
mod results;
mod schema;
mod to_python;

use genvm_calldata::{
    decode_ref, encode as encode_value, from_text as parse_text, validate as check,
};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyTuple};

use crate::errors::{decode_error, text_error};
use crate::input::{input_bytes, without_gil};

/// The Python value of calldata, checked as strictly as the codec checks.
#[pyfunction]
fn decode<'py>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let bytes = input_bytes(data)?;
    let _pause = gc_pause::GcPause::new(data.py(), bytes.as_bytes().len())?;
    to_python::build(data.py(), bytes.as_bytes(), decode_error)
}

/// The canonical calldata of a Python value (map keys sorted).
#[pyfunction]
fn encode<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new(value.py(), &from_python::encode(value)?))
}

/// `len(encode(value))`.
#[pyfunction]
fn encoded_len(value: &Bound<'_, PyAny>) -> PyResult<usize> {
    Ok(from_python::encode(value)?.len())
}

/// Raises `CalldataError` unless `data` is exactly one canonical value.
#[pyfunction]
fn validate(data: &Bound<'_, PyAny>) -> PyResult<()> {
    let bytes = input_bytes(data)?;
    without_gil(data.py(), bytes.as_bytes(), check).map_err(decode_error)
}

/// The text form of calldata, e.g. `{"a":[1,b#ff]}`.
#[pyfunction]
fn to_text(data: &Bound<'_, PyAny>) -> PyResult<String> {
    let bytes = input_bytes(data)?;
    without_gil(data.py(), bytes.as_bytes(), |bytes| {
        decode_ref(bytes).map(|view| view.to_string())
    })
    .map_err(decode_error)
}

/// Calldata from its text form.
#[pyfunction]
fn from_text<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    let py = text.py();
    let text = text.extract::<PyBackedStr>()?;
    let encoded = without_gil(py, text.as_bytes(), |utf8| {
        let text = std::str::from_utf8(utf8).expect("a str's UTF-8");
        parse_text(text).map(|value| encode_value(&value))
    })
    .map_err(text_error)?;
    Ok(PyBytes::new(py, &encoded))
}

/// A frame's kind and payload in the generation `abi`, read in `context`
/// (the package's `decode_result` makes them into `Return`, `UserError`,
/// ...).
#[pyfunction]
fn decode_frame<'py>(
    data: &Bound<'py, PyAny>,
    abi: &str,
    context: &str,
) -> PyResult<(&'static str, Bound<'py, PyAny>)> {
    let generation = calls::generation(abi, "abi")?;
    let context = frames::context(context)?;
    let bytes = input_bytes(data)?;
    frames::read(data.py(), bytes.as_bytes(), generation, context)
}

/// The frame of a kind and payload (see `decode_frame`) in `abi` for
/// `context`.
#[pyfunction]
fn encode_frame<'py>(
    kind: &str,
    payload: &Bound<'py, PyAny>,
    abi: &str,
    context: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let generation = calls::generation(abi, "abi")?;
    let context = frames::context(context)?;
    frames::write(kind, payload, generation, context)
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<address::Address>()?;
    module.add_function(wrap_pyfunction!(decode, module)?)?;
    module.add_function(wrap_pyfunction!(encode, module)?)?;
    module.add_function(wrap_pyfunction!(encoded_len, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(to_text, module)?)?;
    module.add_function(wrap_pyfunction!(from_text, module)?)?;
    module.add_function(wrap_pyfunction!(decode_frame, module)?)?;
    module.add_function(wrap_pyfunction!(encode_frame, module)?)?;
    module.add_function(wrap_pyfunction!(calls::call_key, module)?)?;
    module.add_function(wrap_pyfunction!(calls::encode_call, module)?)?;
    module.add_function(wrap_pyfunction!(calls::decode_call, module)?)?;
    module.add_function(wrap_pyfunction!(calls::migrate_call, module)?)?;
    module.add_class::<schema::Schema>()?;
    module.add_class::<results::SubVmHashes>()?;
    module.add_function(wrap_pyfunction!(results::check_proposed_result, module)?)?;
    module.add_function(wrap_pyfunction!(results::parse_vm_error_code, module)?)?;
    module.add_function(wrap_pyfunction!(results::vm_error_matches, module)?)?;
    module.add_function(wrap_pyfunction!(results::gvm32_encode, module)?)?;
    module.add_function(wrap_pyfunction!(results::gvm32_decode, module)?)?;
    module.add_function(wrap_pyfunction!(results::validator_verdict, module)?)?;
    module.add_function(wrap_pyfunction!(results::host_verdict, module)?)?;
    module.add_function(wrap_pyfunction!(results::subvm_small_hash, module)?)?;
    module.add_function(wrap_pyfunction!(results::execution_hash, module)?)?;
    module.add(
        "DEFAULT_ABI",
        genvm_calldata::abi::AbiGeneration::default().value(),
    )?;
    let generations = genvm_calldata::abi::AbiGeneration::ALL.map(|generation| generation.value());
    module.add("ABI_GENERATIONS", PyTuple::new(module.py(), generations)?)?;
    let contexts = genvm_calldata::FrameContext::ALL.map(|context| context.name());
    module.add("FRAME_CONTEXTS", PyTuple::new(module.py(), contexts)?)?;
    Ok(())
}
