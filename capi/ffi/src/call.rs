//! Method calls: `gvc_call_key` and `gvc_call_migrate`.

use core::ffi::{c_char, CStr};

use codec::abi::AbiGeneration;
use codec::{call_key, migrate_call, MethodCallError};

use crate::buf::{fill, gvc_buf};
use crate::error::{guard, gvc_error, input, output, put, utf8, Code, Failure};

/// Writes the v0.3 call key of the method name `name[..len]` (UTF-8) into
/// the 32 bytes at `out`. A deployment and a call without a name have the
/// key 0: pass NULL (or an empty name).
///
/// # Safety
/// `name` points to `len` readable bytes (or is NULL with `len` 0); `out`
/// points to 32 writable bytes; `err` is NULL or a writable `gvc_error`.
#[no_mangle]
pub unsafe extern "C" fn gvc_call_key(
    name: *const u8,
    len: usize,
    out: *mut [u8; 32],
    err: *mut gvc_error,
) -> i32 {
    guard(err, || {
        output(out, "out")?;
        // SAFETY: the caller's promise on `name`.
        let name = utf8(unsafe { input(name, len) }?, "name")?;
        // SAFETY: `out` passed `output`.
        unsafe { put(out, call_key(Some(name))) };
        Ok(())
    })
}

/// Rewrites the method key of the call `data[..len]` for the generation
/// `to` (`GENVM_ABI_GENERATION_V0_2` or `_V0_3` of genvm_abi.h), every other
/// byte kept, into `out`. A call already in that shape comes back as it is.
///
/// # Safety
/// `data` points to `len` readable bytes (or is NULL with `len` 0); `to` is
/// a NUL-terminated string; `out` points to a writable `gvc_buf` (free it
/// with `gvc_buf_free`); `err` is NULL or a writable `gvc_error`.
#[no_mangle]
pub unsafe extern "C" fn gvc_call_migrate(
    data: *const u8,
    len: usize,
    to: *const c_char,
    out: *mut gvc_buf,
    err: *mut gvc_error,
) -> i32 {
    if to.is_null() {
        return guard(err, || {
            Err(Failure::new(Code::NullArgument, 0, "to is NULL"))
        });
    }
    // SAFETY: non-NULL, and the caller promises a NUL-terminated string.
    let to = unsafe { CStr::from_ptr(to) };
    let Some(to) = to
        .to_str()
        .ok()
        .and_then(|to| AbiGeneration::try_from(to).ok())
    else {
        return guard(err, || {
            Err(Failure::new(
                Code::InvalidArgument,
                0,
                "unknown ABI generation (v0.2 or v0.3)",
            ))
        });
    };
    // SAFETY: the caller's promises, passed on.
    unsafe {
        fill(data, len, out, err, |data| {
            migrate_call(data, to).map_err(|error| match error {
                MethodCallError::Decode(error) => Failure::calldata(error, 0),
                other => Failure::new(Code::NotACall, 0, other.to_string()),
            })
        })
    }
}
