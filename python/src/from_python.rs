//! Encoding: Python objects written straight into one buffer.
//!
//! Exact built-in types are recognised by one pointer comparison each; only
//! other objects pay for `isinstance` checks. Scalars are written by the
//! codec's encoder (as a [`ValueRef`]), containers with its header and key
//! writers. A container's items are taken out of it before its header is
//! written, so Python code run on the way (a `Mapping`'s `items()`, an
//! `as_bytes` property) cannot make the count wrong.

use std::fmt::Write as _;

use genvm_calldata::{
    encode_array_header, encode_map_header, encode_map_key, DecodeOptions, Encode, ErrorKind, Int,
    ValueRef, MAX_LENGTH,
};
use num_bigint::BigInt;
use pyo3::exceptions::PyTypeError;
use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyInt, PyList, PyMapping, PyMemoryView, PyString, PyTuple,
};
use rustc_hash::FxHashMap;

use crate::address::Address;
use crate::errors::{calldata_error, type_name};

/// Why a value cannot be encoded, and where.
struct Failure {
    problem: Problem,
    /// From the offending item up to the top value.
    path: Vec<Step>,
}

enum Problem {
    /// Not a calldata value, or a map key that is not `str`: `TypeError`.
    Type(String),
    /// A value calldata cannot carry: `CalldataError(kind, offset)`, the
    /// offset being where the value would start in the encoding.
    Data(&'static str, usize, String),
    /// An exception from Python code run on the way, raised as it is.
    Python(PyErr),
}

enum Step {
    Index(usize),
    Key(String),
}

impl Failure {
    fn new(problem: Problem) -> Self {
        Failure {
            problem,
            path: Vec::new(),
        }
    }

    fn at(mut self, step: Step) -> Self {
        self.path.push(step);
        self
    }

    /// The Python exception, naming the item as `value[0]['key']` (`root`
    /// in place of `value`).
    fn into_py_err(self, root: &str) -> PyErr {
        let mut path = String::from(root);
        for step in self.path.iter().rev() {
            match step {
                Step::Index(index) => write!(path, "[{index}]"),
                Step::Key(key) => write!(path, "[{key:?}]"),
            }
            .expect("writing to a String");
        }
        match self.problem {
            Problem::Type(message) => PyTypeError::new_err(format!("{message} at {path}")),
            Problem::Data(kind, offset, message) => {
                calldata_error(kind, offset, format!("{message} at {path}"))
            }
            Problem::Python(error) => error,
        }
    }
}

impl From<PyErr> for Failure {
    fn from(error: PyErr) -> Self {
        Failure::new(Problem::Python(error))
    }
}

/// The encoding of `object`.
pub fn encode(object: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    encode_part(object, "value", 0)
}

/// The encoding of `object` as a part of a larger value: errors name it
/// `root` (`args[1]`), and its containers sit inside `depth` others, so the
/// depth limit counts from the larger value's top. Offsets count from the
/// part's own first byte.
pub fn encode_part(object: &Bound<'_, PyAny>, root: &str, depth: usize) -> PyResult<Vec<u8>> {
    let mut encoder = Encoder::new(depth);
    encoder
        .value(object)
        .map_err(|failure| failure.into_py_err(root))?;
    Ok(encoder.out)
}

/// Writes one value; holds what is reused across the walk.
struct Encoder<'py> {
    out: Vec<u8>,
    /// Containers entered and not yet left.
    depth: usize,
    /// Items and entries taken out of the containers being written,
    /// innermost last (one buffer for all); each is taken again (`None`)
    /// when written.
    pending: Vec<(Option<Key>, Option<Bound<'py, PyAny>>)>,
    /// The UTF-8 of every key string met so far, by object identity...
    keys: FxHashMap<*mut ffi::PyObject, Key>,
    key_text: String,
    /// ...and the key objects themselves, kept alive so that no other object
    /// takes the address of one during the walk.
    key_objects: Vec<Bound<'py, PyAny>>,
    /// The key objects of the last map ordered, as given, each with the
    /// position it takes in key order; and whether that order was the
    /// given one.
    shape: Vec<(*mut ffi::PyObject, u32)>,
    shape_sorted: bool,
}

/// A key: its object's identity and its UTF-8, a range of
/// `Encoder::key_text`; `rank` is scratch for ordering entries.
#[derive(Clone, Copy)]
struct Key {
    id: *mut ffi::PyObject,
    start: usize,
    end: usize,
    rank: u32,
}

impl<'py> Encoder<'py> {
    fn new(depth: usize) -> Self {
        Encoder {
            out: Vec::new(),
            depth,
            pending: Vec::new(),
            keys: FxHashMap::default(),
            key_text: String::new(),
            key_objects: Vec::new(),
            shape: Vec::new(),
            shape_sorted: true,
        }
    }

    fn put(&mut self, value: ValueRef<'_>) {
        value.encode_to_vec(&mut self.out);
    }

    fn check_length(&self, len: usize) -> Result<(), Failure> {
        if len > MAX_LENGTH {
            return Err(Failure::new(Problem::Data(
                ErrorKind::LengthTooLarge.name(),
                self.out.len(),
                format!("a length or count of {len} (2^32 or more)"),
            )));
        }
        Ok(())
    }

    /// Appends the encoding of `object`.
    fn value(&mut self, object: &Bound<'py, PyAny>) -> Result<(), Failure> {
        if object.is_none() {
            self.put(ValueRef::Null);
            Ok(())
        } else if let Ok(text) = object.cast_exact::<PyString>() {
            self.string(text)
        } else if let Ok(int) = object.cast_exact::<PyInt>() {
            self.int(int)
        } else if let Ok(dict) = object.cast_exact::<PyDict>() {
            self.container(
                |this| {
                    dict.iter()
                        .try_for_each(|(key, value)| this.push_entry(&key, value))
                },
                Self::map_entries,
            )
        } else if let Ok(list) = object.cast_exact::<PyList>() {
            self.container(|this| this.push_items(list.iter()), Self::array_items)
        } else if let Ok(flag) = object.cast_exact::<PyBool>() {
            self.put(ValueRef::Bool(flag.is_true()));
            Ok(())
        } else if let Ok(bytes) = object.cast_exact::<PyBytes>() {
            self.bytes(bytes.as_bytes())
        } else if let Ok(address) = object.cast_exact::<Address>() {
            self.put(ValueRef::Address(address.get().0.as_bytes()));
            Ok(())
        } else if let Ok(tuple) = object.cast_exact::<PyTuple>() {
            self.container(|this| this.push_items(tuple.iter()), Self::array_items)
        } else {
            self.other(object)
        }
    }

    /// Subclasses of the built-in types, other buffers, address-likes and
    /// mappings.
    fn other(&mut self, object: &Bound<'py, PyAny>) -> Result<(), Failure> {
        let py = object.py();
        if let Ok(text) = object.cast::<PyString>() {
            self.string(text)
        } else if let Ok(int) = object.cast::<PyInt>() {
            self.int(int)
        } else if let Ok(bytes) = object.cast::<PyBytes>() {
            self.bytes(bytes.as_bytes())
        } else if let Ok(bytes) = object.cast::<PyByteArray>() {
            self.bytes(&bytes.to_vec())
        } else if object.cast::<PyMemoryView>().is_ok() {
            let copy = object.call_method0(intern!(py, "tobytes"))?;
            self.bytes(copy.cast::<PyBytes>().map_err(PyErr::from)?.as_bytes())
        } else if object.cast::<PyList>().is_ok() || object.cast::<PyTuple>().is_ok() {
            self.container(
                |this| {
                    let items = object.try_iter()?.collect::<PyResult<Vec<_>>>()?;
                    this.push_items(items.into_iter())
                },
                Self::array_items,
            )
        } else if let Some(raw) = object.getattr_opt(intern!(py, "as_bytes"))? {
            self.address_like(object, &raw)
        } else if let Ok(mapping) = object.cast::<PyMapping>() {
            self.container(
                |this| {
                    for item in mapping.items()? {
                        let (key, value) =
                            item.extract::<(Bound<'py, PyAny>, Bound<'py, PyAny>)>()?;
                        this.push_entry(&key, value)?;
                    }
                    Ok(())
                },
                Self::map_entries,
            )
        } else {
            Err(Failure::new(Problem::Type(format!(
                "{} is not a calldata value",
                type_name(object)
            ))))
        }
    }

    /// An object whose `as_bytes` is 20 bytes (genlayer-py's
    /// `CalldataAddress`, the guest SDK's `Address`) is an address.
    fn address_like(
        &mut self,
        object: &Bound<'py, PyAny>,
        raw: &Bound<'py, PyAny>,
    ) -> Result<(), Failure> {
        let bytes = crate::input::input_bytes(raw).ok();
        match bytes
            .as_ref()
            .and_then(|bytes| genvm_calldata::Address::from_slice(bytes.as_bytes()))
        {
            Some(address) => {
                self.put(ValueRef::Address(address.as_bytes()));
                Ok(())
            }
            None => Err(Failure::new(Problem::Type(format!(
                "{}.as_bytes is not 20 bytes",
                type_name(object)
            )))),
        }
    }

    fn string(&mut self, text: &Bound<'py, PyString>) -> Result<(), Failure> {
        let text = self.utf8(text)?;
        self.check_length(text.len())?;
        self.put(ValueRef::Str(&text));
        Ok(())
    }

    fn utf8(&self, text: &Bound<'py, PyString>) -> Result<PyBackedStr, Failure> {
        PyBackedStr::try_from(text.clone()).map_err(|_| {
            Failure::new(Problem::Data(
                ErrorKind::InvalidUtf8.name(),
                self.out.len(),
                "a str with a lone surrogate is not UTF-8".into(),
            ))
        })
    }

    fn bytes(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.check_length(bytes.len())?;
        self.put(ValueRef::Bytes(bytes));
        Ok(())
    }

    fn int(&mut self, int: &Bound<'py, PyInt>) -> Result<(), Failure> {
        let mut overflow = 0;
        // SAFETY: `int` is a live `int` object and the GIL is held (we have
        // a `Bound`); the call reads it and writes `overflow` only. Unlike
        // `extract::<i64>()` it reports a wider value without raising an
        // OverflowError, whose cost showed on every 128-bit integer
        // (BENCHMARKS.md, "Figures behind the code's shape").
        let small = unsafe { ffi::PyLong_AsLongLongAndOverflow(int.as_ptr(), &mut overflow) };
        let value = if overflow == 0 {
            if small == -1 {
                if let Some(error) = PyErr::take(int.py()) {
                    return Err(error.into());
                }
            }
            Int::from(small)
        } else if let Ok(wide) = int.extract::<i128>() {
            Int::from(wide)
        } else if let Ok(wide) = int.extract::<u128>() {
            Int::from(wide)
        } else {
            Int::from(int.extract::<BigInt>()?)
        };
        self.put(ValueRef::Int(value.as_int_ref()));
        Ok(())
    }

    /// Takes a container's items out with `fill` (onto `pending`), then
    /// writes them with `write`, one level deeper.
    fn container(
        &mut self,
        fill: impl FnOnce(&mut Self) -> Result<(), Failure>,
        write: fn(&mut Self, usize) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        let start = self.pending.len();
        let result = fill(self).and_then(|()| {
            if self.depth == DecodeOptions::DEFAULT_MAX_DEPTH {
                return Err(Failure::new(Problem::Data(
                    ErrorKind::TooDeep.name(),
                    self.out.len(),
                    format!(
                        "containers nested deeper than {} (or one that holds itself)",
                        DecodeOptions::DEFAULT_MAX_DEPTH
                    ),
                )));
            }
            self.depth += 1;
            let written = write(self, start);
            self.depth -= 1;
            written
        });
        self.pending.truncate(start);
        result
    }

    fn push_items(
        &mut self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
    ) -> Result<(), Failure> {
        self.pending.extend(items.map(|item| (None, Some(item))));
        Ok(())
    }

    fn push_entry(
        &mut self,
        key: &Bound<'py, PyAny>,
        value: Bound<'py, PyAny>,
    ) -> Result<(), Failure> {
        let text = self.key(key)?;
        self.pending.push((Some(text), Some(value)));
        Ok(())
    }

    /// Writes the items `pending[start..]` as an array.
    fn array_items(&mut self, start: usize) -> Result<(), Failure> {
        let count = self.pending.len() - start;
        self.check_length(count)?;
        encode_array_header(&mut self.out, count);
        for index in 0..count {
            let item = self.pending[start + index].1.take().expect("written once");
            self.value(&item).map_err(|f| f.at(Step::Index(index)))?;
        }
        Ok(())
    }

    /// Writes the entries `pending[start..]` as a map, in the order of
    /// their keys' UTF-8.
    fn map_entries(&mut self, start: usize) -> Result<(), Failure> {
        let count = self.pending.len() - start;
        self.check_length(count)?;
        self.put_in_key_order(start)?;
        encode_map_header(&mut self.out, count);
        for index in start..start + count {
            let (key, value) = &mut self.pending[index];
            let Key {
                start: from, end, ..
            } = key.expect("map entries have keys");
            let value = value.take().expect("written once");
            encode_map_key(&mut self.out, &self.key_text[from..end]);
            let written = self.value(&value);
            written.map_err(|f| f.at(Step::Key(self.key_text[from..end].to_owned())))?;
        }
        Ok(())
    }

    /// Sorts the entries `pending[start..]` by their keys' UTF-8, unless
    /// they already are, or as the last map's were when they have the same
    /// key objects in the same order (a list of records).
    fn put_in_key_order(&mut self, start: usize) -> Result<(), Failure> {
        let entries = &mut self.pending[start..];
        let key = |entry: &(Option<Key>, _)| entry.0.expect("map entries have keys");
        let same_shape = self.shape.len() == entries.len()
            && entries
                .iter()
                .zip(&self.shape)
                .all(|(entry, (id, _))| key(entry).id == *id);
        if same_shape {
            if !self.shape_sorted {
                for (entry, (_, rank)) in entries.iter_mut().zip(&self.shape) {
                    entry.0.as_mut().expect("map entries have keys").rank = *rank;
                }
                entries.sort_unstable_by_key(|entry| key(entry).rank);
            }
            return Ok(());
        }
        let key_text = &self.key_text;
        let text = |entry: &(Option<Key>, _)| -> &str {
            let Key { start, end, .. } = key(entry);
            &key_text[start..end]
        };
        self.shape.clear();
        self.shape
            .extend(entries.iter().map(|entry| (key(entry).id, 0)));
        self.shape_sorted = entries
            .windows(2)
            .all(|pair| text(&pair[0]) < text(&pair[1]));
        if !self.shape_sorted {
            for (index, entry) in entries.iter_mut().enumerate() {
                entry.0.as_mut().expect("map entries have keys").rank = index as u32;
            }
            entries.sort_unstable_by(|a, b| text(a).cmp(text(b)));
            if let Some(pair) = entries
                .windows(2)
                .find(|pair| text(&pair[0]) == text(&pair[1]))
            {
                let message = format!(
                    "two keys are {:?} (str subclasses that differ as objects)",
                    text(&pair[0])
                );
                self.shape.clear();
                return Err(Failure::new(Problem::Data(
                    ErrorKind::DuplicateKey.name(),
                    self.out.len(),
                    message,
                )));
            }
            for (position, entry) in entries.iter().enumerate() {
                self.shape[key(entry).rank as usize].1 = position as u32;
            }
        }
        Ok(())
    }

    /// The UTF-8 of a key, converted once per key object.
    fn key(&mut self, key: &Bound<'py, PyAny>) -> Result<Key, Failure> {
        if let Some(text) = self.keys.get(&key.as_ptr()) {
            return Ok(*text);
        }
        let Ok(string) = key.cast::<PyString>() else {
            return Err(Failure::new(Problem::Type(format!(
                "a map key is str, not {}",
                type_name(key)
            ))));
        };
        let utf8 = self
            .utf8(string)
            .map_err(|f| f.at(Step::Key(string.to_string_lossy().into_owned())))?;
        let start = self.key_text.len();
        self.key_text.push_str(&utf8);
        let text = Key {
            id: key.as_ptr(),
            start,
            end: self.key_text.len(),
            rank: 0,
        };
        self.keys.insert(key.as_ptr(), text);
        self.key_objects.push(key.clone());
        Ok(text)
    }
}
