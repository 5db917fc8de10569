//! v0.3 results: `gvc_check_proposed_result`, and the non-deterministic
//! verdicts `gvc_validator_verdict` and `gvc_host_verdict`.

use core::ffi::c_char;

use codec::{check_proposed_result, host_verdict, validator_verdict, HostVerdict};

use crate::buf::{fill, gvc_buf};
use crate::call::generation_named;
use crate::error::{guard, gvc_error, input, output, put, Code, Failure};

/// Checks a leader's proposed non-deterministic result `frame[..len]`:
/// `derived` gets nothing (`{NULL, 0, 0}`) when it is accepted as it is,
/// else the derived VM error code (UTF-8) that replaces it.
///
/// # Safety
/// `frame` points to `len` readable bytes (or is NULL with `len` 0);
/// `derived` points to a writable `gvc_buf`; `err` is NULL or a writable
/// `gvc_error`.
#[no_mangle]
pub unsafe extern "C" fn gvc_check_proposed_result(
    frame: *const u8,
    len: usize,
    derived: *mut gvc_buf,
    err: *mut gvc_error,
) -> i32 {
    // SAFETY: the caller's promises, passed on.
    unsafe {
        fill(frame, len, derived, err, |frame| {
            Ok(check_proposed_result(frame)
                .map(String::into_bytes)
                .unwrap_or_default())
        })
    }
}

/// Whether a validator agrees with the leader (the guest's decision with
/// the generation's default comparisons): `agrees` gets 1 or 0. A decision
/// that is an error (a frame that is none, a RETURN that is no bool, ...)
/// is `GVC_ERR_NO_VERDICT` with the reason in `err`.
///
/// # Safety
/// `leader` and `answer` point to their lengths' readable bytes (or are
/// NULL with length 0); `generation` is a NUL-terminated string; `agrees`
/// points to a writable `int32_t`; `err` is NULL or a writable `gvc_error`.
#[no_mangle]
pub unsafe extern "C" fn gvc_validator_verdict(
    leader: *const u8,
    leader_len: usize,
    answer: *const u8,
    answer_len: usize,
    generation: *const c_char,
    agrees: *mut i32,
    err: *mut gvc_error,
) -> i32 {
    guard(err, || {
        output(agrees, "agrees")?;
        // SAFETY: the caller's promises on the inputs.
        let (leader, answer, generation) = unsafe {
            (
                input(leader, leader_len)?,
                input(answer, answer_len)?,
                generation_named(generation)?,
            )
        };
        let verdict = validator_verdict(leader, answer, generation)
            .map_err(|error| Failure::new(Code::NoVerdict, 0, error.to_string()))?;
        // SAFETY: `agrees` passed `output`.
        unsafe { put(agrees, i32::from(verdict)) };
        Ok(())
    })
}

/// The host's verdict on a validator's result frame: `agrees` gets 1 when
/// it is RETURN `true`, else 0 (v0.2's host then ends the block with
/// `validator_disagrees`; v0.3's names no code).
///
/// # Safety
/// As [`gvc_validator_verdict`], with one frame.
#[no_mangle]
pub unsafe extern "C" fn gvc_host_verdict(
    validator: *const u8,
    len: usize,
    generation: *const c_char,
    agrees: *mut i32,
    err: *mut gvc_error,
) -> i32 {
    guard(err, || {
        output(agrees, "agrees")?;
        // SAFETY: the caller's promises on the inputs.
        let (validator, generation) =
            unsafe { (input(validator, len)?, generation_named(generation)?) };
        let verdict = host_verdict(validator, generation) == HostVerdict::Agree;
        // SAFETY: `agrees` passed `output`.
        unsafe { put(agrees, i32::from(verdict)) };
        Ok(())
    })
}
