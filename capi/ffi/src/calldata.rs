//! Calldata in and out: validation and the text form.

use crate::buf::{fill, gvc_buf};
use crate::error::{guard, gvc_error, input, utf8, Code, Failure};

/// Checks that `data[..len]` is one canonical calldata value. Returns 0, or
/// the error kind (1 to 11) with the offending byte's offset in `err`.
///
/// # Safety
/// `data` points to `len` readable bytes (or is NULL with `len` 0); `err` is
/// NULL or points to a writable `gvc_error`.
#[no_mangle]
pub unsafe extern "C" fn gvc_validate(data: *const u8, len: usize, err: *mut gvc_error) -> i32 {
    guard(err, || {
        // SAFETY: the caller's promise on `data`.
        let data = unsafe { input(data, len) }?;
        codec::validate(data).map_err(|e| Failure::calldata(e, 0))
    })
}

/// Prints calldata in the text form (UTF-8, not NUL-terminated) into `out`.
///
/// # Safety
/// As [`gvc_validate`]; `out` points to a writable `gvc_buf`, which the
/// caller frees with `gvc_buf_free` on success (it is untouched on error).
#[no_mangle]
pub unsafe extern "C" fn gvc_to_text(
    data: *const u8,
    len: usize,
    out: *mut gvc_buf,
    err: *mut gvc_error,
) -> i32 {
    // SAFETY: the caller's promises, passed on.
    unsafe {
        fill(data, len, out, err, |data| {
            let value = codec::decode_ref(data).map_err(|e| Failure::calldata(e, 0))?;
            Ok(value.to_string().into_bytes())
        })
    }
}

/// Parses the text form (UTF-8) into canonical calldata bytes in `out`.
/// A syntax error gives `GVC_ERR_TEXT_SYNTAX` with the byte offset in the
/// text and the line and column in the message.
///
/// # Safety
/// As [`gvc_to_text`].
#[no_mangle]
pub unsafe extern "C" fn gvc_from_text(
    text: *const u8,
    len: usize,
    out: *mut gvc_buf,
    err: *mut gvc_error,
) -> i32 {
    // SAFETY: the caller's promises, passed on.
    unsafe {
        fill(text, len, out, err, |text| {
            let value = codec::from_text(utf8(text, "text")?).map_err(|e| {
                Failure::new(
                    Code::TextSyntax,
                    e.offset(),
                    format!(
                        "{} at line {}, column {}",
                        e.message(),
                        e.line(),
                        e.column()
                    ),
                )
            })?;
            Ok(codec::encode(&value))
        })
    }
}
