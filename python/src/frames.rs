//! ResultCode frames, read and written by the codec; the classes
//! (`Return`, `UserError`, ...) are Python (`genvm_calldata/_frames.py`).

use genvm_calldata::bytes::BufMut;
use genvm_calldata::{decode_frame, Encode, Frame, FrameError, UserError, USER_ERROR_DATA_PREFIX};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyString};

use crate::errors::{calldata_error, frame_error};
use crate::from_python::encode;
use crate::to_python::build;

/// The kind of a frame (as in `spec/vectors/framing.json`) and its payload:
/// a value for `return` and `user_error_data`, a message `str` otherwise.
///
/// The codec checks and classifies the frame; a value payload, the frame's
/// tail, is then built in one more pass over it.
pub fn read<'py>(py: Python<'py>, frame: &[u8]) -> PyResult<(&'static str, Bound<'py, PyAny>)> {
    let (kind, at) = match decode_frame(frame).map_err(frame_error)? {
        Frame::Return(_) => ("return", 1),
        Frame::UserError(UserError::Data(_)) => {
            ("user_error_data", 1 + USER_ERROR_DATA_PREFIX.len())
        }
        Frame::UserError(UserError::Message(text)) => return Ok(("user_error", message(py, text))),
        Frame::VmError(text) => return Ok(("vm_error", message(py, text))),
        Frame::InternalError(text) => return Ok(("internal_error", message(py, text))),
        Frame::FatalVmError(text) => return Ok(("fatal_vm_error", message(py, text))),
    };
    let value = build(py, &frame[at..], |error| {
        frame_error(FrameError::Calldata(error.with_offset(error.offset() + at)))
    })?;
    Ok((kind, value))
}

fn message<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
    PyString::new(py, text).into_any()
}

/// Calldata already encoded, written into a frame as it is.
struct Encoded<'a>(&'a [u8]);

impl Encode for Encoded<'_> {
    fn encoded_len(&self) -> usize {
        self.0.len()
    }

    fn encode_to<B: BufMut + ?Sized>(&self, out: &mut B) {
        out.put_slice(self.0);
    }
}

/// The frame of `kind` around `payload`: a value for `return` and
/// `user_error_data`, a message `str` otherwise.
pub fn write<'py>(kind: &str, payload: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    let py = payload.py();
    let (data, message);
    let frame: Frame<Encoded, &str> = match kind {
        "return" | "user_error_data" => {
            data = encode(payload)?;
            match kind {
                "return" => Frame::Return(Encoded(&data)),
                _ => Frame::UserError(UserError::Data(Encoded(&data))),
            }
        }
        _ => {
            message = payload.extract::<PyBackedStr>()?;
            match kind {
                "user_error" => Frame::UserError(UserError::Message(&message)),
                "vm_error" => Frame::VmError(&message),
                "internal_error" => Frame::InternalError(&message),
                _ => return Err(PyValueError::new_err(format!("no frame kind {kind:?}"))),
            }
        }
    };
    let bytes = frame
        .encode()
        .map_err(|error| calldata_error("message_looks_like_data", 0, error.to_string()))?;
    Ok(PyBytes::new(py, &bytes))
}
