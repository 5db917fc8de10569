//! Field types both generations share: when a message runs, what a page
//! renders into, the form of a prompt's answer, a wait, and the storage type
//! as its number.

use core::fmt;
use core::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::StorageType;

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

/// What [`HostCall::WebRender`](crate::HostCall::WebRender) renders into.
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

/// The form of an [`HostCall::ExecPrompt`](crate::HostCall::ExecPrompt) answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResponseFormat {
    /// Free text.
    Text,
    /// A JSON document.
    Json,
}

/// A wait such as `"500ms"` or `"2s"`; the unit is kept so a message
/// re-encodes to the same bytes. Leading zeros are read, as the host reads
/// them, and not kept (`"05ms"` is written back `"5ms"`); a sign, which the
/// host's integer parse would also take, is refused.
///
/// ```
/// use genvm_abi::Wait;
/// let wait: Wait = "2s".parse().unwrap();
/// assert_eq!(wait, Wait::Seconds(2));
/// assert_eq!(wait.as_millis(), 2000);
/// assert_eq!(Wait::Milliseconds(500).to_string(), "500ms");
/// assert_eq!("05ms".parse::<Wait>().unwrap().to_string(), "5ms");
/// assert!("2 s".parse::<Wait>().is_err());
/// assert!("+2s".parse::<Wait>().is_err());
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
