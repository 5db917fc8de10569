//! The GenVM calldata codec as a WebAssembly module for JavaScript.
//!
//! The npm package `genvm-calldata` (`js/lib/`, built by `js/build.sh`)
//! loads this crate compiled to `wasm32-unknown-unknown`. The glue is
//! hand-written (see `js/README.md` for why): JavaScript copies its input
//! into a buffer this module owns, calls one numbered export, and reads the
//! answer from a few result slots and from buffers in the module's memory.
//!
//! * [`tape`] writes calldata, as the codec validates it, as the compact
//!   tape that one JavaScript loop turns into objects (no call across the
//!   boundary per item).
//! * [`exports`] are the functions JavaScript calls and the buffers they
//!   share; every answer is a status code, so no input can trap the module.

pub mod exports;
pub mod tape;
