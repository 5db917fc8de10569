//! Decoding: a validated view of calldata, made into Python objects.
//!
//! The codec validates the input once (`decode_ref`); the walk over its
//! borrowed view then creates each object directly: integers up to 128 bits
//! from machine words, larger ones through PyO3's big-integer conversion
//! (`int.from_bytes`, linear, never decimal text), strings and bytes from
//! the input's slices, lists at their final size, and each distinct map key
//! string once per call.

use genvm_calldata::{IntRef, ValueRef};
use num_bigint::BigInt;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyString};
use rustc_hash::FxHashMap;

use crate::address::Address;

/// Keys longer than this are not cached: records repeat short field names,
/// and a long key is rarely met twice.
const CACHED_KEY_MAX_LEN: usize = 64;

/// Walks one view; holds what is reused across the walk.
pub struct Builder<'py, 'a> {
    py: Python<'py>,
    /// Key strings met so far, by their text.
    keys: FxHashMap<&'a str, Bound<'py, PyString>>,
    /// The key strings of the last map read, by position: records repeat
    /// their keys in the same order, and comparing with the key last seen
    /// at a position costs less than a lookup.
    recent: Vec<(&'a str, Bound<'py, PyString>)>,
    /// Items of the lists being built, innermost last (one buffer for all).
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py, 'a> Builder<'py, 'a> {
    pub fn new(py: Python<'py>) -> Self {
        Builder {
            py,
            keys: FxHashMap::default(),
            recent: Vec::new(),
            items: Vec::new(),
        }
    }

    /// The Python object of `value`. Recursion is bounded by the codec's
    /// depth limit, which `decode_ref` enforced.
    pub fn value(&mut self, value: ValueRef<'a>) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        Ok(match value {
            ValueRef::Null => py.None().into_bound(py),
            ValueRef::Bool(b) => PyBool::new(py, b).to_owned().into_any(),
            ValueRef::Int(int) => int_object(py, int)?,
            ValueRef::Bytes(bytes) => PyBytes::new(py, bytes).into_any(),
            ValueRef::Str(text) => PyString::new(py, text).into_any(),
            ValueRef::Address(raw) => {
                Bound::new(py, Address(genvm_calldata::Address(*raw)))?.into_any()
            }
            ValueRef::Array(array) => {
                let start = self.items.len();
                for item in array {
                    let object = self.value(item)?;
                    self.items.push(object);
                }
                let list = PyList::new(py, self.items.drain(start..))?;
                list.into_any()
            }
            ValueRef::Map(map) => {
                let dict = PyDict::new(py);
                for (position, (key, item)) in map.into_iter().enumerate() {
                    let key = self.key(position, key);
                    dict.set_item(key, self.value(item)?)?;
                }
                dict.into_any()
            }
        })
    }

    fn key(&mut self, position: usize, key: &'a str) -> Bound<'py, PyString> {
        if let Some((text, string)) = self.recent.get(position) {
            if *text == key {
                return string.clone();
            }
        }
        if key.len() > CACHED_KEY_MAX_LEN {
            return PyString::new(self.py, key);
        }
        let py = self.py;
        let string = self
            .keys
            .entry(key)
            .or_insert_with(|| PyString::new(py, key))
            .clone();
        if position <= self.recent.len() {
            self.recent.truncate(position);
            self.recent.push((key, string.clone()));
        }
        string
    }
}

/// An `int`: from one machine word when it fits, else from 128 bits, else
/// through `num_bigint`.
fn int_object<'py>(py: Python<'py>, int: IntRef<'_>) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(small) = i64::try_from(int) {
        return Ok(small.into_pyobject(py)?.into_any());
    }
    if let Ok(wide) = i128::try_from(int) {
        return Ok(wide.into_pyobject(py)?.into_any());
    }
    if let Ok(wide) = u128::try_from(int) {
        return Ok(wide.into_pyobject(py)?.into_any());
    }
    Ok(BigInt::from(int.to_int()).into_pyobject(py)?.into_any())
}
