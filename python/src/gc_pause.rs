//! Pausing Python's cyclic garbage collector while a large value is built.
//!
//! Every list and dict a decode creates counts toward a collection, and a
//! collection that starts midway walks every tracked object alive, the
//! caller's included; on a list of records that was most of decode's time
//! (BENCHMARKS.md, "Figures behind the code's shape"). No Python code
//! runs while a value is built and the GIL is held throughout, so nothing
//! else sees the pause; the collector runs again at its next trigger after.

use pyo3::intern;
use pyo3::prelude::*;

/// Inputs shorter than this are built with the collector left alone: they
/// create too few containers to trigger it more than once.
const PAUSE_FROM: usize = 16 * 1024;

/// Holds the collector off until dropped (if it was on).
pub struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    /// Pauses the collector for building a value from `input_len` bytes.
    pub fn new(py: Python<'py>, input_len: usize) -> PyResult<Self> {
        if input_len < PAUSE_FROM {
            return Ok(GcPause { gc: None });
        }
        let gc = py.import(intern!(py, "gc"))?;
        if !gc.call_method0(intern!(py, "isenabled"))?.is_truthy()? {
            return Ok(GcPause { gc: None });
        }
        gc.call_method0(intern!(py, "disable"))?;
        Ok(GcPause { gc: Some(gc) })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // `gc.enable()` cannot fail; should it, the collector stays off
            // rather than a panic crossing into Python.
            let _ = gc.call_method0(intern!(gc.py(), "enable"));
        }
    }
}
