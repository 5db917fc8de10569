//! Calldata input: any object with the buffer protocol, and nothing else.
//!
//! The limited API of Python 3.8 (one abi3 wheel for every CPython from 3.8)
//! has no buffer protocol, so `bytes` is taken as is and every other buffer
//! is copied out with `memoryview(obj).tobytes()`; `memoryview()` is also
//! what refuses objects without the protocol (`int`, `str`, lists) with
//! `TypeError`. Either way the result is immutable, so it can be read with
//! the GIL released.

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyMemoryView};

use crate::errors::type_name;

/// The bytes of the buffer `data`.
pub fn input_bytes<'py>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    if let Ok(bytes) = data.cast::<PyBytes>() {
        return Ok(bytes.clone());
    }
    let view = PyMemoryView::from(data).map_err(|_| {
        PyTypeError::new_err(format!(
            "calldata is a bytes-like object (bytes, bytearray, memoryview, ...), not {}",
            type_name(data)
        ))
    })?;
    let copy = view.call_method0(intern!(data.py(), "tobytes"))?;
    Ok(copy.cast_into::<PyBytes>()?)
}

/// Inputs at least this long are read with the GIL released. Shorter ones
/// keep it: they take microseconds at most, and a release means a thread
/// switch when another thread is waiting.
const RELEASE_GIL_FROM: usize = 4096;

/// Runs `work` on `bytes`, with the GIL released when they are long.
pub fn without_gil<T: Send>(
    py: Python<'_>,
    bytes: &[u8],
    work: impl FnOnce(&[u8]) -> T + Send,
) -> T {
    if bytes.len() >= RELEASE_GIL_FROM {
        py.detach(|| work(bytes))
    } else {
        work(bytes)
    }
}
