//! ResultCode frames: `gvc_frame_decode`, `gvc_frame_encode` and their
//! `_in` forms taking the ABI generation and the context.

use core::ffi::c_char;

use codec::abi::{AbiGeneration, ResultCode};
use codec::{
    decode_frame_in, decode_ref, Frame, FrameContext, FrameEncodeError, FrameError, FrameRef,
    UserError, USER_ERROR_DATA_PREFIX,
};

use crate::buf::{fill, gvc_buf};
use crate::call::generation_named;
use crate::error::{guard, gvc_error, input, output, put, utf8, Code, Failure};

/// The frame kinds: the four result codes, with USER_ERROR split in two.
pub const GVC_FRAME_RETURN: i32 = 0;
/// USER_ERROR with a UTF-8 message.
pub const GVC_FRAME_USER_ERROR: i32 = 1;
/// VM_ERROR with a UTF-8 message.
pub const GVC_FRAME_VM_ERROR: i32 = 2;
/// INTERNAL_ERROR with a UTF-8 message.
pub const GVC_FRAME_INTERNAL_ERROR: i32 = 3;
/// USER_ERROR carrying calldata (after the four zero bytes).
pub const GVC_FRAME_USER_ERROR_DATA: i32 = 4;
/// A v0.3 fatal VM error (code byte 4) with a UTF-8 message.
pub const GVC_FRAME_FATAL_VM_ERROR: i32 = 5;

/// Frame contexts (`codec::FrameContext`): a sub-VM's result (nested
/// transport included), a non-deterministic block's, a top-level one.
pub const GVC_CONTEXT_SUBVM: i32 = 0;
/// A non-deterministic block's result.
pub const GVC_CONTEXT_NONDET: i32 = 1;
/// A run's top-level result.
pub const GVC_CONTEXT_TOP_LEVEL: i32 = 2;

/// A decoded frame: its kind and its payload, borrowed from the input.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct gvc_frame {
    /// A `GVC_FRAME_*` kind.
    pub kind: i32,
    /// Calldata (RETURN, USER_ERROR_DATA) or a UTF-8 message, not
    /// NUL-terminated.
    pub payload: *const u8,
    /// The payload's length.
    pub len: usize,
}

/// Decodes a v0.2 frame: `out` gets the kind and the payload (inside
/// `data`). Calldata payloads are validated; errors count offsets from the
/// code byte.
///
/// # Safety
/// `data` points to `len` readable bytes (or is NULL with `len` 0); `out`
/// points to a writable `gvc_frame`; `err` is NULL or a writable `gvc_error`.
#[no_mangle]
pub unsafe extern "C" fn gvc_frame_decode(
    data: *const u8,
    len: usize,
    out: *mut gvc_frame,
    err: *mut gvc_error,
) -> i32 {
    // SAFETY: the caller's promises, passed on.
    unsafe { decode_in(data, len, AbiGeneration::V02, FrameContext::SubVm, out, err) }
}

/// Decodes a frame of the ABI generation `generation`
/// (`GENVM_ABI_GENERATION_V0_2` or `_V0_3`) read in `context` (a
/// `GVC_CONTEXT_*`), as [`gvc_frame_decode`] does.
///
/// # Safety
/// As [`gvc_frame_decode`]; `generation` is a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gvc_frame_decode_in(
    data: *const u8,
    len: usize,
    generation: *const c_char,
    context: i32,
    out: *mut gvc_frame,
    err: *mut gvc_error,
) -> i32 {
    // SAFETY: the caller's promise on `generation`.
    let rules = unsafe { rules(generation, context) };
    match rules {
        // SAFETY: the caller's promises, passed on.
        Ok((generation, context)) => unsafe { decode_in(data, len, generation, context, out, err) },
        Err(failure) => guard(err, || Err(failure)),
    }
}

/// The frame rules a C caller names: a generation string and a context code.
///
/// # Safety
/// `generation` is NULL or a NUL-terminated string.
unsafe fn rules(
    generation: *const c_char,
    context: i32,
) -> Result<(AbiGeneration, FrameContext), Failure> {
    // SAFETY: the caller's promise on `generation`.
    let generation = unsafe { generation_named(generation) }?;
    let context = match context {
        GVC_CONTEXT_SUBVM => FrameContext::SubVm,
        GVC_CONTEXT_NONDET => FrameContext::NondetBlock,
        GVC_CONTEXT_TOP_LEVEL => FrameContext::TopLevel,
        other => {
            return Err(Failure::new(
                Code::InvalidArgument,
                0,
                format!("unknown frame context {other}"),
            ))
        }
    };
    Ok((generation, context))
}

/// # Safety
/// As [`gvc_frame_decode_in`], with the rules resolved.
unsafe fn decode_in(
    data: *const u8,
    len: usize,
    generation: AbiGeneration,
    context: FrameContext,
    out: *mut gvc_frame,
    err: *mut gvc_error,
) -> i32 {
    guard(err, || {
        output(out, "out")?;
        // SAFETY: the caller's promise on `data`.
        let data = unsafe { input(data, len) }?;
        let frame = decode_frame_in(data, generation, context).map_err(frame_failure)?;
        let kind = match frame {
            Frame::Return(_) => GVC_FRAME_RETURN,
            Frame::UserError(UserError::Message(_)) => GVC_FRAME_USER_ERROR,
            Frame::UserError(UserError::Data(_)) => GVC_FRAME_USER_ERROR_DATA,
            Frame::VmError(_) => GVC_FRAME_VM_ERROR,
            Frame::InternalError(_) => GVC_FRAME_INTERNAL_ERROR,
            Frame::FatalVmError(_) => GVC_FRAME_FATAL_VM_ERROR,
        };
        let skip = match (kind, generation) {
            (GVC_FRAME_USER_ERROR_DATA, AbiGeneration::V02) => 1 + USER_ERROR_DATA_PREFIX.len(),
            _ => 1,
        };
        let payload = &data[skip..];
        let frame = gvc_frame {
            kind,
            payload: payload.as_ptr(),
            len: payload.len(),
        };
        // SAFETY: `out` passed `output`.
        unsafe { put(out, frame) };
        Ok(())
    })
}

/// Encodes a v0.2 frame of `kind` around `payload` (calldata for RETURN and
/// USER_ERROR_DATA, which is validated; UTF-8 text otherwise) into `out`.
///
/// # Safety
/// As [`gvc_frame_decode`], with `payload` for `data` and a writable
/// `gvc_buf` for `out` (free it with `gvc_buf_free`).
#[no_mangle]
pub unsafe extern "C" fn gvc_frame_encode(
    kind: i32,
    payload: *const u8,
    len: usize,
    out: *mut gvc_buf,
    err: *mut gvc_error,
) -> i32 {
    // SAFETY: the caller's promises, passed on.
    unsafe {
        encode_in(
            kind,
            payload,
            len,
            AbiGeneration::V02,
            FrameContext::SubVm,
            out,
            err,
        )
    }
}

/// Encodes a frame as [`gvc_frame_encode`] does, in `generation` for
/// `context` (as [`gvc_frame_decode_in`] names them).
///
/// # Safety
/// As [`gvc_frame_encode`]; `generation` is a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gvc_frame_encode_in(
    kind: i32,
    payload: *const u8,
    len: usize,
    generation: *const c_char,
    context: i32,
    out: *mut gvc_buf,
    err: *mut gvc_error,
) -> i32 {
    // SAFETY: the caller's promise on `generation`.
    let rules = unsafe { rules(generation, context) };
    match rules {
        // SAFETY: the caller's promises, passed on.
        Ok((generation, context)) => unsafe {
            encode_in(kind, payload, len, generation, context, out, err)
        },
        Err(failure) => guard(err, || Err(failure)),
    }
}

/// # Safety
/// As [`gvc_frame_encode_in`], with the rules resolved.
unsafe fn encode_in(
    kind: i32,
    payload: *const u8,
    len: usize,
    generation: AbiGeneration,
    context: FrameContext,
    out: *mut gvc_buf,
    err: *mut gvc_error,
) -> i32 {
    // SAFETY: the caller's promises, passed on.
    unsafe {
        fill(payload, len, out, err, |payload| {
            let calldata = || decode_ref(payload).map_err(|e| Failure::calldata(e, 0));
            let text = || utf8(payload, "message");
            let frame: FrameRef<'_> = match kind {
                GVC_FRAME_RETURN => Frame::Return(calldata()?),
                GVC_FRAME_USER_ERROR => Frame::UserError(UserError::Message(text()?)),
                GVC_FRAME_USER_ERROR_DATA => Frame::UserError(UserError::Data(calldata()?)),
                GVC_FRAME_VM_ERROR => Frame::VmError(text()?),
                GVC_FRAME_INTERNAL_ERROR => Frame::InternalError(text()?),
                GVC_FRAME_FATAL_VM_ERROR => Frame::FatalVmError(text()?),
                other => {
                    return Err(Failure::new(
                        Code::InvalidArgument,
                        0,
                        format!("unknown frame kind {other}"),
                    ))
                }
            };
            frame.encode_in(generation, context).map_err(|e| match e {
                FrameEncodeError::MessageLooksLikeData => {
                    Failure::new(Code::MessageLooksLikeData, 0, e.to_string())
                }
                FrameEncodeError::NotAllowed(_) => {
                    Failure::new(Code::FrameNotAllowed, 0, e.to_string())
                }
            })
        })
    }
}

fn frame_failure(error: FrameError) -> Failure {
    let message = error.to_string();
    match error {
        FrameError::Empty => Failure::new(Code::FrameEmpty, 0, message),
        FrameError::UnknownCode(_) => Failure::new(Code::FrameUnknownCode, 0, message),
        FrameError::Calldata(e) => Failure::with_kind(e.kind(), e.offset(), message),
        FrameError::InvalidUtf8 { offset } => {
            Failure::with_kind(codec::ErrorKind::InvalidUtf8, offset, message)
        }
        FrameError::NotAllowed { .. } => Failure::new(Code::FrameNotAllowed, 0, message),
    }
}

/// The kind numbers agree with the result codes where they overlap.
const _: () = {
    assert!(GVC_FRAME_RETURN == ResultCode::Return.value() as i32);
    assert!(GVC_FRAME_USER_ERROR == ResultCode::UserError.value() as i32);
    assert!(GVC_FRAME_VM_ERROR == ResultCode::VmError.value() as i32);
    assert!(GVC_FRAME_INTERNAL_ERROR == ResultCode::InternalError.value() as i32);
};
