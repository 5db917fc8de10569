//! GenVM contract schemas: what a contract's `#get-schema` method returns,
//! read strictly, and used the way ethers uses an ABI.
//!
//! * [`Schema::from_json`] reads a schema with clear errors (a path such
//!   as `methods.transfer.params[1][1]` and what was expected), within
//!   bounds of size and depth, and never panics; [`Schema::methods`] gives
//!   each method's parameters, return type, `readonly`, `payable` and gas
//!   fields.
//! * [`Schema::check_call`] checks a call's calldata (either ABI
//!   generation) against its method: unknown methods, too many positional
//!   arguments, unknown or repeated keyword arguments, values of the wrong
//!   type, each with a path: `args[1].owner: expected address, found
//!   string`. [`Schema::check_return`] checks a return value,
//!   [`Schema::check_deployment`] a deployment.
//! * [`Schema::build_call`] builds a call from JSON as users hold it
//!   (numbers and decimal strings for `int`, `0x` hex for `address`, hex or
//!   base64 for `bytes`), refusing whatever is ambiguous.
//!
//! The type language, what is refused and every rule of checking and
//! building are in `spec/schema.md`; `spec/vectors/schema.json` holds the
//! vectors every binding runs.
//!
//! ```
//! use genvm_calldata::{abi::AbiGeneration, MethodCall, Value};
//! use genvm_calldata_schema::{CheckOptions, Schema};
//!
//! let schema = Schema::from_json(r#"{"ctor": {"params": [], "kwparams": {}},
//!     "methods": {"set_owner": {"params": [["owner", "address"]], "kwparams": {},
//!                               "readonly": false, "payable": false, "ret": "null"}}}"#)?;
//! let call = MethodCall::new("set_owner").arg(Value::from("0xab"));
//! let error = schema.check_call(&call.encode_in(AbiGeneration::V03), AbiGeneration::V03).unwrap_err();
//! assert_eq!(error.to_string(), "args[0]: expected address, found string");
//! assert_eq!((error.kind().name(), error.path()), ("type_mismatch", "args[0]"));
//! # Ok::<(), genvm_calldata_schema::SchemaError>(())
//! ```
#![warn(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]

mod build;
mod check;
mod error;
mod json;
mod names;
mod parse;
mod schema;
mod tape;
mod types;

pub use build::{encode_checked, Arg};
pub use check::CheckOptions;
pub use error::{ErrorKind, SchemaError};
pub use schema::{Method, Param, Schema};
pub use types::{Shape, TypeRef};

/// The longest schema text read, in bytes (16 MiB).
pub const MAX_SCHEMA_LEN: usize = 16 << 20;

/// The most types one schema may hold.
pub const MAX_TYPES: usize = 1 << 20;

/// The deepest nesting of types in a schema's JSON, and the longest chain
/// of `$ref` and `$or` without an array or map between.
pub const MAX_TYPE_DEPTH: usize = 64;

/// The most nested steps checking and building follow (one per array or map
/// level entered and per `$or` or `$ref` passed): beyond, `too_deep`.
pub const MAX_CHECK_STEPS: u32 = 1024;
