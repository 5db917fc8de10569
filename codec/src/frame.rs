//! The ResultCode frame a sub-VM's result travels in: one code byte, then a
//! payload, read and written by ABI generation and by where the frame
//! travels (see `spec/framing.md`).

use alloc::string::String;
use core::fmt;

use bytes::BufMut;
use genvm_abi::{AbiGeneration, ResultCode, VmError};

use crate::decode::decode_ref;
use crate::encode::Encode;
use crate::error::DecodeError;
use crate::value::Value;
use crate::value_ref::ValueRef;

/// A v0.2 USER_ERROR payload starting with these bytes carries calldata.
pub const USER_ERROR_DATA_PREFIX: [u8; 4] = [0; 4];

/// The code byte of a fatal VM error in v0.3's nested transport; not a
/// `result_code` (genvm-manager `03-vm/05-result.rst`, "Fatal VM Error").
pub const FATAL_VM_ERROR_CODE: u8 = 4;

/// Where a frame travels. v0.2 reads every context alike; v0.3's rules
/// differ by context (`spec/framing.md`, "v0.3").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FrameContext {
    /// A sub-VM's result handed to its parent (a sandbox, a called
    /// contract), including nested transport between VMs: code 4, a fatal
    /// VM error, may travel here.
    #[default]
    SubVm,
    /// A non-deterministic block's result as the leader proposes it: codes
    /// 0, 1 and 2 only.
    NondetBlock,
    /// The result a run reports at its topmost boundary: code 4 is
    /// forbidden (it is downgraded to VM_ERROR before publication).
    TopLevel,
}

impl FrameContext {
    /// Every context.
    pub const ALL: [FrameContext; 3] = [
        FrameContext::SubVm,
        FrameContext::NondetBlock,
        FrameContext::TopLevel,
    ];

    /// The context's name: `subvm`, `nondet` or `top_level`.
    pub const fn name(self) -> &'static str {
        match self {
            FrameContext::SubVm => "subvm",
            FrameContext::NondetBlock => "nondet",
            FrameContext::TopLevel => "top_level",
        }
    }

    /// The context of a name as [`FrameContext::name`] spells it.
    pub fn from_name(name: &str) -> Option<FrameContext> {
        FrameContext::ALL
            .into_iter()
            .find(|context| context.name() == name)
    }
}

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
    /// INTERNAL_ERROR: a host-internal failure message (v0.2 only: in v0.3
    /// it is the absence of a result, reported only to the host).
    InternalError(S),
    /// A fatal VM error (code 4, v0.3's nested transport only): the caller
    /// cannot catch it and ends with the same error. Its result kind, as
    /// hashes see it, is VM_ERROR.
    FatalVmError(S),
}

/// A frame borrowed from its bytes.
pub type FrameRef<'a> = Frame<ValueRef<'a>, &'a str>;

/// The payload of a USER_ERROR frame.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserError<V = Value, S = String> {
    /// The v0.2 legacy form: a UTF-8 message.
    Message(S),
    /// Structured error data: calldata after four zero bytes in v0.2, the
    /// whole payload in v0.3.
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
    /// A code the generation knows but does not allow in this context
    /// (v0.3: INTERNAL_ERROR anywhere, a fatal VM error outside nested
    /// transport).
    NotAllowed {
        /// The code byte.
        code: u8,
        /// The context the frame was read in.
        context: FrameContext,
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
            FrameError::NotAllowed { code, context } => match code {
                3 => f.write_str("result code 3 (internal_error) is not a result in v0.3"),
                _ => write!(
                    f,
                    "result code {code} (a fatal VM error) travels only between nested VMs, not in a {} result",
                    match context {
                        FrameContext::NondetBlock => "non-deterministic block's",
                        _ => "top-level",
                    }
                ),
            },
        }
    }
}

impl FrameError {
    /// The error's name in `spec/vectors/framing.json`: `empty`,
    /// `unknown_code`, `calldata` (the payload's own [`DecodeError`] says
    /// which rule), `invalid_utf8` or `not_allowed`.
    pub const fn name(&self) -> &'static str {
        match self {
            FrameError::Empty => "empty",
            FrameError::UnknownCode(_) => "unknown_code",
            FrameError::Calldata(_) => "calldata",
            FrameError::InvalidUtf8 { .. } => "invalid_utf8",
            FrameError::NotAllowed { .. } => "not_allowed",
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
    /// The frame has no form in this generation and context: a v0.2 fatal
    /// VM error, a v0.3 message user error or INTERNAL_ERROR, a v0.3 fatal
    /// VM error outside nested transport.
    NotAllowed(&'static str),
}

impl fmt::Display for FrameEncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameEncodeError::MessageLooksLikeData => f.write_str(
                "a user error message starting with four NUL bytes would decode as data; send it as data",
            ),
            FrameEncodeError::NotAllowed(why) => f.write_str(why),
        }
    }
}

impl core::error::Error for FrameEncodeError {}

/// Decodes a v0.2 frame, borrowing its payload (every context alike).
///
/// A USER_ERROR payload of at least four bytes that starts with four zeros is
/// calldata (so `01 00 00 00 00` alone is invalid); any other payload,
/// shorter ones of zeros included, is a message.
pub fn decode_frame(input: &[u8]) -> Result<FrameRef<'_>, FrameError> {
    decode_frame_in(input, AbiGeneration::V02, FrameContext::SubVm)
}

/// Decodes a frame of `generation` read in `context`, borrowing its payload.
///
/// v0.2 is [`decode_frame`] in every context. v0.3: RETURN and USER_ERROR
/// carry calldata (no prefix), VM_ERROR a UTF-8 code; code 3 is refused
/// everywhere and code 4, a fatal VM error, is read only in
/// [`FrameContext::SubVm`].
///
/// ```
/// use genvm_calldata::{abi::AbiGeneration, decode_frame_in, Frame, FrameContext, UserError};
/// let frame = decode_frame_in(&[1, 0x39], AbiGeneration::V03, FrameContext::SubVm).unwrap();
/// let Frame::UserError(UserError::Data(data)) = frame else { panic!() };
/// assert_eq!(data.to_string(), "7");
/// let fatal = decode_frame_in(b"\x04OOM", AbiGeneration::V03, FrameContext::TopLevel);
/// assert_eq!(fatal.unwrap_err().name(), "not_allowed");
/// ```
pub fn decode_frame_in(
    input: &[u8],
    generation: AbiGeneration,
    context: FrameContext,
) -> Result<FrameRef<'_>, FrameError> {
    let (&code, payload) = input.split_first().ok_or(FrameError::Empty)?;
    if generation == AbiGeneration::V03 {
        return decode_current(code, payload, context);
    }
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

/// v0.3's rules (genvm-manager `03-schemas.rst`, "Sub-VM Result Encoding";
/// `05-result.rst`, "Fatal VM Error", "InternalError").
fn decode_current(
    code: u8,
    payload: &[u8],
    context: FrameContext,
) -> Result<FrameRef<'_>, FrameError> {
    match code {
        0 => Ok(Frame::Return(calldata(payload, 1)?)),
        1 => Ok(Frame::UserError(UserError::Data(calldata(payload, 1)?))),
        2 => Ok(Frame::VmError(message(payload)?)),
        FATAL_VM_ERROR_CODE if context == FrameContext::SubVm => {
            Ok(Frame::FatalVmError(message(payload)?))
        }
        3 | FATAL_VM_ERROR_CODE => Err(FrameError::NotAllowed { code, context }),
        _ => Err(FrameError::UnknownCode(code)),
    }
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
    /// The result kind of this frame; a fatal VM error's is VM_ERROR (its
    /// code byte is [`Frame::code_byte`]).
    pub fn code(&self) -> ResultCode {
        match self {
            Frame::Return(_) => ResultCode::Return,
            Frame::UserError(_) => ResultCode::UserError,
            Frame::VmError(_) | Frame::FatalVmError(_) => ResultCode::VmError,
            Frame::InternalError(_) => ResultCode::InternalError,
        }
    }

    /// The byte the frame starts with.
    pub fn code_byte(&self) -> u8 {
        match self {
            Frame::FatalVmError(_) => FATAL_VM_ERROR_CODE,
            other => other.code().value(),
        }
    }

    /// Why the frame has no form in `generation` and `context`, if it has
    /// none.
    fn refusal(&self, generation: AbiGeneration, context: FrameContext) -> Option<&'static str> {
        match (generation, self) {
            (AbiGeneration::V02, Frame::FatalVmError(_)) => {
                Some("a fatal VM error (code 4) has no form in v0.2")
            }
            (AbiGeneration::V03, Frame::InternalError(_)) => {
                Some("INTERNAL_ERROR is not a result in v0.3")
            }
            (AbiGeneration::V03, Frame::UserError(UserError::Message(_))) => {
                Some("a v0.3 user error is calldata, not a message: send a string as data")
            }
            (AbiGeneration::V03, Frame::FatalVmError(_)) if context != FrameContext::SubVm => {
                Some("a fatal VM error (code 4) travels only between nested VMs")
            }
            _ => None,
        }
    }
}

impl<V: Encode, S: AsRef<str>> Frame<V, S> {
    /// Exact length of the v0.2 encoding.
    pub fn encoded_len(&self) -> usize {
        self.encoded_len_in(AbiGeneration::V02)
    }

    /// Exact length of the encoding in `generation`.
    pub fn encoded_len_in(&self, generation: AbiGeneration) -> usize {
        let prefix = match generation {
            AbiGeneration::V02 => USER_ERROR_DATA_PREFIX.len(),
            AbiGeneration::V03 => 0,
        };
        1 + match self {
            Frame::Return(value) => value.encoded_len(),
            Frame::UserError(UserError::Data(data)) => prefix + data.encoded_len(),
            Frame::UserError(UserError::Message(text))
            | Frame::VmError(text)
            | Frame::InternalError(text)
            | Frame::FatalVmError(text) => text.as_ref().len(),
        }
    }

    /// Appends the v0.2 encoding to `out`; writes nothing if the frame
    /// cannot be encoded.
    pub fn encode_to<B: BufMut + ?Sized>(&self, out: &mut B) -> Result<(), FrameEncodeError> {
        self.encode_to_in(out, AbiGeneration::V02, FrameContext::SubVm)
    }

    /// Appends the encoding in `generation` for `context` to `out`; writes
    /// nothing if the frame has no form there.
    pub fn encode_to_in<B: BufMut + ?Sized>(
        &self,
        out: &mut B,
        generation: AbiGeneration,
        context: FrameContext,
    ) -> Result<(), FrameEncodeError> {
        if let Some(why) = self.refusal(generation, context) {
            return Err(FrameEncodeError::NotAllowed(why));
        }
        if let Frame::UserError(UserError::Message(text)) = self {
            if text
                .as_ref()
                .as_bytes()
                .starts_with(&USER_ERROR_DATA_PREFIX)
            {
                return Err(FrameEncodeError::MessageLooksLikeData);
            }
        }
        out.put_u8(self.code_byte());
        match self {
            Frame::Return(value) => value.encode_to(out),
            Frame::UserError(UserError::Data(data)) => {
                if generation == AbiGeneration::V02 {
                    out.put_slice(&USER_ERROR_DATA_PREFIX);
                }
                data.encode_to(out);
            }
            Frame::UserError(UserError::Message(text))
            | Frame::VmError(text)
            | Frame::InternalError(text)
            | Frame::FatalVmError(text) => out.put_slice(text.as_ref().as_bytes()),
        }
        Ok(())
    }

    /// The v0.2 encoding in a new vector.
    pub fn encode(&self) -> Result<alloc::vec::Vec<u8>, FrameEncodeError> {
        self.encode_in(AbiGeneration::V02, FrameContext::SubVm)
    }

    /// The encoding in `generation` for `context`, in a new vector.
    ///
    /// ```
    /// use genvm_calldata::{abi::AbiGeneration, Frame, FrameContext, UserError, Value};
    /// let frame: Frame = Frame::UserError(UserError::Data(Value::from(7)));
    /// assert_eq!(frame.encode_in(AbiGeneration::V02, FrameContext::SubVm).unwrap(), [1, 0, 0, 0, 0, 0x39]);
    /// assert_eq!(frame.encode_in(AbiGeneration::V03, FrameContext::SubVm).unwrap(), [1, 0x39]);
    /// ```
    pub fn encode_in(
        &self,
        generation: AbiGeneration,
        context: FrameContext,
    ) -> Result<alloc::vec::Vec<u8>, FrameEncodeError> {
        let mut out = alloc::vec::Vec::with_capacity(self.encoded_len_in(generation));
        self.encode_to_in(&mut out, generation, context)?;
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
            Frame::FatalVmError(text) => Frame::FatalVmError(String::from(text)),
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
            Frame::VmError(text) | Frame::FatalVmError(text) => {
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
