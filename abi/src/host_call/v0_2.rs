//! The v0.2 message set: what the guest SDK of `shared/seed/` sends and the
//! genvm host of July 2025 accepts (`spec/host-calls.md`, "v0.2").

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

use super::checks;
use super::fields::{ExecuteOn, RenderMode, ResponseFormat, Wait};
use crate::StorageType;

/// A v0.2 request from the guest to the host.
///
/// `A` is the address type, `V` the calldata value type and `U` the
/// 256-bit unsigned integer type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum HostCall<A, V, U> {
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
    /// Call a view method of another contract and wait for its result.
    CallContract {
        /// The contract called.
        address: A,
        /// The method call (see `genvm_calldata::MethodCall`).
        calldata: V,
        /// Which state the call reads.
        state: StorageType,
    },
    /// Send a message to another contract, run after this transaction.
    PostMessage {
        /// The receiving contract.
        address: A,
        /// The method call.
        calldata: V,
        /// Value transferred with the message.
        value: U,
        /// When the message runs.
        on: ExecuteOn,
    },
    /// Deploy a new contract from code.
    DeployContract {
        /// The constructor call (a method call without `method`).
        calldata: V,
        /// The contract's code.
        #[serde(with = "serde_bytes")]
        code: Vec<u8>,
        /// Value transferred to the new contract.
        value: U,
        /// When the deployment runs.
        on: ExecuteOn,
        /// Salt for the new contract's address.
        salt_nonce: U,
    },
    /// Send a transaction to a ghost (EVM) contract.
    EthSend {
        /// The EVM contract.
        address: A,
        /// ABI-encoded EVM calldata.
        #[serde(with = "serde_bytes")]
        calldata: Vec<u8>,
        /// Value transferred.
        value: U,
    },
    /// Call a view function of a ghost (EVM) contract.
    EthCall {
        /// The EVM contract.
        address: A,
        /// ABI-encoded EVM calldata.
        #[serde(with = "serde_bytes")]
        calldata: Vec<u8>,
    },
    /// Emit an event with up to [`EVENT_MAX_TOPICS`](crate::EVENT_MAX_TOPICS)
    /// topics.
    EmitEvent {
        /// The event's topics: at most
        /// [`EVENT_MAX_TOPICS`](crate::EVENT_MAX_TOPICS), each 32 bytes (the
        /// host's limits; more, or another length, neither encodes nor
        /// decodes).
        #[serde(with = "checks::topic_bytes")]
        topics: Vec<ByteBuf>,
        /// The event's data: a calldata map.
        blob: BTreeMap<String, V>,
    },
    /// End the contract with a user error carrying this message.
    Rollback(String),
    /// End the contract returning this value.
    Return(V),
    /// Render a web page.
    WebRender {
        /// What to render the page into.
        mode: RenderMode,
        /// The page.
        url: String,
        /// How long to wait after the page loaded.
        wait_after_loaded: Wait,
    },
    /// Make an HTTP request.
    WebRequest {
        /// The HTTP method.
        method: HttpMethod,
        /// The request's URL.
        url: String,
        /// Header names and raw values.
        headers: BTreeMap<String, ByteBuf>,
        /// The request body, `null` for none.
        #[serde(with = "serde_bytes")]
        body: Option<Vec<u8>>,
        /// Whether the host signs the request.
        sign: bool,
    },
    /// Run a prompt on a language model.
    ExecPrompt {
        /// The form of the answer.
        response_format: ResponseFormat,
        /// The prompt.
        prompt: String,
        /// Images given to the model: at most
        /// [`MAX_PROMPT_IMAGES`](crate::MAX_PROMPT_IMAGES).
        #[serde(with = "checks::images")]
        images: Vec<ByteBuf>,
    },
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

/// The HTTP methods [`HostCall::WebRequest`] allows, upper-case on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `HEAD`
    Head,
    /// `DELETE`
    Delete,
    /// `OPTIONS`
    Options,
    /// `PATCH`
    Patch,
}
