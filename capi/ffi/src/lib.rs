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
mod calldata;
mod error;
mod frame;
mod reader;

use core::ffi::c_char;

pub use buf::{gvc_buf, gvc_buf_free};
pub use calldata::{gvc_from_text, gvc_to_text, gvc_validate};
pub use error::{gvc_error, Code};
pub use frame::*;
pub use reader::*;

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
