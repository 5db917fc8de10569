//! `gvc_reader`: a pull reader that walks validated calldata item by item,
//! so a language without Rust types (Python's ctypes, C) can build its own
//! values without copying strings or bytes.

use core::fmt::Write as _;

use codec::{ArrayIter, MapIter, ValueRef};

use crate::error::{guard, gvc_error, input, output, put, Failure};

/// `null`.
pub const GVC_NULL: i32 = 0;
/// A boolean in `int_value` (0 or 1).
pub const GVC_BOOL: i32 = 1;
/// An integer that fits `int_value`.
pub const GVC_INT: i32 = 2;
/// An integer beyond 64 bits: decimal ASCII text (with `-` when negative)
/// at `ptr`/`len`, valid until the next call on the reader.
pub const GVC_BIG_INT: i32 = 3;
/// A byte string at `ptr`/`len`.
pub const GVC_BYTES: i32 = 4;
/// A UTF-8 string at `ptr`/`len`.
pub const GVC_STR: i32 = 5;
/// An address: 20 bytes at `ptr`.
pub const GVC_ADDRESS: i32 = 6;
/// An array; its `count` items follow.
pub const GVC_ARRAY: i32 = 7;
/// A map; `count` entries follow, each a `GVC_KEY` then the value.
pub const GVC_MAP: i32 = 8;
/// A map key (UTF-8) at `ptr`/`len`.
pub const GVC_KEY: i32 = 9;
/// The value is finished; every later call gives `GVC_END` again.
pub const GVC_END: i32 = 10;

/// One item of the walk, in pre-order.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct gvc_item {
    /// A `GVC_*` item type.
    pub kind: i32,
    /// `GVC_BOOL`: 0 or 1; `GVC_INT`: the integer.
    pub int_value: i64,
    /// `GVC_ARRAY`: items; `GVC_MAP`: entries.
    pub count: u64,
    /// Bytes of `GVC_BYTES`, `GVC_STR`, `GVC_KEY`, `GVC_ADDRESS` (inside the
    /// input) or `GVC_BIG_INT` (inside the reader); NULL otherwise.
    pub ptr: *const u8,
    /// Length of the bytes at `ptr`.
    pub len: usize,
}

/// A walk over one calldata value; create with [`gvc_reader_new`], free
/// with [`gvc_reader_free`].
#[allow(non_camel_case_types)]
pub struct gvc_reader {
    /// A value to emit before going on with the stack (the root, or a map
    /// entry's value after its key).
    pending: Option<ValueRef<'static>>,
    /// The containers being walked, innermost last (at most the depth limit).
    stack: Vec<Level>,
    /// The text of the last `GVC_BIG_INT`.
    digits: String,
}

enum Level {
    Array(ArrayIter<'static>),
    Map(MapIter<'static>),
}

impl gvc_reader {
    fn next_item(&mut self) -> gvc_item {
        if let Some(value) = self.pending.take() {
            return self.enter(value);
        }
        while let Some(level) = self.stack.last_mut() {
            match level {
                Level::Array(items) => match items.next() {
                    Some(value) => return self.enter(value),
                    None => self.stack.pop(),
                },
                Level::Map(entries) => match entries.next() {
                    Some((key, value)) => {
                        self.pending = Some(value);
                        return item(GVC_KEY, 0, 0, key.as_bytes());
                    }
                    None => self.stack.pop(),
                },
            };
        }
        item(GVC_END, 0, 0, &[])
    }

    /// The item for `value`, stepping into it when it is a container.
    fn enter(&mut self, value: ValueRef<'static>) -> gvc_item {
        match value {
            ValueRef::Null => item(GVC_NULL, 0, 0, &[]),
            ValueRef::Bool(b) => item(GVC_BOOL, i64::from(b), 0, &[]),
            ValueRef::Int(int) => match i64::try_from(int) {
                Ok(small) => item(GVC_INT, small, 0, &[]),
                Err(_) => {
                    self.digits.clear();
                    write!(self.digits, "{int}").expect("writing to a String");
                    let digits = self.digits.as_bytes();
                    gvc_item {
                        kind: GVC_BIG_INT,
                        int_value: 0,
                        count: 0,
                        ptr: digits.as_ptr(),
                        len: digits.len(),
                    }
                }
            },
            ValueRef::Bytes(bytes) => item(GVC_BYTES, 0, 0, bytes),
            ValueRef::Str(text) => item(GVC_STR, 0, 0, text.as_bytes()),
            ValueRef::Address(address) => item(GVC_ADDRESS, 0, 0, address),
            ValueRef::Array(items) => {
                self.stack.push(Level::Array(items.iter()));
                item(GVC_ARRAY, 0, items.len() as u64, &[])
            }
            ValueRef::Map(entries) => {
                self.stack.push(Level::Map(entries.iter()));
                item(GVC_MAP, 0, entries.len() as u64, &[])
            }
        }
    }
}

fn item(kind: i32, int_value: i64, count: u64, bytes: &[u8]) -> gvc_item {
    gvc_item {
        kind,
        int_value,
        count,
        ptr: if bytes.is_empty() {
            core::ptr::null()
        } else {
            bytes.as_ptr()
        },
        len: bytes.len(),
    }
}

/// Validates `data[..len]` and returns a reader over it, or NULL with the
/// error in `err`. The reader borrows `data`: keep it alive and unchanged
/// until [`gvc_reader_free`].
///
/// # Safety
/// `data` points to `len` readable bytes (or is NULL with `len` 0) that stay
/// valid and unchanged until the reader is freed; `err` is NULL or points to
/// a writable `gvc_error`.
#[no_mangle]
pub unsafe extern "C" fn gvc_reader_new(
    data: *const u8,
    len: usize,
    err: *mut gvc_error,
) -> *mut gvc_reader {
    let mut reader = core::ptr::null_mut();
    guard(err, || {
        // SAFETY: the caller promises `data` outlives the reader, which is
        // all the `'static` here stands for: nothing borrowed escapes it
        // except through items the caller reads before freeing it.
        let data: &'static [u8] = unsafe { input(data, len) }?;
        let root = codec::decode_ref(data).map_err(|e| Failure::calldata(e, 0))?;
        reader = Box::into_raw(Box::new(gvc_reader {
            pending: Some(root),
            stack: Vec::new(),
            digits: String::new(),
        }));
        Ok(())
    });
    reader
}

/// Fills `item` with the next item of the walk (`GVC_END` when it is over).
/// Pointers in `item` stay valid while the input does, except a
/// `GVC_BIG_INT`'s, which the next call replaces.
///
/// # Safety
/// `reader` comes from [`gvc_reader_new`] and is not freed nor used by
/// another thread at the same time; `item` points to a writable `gvc_item`;
/// `err` is NULL or points to a writable `gvc_error`.
#[no_mangle]
pub unsafe extern "C" fn gvc_reader_next(
    reader: *mut gvc_reader,
    item: *mut gvc_item,
    err: *mut gvc_error,
) -> i32 {
    guard(err, || {
        output(reader, "reader")?;
        output(item, "item")?;
        // SAFETY: a live reader from `gvc_reader_new`, used by this thread
        // only (the caller's promise).
        let reader = unsafe { &mut *reader };
        let next = reader.next_item();
        // SAFETY: `item` passed `output`.
        unsafe { put(item, next) };
        Ok(())
    })
}

/// Frees a reader; NULL does nothing.
///
/// # Safety
/// `reader` is NULL or comes from [`gvc_reader_new`] and is not used again.
#[no_mangle]
pub unsafe extern "C" fn gvc_reader_free(reader: *mut gvc_reader) {
    if !reader.is_null() {
        // SAFETY: made by `Box::into_raw` in `gvc_reader_new`, freed once.
        drop(unsafe { Box::from_raw(reader) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(data: &[u8]) -> Vec<(i32, i64, u64, Vec<u8>)> {
        let mut items = Vec::new();
        // SAFETY: `data` outlives the reader, freed below.
        unsafe {
            let reader = gvc_reader_new(data.as_ptr(), data.len(), core::ptr::null_mut());
            assert!(!reader.is_null());
            loop {
                let mut next = core::mem::MaybeUninit::<gvc_item>::uninit();
                assert_eq!(
                    gvc_reader_next(reader, next.as_mut_ptr(), core::ptr::null_mut()),
                    0
                );
                let next = next.assume_init();
                let bytes = match next.ptr.is_null() {
                    true => Vec::new(),
                    false => core::slice::from_raw_parts(next.ptr, next.len).to_vec(),
                };
                items.push((next.kind, next.int_value, next.count, bytes));
                if next.kind == GVC_END {
                    break;
                }
            }
            gvc_reader_free(reader);
        }
        items
    }

    #[test]
    fn walks_in_pre_order_with_keys() {
        let value = codec::from_text(
            r#"{"a": [true, -3, 340282366920938463463374607431768211456], "b": {"c": b#ff}, "d": addr#0101010101010101010101010101010101010101}"#,
        )
        .unwrap();
        let data = codec::encode(&value);
        let items = walk(&data);
        let kinds: Vec<i32> = items.iter().map(|item| item.0).collect();
        assert_eq!(
            kinds,
            [
                GVC_MAP,
                GVC_KEY,
                GVC_ARRAY,
                GVC_BOOL,
                GVC_INT,
                GVC_BIG_INT,
                GVC_KEY,
                GVC_MAP,
                GVC_KEY,
                GVC_BYTES,
                GVC_KEY,
                GVC_ADDRESS,
                GVC_END
            ]
        );
        assert_eq!(items[0].2, 3);
        assert_eq!(items[2].2, 3);
        assert_eq!(items[4].1, -3);
        assert_eq!(items[5].3, b"340282366920938463463374607431768211456");
        assert_eq!(items[9].3, [0xff]);
        assert_eq!(items[11].3, [1; 20]);
    }

    #[test]
    fn invalid_input_gives_no_reader_and_an_error() {
        let mut err = core::mem::MaybeUninit::<gvc_error>::uninit();
        // SAFETY: a two-byte input; `err` is writable.
        let reader = unsafe { gvc_reader_new([0x00, 0x00].as_ptr(), 2, err.as_mut_ptr()) };
        assert!(reader.is_null());
        // SAFETY: `gvc_reader_new` wrote the record.
        let err = unsafe { err.assume_init() };
        assert_eq!((err.kind, err.offset), (11, 1));
    }
}
