//! The functions JavaScript calls (`js/lib/wasm.js` is the other side).
//!
//! A call goes: JavaScript asks [`input`] for room, copies its bytes (or
//! UTF-8 text) there, and calls an operation with the length. Every
//! operation returns [`OK`] or [`FAILED`] (the method-call operations also
//! [`CALL_FAILED`]) and leaves its answer in the [`SLOTS`] (whose address
//! JavaScript reads once from [`slots`]) and in buffers the slots point to:
//! the output bytes, the tape and its integer pool. A failure leaves the
//! error's kind name followed by its message in the output, with the kind
//! name's length, the offset and, for text, the line and column in the
//! slots. Nothing here panics on any input, so the module never traps; the
//! buffers are reused, so memory grows only to the largest input seen.
//!
//! Built with the feature `schema`, the module is the package's second one
//! (`genvm_calldata_schema.wasm`, [`crate::schema`]): only [`slots`],
//! [`input`] and [`abi_generations`] are exported from here then.

use std::cell::RefCell;
use std::fmt::Display;
use std::io::Write;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

use genvm_calldata::abi::{AbiGeneration, ResultCode};
use genvm_calldata::{
    call_key as key_of, decode_frame_in, decode_ref_with, encode_array_header, encode_map_header,
    from_text, migrate_call as migrate, validate_with, DecodeError, DecodeOptions, Encode,
    ErrorKind, Frame, FrameContext, FrameEncodeError, FrameError, MethodCallError, MethodCallRef,
    UserError, ValueRef, FATAL_VM_ERROR_CODE, USER_ERROR_DATA_PREFIX,
};

use crate::tape::Tape;

/// The operation succeeded.
pub const OK: u32 = 0;
/// The input was refused; the slots describe why.
pub const FAILED: u32 = 1;
/// The input is not a method call of the generation asked for. The output
/// holds the [`MethodCallError`]'s name, the key it names, its message and,
/// for bytes that are not calldata, the [`DecodeError`]'s kind name and
/// message, with the lengths in [`slot::KIND_LEN`], [`slot::KEY_LEN`],
/// [`slot::MESSAGE_LEN`] and [`slot::CAUSE_KIND_LEN`] (the cause's message
/// is the rest) and the cause's offset in [`slot::OFFSET`].
pub const CALL_FAILED: u32 = 2;
/// [`slot::KEY_LEN`] of an error that names no key, and the method length
/// of [`encode_call`] for a call without a method.
pub const NONE: u32 = u32::MAX;

/// Slot numbers.
pub mod slot {
    /// Address and length of the output bytes (text, encoding, or the
    /// error's kind name and message).
    pub const OUT_PTR: usize = 0;
    /// See [`OUT_PTR`].
    pub const OUT_LEN: usize = 1;
    /// Address and length in words of the tape.
    pub const TAPE_PTR: usize = 2;
    /// See [`TAPE_PTR`].
    pub const TAPE_LEN: usize = 3;
    /// Address of the tape's integer pool (8-byte aligned).
    pub const INTS_PTR: usize = 4;
    /// Address of the tape's text buffer (big integers' digits).
    pub const TEXT_PTR: usize = 5;
    /// On failure: how many output bytes are the kind name.
    pub const KIND_LEN: usize = 6;
    /// On failure: the byte offset.
    pub const OFFSET: usize = 7;
    /// On a text failure: line and column (from 1).
    pub const LINE: usize = 8;
    /// See [`LINE`].
    pub const COLUMN: usize = 9;
    /// A decoded frame's code byte (or the unknown code refused).
    pub const CODE: usize = 10;
    /// A decoded frame's payload: 1 for calldata (on the tape), 0 for a
    /// message (offset and length in [`MESSAGE_AT`] and [`MESSAGE_LEN`]).
    pub const IS_DATA: usize = 11;
    /// See [`IS_DATA`].
    pub const MESSAGE_AT: usize = 12;
    /// See [`IS_DATA`]; on [`super::CALL_FAILED`], the message's length.
    pub const MESSAGE_LEN: usize = 13;
    /// On [`super::CALL_FAILED`]: the length of the key the error names, or
    /// [`super::NONE`].
    pub const KEY_LEN: usize = 14;
    /// On [`super::CALL_FAILED`]: the length of the cause's kind name (0:
    /// no cause).
    pub const CAUSE_KIND_LEN: usize = 15;
    /// A yes/no answer (a verdict, whether a derived code or a detail is
    /// there), 1 or 0.
    pub const FLAG: usize = 16;
    /// Lengths of the parts of an answer laid end to end in the output
    /// (see each operation).
    pub const LEN_A: usize = 17;
    /// See [`LEN_A`].
    pub const LEN_B: usize = 18;
    /// See [`LEN_A`].
    pub const LEN_C: usize = 19;
    /// A number an answer carries (a VM error code's `$i32` parameter).
    pub const NUMBER: usize = 20;
    /// How many slots there are.
    pub const COUNT: usize = 21;
}

/// Where answers are left. Statics never move, so JavaScript makes one view
/// of them; the module is single-threaded, so relaxed order is all it takes.
pub static SLOTS: [AtomicU32; slot::COUNT] = [const { AtomicU32::new(0) }; slot::COUNT];

pub(crate) fn set(slot: usize, value: usize) {
    // wasm32 addresses and lengths fit in 32 bits.
    SLOTS[slot].store(value as u32, Relaxed);
}

/// The buffers shared with JavaScript, reused from call to call.
#[derive(Default)]
struct Workspace {
    input: Vec<u8>,
    out: Vec<u8>,
    tape: Tape,
}

thread_local! {
    static WORKSPACE: RefCell<Workspace> = RefCell::default();
}

/// Runs `operation` on the first `len` input bytes and the output buffer,
/// then publishes the output's address and length.
pub(crate) fn with_input(
    len: usize,
    operation: impl FnOnce(&[u8], &mut Vec<u8>, &mut Tape) -> u32,
) -> u32 {
    WORKSPACE.with_borrow_mut(|workspace| {
        let Workspace { input, out, tape } = workspace;
        out.clear();
        let input = input.get(..len).unwrap_or_default();
        let status = operation(input, out, tape);
        set(slot::OUT_PTR, out.as_ptr() as usize);
        set(slot::OUT_LEN, out.len());
        set(slot::TAPE_PTR, tape.words.as_ptr() as usize);
        set(slot::TAPE_LEN, tape.words.len());
        set(slot::INTS_PTR, tape.ints.as_ptr() as usize);
        set(slot::TEXT_PTR, tape.text.as_ptr() as usize);
        status
    })
}

/// Records a failure: `kind` then `message` in `out`, and `offset`.
pub(crate) fn fail(out: &mut Vec<u8>, kind: &str, message: impl Display, offset: usize) -> u32 {
    out.clear();
    out.extend_from_slice(kind.as_bytes());
    // Writing into a vector cannot fail.
    let _ = write!(out, "{message}");
    set(slot::KIND_LEN, kind.len());
    set(slot::OFFSET, offset);
    FAILED
}

pub(crate) fn fail_decode(out: &mut Vec<u8>, error: DecodeError) -> u32 {
    fail(out, error.kind().name(), error, error.offset())
}

fn options(max_depth: u32) -> DecodeOptions {
    DecodeOptions::new().max_depth(max_depth as usize)
}

/// The address of the result slots.
#[no_mangle]
pub extern "C" fn slots() -> *const AtomicU32 {
    SLOTS.as_ptr()
}

/// Room for at least `len` input bytes; returns its address. Grows the
/// buffer only past the largest input seen.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    WORKSPACE.with_borrow_mut(|workspace| {
        if workspace.input.len() < len {
            workspace.input.resize(len, 0);
        }
        workspace.input.as_mut_ptr()
    })
}

/// Checks the input as calldata.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn validate(len: usize, max_depth: u32) -> u32 {
    with_input(len, |input, out, _| {
        match validate_with(input, &options(max_depth)) {
            Ok(()) => OK,
            Err(error) => fail_decode(out, error),
        }
    })
}

/// Checks the input as calldata and writes its value on the tape.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn decode(len: usize, max_depth: u32) -> u32 {
    with_input(len, |input, out, tape| {
        match tape.write(input, 0, &options(max_depth)) {
            Ok(()) => OK,
            Err(error) => fail_decode(out, error),
        }
    })
}

/// The text form of the input calldata, in the output.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn to_text(len: usize) -> u32 {
    with_input(len, |input, out, _| {
        match decode_ref_with(input, &DecodeOptions::new()) {
            Ok(value) => {
                // Writing into a vector cannot fail.
                let _ = write!(out, "{value}");
                OK
            }
            Err(error) => fail_decode(out, error),
        }
    })
}

/// The calldata of the input text form, in the output.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn from_text_form(len: usize) -> u32 {
    with_input(len, |input, out, _| {
        // JavaScript's TextEncoder writes only UTF-8; anything else is
        // refused at the first bad byte like a text error.
        let text = match std::str::from_utf8(input) {
            Ok(text) => text,
            Err(error) => return fail(out, "text_syntax", "invalid UTF-8", error.valid_up_to()),
        };
        match from_text(text) {
            Ok(value) => {
                genvm_calldata::encode_to(&value, out);
                OK
            }
            Err(error) => {
                set(slot::LINE, error.line());
                set(slot::COLUMN, error.column());
                fail(out, "text_syntax", error.message(), error.offset())
            }
        }
    })
}

/// Writes the frame contexts' names into the output, one per line, in the
/// order the frame operations number them; returns the number of the
/// default context.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn frame_contexts() -> u32 {
    with_input(0, |_, out, _| {
        names(out, &FrameContext::ALL, FrameContext::default(), |c| {
            c.name()
        })
    })
}

/// The context numbered `index` (see [`frame_contexts`]).
pub(crate) fn context(index: u32, out: &mut Vec<u8>) -> Result<FrameContext, u32> {
    numbered(
        &FrameContext::ALL,
        index,
        out,
        "unknown_context",
        "frame context",
    )
}

/// Writes the names of `all` into the output, one per line, in order, and
/// returns the number of `default` among them.
fn names<T: Copy + PartialEq>(
    out: &mut Vec<u8>,
    all: &[T],
    default: T,
    name: impl Fn(T) -> &'static str,
) -> u32 {
    for (index, member) in all.iter().enumerate() {
        if index > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(name(*member).as_bytes());
    }
    // The default is one of `all`.
    all.iter().position(|m| *m == default).unwrap_or_default() as u32
}

/// The member of `all` numbered `index`, or a failure of `kind` naming
/// `what`.
fn numbered<T: Copy>(
    all: &[T],
    index: u32,
    out: &mut Vec<u8>,
    kind: &str,
    what: &str,
) -> Result<T, u32> {
    all.get(index as usize)
        .copied()
        .ok_or_else(|| fail(out, kind, format_args!("no {what} number {index}"), 0))
}

/// Reads the input as a result frame of generation number `generation` in
/// context number `context`: the code byte, and the payload on the tape
/// (calldata) or as a span of the input (a message).
///
/// The codec checks and classifies the frame; a calldata payload, the
/// frame's tail, is then written on the tape in one more pass over it.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn decode_result(len: usize, generation: u32, context: u32) -> u32 {
    with_input(len, |input, out, tape| {
        let generation = match self::generation(generation, out) {
            Ok(generation) => generation,
            Err(status) => return status,
        };
        let context = match self::context(context, out) {
            Ok(context) => context,
            Err(status) => return status,
        };
        let frame = match decode_frame_in(input, generation, context) {
            Ok(frame) => frame,
            Err(error) => return fail_frame(out, error),
        };
        set(slot::CODE, frame.code_byte() as usize);
        // Where a calldata payload starts.
        let at = match frame {
            Frame::Return(_) => 1,
            Frame::UserError(UserError::Data(_)) => match generation {
                AbiGeneration::V02 => 1 + USER_ERROR_DATA_PREFIX.len(),
                AbiGeneration::V03 => 1,
            },
            Frame::UserError(UserError::Message(message))
            | Frame::VmError(message)
            | Frame::InternalError(message)
            | Frame::FatalVmError(message) => {
                set(slot::IS_DATA, 0);
                set(
                    slot::MESSAGE_AT,
                    message.as_ptr() as usize - input.as_ptr() as usize,
                );
                set(slot::MESSAGE_LEN, message.len());
                return OK;
            }
        };
        set(slot::IS_DATA, 1);
        // The payload was just checked, so this cannot fail; if it did, the
        // error would still be reported, never a trap.
        match tape.write(input, at, &DecodeOptions::new()) {
            Ok(()) => OK,
            Err(error) => {
                let error = error.with_offset(error.offset() + at);
                fail_frame(out, FrameError::Calldata(error))
            }
        }
    })
}

pub(crate) fn fail_frame(out: &mut Vec<u8>, error: FrameError) -> u32 {
    match error {
        FrameError::Empty => fail(out, error.name(), error, 0),
        FrameError::UnknownCode(code) => {
            set(slot::CODE, code as usize);
            fail(out, error.name(), error, 0)
        }
        FrameError::Calldata(calldata) => {
            fail(out, calldata.kind().name(), error, calldata.offset())
        }
        FrameError::InvalidUtf8 { offset } => fail(out, error.name(), error, offset),
        FrameError::NotAllowed { code, .. } => {
            set(slot::CODE, code as usize);
            fail(out, error.name(), error, 0)
        }
    }
}

/// Writes a result frame with code byte `code` whose payload is the
/// input (calldata when `is_data` is 1, checked; else a UTF-8 message), in
/// generation number `generation` for context number `context`.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn encode_result(
    code: u32,
    is_data: u32,
    len: usize,
    generation: u32,
    context: u32,
) -> u32 {
    with_input(len, |input, out, _| {
        let generation = match self::generation(generation, out) {
            Ok(generation) => generation,
            Err(status) => return status,
        };
        let context = match self::context(context, out) {
            Ok(context) => context,
            Err(status) => return status,
        };
        // None: the fatal VM error's code byte, which is no ResultCode.
        let fatal = code == u32::from(FATAL_VM_ERROR_CODE);
        let Some(code) = u8::try_from(code)
            .ok()
            .and_then(|c| ResultCode::try_from(c).ok())
            .map(Some)
            .or(fatal.then_some(None))
        else {
            return fail(
                out,
                "unknown_code",
                format_args!("unknown result code {code}"),
                0,
            );
        };
        let frame: Frame<ValueRef<'_>, &str> = if is_data == 1 {
            let value = match decode_ref_with(input, &DecodeOptions::new()) {
                Ok(value) => value,
                Err(error) => return fail_decode(out, error),
            };
            match code {
                Some(ResultCode::Return) => Frame::Return(value),
                Some(ResultCode::UserError) => Frame::UserError(UserError::Data(value)),
                _ => {
                    return fail(
                        out,
                        "invalid_frame",
                        "only RETURN and USER_ERROR carry calldata",
                        0,
                    )
                }
            }
        } else {
            let message = match std::str::from_utf8(input) {
                Ok(message) => message,
                Err(error) => {
                    return fail(
                        out,
                        ErrorKind::InvalidUtf8.name(),
                        error,
                        error.valid_up_to(),
                    )
                }
            };
            match code {
                Some(ResultCode::UserError) => Frame::UserError(UserError::Message(message)),
                Some(ResultCode::VmError) => Frame::VmError(message),
                Some(ResultCode::InternalError) => Frame::InternalError(message),
                None => Frame::FatalVmError(message),
                _ => {
                    return fail(
                        out,
                        "invalid_frame",
                        "RETURN carries calldata, not a message",
                        0,
                    )
                }
            }
        };
        match frame.encode_to_in(out, generation, context) {
            Ok(()) => OK,
            Err(error @ FrameEncodeError::MessageLooksLikeData) => {
                fail(out, "message_looks_like_data", error, 1)
            }
            Err(error @ FrameEncodeError::NotAllowed(_)) => fail(out, "not_allowed", error, 0),
        }
    })
}

/// Writes the ABI generations' names into the output, one per line, in the
/// order the method-call operations number them; returns the number of
/// the default generation.
#[no_mangle]
pub extern "C" fn abi_generations() -> u32 {
    with_input(0, |_, out, _| {
        names(out, &AbiGeneration::ALL, AbiGeneration::default(), |g| {
            g.value()
        })
    })
}

/// The generation numbered `index` (see [`abi_generations`]).
pub(crate) fn generation(index: u32, out: &mut Vec<u8>) -> Result<AbiGeneration, u32> {
    numbered(
        &AbiGeneration::ALL,
        index,
        out,
        "unknown_generation",
        "ABI generation",
    )
}

/// Records a method-call error (see [`CALL_FAILED`]).
fn fail_call(out: &mut Vec<u8>, error: MethodCallError) -> u32 {
    out.clear();
    out.extend_from_slice(error.name().as_bytes());
    set(slot::KIND_LEN, error.name().len());
    match error.key() {
        Some(key) => {
            out.extend_from_slice(key.as_bytes());
            set(slot::KEY_LEN, key.len());
        }
        None => set(slot::KEY_LEN, NONE as usize),
    }
    let start = out.len();
    // Writing into a vector cannot fail.
    let _ = write!(out, "{error}");
    set(slot::MESSAGE_LEN, out.len() - start);
    match error {
        MethodCallError::Decode(cause) => {
            out.extend_from_slice(cause.kind().name().as_bytes());
            set(slot::CAUSE_KIND_LEN, cause.kind().name().len());
            let _ = write!(out, "{cause}");
            set(slot::OFFSET, cause.offset());
        }
        _ => set(slot::CAUSE_KIND_LEN, 0),
    }
    CALL_FAILED
}

/// The 32-byte call key of the method name in the input (UTF-8), or of no
/// name (a deployment) when `is_none` is 1, in the output.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn call_key(len: usize, is_none: u32) -> u32 {
    with_input(len, |input, out, _| {
        let name = if is_none == 1 {
            None
        } else {
            match std::str::from_utf8(input) {
                Ok(name) => Some(name),
                Err(error) => {
                    let kind = ErrorKind::InvalidUtf8.name();
                    return fail(out, kind, error, error.valid_up_to());
                }
            }
        };
        out.extend_from_slice(&key_of(name));
        OK
    })
}

/// Writes the call whose parts are the input, in generation number
/// `generation`: the method's UTF-8 (`method_len` bytes, or none when it is
/// [`NONE`]), then the calldata of args (`args_len` bytes, an array), then
/// that of kwargs (the rest, a map). The codec builds the call from them.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn encode_call(
    generation: u32,
    method_len: u32,
    args_len: usize,
    len: usize,
) -> u32 {
    with_input(len, |input, out, _| {
        let generation = match self::generation(generation, out) {
            Ok(generation) => generation,
            Err(status) => return status,
        };
        let (method, rest) = match method_len {
            NONE => (None, input),
            _ => {
                let (method, rest) = input.split_at(input.len().min(method_len as usize));
                match std::str::from_utf8(method) {
                    Ok(method) => (Some(method), rest),
                    Err(error) => {
                        let kind = ErrorKind::InvalidUtf8.name();
                        return fail(out, kind, error, error.valid_up_to());
                    }
                }
            }
        };
        let (args, kwargs) = rest.split_at(rest.len().min(args_len));
        let args = match decode_ref_with(args, &DecodeOptions::new()) {
            Ok(ValueRef::Array(items)) => items,
            Ok(_) => return fail(out, "invalid_call", "args is not an array", 0),
            Err(error) => return fail_decode(out, error),
        };
        let kwargs = match decode_ref_with(kwargs, &DecodeOptions::new()) {
            Ok(ValueRef::Map(map)) => map,
            Ok(_) => return fail(out, "invalid_call", "kwargs is not a map", 0),
            Err(error) => return fail_decode(out, error),
        };
        let call = MethodCallRef {
            method,
            args: Some(args),
            kwargs: Some(kwargs),
        };
        call.encode_to_in(out, generation);
        OK
    })
}

/// Reads the input as a call in generation number `generation` (a
/// deployment, whose method name must be absent, when `deployment` is 1),
/// and leaves `[method or null, args, kwargs]` as calldata in the output
/// and on the tape (its offsets count from the output's start).
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn decode_call(len: usize, generation: u32, deployment: u32) -> u32 {
    with_input(len, |input, out, tape| {
        let generation = match self::generation(generation, out) {
            Ok(generation) => generation,
            Err(status) => return status,
        };
        let read = if deployment == 1 {
            MethodCallRef::parse_deployment(input, generation)
        } else {
            MethodCallRef::parse(input, generation)
        };
        let call = match read {
            Ok(call) => call,
            Err(error) => return fail_call(out, error),
        };
        encode_array_header(out, 3);
        match call.method {
            Some(name) => ValueRef::Str(name).encode_to(out),
            None => ValueRef::Null.encode_to(out),
        }
        match call.args {
            Some(items) => ValueRef::Array(items).encode_to(out),
            None => encode_array_header(out, 0),
        }
        match call.kwargs {
            Some(entries) => ValueRef::Map(entries).encode_to(out),
            None => encode_map_header(out, 0),
        }
        // The codec's own encoding, so this cannot fail; if it did, the
        // error would still be reported, never a trap.
        match tape.write(out, 0, &DecodeOptions::new()) {
            Ok(()) => OK,
            Err(error) => fail_decode(out, error),
        }
    })
}

/// The input call (of either generation) with its method key rewritten for
/// generation number `to`, in the output.
#[cfg_attr(not(feature = "schema"), no_mangle)]
pub extern "C" fn migrate_call(len: usize, to: u32) -> u32 {
    with_input(len, |input, out, _| {
        let to = match generation(to, out) {
            Ok(generation) => generation,
            Err(status) => return status,
        };
        match migrate(input, to) {
            Ok(bytes) => {
                out.extend_from_slice(&bytes);
                OK
            }
            Err(error) => fail_call(out, error),
        }
    })
}
