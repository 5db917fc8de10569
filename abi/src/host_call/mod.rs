//! The messages a guest sends the host, as serde types (feature `serde`),
//! for both ABI generations.
//!
//! Each message is one calldata value naming the request: a map holding
//! exactly one key, the request's name, whose value is its fields (serde's
//! externally tagged enum); v0.3's requests without fields are the bare name.
//! The host refuses unknown fields, and so does every type here, naming the
//! field. Encode and decode them with `genvm_calldata::to_vec`/`from_slice`.
//!
//! | generation | message type | also at |
//! |---|---|---|
//! | v0.2 ([`AbiGeneration::V02`](crate::AbiGeneration::V02), the default) | [`v0_2::HostCall`] | [`crate::HostCall`], `genvm_calldata::HostCall` |
//! | v0.3 ([`AbiGeneration::V03`](crate::AbiGeneration::V03)) | [`v0_3::HostCall`] | [`crate::HostCallV03`], `genvm_calldata::HostCallV03` |
//!
//! A host that serves both picks the type by the contract's generation; the
//! two sets share their field types ([`ExecuteOn`], [`RenderMode`],
//! [`ResponseFormat`], [`Wait`], [`StorageType`](crate::StorageType) as its
//! number) and differ in [`v0_2::Trace`]/[`v0_3::Trace`] and
//! [`v0_2::HttpMethod`]/[`v0_3::HttpMethod`]. `spec/host-calls.md` has both
//! tables.
//!
//! Three field types are the codec's, not this crate's: an address, a
//! calldata value and a 256-bit unsigned integer. This crate depends on
//! nothing, so the messages take them as type parameters and
//! `genvm_calldata::HostCall`/`HostCallV03` fix them to the codec's
//! `Address`, `Value` and `Uint256`; a host may pick a borrowed value type
//! instead.
//!
//! Every value is checked as the host checks it: 256-bit integers by the
//! `U` type, the string enums, an event's topics (at most
//! [`EVENT_MAX_TOPICS`](crate::EVENT_MAX_TOPICS), each a [`Topic`] of 32
//! bytes), a prompt's images (at most [`MAX_PROMPT_IMAGES`]) and v0.3's
//! [`FeeParams`]. A message over a limit neither decodes nor encodes.
//!
//! One file a responsibility: `fields.rs` holds the field types every
//! generation shares, `checks.rs` the host's limits on topics and images,
//! `fee_params.rs` v0.3's fee parameters, [`v0_2`] and [`v0_3`] the two
//! message sets.

mod checks;
mod fee_params;
mod fields;
pub mod v0_2;
pub mod v0_3;

pub use checks::{Topic, TopicLengthError, MAX_PROMPT_IMAGES};
pub use fee_params::{FeeParams, FeeParamsError};
pub use fields::{ExecuteOn, ParseWaitError, RenderMode, ResponseFormat, Wait};
pub use v0_2::{HostCall, HttpMethod, Trace};
pub use v0_3::{HostCall as HostCallV03, PromptTemplate};
