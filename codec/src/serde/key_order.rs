//! The order of map entries: the serializer writes entries as they come,
//! then puts them in key order, and remembers each struct type's order.
//!
//! Invariant: a [`FieldOrder`] is used for a struct only when every field
//! arrived as the same `&'static str` (compared by address) at the same
//! position as when the order was learned, so its keys and runs are exactly
//! what comparing the keys would give; anything else (a map, a field out of
//! place, a type beyond [`MAX_FIELD_ORDERS`]) is sorted by comparing keys.
//! Either way the entries leave in strictly increasing key order, and a
//! repeated key is an error.

use alloc::string::String;
use alloc::vec::Vec;

use super::SerdeError;
use crate::wire::{self, put_key};

/// Where one map entry starts in the output while its map is open; it ends
/// where the next one starts (the last where the output ends).
#[derive(Clone, Copy)]
pub(super) struct Entry {
    /// The key's length prefix.
    pub(super) start: usize,
    /// A struct field's name; `None` for a map key.
    pub(super) field: Option<&'static str>,
}

/// The key of the entry at `start` in `out`, as a range.
fn key_range(out: &[u8], start: usize) -> (usize, usize) {
    match wire::read_uleb(out, start) {
        Ok(prefix) => (prefix.end, prefix.end + prefix.value as usize),
        Err(_) => (start, start),
    }
}

/// The key of the entry at `start`, for an error's path.
pub(super) fn key_text(out: &[u8], start: usize) -> &str {
    let (from, to) = key_range(out, start);
    core::str::from_utf8(&out[from..to]).unwrap_or("?")
}

/// One struct type's fields: how they sort by key, and their keys encoded.
/// Names are told apart by address (`core::ptr::eq`), never compared as text:
/// a derived `Serialize` passes the same `&'static str`s every time.
pub(super) struct FieldOrder {
    /// The struct's (or struct variant's) name.
    pub(super) name: &'static str,
    /// The fields in the order they arrive.
    pub(super) fields: Vec<FieldKey>,
    /// The runs of `fields` to write in key order; `None` when that is the
    /// order they arrive in.
    pub(super) runs: Option<Vec<Run>>,
}

/// A field's name and its key encoded (length prefix and text) in a block
/// of fixed size, copied whole and the length cut back: no `memcpy` call,
/// and the key sits next to the name it is found by.
pub(super) struct FieldKey {
    name: &'static str,
    pub(super) len: usize,
    pub(super) encoded: [u8; SPAN_CHUNK],
}

impl FieldOrder {
    /// The order of the fields `open`; `None` unless they are all struct
    /// fields whose keys fit a [`FieldKey`].
    pub(super) fn new(name: &'static str, open: &[Entry], runs: Option<Vec<Run>>) -> Option<Self> {
        let fits = |field: &str| wire::key_len(field) <= SPAN_CHUNK;
        if !open.iter().all(|entry| entry.field.is_some_and(fits)) {
            return None;
        }
        let mut fields = Vec::with_capacity(open.len());
        let mut key = Vec::new();
        for entry in open {
            let field = entry.field?;
            key.clear();
            put_key(&mut key, field);
            let mut encoded = [0; SPAN_CHUNK];
            encoded.get_mut(..key.len())?.copy_from_slice(&key);
            fields.push(FieldKey {
                name: field,
                len: key.len(),
                encoded,
            });
        }
        Some(FieldOrder { name, fields, runs })
    }

    /// Field number `index`, if it is `name`.
    #[inline(always)]
    pub(super) fn field(&self, index: usize, name: &'static str) -> Option<&FieldKey> {
        self.fields
            .get(index)
            .filter(|field| core::ptr::eq(field.name, name))
    }
}

/// How many struct types the order cache remembers (per serializer; types
/// beyond these are sorted each time).
pub(super) const MAX_FIELD_ORDERS: usize = 16;

/// Entries and keys up to this long are copied as one fixed-size block
/// (then the length cut back), without a call to `memcpy`.
const SPAN_CHUNK: usize = 64;

/// Appends `padded[start..end]`; `padded` holds at least [`SPAN_CHUNK`]
/// bytes past `end`, so a short span is copied as a whole chunk.
#[inline(always)]
fn append_span(out: &mut Vec<u8>, padded: &[u8], (start, end): (usize, usize)) {
    let len = end - start;
    match padded[start..].first_chunk::<SPAN_CHUNK>() {
        Some(chunk) if len <= SPAN_CHUNK => {
            let at = out.len();
            out.extend_from_slice(chunk);
            out.truncate(at + len);
        }
        _ => out.extend_from_slice(&padded[start..end]),
    }
}

/// Entries `start..end` (by arrival) that stay next to each other in key
/// order, so they move as one piece.
pub(super) type Run = core::ops::Range<usize>;

/// Rewrites the entries written from `start` on in the order of `runs`:
/// they are gathered into `scratch`, then copied back in one piece (reading
/// back bytes just written in many small pieces stalls the CPU; gathering
/// reads the older bytes of `out` instead).
pub(super) fn permute(
    out: &mut Vec<u8>,
    scratch: &mut Vec<u8>,
    start: usize,
    open: &[Entry],
    runs: &[Run],
) {
    let end = out.len();
    out.extend_from_slice(&[0; SPAN_CHUNK]);
    scratch.clear();
    for run in runs {
        let next = open.get(run.end).map_or(end, |entry| entry.start);
        append_span(scratch, out, (open[run.start].start, next));
    }
    out.truncate(start);
    out.extend_from_slice(scratch);
}

/// The order to write `open` entries in by comparing their keys, as runs,
/// or `None` when they arrived in key order; a repeated key is an error.
pub(super) fn key_order(out: &[u8], open: &[Entry]) -> Result<Option<Vec<Run>>, SerdeError> {
    let key = |entry: &Entry| {
        let (from, to) = key_range(out, entry.start);
        &out[from..to]
    };
    if open.windows(2).all(|pair| key(&pair[0]) < key(&pair[1])) {
        return Ok(None);
    }
    let mut sorted: Vec<usize> = (0..open.len()).collect();
    sorted.sort_unstable_by(|&a, &b| key(&open[a]).cmp(key(&open[b])));
    if let Some(pair) = sorted
        .windows(2)
        .find(|pair| key(&open[pair[0]]) == key(&open[pair[1]]))
    {
        let name = String::from_utf8_lossy(key(&open[pair[0]])).into_owned();
        return Err(SerdeError::new(alloc::format!(
            "duplicate map key {name:?}"
        )));
    }
    let mut runs: Vec<Run> = Vec::new();
    for index in sorted {
        match runs.last_mut() {
            Some(run) if run.end == index => run.end += 1,
            _ => runs.push(index..index + 1),
        }
    }
    Ok(Some(runs))
}
