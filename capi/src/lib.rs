//! The C library `libgenvm_calldata` (`.so` and `.a`) with the header
//! `include/genvm_calldata.h`.
//!
//! Every function is defined in `genvm-calldata-ffi`; this crate only links
//! them into C-loadable artifacts. (It cannot be an rlib itself: its library
//! name would collide with the Rust codec's `genvm_calldata`.)

pub use genvm_calldata_ffi::*;
