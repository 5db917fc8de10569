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

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_bytes::ByteBuf;

use crate::StorageType;

/// A request from the guest to the host.
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
        /// The event's topics.
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
        /// Images given to the model.
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

/// When a posted message or deployment runs: the string `"finalized"` or
/// `"accepted"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExecuteOn {
    /// Once the transaction is finalized.
    Finalized,
    /// Once the transaction is accepted.
    Accepted,
}

/// What [`HostCall::WebRender`] renders into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RenderMode {
    /// The page's text.
    Text,
    /// The page's HTML.
    Html,
    /// A PNG screenshot.
    Screenshot,
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

/// The form of an [`HostCall::ExecPrompt`] answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResponseFormat {
    /// Free text.
    Text,
    /// A JSON document.
    Json,
}

/// A wait such as `"500ms"` or `"2s"`; the unit is kept so a message
/// re-encodes to the same bytes.
///
/// ```
/// use genvm_abi::Wait;
/// let wait: Wait = "2s".parse().unwrap();
/// assert_eq!(wait, Wait::Seconds(2));
/// assert_eq!(wait.as_millis(), 2000);
/// assert_eq!(Wait::Milliseconds(500).to_string(), "500ms");
/// assert!("2 s".parse::<Wait>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wait {
    /// `"<n>ms"`
    Milliseconds(u64),
    /// `"<n>s"`
    Seconds(u64),
}

impl Wait {
    /// The wait in milliseconds, saturating.
    pub fn as_millis(self) -> u64 {
        match self {
            Wait::Milliseconds(ms) => ms,
            Wait::Seconds(s) => s.saturating_mul(1000),
        }
    }
}

impl fmt::Display for Wait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Wait::Milliseconds(ms) => write!(f, "{ms}ms"),
            Wait::Seconds(s) => write!(f, "{s}s"),
        }
    }
}

/// Text that is not `"<n>ms"` or `"<n>s"` with `n` a decimal `u64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseWaitError;

impl fmt::Display for ParseWaitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"a wait is "<n>ms" or "<n>s""#)
    }
}

impl core::error::Error for ParseWaitError {}

impl FromStr for Wait {
    type Err = ParseWaitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (digits, wait): (_, fn(u64) -> Wait) = match text.strip_suffix("ms") {
            Some(digits) => (digits, Wait::Milliseconds),
            None => (text.strip_suffix('s').ok_or(ParseWaitError)?, Wait::Seconds),
        };
        // `u64::from_str` also takes a leading `+`; the wire form has none.
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseWaitError);
        }
        digits.parse().map(wait).map_err(|_| ParseWaitError)
    }
}

impl Serialize for Wait {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Wait {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WaitVisitor;
        impl Visitor<'_> for WaitVisitor {
            type Value = Wait;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"a wait such as "500ms" or "2s""#)
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Wait, E> {
                text.parse()
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(text), &self))
            }
        }
        deserializer.deserialize_str(WaitVisitor)
    }
}

/// On the wire a storage type is its number.
impl Serialize for StorageType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.value())
    }
}

impl<'de> Deserialize<'de> for StorageType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = u8::deserialize(deserializer)?;
        StorageType::try_from(raw).map_err(|_| {
            de::Error::invalid_value(de::Unexpected::Unsigned(raw.into()), &"0, 1 or 2")
        })
    }
}
