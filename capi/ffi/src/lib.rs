//! The C ABI of `genvm-calldata`, as `extern "C"` functions.
//!
//! The `genvm-calldata-capi` package links them into `libgenvm_calldata`
//! (`.so`, `.a`) and ships the header `capi/include/genvm_calldata.h`; this
//! crate is a Rust library so that tests and fuzz targets can call them too.
//!
//! Conventions: every function returns 0 or an error code (and fills the
//! optional `gvc_error`); no panic crosses the boundary (it becomes
//! `GVC_ERR_INTERNAL`); NULL or misaligned pointers give an error; there is
//! no global state, so every function is thread-safe.

#![warn(missing_docs)]

mod buf;
mod call;
mod calldata;
mod error;
mod frame;
mod reader;
mod results;

use core::ffi::c_char;

pub use buf::{gvc_buf, gvc_buf_free};
pub use call::{gvc_call_key, gvc_call_migrate};
pub use calldata::{gvc_from_text, gvc_to_text, gvc_validate};
pub use error::{gvc_error, Code};
pub use frame::*;
pub use reader::*;
pub use results::{gvc_check_proposed_result, gvc_host_verdict, gvc_validator_verdict};

/// The library's version, NUL-terminated (static storage).
#[no_mangle]
pub extern "C" fn gvc_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The name of an error code (`"truncated_uleb"`, `"null_argument"`, ...),
/// NUL-terminated with static storage, or NULL for an unknown code.
#[no_mangle]
pub extern "C" fn gvc_error_name(code: i32) -> *const c_char {
    Code::name_of(code).map_or(core::ptr::null(), |name| name.as_ptr())
}

#[cfg(test)]
mod tests {
    use core::mem::MaybeUninit;
    use core::ptr::null_mut;

    use super::*;

    /// Takes a filled buffer's bytes and frees it.
    fn take(mut buf: gvc_buf) -> Vec<u8> {
        // SAFETY: a library-filled buffer, read then freed once.
        unsafe {
            let bytes = match buf.ptr.is_null() {
                true => Vec::new(),
                false => core::slice::from_raw_parts(buf.ptr, buf.len).to_vec(),
            };
            gvc_buf_free(&mut buf);
            bytes
        }
    }

    #[test]
    fn text_and_frames_round_trip_through_the_entry_points() {
        let text = br#"{"a":[1,"x",b#ff]}"#;
        let mut buf = MaybeUninit::<gvc_buf>::uninit();
        let mut frame = MaybeUninit::<gvc_frame>::uninit();
        // SAFETY: every pointer is valid for its call; outputs are read only
        // after a call returned 0.
        unsafe {
            assert_eq!(
                gvc_from_text(text.as_ptr(), text.len(), buf.as_mut_ptr(), null_mut()),
                0
            );
            let data = take(buf.assume_init_read());
            assert_eq!(gvc_validate(data.as_ptr(), data.len(), null_mut()), 0);
            assert_eq!(
                gvc_to_text(data.as_ptr(), data.len(), buf.as_mut_ptr(), null_mut()),
                0
            );
            assert_eq!(take(buf.assume_init_read()), text);

            let code = gvc_frame_encode(
                GVC_FRAME_USER_ERROR_DATA,
                data.as_ptr(),
                data.len(),
                buf.as_mut_ptr(),
                null_mut(),
            );
            assert_eq!(code, 0);
            let framed = take(buf.assume_init_read());
            assert_eq!(framed[..5], [1, 0, 0, 0, 0]);
            let code = gvc_frame_decode(
                framed.as_ptr(),
                framed.len(),
                frame.as_mut_ptr(),
                null_mut(),
            );
            assert_eq!(code, 0);
            let frame = frame.assume_init();
            assert_eq!(frame.kind, GVC_FRAME_USER_ERROR_DATA);
            assert_eq!(core::slice::from_raw_parts(frame.payload, frame.len), data);
        }
    }

    #[test]
    fn null_and_misaligned_pointers_are_errors() {
        let data = [0u8];
        let mut storage = [0u64; 8];
        let misaligned = storage
            .as_mut_ptr()
            .cast::<u8>()
            .wrapping_add(1)
            .cast::<gvc_buf>();
        // SAFETY: the library checks these pointers before any write.
        unsafe {
            assert_eq!(
                gvc_validate(core::ptr::null(), 1, null_mut()),
                Code::NullArgument as i32
            );
            assert_eq!(
                gvc_to_text(data.as_ptr(), 1, null_mut(), null_mut()),
                Code::NullArgument as i32
            );
            assert_eq!(
                gvc_to_text(data.as_ptr(), 1, misaligned, null_mut()),
                Code::Misaligned as i32
            );
        }
        assert_eq!(storage, [0; 8], "nothing written through a bad pointer");
    }

    #[test]
    fn threads_call_the_library_at_once() {
        let threads: Vec<_> = (0..4)
            .map(|thread| {
                std::thread::spawn(move || {
                    for round in 0..if cfg!(miri) { 2 } else { 200 } {
                        let text = format!(r#"{{"round":{round},"thread":{thread}}}"#);
                        let mut buf = MaybeUninit::<gvc_buf>::uninit();
                        // SAFETY: valid pointers; `buf` is read after success.
                        unsafe {
                            let code = gvc_from_text(
                                text.as_ptr(),
                                text.len(),
                                buf.as_mut_ptr(),
                                null_mut(),
                            );
                            assert_eq!(code, 0);
                            let data = take(buf.assume_init_read());
                            assert_eq!(gvc_validate(data.as_ptr(), data.len(), null_mut()), 0);
                            let code = gvc_to_text(
                                data.as_ptr(),
                                data.len(),
                                buf.as_mut_ptr(),
                                null_mut(),
                            );
                            assert_eq!(code, 0);
                            assert_eq!(take(buf.assume_init_read()), text.as_bytes());
                        }
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
    }
}
