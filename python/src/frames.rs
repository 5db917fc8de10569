//! ResultCode frames of both ABI generations, read and written by the codec
//! in a context (`spec/framing.md`); the classes (`Return`, `UserError`,
//! ...) are Python (`genvm_calldata/_frames.py`).

use genvm_calldata::abi::AbiGeneration;
use genvm_calldata::bytes::BufMut;
use genvm_calldata::{
    decode_frame_in, Encode, Frame, FrameContext, FrameError, UserError, USER_ERROR_DATA_PREFIX,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyString};

use crate::errors::{frame_encode_error, frame_error};
use crate::from_python::encode;
use crate::to_python::build;

/// The context named `name` (`"subvm"`, `"nondet"`, `"top_level"`); a
/// `ValueError` naming the allowed values for any other.
pub fn context(name: &str) -> PyResult<FrameContext> {
    FrameContext::from_name(name).ok_or_else(|| {
        let allowed: Vec<String> = FrameContext::ALL
            .iter()
            .map(|context| format!("{:?}", context.name()))
            .collect();
        PyValueError::new_err(format!(
            "context must be {}, not {name:?}",
            one_of(&allowed)
        ))
    })
}

/// `"a", "b" or "c"`.
pub fn one_of(names: &[String]) -> String {
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The kind of a frame of `generation` read in `context` (as in
/// `spec/vectors/framing.json`) and its payload: a value for `return` and
/// `user_error_data`, a message `str` otherwise.
///
/// The codec checks and classifies the frame; a value payload, the frame's
/// tail, is then built in one more pass over it.
pub fn read<'py>(
    py: Python<'py>,
    frame: &[u8],
    generation: AbiGeneration,
    context: FrameContext,
) -> PyResult<(&'static str, Bound<'py, PyAny>)> {
    let (kind, at) = match decode_frame_in(frame, generation, context).map_err(frame_error)? {
        Frame::Return(_) => ("return", 1),
        Frame::UserError(UserError::Data(_)) => (
            "user_error_data",
            match generation {
                AbiGeneration::V02 => 1 + USER_ERROR_DATA_PREFIX.len(),
                AbiGeneration::V03 => 1,
            },
        ),
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

/// The frame of `kind` around `payload` in `generation` for `context`: a
/// value for `return` and `user_error_data`, a message `str` otherwise.
/// The codec refuses what has no form there (`not_allowed`).
pub fn write<'py>(
    kind: &str,
    payload: &Bound<'py, PyAny>,
    generation: AbiGeneration,
    context: FrameContext,
) -> PyResult<Bound<'py, PyBytes>> {
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
                "fatal_vm_error" => Frame::FatalVmError(&message),
                _ => return Err(PyValueError::new_err(format!("no frame kind {kind:?}"))),
            }
        }
    };
    let bytes = frame
        .encode_in(generation, context)
        .map_err(frame_encode_error)?;
    Ok(PyBytes::new(py, &bytes))
}
