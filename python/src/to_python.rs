//! Decoding: calldata made into Python objects in one pass.
//!
//! The codec's strict reader (`visit`) reports each part as it checks it,
//! and each object is created right then: integers up to 128 bits from
//! machine words, larger ones through PyO3's big-integer conversion
//! (`int.from_bytes`, linear, never decimal text), strings and bytes from
//! the input's slices, lists at their final size, and each distinct map key
//! string once per call. Open containers wait on an explicit stack, so
//! depth costs no recursion.

use genvm_calldata::{visit, DecodeError, DecodeOptions, Event, IntRef};
use num_bigint::BigInt;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyString};
use rustc_hash::FxHashMap;

use crate::address::Address;

/// Keys longer than this are not cached: records repeat short field names,
/// and a long key is rarely met twice.
const CACHED_KEY_MAX_LEN: usize = 64;

/// The Python value of the calldata `input`. Invalid input raises
/// `invalid(error)`, which wins over a Python error met on the way (as when
/// the input was validated before any object was made); either way the
/// objects built so far are released.
pub fn build<'py>(
    py: Python<'py>,
    input: &[u8],
    invalid: impl FnOnce(DecodeError) -> PyErr,
) -> PyResult<Bound<'py, PyAny>> {
    let mut builder = Builder::new(py);
    visit(input, &DecodeOptions::new(), |event| builder.event(event)).map_err(invalid)?;
    builder.finish()
}

/// A container being built.
enum Open<'py> {
    /// A list whose items so far are `Builder::items[start..]`: the list is
    /// made when it closes, at its final size. (Made at its opening, with
    /// the length its header claims, the nested headers of an invalid input
    /// could claim up to 128 times its size before the error shows.)
    List { start: usize },
    /// A dict, the key of its next value, and how many keys came so far.
    Dict {
        dict: Bound<'py, PyDict>,
        key: Option<Bound<'py, PyString>>,
        position: usize,
    },
}

/// Builds one value from its events; holds what is reused across it.
struct Builder<'py, 'a> {
    py: Python<'py>,
    keys: KeyCache<'py, 'a>,
    /// Items of the open lists, innermost last (one buffer for all).
    items: Vec<Bound<'py, PyAny>>,
    /// Open containers, innermost last.
    open: Vec<Open<'py>>,
    /// The value, once complete.
    root: Option<Bound<'py, PyAny>>,
    /// The first Python error; later events are ignored (`visit` cannot be
    /// stopped, and still has to say whether the input is valid).
    failed: Option<PyErr>,
}

impl<'py, 'a> Builder<'py, 'a> {
    fn new(py: Python<'py>) -> Self {
        Builder {
            py,
            keys: KeyCache::default(),
            items: Vec::new(),
            open: Vec::new(),
            root: None,
            failed: None,
        }
    }

    #[inline(always)]
    fn event(&mut self, event: Event<'a>) {
        if self.failed.is_none() {
            if let Err(error) = self.step(event) {
                self.failed = Some(error);
            }
        }
    }

    fn step(&mut self, event: Event<'a>) -> PyResult<()> {
        let py = self.py;
        let object = match event {
            Event::Null => py.None().into_bound(py),
            Event::Bool(b) => PyBool::new(py, b).to_owned().into_any(),
            Event::Int(int) => int_object(py, int)?,
            Event::Bytes(bytes) => PyBytes::new(py, bytes).into_any(),
            Event::Str(text) => PyString::new(py, text).into_any(),
            Event::Address(raw) => {
                Bound::new(py, Address(genvm_calldata::Address(*raw)))?.into_any()
            }
            Event::Array(len) => {
                // The codec has checked that `len` elements fit in the rest
                // of the input: at most a pointer per input byte is reserved.
                self.items.reserve(len);
                self.open.push(Open::List {
                    start: self.items.len(),
                });
                return Ok(());
            }
            Event::Map(_) => {
                self.open.push(Open::Dict {
                    dict: PyDict::new(py),
                    key: None,
                    position: 0,
                });
                return Ok(());
            }
            Event::Key(text) => {
                let Some(Open::Dict { key, position, .. }) = self.open.last_mut() else {
                    unreachable!("a key outside a map");
                };
                *key = Some(self.keys.get(py, *position, text));
                *position += 1;
                return Ok(());
            }
            Event::End => match self.open.pop().expect("an end without an open container") {
                Open::List { start } => PyList::new(py, self.items.drain(start..))?.into_any(),
                Open::Dict { dict, .. } => dict.into_any(),
            },
        };
        match self.open.last_mut() {
            None => self.root = Some(object),
            Some(Open::List { .. }) => self.items.push(object),
            Some(Open::Dict { dict, key, .. }) => {
                dict.set_item(key.take().expect("a key before each map value"), object)?;
            }
        }
        Ok(())
    }

    /// The value, after `visit` accepted the input.
    fn finish(self) -> PyResult<Bound<'py, PyAny>> {
        match self.failed {
            Some(error) => Err(error),
            None => Ok(self.root.expect("a valid input is one value")),
        }
    }
}

/// The key strings of one value: records repeat their field names.
#[derive(Default)]
struct KeyCache<'py, 'a> {
    /// Key strings met so far, by their text.
    by_text: FxHashMap<&'a str, Bound<'py, PyString>>,
    /// The key strings of the last map read, by position: records repeat
    /// their keys in the same order, and comparing with the key last seen
    /// at a position costs less than a lookup.
    recent: Vec<(&'a str, Bound<'py, PyString>)>,
}

impl<'py, 'a> KeyCache<'py, 'a> {
    /// The string of `key`, the `position`-th key of its map.
    fn get(&mut self, py: Python<'py>, position: usize, key: &'a str) -> Bound<'py, PyString> {
        if let Some((text, string)) = self.recent.get(position) {
            if *text == key {
                return string.clone();
            }
        }
        if key.len() > CACHED_KEY_MAX_LEN {
            return PyString::new(py, key);
        }
        let string = self
            .by_text
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
