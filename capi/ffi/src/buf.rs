//! `gvc_buf`: bytes the library allocated and hands to the caller, who gives
//! them back with `gvc_buf_free`.

use core::mem::ManuallyDrop;

use crate::error::{guard, gvc_error, input, output, put, Failure};

/// An owned byte buffer; free it with [`gvc_buf_free`].
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct gvc_buf {
    /// The bytes, NULL when `cap` is 0.
    pub ptr: *mut u8,
    /// How many bytes are filled.
    pub len: usize,
    /// The allocation's size; the caller must not change it.
    pub cap: usize,
}

impl gvc_buf {
    /// Hands a vector over to C.
    pub fn from_vec(bytes: Vec<u8>) -> gvc_buf {
        if bytes.capacity() == 0 {
            return gvc_buf {
                ptr: core::ptr::null_mut(),
                len: 0,
                cap: 0,
            };
        }
        let mut bytes = ManuallyDrop::new(bytes);
        gvc_buf {
            ptr: bytes.as_mut_ptr(),
            len: bytes.len(),
            cap: bytes.capacity(),
        }
    }
}

/// The body of every function that turns input bytes into a buffer: checks
/// `out`, reads `data[..len]`, runs `body` and hands its bytes to the caller.
///
/// # Safety
/// `data` points to `len` readable bytes (or is NULL with `len` 0); `out`
/// points to a writable `gvc_buf`; `err` is NULL or a writable `gvc_error`.
pub unsafe fn fill(
    data: *const u8,
    len: usize,
    out: *mut gvc_buf,
    err: *mut gvc_error,
    body: impl FnOnce(&[u8]) -> Result<Vec<u8>, Failure>,
) -> i32 {
    guard(err, || {
        output(out, "out")?;
        // SAFETY: the caller's promise on `data`.
        let data = unsafe { input(data, len) }?;
        let bytes = body(data)?;
        // SAFETY: `out` passed `output`.
        unsafe { put(out, gvc_buf::from_vec(bytes)) };
        Ok(())
    })
}

/// Frees a buffer the library filled and sets it to `{NULL, 0, 0}`; freeing
/// that (or passing NULL) does nothing, so a double free is harmless.
///
/// # Safety
/// `buf` is NULL or points to a `gvc_buf` that a `gvc_*` function filled and
/// the caller has not modified.
#[no_mangle]
pub unsafe extern "C" fn gvc_buf_free(buf: *mut gvc_buf) {
    if buf.is_null() || !buf.is_aligned() {
        return;
    }
    // SAFETY: non-NULL and aligned; the caller promises a library-filled buf.
    let buf = unsafe { &mut *buf };
    if !buf.ptr.is_null() && buf.cap != 0 {
        // SAFETY: `ptr`, `len` and `cap` come from a `Vec<u8>` given up by
        // `from_vec`, unmodified by the caller's promise, and not yet freed
        // (a freed buf has a NULL pointer).
        drop(unsafe { Vec::from_raw_parts(buf.ptr, buf.len, buf.cap) });
    }
    *buf = gvc_buf::from_vec(Vec::new());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_releases_once_and_then_does_nothing() {
        let mut buf = gvc_buf::from_vec(b"abc".to_vec());
        assert_eq!(buf.len, 3);
        // SAFETY: a library-filled buffer, freed twice on purpose.
        unsafe {
            gvc_buf_free(&mut buf);
            assert!(buf.ptr.is_null());
            gvc_buf_free(&mut buf);
            gvc_buf_free(core::ptr::null_mut());
        }
        assert_eq!((buf.len, buf.cap), (0, 0));
    }
}
