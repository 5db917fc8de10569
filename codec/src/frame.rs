//! The ResultCode frame a sub-VM's result travels in: one code byte, then a
//! payload (see `spec/framing.md`).

use alloc::string::String;
use core::fmt;

use bytes::BufMut;
use genvm_abi::{ResultCode, VmError};

use crate::decode::decode_ref;
use crate::encode::Encode;
use crate::error::DecodeError;
use crate::value::Value;
use crate::value_ref::ValueRef;

/// A USER_ERROR payload starting with these bytes carries calldata.
pub const USER_ERROR_DATA_PREFIX: [u8; 4] = [0; 4];

/// A sub-VM result: owned by default (`Frame`), borrowed as [`FrameRef`].
///
/// ```
/// use genvm_calldata::{decode_frame, Frame, FrameRef, UserError, Value};
/// let frame: Frame = Frame::UserError(UserError::Data(Value::from(7)));
/// let bytes = frame.encode().unwrap();
/// assert_eq!(bytes, [1, 0, 0, 0, 0, 0x39]);
/// let FrameRef::UserError(UserError::Data(data)) = decode_frame(&bytes).unwrap() else { panic!() };
/// assert_eq!(data.to_string(), "7");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Frame<V = Value, S = String> {
    /// RETURN: the returned value.
    Return(V),
    /// USER_ERROR: a message or structured data.
    UserError(UserError<V, S>),
    /// VM_ERROR: a message starting with a code such as `exit_code` or a
    /// [`VmError`] name.
    VmError(S),
    /// INTERNAL_ERROR: a host-internal failure message.
    InternalError(S),
}

/// A frame borrowed from its bytes.
pub type FrameRef<'a> = Frame<ValueRef<'a>, &'a str>;

/// The payload of a USER_ERROR frame.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserError<V = Value, S = String> {
    /// The legacy form: a UTF-8 message.
    Message(S),
    /// Structured error data (calldata after four zero bytes).
    Data(V),
}

/// A user error borrowed from its bytes.
pub type UserErrorRef<'a> = UserError<ValueRef<'a>, &'a str>;

/// Why bytes are not a frame. Offsets count from the code byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FrameError {
    /// No code byte at all.
    Empty,
    /// A code byte that is not a [`ResultCode`].
    UnknownCode(u8),
    /// The calldata of a RETURN or USER_ERROR data payload is invalid; the
    /// error's offset counts from the start of the frame.
    Calldata(DecodeError),
    /// A message is not UTF-8; the offset of the first bad byte.
    InvalidUtf8 {
        /// Offset of the first invalid byte in the frame.
        offset: usize,
    },
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameError::Empty => f.write_str("empty frame: no result code"),
            FrameError::UnknownCode(code) => write!(f, "unknown result code {code}"),
            FrameError::Calldata(error) => write!(f, "invalid calldata payload: {error}"),
            FrameError::InvalidUtf8 { offset } => {
                write!(f, "message is not UTF-8 at byte {offset}")
            }
        }
    }
}

impl FrameError {
    /// The error's name in `spec/vectors/framing.json`: `empty`,
    /// `unknown_code`, `calldata` (the payload's own [`DecodeError`] says
    /// which rule) or `invalid_utf8`.
    pub const fn name(&self) -> &'static str {
        match self {
            FrameError::Empty => "empty",
            FrameError::UnknownCode(_) => "unknown_code",
            FrameError::Calldata(_) => "calldata",
            FrameError::InvalidUtf8 { .. } => "invalid_utf8",
        }
    }
}

impl core::error::Error for FrameError {}

/// A frame that cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FrameEncodeError {
    /// A legacy USER_ERROR message that starts with four NUL bytes would read
    /// back as structured data.
    MessageLooksLikeData,
}

impl fmt::Display for FrameEncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a user error message starting with four NUL bytes would decode as data; send it as data")
    }
}

impl core::error::Error for FrameEncodeError {}

/// Decodes a frame, borrowing its payload.
///
/// A USER_ERROR payload of at least four bytes that starts with four zeros is
/// calldata (so `01 00 00 00 00` alone is invalid); any other payload,
/// shorter ones of zeros included, is a message.
pub fn decode_frame(input: &[u8]) -> Result<FrameRef<'_>, FrameError> {
    let (&code, payload) = input.split_first().ok_or(FrameError::Empty)?;
    let code = ResultCode::try_from(code).map_err(|_| FrameError::UnknownCode(code))?;
    Ok(match code {
        ResultCode::Return => Frame::Return(calldata(payload, 1)?),
        ResultCode::UserError => match payload.strip_prefix(&USER_ERROR_DATA_PREFIX) {
            Some(data) => Frame::UserError(UserError::Data(calldata(
                data,
                1 + USER_ERROR_DATA_PREFIX.len(),
            )?)),
            None => Frame::UserError(UserError::Message(message(payload)?)),
        },
        ResultCode::VmError => Frame::VmError(message(payload)?),
        ResultCode::InternalError => Frame::InternalError(message(payload)?),
    })
}

fn calldata(payload: &[u8], at: usize) -> Result<ValueRef<'_>, FrameError> {
    decode_ref(payload).map_err(|e| FrameError::Calldata(e.with_offset(e.offset() + at)))
}

fn message(payload: &[u8]) -> Result<&str, FrameError> {
    core::str::from_utf8(payload).map_err(|e| FrameError::InvalidUtf8 {
        offset: 1 + e.valid_up_to(),
    })
}

impl<V, S> Frame<V, S> {
    /// The code byte of this frame.
    pub fn code(&self) -> ResultCode {
        match self {
            Frame::Return(_) => ResultCode::Return,
            Frame::UserError(_) => ResultCode::UserError,
            Frame::VmError(_) => ResultCode::VmError,
            Frame::InternalError(_) => ResultCode::InternalError,
        }
    }
}

impl<V: Encode, S: AsRef<str>> Frame<V, S> {
    /// Exact length of the encoding.
    pub fn encoded_len(&self) -> usize {
        1 + match self {
            Frame::Return(value) => value.encoded_len(),
            Frame::UserError(UserError::Data(data)) => {
                USER_ERROR_DATA_PREFIX.len() + data.encoded_len()
            }
            Frame::UserError(UserError::Message(text))
            | Frame::VmError(text)
            | Frame::InternalError(text) => text.as_ref().len(),
        }
    }

    /// Appends the encoding to `out`; writes nothing if the frame cannot be
    /// encoded.
    pub fn encode_to<B: BufMut + ?Sized>(&self, out: &mut B) -> Result<(), FrameEncodeError> {
        if let Frame::UserError(UserError::Message(text)) = self {
            if text
                .as_ref()
                .as_bytes()
                .starts_with(&USER_ERROR_DATA_PREFIX)
            {
                return Err(FrameEncodeError::MessageLooksLikeData);
            }
        }
        out.put_u8(self.code().value());
        match self {
            Frame::Return(value) => value.encode_to(out),
            Frame::UserError(UserError::Data(data)) => {
                out.put_slice(&USER_ERROR_DATA_PREFIX);
                data.encode_to(out);
            }
            Frame::UserError(UserError::Message(text))
            | Frame::VmError(text)
            | Frame::InternalError(text) => out.put_slice(text.as_ref().as_bytes()),
        }
        Ok(())
    }

    /// The encoding in a new vector.
    pub fn encode(&self) -> Result<alloc::vec::Vec<u8>, FrameEncodeError> {
        let mut out = alloc::vec::Vec::with_capacity(self.encoded_len());
        self.encode_to(&mut out)?;
        Ok(out)
    }
}

/// An owned copy.
///
/// ```
/// use genvm_calldata::{decode_frame, Frame, Value};
/// let frame: Frame = Frame::Return(Value::from(1));
/// let bytes = frame.encode().unwrap();
/// let owned: Frame = decode_frame(&bytes).unwrap().into();
/// assert_eq!(owned, frame);
/// ```
impl From<FrameRef<'_>> for Frame {
    fn from(frame: FrameRef<'_>) -> Frame {
        match frame {
            Frame::Return(value) => Frame::Return(value.to_value()),
            Frame::UserError(UserError::Data(data)) => {
                Frame::UserError(UserError::Data(data.to_value()))
            }
            Frame::UserError(UserError::Message(text)) => {
                Frame::UserError(UserError::Message(String::from(text)))
            }
            Frame::VmError(text) => Frame::VmError(String::from(text)),
            Frame::InternalError(text) => Frame::InternalError(String::from(text)),
        }
    }
}

/// What [`Frame::unpack`] gives instead of a return value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UnpackError {
    /// The user error, with a VM error re-wrapped as the message
    /// `"vm error: " + message`, as the guest SDK's `unpack_result` does.
    User(UserError),
    /// A host-internal failure (the guest SDK has no form for it).
    Internal(String),
}

impl fmt::Display for UnpackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnpackError::User(UserError::Message(text)) => write!(f, "user error: {text}"),
            UnpackError::User(UserError::Data(data)) => write!(f, "user error: {data}"),
            UnpackError::Internal(text) => write!(f, "internal error: {text}"),
        }
    }
}

impl core::error::Error for UnpackError {}

impl<V: Into<Value>, S: Into<String>> Frame<V, S> {
    /// The return value, or the error as the guest SDK raises it.
    ///
    /// ```
    /// use genvm_calldata::{Frame, UnpackError, UserError};
    /// let frame: Frame = Frame::VmError("OOM".into());
    /// let expected = UnpackError::User(UserError::Message("vm error: OOM".into()));
    /// assert_eq!(frame.unpack(), Err(expected));
    /// ```
    pub fn unpack(self) -> Result<V, UnpackError> {
        match self {
            Frame::Return(value) => Ok(value),
            Frame::UserError(UserError::Data(data)) => {
                Err(UnpackError::User(UserError::Data(data.into())))
            }
            Frame::UserError(UserError::Message(text)) => {
                Err(UnpackError::User(UserError::Message(text.into())))
            }
            Frame::VmError(text) => {
                let mut message = String::from("vm error: ");
                message.push_str(&text.into());
                Err(UnpackError::User(UserError::Message(message)))
            }
            Frame::InternalError(text) => Err(UnpackError::Internal(text.into())),
        }
    }
}

/// The well-known VM error a VM_ERROR message names, if any: the message is
/// the name itself, or starts with it followed by `:` or whitespace.
///
/// ```
/// use genvm_calldata::known_vm_error;
/// use genvm_calldata::abi::VmError;
/// assert_eq!(known_vm_error("OOM"), Some(VmError::Oom));
/// assert_eq!(known_vm_error("timeout: 30s"), Some(VmError::Timeout));
/// assert_eq!(known_vm_error("exit_code 3"), None);
/// ```
pub fn known_vm_error(message: &str) -> Option<VmError> {
    let code = message
        .split([':', ' ', '\t', '\n'])
        .next()
        .unwrap_or(message);
    VmError::ALL
        .into_iter()
        .find(|error| error.as_str() == code)
}
