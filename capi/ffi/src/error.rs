//! `gvc_error`, the stable error codes, and the guard every entry point runs
//! its body in: it catches panics and fills the caller's error record.

use core::ffi::{c_char, CStr};
use std::ffi::CString;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

use codec::{DecodeError, ErrorKind};

/// The error record a caller may pass to any function (or NULL).
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct gvc_error {
    /// A [`Code`], 0 on success.
    pub kind: i32,
    /// Byte offset into the input the error refers to (0 when none).
    pub offset: u64,
    /// NUL-terminated UTF-8 message, truncated to fit.
    pub message: [c_char; 256],
}

/// Every code a function returns. 1 to 11 are the calldata error kinds of
/// `spec/calldata.md` (`codec::ErrorKind`'s numbers); the rest belong to the
/// C ABI. The numbers are stable: they are in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum Code {
    /// Success.
    Ok = 0,
    /// A required pointer is NULL (or NULL data with a non-zero length).
    NullArgument = 20,
    /// A pointer to a library struct is not aligned for it.
    Misaligned = 21,
    /// Text is not valid text form (offset: byte in the text).
    TextSyntax = 22,
    /// A frame with no code byte.
    FrameEmpty = 23,
    /// A frame whose code byte is not a result code.
    FrameUnknownCode = 24,
    /// A user error message starting with four NUL bytes (it would read
    /// back as data).
    MessageLooksLikeData = 25,
    /// A frame kind argument that is not a `GVC_FRAME_*` value.
    InvalidArgument = 26,
    /// A bug: the library panicked. Nothing was written to the outputs.
    Internal = 27,
    /// Calldata that is not a method call of either ABI generation.
    NotACall = 28,
    /// A frame code the generation does not allow where the frame travels.
    FrameNotAllowed = 29,
    /// A validator's decision that is an error, not a verdict.
    NoVerdict = 30,
}

/// The C ABI's own codes with their names (`GVC_ERR_` + upper case in the
/// header), NUL-terminated for C. Codes 1 to 11 and their names are
/// `codec::ErrorKind`'s, generated from `spec/public-abi.json`.
const OWN_NAMES: [(Code, &CStr); 12] = [
    (Code::Ok, c"ok"),
    (Code::NullArgument, c"null_argument"),
    (Code::Misaligned, c"misaligned"),
    (Code::TextSyntax, c"text_syntax"),
    (Code::FrameEmpty, c"frame_empty"),
    (Code::FrameUnknownCode, c"frame_unknown_code"),
    (Code::MessageLooksLikeData, c"message_looks_like_data"),
    (Code::InvalidArgument, c"invalid_argument"),
    (Code::Internal, c"internal"),
    (Code::NotACall, c"not_a_call"),
    (Code::FrameNotAllowed, c"frame_not_allowed"),
    (Code::NoVerdict, c"no_verdict"),
];

/// `ErrorKind`'s names, NUL-terminated, made once and kept for the
/// process's life (C callers keep the pointers).
fn kind_names() -> &'static [CString] {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    NAMES.get_or_init(|| {
        ErrorKind::ALL
            .iter()
            .map(|kind| CString::new(kind.name()).expect("names have no NUL"))
            .collect()
    })
}

impl Code {
    /// The name of any code this library returns, or `None`.
    pub fn name_of(code: i32) -> Option<&'static CStr> {
        let kind = u8::try_from(code)
            .ok()
            .and_then(|number| ErrorKind::try_from(number).ok());
        if let Some(kind) = kind {
            let index = ErrorKind::ALL.iter().position(|known| *known == kind)?;
            return Some(&kind_names()[index]);
        }
        OWN_NAMES
            .iter()
            .find(|(own, _)| *own as i32 == code)
            .map(|(_, name)| *name)
    }
}

/// A failed call: what to put into the caller's `gvc_error`.
#[derive(Debug)]
pub struct Failure {
    code: i32,
    offset: u64,
    message: String,
}

impl Failure {
    /// A failure with one of the C ABI's own codes.
    pub fn new(code: Code, offset: usize, message: impl Into<String>) -> Failure {
        Failure {
            code: code as i32,
            offset: offset as u64,
            message: message.into(),
        }
    }

    /// A failure with a calldata error kind's number.
    pub fn with_kind(kind: ErrorKind, offset: usize, message: impl Into<String>) -> Failure {
        Failure {
            code: i32::from(kind.value()),
            offset: offset as u64,
            message: message.into(),
        }
    }

    /// A calldata error, its offset moved by `at`.
    pub fn calldata(error: DecodeError, at: usize) -> Failure {
        let moved = error.with_offset(error.offset() + at);
        Failure::with_kind(moved.kind(), moved.offset(), moved.to_string())
    }
}

/// Runs an entry point's body: panics become [`Code::Internal`], and the
/// outcome is written to `err` (if not NULL). Returns the code.
pub fn guard(err: *mut gvc_error, body: impl FnOnce() -> Result<(), Failure>) -> i32 {
    if !err.is_null() && !err.is_aligned() {
        return Code::Misaligned as i32;
    }
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| {
        Err(Failure::new(
            Code::Internal,
            0,
            "internal error: the library panicked (please report)",
        ))
    });
    let failure = outcome.err();
    if !err.is_null() {
        let record = match &failure {
            Some(failure) => record(failure),
            None => record(&Failure::new(Code::Ok, 0, "")),
        };
        // SAFETY: `err` is non-NULL and aligned (checked above), and the
        // caller promises it points to writable memory for a `gvc_error`.
        unsafe { err.write(record) };
    }
    failure.map_or(Code::Ok as i32, |failure| failure.code)
}

fn record(failure: &Failure) -> gvc_error {
    let mut message = [0; 256];
    // Keep the terminating NUL and cut at a character boundary.
    let mut end = failure.message.len().min(message.len() - 1);
    while !failure.message.is_char_boundary(end) {
        end -= 1;
    }
    for (slot, byte) in message.iter_mut().zip(&failure.message.as_bytes()[..end]) {
        *slot = *byte as c_char;
    }
    gvc_error {
        kind: failure.code,
        offset: failure.offset,
        message,
    }
}

/// The input bytes `data[..len]`; NULL is allowed only with `len == 0`.
///
/// # Safety
/// Unless NULL, `data` must point to `len` readable bytes that stay
/// unchanged while the returned slice lives.
pub unsafe fn input<'a>(data: *const u8, len: usize) -> Result<&'a [u8], Failure> {
    if data.is_null() {
        return match len {
            0 => Ok(&[]),
            _ => Err(Failure::new(
                Code::NullArgument,
                0,
                "data is NULL but len is not 0",
            )),
        };
    }
    // SAFETY: non-NULL, and the caller promises `len` readable bytes.
    Ok(unsafe { core::slice::from_raw_parts(data, len) })
}

/// `bytes` as UTF-8, or an `invalid_utf8` failure naming `what` and the
/// offset of the first bad byte.
pub fn utf8<'a>(bytes: &'a [u8], what: &str) -> Result<&'a str, Failure> {
    core::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        Failure::with_kind(
            ErrorKind::InvalidUtf8,
            offset,
            format!("{what} is not UTF-8 at byte {offset}"),
        )
    })
}

/// Checks an output pointer before anything is written through it.
pub fn output<T>(ptr: *mut T, name: &str) -> Result<(), Failure> {
    if ptr.is_null() {
        Err(Failure::new(
            Code::NullArgument,
            0,
            format!("{name} is NULL"),
        ))
    } else if !ptr.is_aligned() {
        Err(Failure::new(
            Code::Misaligned,
            0,
            format!("{name} is not aligned"),
        ))
    } else {
        Ok(())
    }
}

/// Writes `value` through an output pointer that [`output`] accepted.
///
/// # Safety
/// `ptr` must have passed [`output`] and point to writable memory for a `T`.
pub unsafe fn put<T>(ptr: *mut T, value: T) {
    // SAFETY: non-NULL and aligned (checked by `output`), writable by the
    // caller's promise; `write` does not read or drop the old contents.
    unsafe { ptr.write(value) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_messages_are_cut_at_a_character_and_terminated() {
        let failure = Failure::new(Code::TextSyntax, 3, "é".repeat(200));
        let record = record(&failure);
        let bytes: Vec<u8> = record.message.iter().map(|&c| c as u8).collect();
        let end = bytes.iter().position(|&b| b == 0).unwrap();
        assert_eq!(end, 254, "127 two-byte characters fit before the NUL");
        assert!(core::str::from_utf8(&bytes[..end]).is_ok());
        assert_eq!((record.kind, record.offset), (22, 3));
    }

    #[test]
    fn panics_become_internal_errors() {
        let mut err = core::mem::MaybeUninit::<gvc_error>::uninit();
        let code = guard(err.as_mut_ptr(), || panic!("boom"));
        assert_eq!(code, Code::Internal as i32);
        // SAFETY: `guard` wrote the record.
        let err = unsafe { err.assume_init() };
        assert_eq!(err.kind, Code::Internal as i32);
    }

    #[test]
    fn calldata_codes_and_names_are_the_codecs() {
        for kind in ErrorKind::ALL {
            let name = Code::name_of(i32::from(kind.value())).unwrap();
            assert_eq!(name.to_str().unwrap(), kind.name());
        }
        let mut names: Vec<&CStr> = OWN_NAMES.iter().map(|(_, name)| *name).collect();
        names.extend(kind_names().iter().map(CString::as_c_str));
        names.sort();
        names.dedup();
        assert_eq!(
            names.len(),
            OWN_NAMES.len() + ErrorKind::ALL.len(),
            "names are distinct"
        );
        for code in [Code::Ok, Code::NullArgument, Code::Internal] {
            assert!(Code::name_of(code as i32).is_some());
        }
        assert_eq!(Code::name_of(12), None);
    }
}
