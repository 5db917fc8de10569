//! `CalldataError(kind, offset)`: every refusal of data, decoding or text;
//! `MethodCallError(kind, key)`: calldata that is not a method call;
//! `VmErrorCodeError`, `Gvm32Error` and `VerdictError` for the v0.3
//! results.
//!
//! The classes are Python (`genvm_calldata/_errors.py`): an exception class
//! written in Rust needs Python 3.12 under the limited API.

use genvm_calldata::{
    DecodeError, FrameEncodeError, FrameError, Gvm32Error as Gvm32Refusal,
    MethodCallError as CallError, TextParseError, VerdictError as VerdictRefusal,
    VmErrorCodeError as CodeRefusal,
};
use pyo3::prelude::*;

pyo3::import_exception!(genvm_calldata._errors, CalldataError);
pyo3::import_exception!(genvm_calldata._errors, MethodCallError);
pyo3::import_exception!(genvm_calldata._errors, VmErrorCodeError);
pyo3::import_exception!(genvm_calldata._errors, Gvm32Error);
pyo3::import_exception!(genvm_calldata._errors, VerdictError);

/// A `CalldataError` with `kind`, `offset` and the message `str(error)`.
pub fn calldata_error(kind: &str, offset: usize, message: String) -> PyErr {
    CalldataError::new_err((kind.to_owned(), offset, message))
}

/// Kind: the error name of `spec/`, offset: the byte in the input.
pub fn decode_error(error: DecodeError) -> PyErr {
    calldata_error(error.kind().name(), error.offset(), error.to_string())
}

/// Kind `text_syntax`, offset: the byte in the text's UTF-8; the message
/// names the line and column and shows them.
pub fn text_error(error: TextParseError) -> PyErr {
    calldata_error("text_syntax", error.offset(), error.to_string())
}

/// The kinds of `spec/framing.md` (`empty`, `unknown_code`,
/// `invalid_utf8`); a payload's calldata error keeps its own kind, with the
/// offset counted from the frame's first byte.
pub fn frame_error(error: FrameError) -> PyErr {
    let message = error.to_string();
    match error {
        FrameError::Empty | FrameError::UnknownCode(_) | FrameError::NotAllowed { .. } => {
            calldata_error(error.name(), 0, message)
        }
        FrameError::Calldata(inner) => calldata_error(inner.kind().name(), inner.offset(), message),
        FrameError::InvalidUtf8 { offset } => calldata_error(error.name(), offset, message),
    }
}

/// A frame that has no form: `message_looks_like_data` (a v0.2 message
/// that would read back as data) or `not_allowed` (not in this generation
/// or context), as a `CalldataError` at offset 0.
pub fn frame_encode_error(error: FrameEncodeError) -> PyErr {
    let kind = match error {
        FrameEncodeError::MessageLooksLikeData => "message_looks_like_data",
        FrameEncodeError::NotAllowed(_) => "not_allowed",
    };
    calldata_error(kind, 0, error.to_string())
}

/// A `VmErrorCodeError` with the codec's name (`unknown_code`,
/// `bad_param`), and for `bad_param` the path and its parameter's type.
pub fn vm_error_code_error(error: CodeRefusal) -> PyErr {
    let (path, expected) = match error {
        CodeRefusal::BadParam { path, expected } => (Some(path), Some(expected.name())),
        CodeRefusal::UnknownCode => (None, None),
    };
    VmErrorCodeError::new_err((error.name(), error.to_string(), path, expected))
}

/// A `Gvm32Error`: `invalid_character` (with the character's index) or
/// `non_zero_padding`.
pub fn gvm32_error(error: Gvm32Refusal) -> PyErr {
    let (kind, index) = match error {
        Gvm32Refusal::InvalidCharacter { index, .. } => ("invalid_character", Some(index)),
        Gvm32Refusal::NonZeroPadding => ("non_zero_padding", None),
    };
    Gvm32Error::new_err((kind, error.to_string(), index))
}

/// A `VerdictError` with the codec's name (`frame`, `no_result`,
/// `not_bool`, `fatal`); a frame error carries its `CalldataError`.
pub fn verdict_error(py: Python<'_>, error: VerdictRefusal) -> PyErr {
    let cause = match &error {
        VerdictRefusal::Frame(inner) => Some(frame_error(*inner).into_value(py)),
        _ => None,
    };
    VerdictError::new_err((error.name(), error.to_string(), cause))
}

/// A `MethodCallError` with the codec's name for the error as `kind`
/// (`unknown_key`, ...), the key it names (or `None`) and the codec's
/// message; bytes that are not calldata (`not_calldata`) carry their
/// `CalldataError` as `calldata_error` (and `__cause__`).
pub fn method_call_error(py: Python<'_>, error: CallError) -> PyErr {
    let cause = match &error {
        CallError::Decode(inner) => Some(decode_error(*inner).into_value(py)),
        _ => None,
    };
    MethodCallError::new_err((
        error.name(),
        error.key().map(str::to_owned),
        error.to_string(),
        cause,
    ))
}

/// The name of an object's type, for messages.
pub fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map_or_else(|_| "?".into(), |name| name.to_string())
}
