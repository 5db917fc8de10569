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
//! * [`results`] are the v0.3 result rules (VM error codes, GVM32, proposed
//!   results, verdicts, hashes) behind the same kind of export.
//! * `schema` (with the feature `schema`, which builds the package's second
//!   module, `genvm_calldata_schema.wasm`) holds contract schemas by handle
//!   and checks and builds calls with them (`genvm-calldata-schema`).

pub mod exports;
pub mod results;
#[cfg(feature = "schema")]
pub mod schema;
pub mod tape;
