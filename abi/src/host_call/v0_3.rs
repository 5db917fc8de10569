//! The v0.3 message set: genvm-manager `02-gl_call.rst` at `main` 3b6aea1,
//! as the guest SDK (genvm-executor `runners/genlayer-py-std`) sends it and
//! the executor (genvm-executor `executor/crates/sdk-rs/src/abi/gl_call.rs`)
//! accepts it; `spec/host-calls.md`, "v0.3", has every choice and its
//! source.
//!
//! What a decoded message writes back is the guest SDK's form (an optional
//! field left out when absent, `use_balance` when false; the defaults the
//! host fills in, `response_format`, `body` and `sign`, written), except
//! that a request without fields (`Yield`, `GetTimestamp`, `Trace`'s
//! `RuntimeMicroSec`) is written as its bare name, the one form the
//! executor's decoder reads, where the guest SDK sends a one-key map with
//! `null`. A message in another form the host or the guest SDK uses (a
//! default left out, `null` for an absent field, `{"Yield": null}`) decodes
//! to the same value.
//!
//! ```
//! use genvm_abi::host_call::v0_3::{HostCall, Trace};
//! type Call = HostCall<[u8; 20], (), u64>;
//!
//! let call: Call = HostCall::Trace(Trace::RuntimeMicroSec);
//! let json = serde_json::to_string(&call).unwrap();
//! assert_eq!(json, r#"{"Trace":"RuntimeMicroSec"}"#);
//! // What the guest SDK sends reads as the same request.
//! let sent: Call = serde_json::from_str(r#"{"Trace":{"RuntimeMicroSec":null}}"#).unwrap();
//! assert_eq!(sent, call);
//! ```

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

use super::checks::{self, Topic};
use super::fee_params::FeeParams;
use super::fields::{ExecuteOn, RenderMode, ResponseFormat, Wait};
use crate::StorageType;

/// A v0.3 request from the guest to the host.
///
/// `A` is the address type, `V` the calldata value type and `U` the
/// 256-bit unsigned integer type, as for the v0.2
/// [`HostCall`](crate::HostCall). Also at the crate root as
/// [`HostCallV03`](crate::HostCallV03).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum HostCall<A, V, U> {
    /// Call an EVM contract's view function.
    EthCall {
        /// The EVM contract.
        address: A,
        /// ABI-encoded EVM calldata.
        #[serde(with = "serde_bytes")]
        calldata: Vec<u8>,
    },
    /// Call a view method of another contract and wait for its result.
    CallContract {
        /// The contract called.
        address: A,
        /// The method call (v0.3's `{"": name, ...}`; see
        /// `genvm_calldata::MethodCall`).
        calldata: V,
        /// Which state the call reads.
        state: StorageType,
    },
    /// Send a transaction to an EVM contract.
    EthSend {
        /// The EVM contract.
        address: A,
        /// ABI-encoded EVM calldata.
        #[serde(with = "serde_bytes")]
        calldata: Vec<u8>,
        /// Value transferred.
        value: U,
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
        /// Fund the message's fee from this contract's balance (the chain's
        /// `useBalance`); left out when false. The host requires
        /// `fee_params` exactly when this is set.
        #[serde(default, skip_serializing_if = "is_false")]
        use_balance: bool,
        /// The fee configuration of a balance-funded message; left out when
        /// `None`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fee_params: Option<FeeParams>,
    },
    /// Deploy a new contract from code.
    DeployContract {
        /// The constructor call (a method call without a name).
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
        /// As for [`PostMessage`](HostCall::PostMessage).
        #[serde(default, skip_serializing_if = "is_false")]
        use_balance: bool,
        /// As for [`PostMessage`](HostCall::PostMessage).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fee_params: Option<FeeParams>,
    },
    /// Emit an event.
    EmitEvent {
        /// The event's topics: at most
        /// [`EVENT_MAX_TOPICS`](crate::EVENT_MAX_TOPICS).
        #[serde(with = "checks::topics")]
        topics: Vec<Topic>,
        /// The event's data: a calldata map.
        blob: BTreeMap<String, V>,
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
        /// The runner the block runs, a full runner id; `None` (left out)
        /// runs the caller's `contract`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        runner: Option<String>,
        /// The custom runners (`custom:<hash>` ids) the block may use;
        /// `None` (left out) inherits all of the caller's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        custom_runners: Option<Vec<String>>,
    },
    /// Run a function in a sandboxed sub-VM at the caller's determinism.
    Sandbox {
        /// The serialized function.
        #[serde(with = "serde_bytes")]
        data: Vec<u8>,
        /// The runner the sandbox runs (`contract` for the caller's own).
        runner: String,
        /// Whether the sandbox may write storage (only if the caller may).
        allow_write_storage: bool,
        /// Whether the sandbox may send messages (only if the caller may).
        allow_send_messages: bool,
        /// Whether the sandbox may register runners (only if the caller may).
        allow_register_runners: bool,
        /// The custom runners the sandbox may use; `None` (left out)
        /// inherits all of the caller's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        custom_runners: Option<Vec<String>>,
    },
    /// Register a runner archive, answered with its `custom:<hash>` id.
    RegisterRunner {
        /// The archive (ustar, zip or commented text).
        #[serde(with = "serde_bytes")]
        code: Vec<u8>,
    },
    /// Map a file or, for a path ending in `/`, a directory of a runner into
    /// the VM's file system.
    MapFile {
        /// The runner id.
        runner: String,
        /// The path inside the runner's archive.
        path_in_runner: String,
        /// The absolute destination path (not under `/vm/`).
        path_in_vfs: String,
    },
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
        /// The request body, `null` for none (the host also takes it left
        /// out).
        #[serde(with = "serde_bytes", default)]
        body: Option<Vec<u8>>,
        /// Whether the host signs the request (left out, false).
        #[serde(default)]
        sign: bool,
    },
    /// Run a prompt on a language model.
    ExecPrompt {
        /// The form of the answer (left out, text).
        #[serde(default = "text")]
        response_format: ResponseFormat,
        /// The prompt.
        prompt: String,
        /// Images given to the model: at most
        /// [`MAX_PROMPT_IMAGES`](crate::MAX_PROMPT_IMAGES).
        #[serde(with = "checks::images")]
        images: Vec<ByteBuf>,
    },
    /// Run one of the host's prompt templates.
    ExecPromptTemplate(PromptTemplate),
    /// End the contract with a user error carrying this value.
    UserError(V),
    /// End the contract returning this value.
    Return(V),
    /// Tracing for debugging.
    Trace(Trace),
    /// Yield to the host (a no-op for now). Written `"Yield"`.
    Yield,
    /// Ask for the time in seconds since the Unix epoch (the transaction's
    /// in deterministic mode). Written `"GetTimestamp"`.
    GetTimestamp,
}

/// `use_balance` is left out when false.
fn is_false(value: &bool) -> bool {
    !*value
}

/// A prompt's `response_format` left out is text.
fn text() -> ResponseFormat {
    ResponseFormat::Text
}

/// The forms of [`HostCall::Trace`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trace {
    /// `{"Message": text}`: print a message.
    Message(String),
    /// `"RuntimeMicroSec"`: ask for the run time so far (0 in deterministic
    /// mode). `{"RuntimeMicroSec": null}` reads as this too.
    RuntimeMicroSec,
}

/// The HTTP methods [`HostCall::WebRequest`] allows, upper-case on the wire:
/// v0.2's and `PUT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `HEAD`
    Head,
    /// `DELETE`
    Delete,
    /// `OPTIONS`
    Options,
    /// `PATCH`
    Patch,
}

/// The prompt templates of [`HostCall::ExecPromptTemplate`]: one map whose
/// `template` key names the template, beside its fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "template", deny_unknown_fields)]
pub enum PromptTemplate {
    /// Are two answers equivalent under a principle? Answered with a bool.
    EqComparative {
        /// The leader's answer.
        leader_answer: String,
        /// The validator's answer.
        validator_answer: String,
        /// The principle they are compared under.
        principle: String,
    },
    /// Did the leader perform the task with integrity? Answered with a bool.
    EqNonComparativeValidator {
        /// The task.
        task: String,
        /// The criteria.
        criteria: String,
        /// The task's input.
        input: String,
        /// The leader's output.
        output: String,
    },
    /// Perform the task. Answered with text.
    EqNonComparativeLeader {
        /// The task.
        task: String,
        /// The criteria.
        criteria: String,
        /// The task's input.
        input: String,
    },
}
