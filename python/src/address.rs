//! `Address`: the 20-byte address atom, apart from `bytes`.

use genvm_calldata::Address as Raw;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};

use crate::errors::type_name;
use crate::input::input_bytes;

/// A 20-byte address; `str` is `0x` and 40 lowercase hex digits.
#[pyclass(module = "genvm_calldata", name = "Address", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub struct Address(pub Raw);

#[pymethods]
impl Address {
    /// From 40 hex digits (with or without `0x`) or 20 bytes.
    #[new]
    fn new(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(text) = value.cast::<PyString>() {
            return text
                .to_cow()?
                .parse()
                .map(Address)
                .map_err(|error| PyValueError::new_err(error.to_string()));
        }
        let bytes = input_bytes(value).map_err(|_| {
            PyTypeError::new_err(format!(
                "an address is made from str or 20 bytes, not {}",
                type_name(value)
            ))
        })?;
        let bytes = bytes.as_bytes();
        Raw::from_slice(bytes).map(Address).ok_or_else(|| {
            PyValueError::new_err(format!("an address is 20 bytes, not {}", bytes.len()))
        })
    }

    /// The 20 bytes (the name genlayer-py's and the guest SDK's addresses
    /// use, so code written for those reads ours too).
    #[getter]
    fn as_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.0.as_bytes())
    }

    fn __bytes__<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        self.as_bytes(py)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Address('{}')", self.0)
    }

    /// Pickles as `Address(bytes)`.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let args = PyTuple::new(py, [slf.get().as_bytes(py)])?;
        Ok((slf.get_type().into_any(), args))
    }
}
