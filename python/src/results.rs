//! The v0.3 results (`spec/results.md`), all by the codec: VM error codes,
//! proposed-result validity, GVM32, the non-deterministic verdicts and the
//! result hashes. The `VmErrorCode` class is Python
//! (`genvm_calldata/_results.py`); this file turns the codec's answers into
//! tuples, `str`, `bytes` and exceptions.

use std::cell::RefCell;

use genvm_calldata::{
    check_proposed_result as check_proposed, decode, default_vm_error_comparison, encode,
    execution_hash as hash_execution, guest_equal, gvm32_decode as from_gvm32,
    gvm32_encode as to_gvm32, host_verdict as host, subvm_small_hash as small_hash,
    validator_verdict as verdict, validator_verdict_with, Comparisons, ExecutionHashFields,
    HostVerdict, ResultKind, SubVmHashes as Accumulator, Value, VmErrorCode, VmErrorParam,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyInt, PyString};

use crate::calls::generation;
use crate::errors::{decode_error, gvm32_error, type_name, verdict_error, vm_error_code_error};
use crate::frames::one_of;
use crate::from_python::encode_part;
use crate::input::{input_bytes, without_gil};
use crate::to_python::build;

/// The derived VM error code that replaces a leader's proposed result
/// `frame`, or `None` when it is accepted as it is.
#[pyfunction]
pub fn check_proposed_result(data: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let bytes = input_bytes(data)?;
    Ok(without_gil(data.py(), bytes.as_bytes(), check_proposed))
}

/// A parsed code's public code, detail, path and parameter.
type CodeParts<'py> = (
    String,
    Option<String>,
    &'static str,
    Option<Bound<'py, PyAny>>,
);

/// The public code, detail, path and parameter (`None`, a `str` or an
/// `int`) of a v0.3 VM error code; `VmErrorCodeError` if `text` is none.
#[pyfunction]
pub fn parse_vm_error_code<'py>(py: Python<'py>, text: PyBackedStr) -> PyResult<CodeParts<'py>> {
    let code = VmErrorCode::parse(&text).map_err(vm_error_code_error)?;
    let param = match code.param() {
        None => None,
        Some(VmErrorParam::Str(text)) => Some(PyString::new(py, text).into_any()),
        Some(VmErrorParam::I32(number)) => Some(PyInt::new(py, number).into_any()),
    };
    Ok((
        code.public_code().to_owned(),
        code.detail().map(str::to_owned),
        code.path(),
        param,
    ))
}

/// Whether the VM error `message` matches the known code `prefix` (its
/// public code is `prefix` or extends it at a space).
#[pyfunction]
pub fn vm_error_matches(message: PyBackedStr, prefix: PyBackedStr) -> bool {
    genvm_calldata::vm_error_matches(&message, &prefix)
}

/// The canonical (lowercase) GVM32 text of `data` (any buffer).
#[pyfunction]
pub fn gvm32_encode(data: &Bound<'_, PyAny>) -> PyResult<String> {
    let bytes = input_bytes(data)?;
    Ok(without_gil(data.py(), bytes.as_bytes(), to_gvm32))
}

/// The bytes of GVM32 text; `Gvm32Error` if it is not GVM32.
#[pyfunction]
pub fn gvm32_decode<'py>(py: Python<'py>, text: PyBackedStr) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = without_gil(py, text.as_bytes(), |utf8| {
        from_gvm32(std::str::from_utf8(utf8).expect("a str's UTF-8"))
    })
    .map_err(gvm32_error)?;
    Ok(PyBytes::new(py, &bytes))
}

/// A Python value as the codec's value, converted as `encode` converts it;
/// errors name it `name`.
fn value_of(object: &Bound<'_, PyAny>, name: &str) -> PyResult<Value> {
    decode(&encode_part(object, name, 0)?).map_err(decode_error)
}

/// The Python value of one of the codec's values.
fn python_of<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    build(py, &encode(value), decode_error)
}

/// A Python callable used as one of the verdict's comparisons: the first
/// exception it raises (or that converting its arguments raises) is kept,
/// and every later comparison answers `false` without calling it.
struct Callback<'a, 'py> {
    function: &'a Bound<'py, PyAny>,
    failure: &'a RefCell<Option<PyErr>>,
}

impl<'py> Callback<'_, 'py> {
    fn call(
        &self,
        arguments: impl FnOnce() -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    ) -> bool {
        if self.failure.borrow().is_some() {
            return false;
        }
        let answer = arguments()
            .and_then(|arguments| self.function.call1(arguments))
            .and_then(|answer| answer.is_truthy());
        answer.unwrap_or_else(|error| {
            *self.failure.borrow_mut() = Some(error);
            false
        })
    }
}

fn callable<'a, 'py>(
    function: &'a Option<Bound<'py, PyAny>>,
    name: &str,
) -> PyResult<Option<&'a Bound<'py, PyAny>>> {
    match function {
        Some(function) if function.is_none() => Ok(None),
        Some(function) if function.is_callable() => Ok(Some(function)),
        Some(function) => Err(PyTypeError::new_err(format!(
            "{name} is a callable or None, not {}",
            type_name(function)
        ))),
        None => Ok(None),
    }
}

/// Whether the validator agrees with the leader: `leader` the leader's
/// proposed frame, `answer` the validator function's sandbox frame, in
/// `abi`. With no comparisons given, the codec's defaults decide; a
/// Python callable replaces one: `compare_user_errors(leader, validator)`
/// gets the two user errors' values, `compare_vm_errors(leader,
/// validator)` the two VM error messages, and what it returns is taken as
/// a bool. An exception it raises propagates.
#[pyfunction]
#[pyo3(signature = (leader, answer, abi, compare_user_errors=None, compare_vm_errors=None))]
pub fn validator_verdict<'py>(
    leader: &Bound<'py, PyAny>,
    answer: &Bound<'py, PyAny>,
    abi: &str,
    compare_user_errors: Option<Bound<'py, PyAny>>,
    compare_vm_errors: Option<Bound<'py, PyAny>>,
) -> PyResult<bool> {
    let py = leader.py();
    let generation = generation(abi, "abi")?;
    let leader = input_bytes(leader)?;
    let answer = input_bytes(answer)?;
    let (leader, answer) = (leader.as_bytes(), answer.as_bytes());
    let user = callable(&compare_user_errors, "compare_user_errors")?;
    let vm = callable(&compare_vm_errors, "compare_vm_errors")?;
    if user.is_none() && vm.is_none() {
        return verdict(leader, answer, generation).map_err(|error| verdict_error(py, error));
    }
    let failure = RefCell::new(None);
    let user_callback = user.map(|function| {
        let callback = Callback {
            function,
            failure: &failure,
        };
        move |a: &Value, b: &Value| callback.call(|| Ok((python_of(py, a)?, python_of(py, b)?)))
    });
    let vm_callback = vm.map(|function| {
        let callback = Callback {
            function,
            failure: &failure,
        };
        move |a: &str, b: &str| {
            callback.call(|| {
                Ok((
                    PyString::new(py, a).into_any(),
                    PyString::new(py, b).into_any(),
                ))
            })
        }
    });
    let default_vm = default_vm_error_comparison(generation);
    let comparisons = Comparisons {
        user_errors: match &user_callback {
            Some(callback) => callback,
            None => &guest_equal,
        },
        vm_errors: match &vm_callback {
            Some(callback) => callback,
            None => &default_vm,
        },
    };
    let result = validator_verdict_with(leader, answer, generation, comparisons);
    if let Some(error) = failure.into_inner() {
        return Err(error);
    }
    result.map_err(|error| verdict_error(py, error))
}

/// The host's verdict on a validator's result frame: whether it agrees,
/// and (v0.2) the VM error it ends the block with when it does not.
#[pyfunction]
pub fn host_verdict(
    validator: &Bound<'_, PyAny>,
    abi: &str,
) -> PyResult<(bool, Option<&'static str>)> {
    let generation = generation(abi, "abi")?;
    let bytes = input_bytes(validator)?;
    Ok(match host(bytes.as_bytes(), generation) {
        HostVerdict::Agree => (true, None),
        HostVerdict::Disagree(error) => (false, error.map(|error| error.as_str())),
    })
}

/// The result kind named as the small hash names it (`"Return"`,
/// `"UserError"`, `"VMError"`).
fn result_kind(name: &str) -> PyResult<ResultKind> {
    const KINDS: [ResultKind; 3] = [
        ResultKind::Return,
        ResultKind::UserError,
        ResultKind::VmError,
    ];
    KINDS
        .into_iter()
        .find(|kind| kind.as_str() == name)
        .ok_or_else(|| {
            let allowed: Vec<String> = KINDS
                .iter()
                .map(|kind| format!("{:?}", kind.as_str()))
                .collect();
            PyValueError::new_err(format!("kind must be {}, not {name:?}", one_of(&allowed)))
        })
}

/// A 32-byte hash from any buffer.
fn hash32(data: &Bound<'_, PyAny>, name: &str) -> PyResult<[u8; 32]> {
    let bytes = input_bytes(data)?;
    let bytes = bytes.as_bytes();
    <[u8; 32]>::try_from(bytes)
        .map_err(|_| PyValueError::new_err(format!("{name} is 32 bytes, not {}", bytes.len())))
}

/// The small hash of one deterministic sub-VM: `kind` is `"Return"`,
/// `"UserError"` or `"VMError"`, `result` and `wasm_store_hashes` values
/// (converted as `encode` converts them), `subvm_hashes` the sub-VM's own
/// finalized accumulator (32 bytes).
#[pyfunction]
pub fn subvm_small_hash<'py>(
    kind: &str,
    result: &Bound<'py, PyAny>,
    subvm_hashes: &Bound<'py, PyAny>,
    wasm_store_hashes: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let py = result.py();
    let kind = result_kind(kind)?;
    let result = value_of(result, "result")?;
    let subvm_hashes = hash32(subvm_hashes, "subvm_hashes")?;
    let wasm_store_hashes = value_of(wasm_store_hashes, "wasm_store_hashes")?;
    let hash = small_hash(kind, &result, &subvm_hashes, &wasm_store_hashes);
    Ok(PyBytes::new(py, &hash))
}

/// The execution hash of a run's fields: `kind` as for `subvm_small_hash`,
/// `subvm_hashes` the run's finalized accumulator (32 bytes), every other
/// field a value converted as `encode` converts it.
#[pyfunction]
#[pyo3(signature = (*, backtrace, data, data_fees_consumed, data_fees_remaining, emissions, kind, storage_changes, subvm_hashes, wasm_store_hashes))]
#[allow(clippy::too_many_arguments)]
pub fn execution_hash<'py>(
    backtrace: &Bound<'py, PyAny>,
    data: &Bound<'py, PyAny>,
    data_fees_consumed: &Bound<'py, PyAny>,
    data_fees_remaining: &Bound<'py, PyAny>,
    emissions: &Bound<'py, PyAny>,
    kind: &str,
    storage_changes: &Bound<'py, PyAny>,
    subvm_hashes: &Bound<'py, PyAny>,
    wasm_store_hashes: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let py = data.py();
    let fields = ExecutionHashFields {
        backtrace: value_of(backtrace, "backtrace")?,
        data: value_of(data, "data")?,
        data_fees_consumed: value_of(data_fees_consumed, "data_fees_consumed")?,
        data_fees_remaining: value_of(data_fees_remaining, "data_fees_remaining")?,
        emissions: value_of(emissions, "emissions")?,
        kind: result_kind(kind)?,
        storage_changes: value_of(storage_changes, "storage_changes")?,
        subvm_hashes: hash32(subvm_hashes, "subvm_hashes")?,
        wasm_store_hashes: value_of(wasm_store_hashes, "wasm_store_hashes")?,
    };
    Ok(PyBytes::new(py, &hash_execution(&fields)))
}

/// The rolling accumulator of a run's sub-VM small hashes (the codec's
/// `SubVmHashes`): `fold` each in call order, `finalize` for the
/// `subvm_hashes` field. `finalize` leaves the accumulator as it was, so
/// folding may go on.
#[pyclass(module = "genvm_calldata", name = "SubVmHashes")]
#[derive(Default)]
pub struct SubVmHashes {
    hashes: Accumulator,
    folded: usize,
}

#[pymethods]
impl SubVmHashes {
    /// An empty accumulator.
    #[new]
    fn new() -> Self {
        SubVmHashes::default()
    }

    /// Folds in the next sub-VM's small hash (32 bytes).
    fn fold(&mut self, small: &Bound<'_, PyAny>) -> PyResult<()> {
        self.hashes.fold(&hash32(small, "a small hash")?);
        self.folded += 1;
        Ok(())
    }

    /// The finalized accumulator (32 bytes).
    fn finalize<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.hashes.clone().finalize())
    }

    /// How many small hashes were folded in.
    #[getter]
    fn count(&self) -> usize {
        self.folded
    }

    /// A copy with the same state.
    fn copy(&self) -> Self {
        SubVmHashes {
            hashes: self.hashes.clone(),
            folded: self.folded,
        }
    }

    fn __repr__(&self) -> String {
        format!("<SubVmHashes, {} folded>", self.folded)
    }
}
