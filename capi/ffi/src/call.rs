//! Method calls: `gvc_call_key` and `gvc_call_migrate`.

use core::ffi::{c_char, CStr};

use codec::abi::AbiGeneration;
use codec::{call_key, migrate_call, MethodCallError};

use crate::buf::{fill, gvc_buf};
use crate::error::{guard, gvc_error, input, output, put, utf8, Code, Failure};

/// The generation a NUL-terminated string names (`"v0.2"`, `"v0.3"`).
///
/// # Safety
/// `name` is NULL or a NUL-terminated string.
pub unsafe fn generation_named(name: *const c_char) -> Result<AbiGeneration, Failure> {
    if name.is_null() {
        return Err(Failure::new(
            Code::NullArgument,
            0,
            "the ABI generation is NULL",
        ));
    }
    // SAFETY: non-NULL, and the caller promises a NUL-terminated string.
    let name = unsafe { CStr::from_ptr(name) };
    name.to_str()
        .ok()
        .and_then(|name| AbiGeneration::try_from(name).ok())
        .ok_or_else(|| {
            Failure::new(
                Code::InvalidArgument,
                0,
                "unknown ABI generation (v0.2 or v0.3)",
            )
        })
}

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
    // SAFETY: the caller's promise on `to`.
    let to = match unsafe { generation_named(to) } {
        Ok(to) => to,
        Err(failure) => return guard(err, || Err(failure)),
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
