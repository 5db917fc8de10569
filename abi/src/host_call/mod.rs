//! The messages a guest sends the host, as serde types (feature `serde`).
//!
//! Each message is one calldata map holding exactly one key, the request's
//! name (serde's externally tagged enum); the host refuses unknown fields.
//! Encode and decode them with `genvm_calldata::to_vec`/`from_slice`.
//!
//! Three field types are the codec's, not this crate's: an address, a
//! calldata value and a 256-bit unsigned integer. This crate depends on
//! nothing, so [`HostCall`] takes them as type parameters and
//! `genvm_calldata::HostCall` fixes them to the codec's `Address`, `Value`
//! and `Int`; a host may pick a borrowed value type instead.
//!
//! One file a responsibility: `fields.rs` holds the field types every
//! generation shares, `checks.rs` the host's limits on topics and images,
//! [`v0_2`] the v0.2 message set.

mod checks;
mod fields;
pub mod v0_2;

pub use checks::{Topic, TopicLengthError, MAX_PROMPT_IMAGES};
pub use fields::{ExecuteOn, ParseWaitError, RenderMode, ResponseFormat, Wait};
pub use v0_2::{HostCall, HttpMethod, Trace};
