//! The messages a guest sends the host, as serde types (feature `serde`).
//!
//! Each message is one calldata map holding exactly one key, the request's
//! name (serde's externally tagged enum); the host refuses unknown fields.
//! Encode and decode them with `genvm_calldata::to_vec`/`from_slice`.

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

/// A request from the guest to the host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum HostCall {
    /// Run a function in a sandboxed sub-VM.
    Sandbox {
        /// The serialized function.
        #[serde(with = "serde_bytes")]
        data: Vec<u8>,
        /// Whether the sandbox may write (only if the caller may).
        allow_write_ops: bool,
    },
    /// Run a non-deterministic block: the leader's function and the
    /// validators' check.
    RunNondet {
        /// The leader's serialized function.
        #[serde(with = "serde_bytes")]
        data_leader: Vec<u8>,
        /// The validators' serialized function.
        #[serde(with = "serde_bytes")]
        data_validator: Vec<u8>,
    },
    /// Tracing for debugging.
    Trace(Trace),
}

/// The forms of [`HostCall::Trace`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Trace {
    /// `{"Message": text}`: print a message.
    Message(String),
    /// `{"RuntimeMicroSec": null}`: ask for the run time so far.
    RuntimeMicroSec(()),
}
