//! The limits the host puts on a message's lists, checked both ways: an
//! event has at most [`EVENT_MAX_TOPICS`] topics of 32 bytes each, a prompt
//! at most [`MAX_PROMPT_IMAGES`] images. A message over a limit neither
//! encodes nor decodes.
//!
//! Both hosts check them after parsing and answer `Inval` (genvm
//! `executor/src/wasi/genlayer_sdk.rs` for v0.2; genvm-executor
//! `executor/src/wasi/genlayer_sdk/` for v0.3); `spec/host-calls.md` has the
//! sources.

use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{self, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

use crate::EVENT_MAX_TOPICS;

/// The most images an `ExecPrompt` may carry.
pub const MAX_PROMPT_IMAGES: usize = 2;

/// The most topics an event may carry, as a length.
const MAX_TOPICS: usize = EVENT_MAX_TOPICS as usize;

/// An event topic: exactly 32 bytes, bytes on the wire.
///
/// ```
/// use genvm_abi::Topic;
/// let topic = Topic::try_from(&[7u8; 32][..]).unwrap();
/// assert_eq!(topic.as_bytes(), &[7; 32]);
/// assert_eq!(Topic::try_from(&[7u8; 3][..]).unwrap_err().to_string(), "a topic is 32 bytes, not 3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Topic(pub [u8; 32]);

impl Topic {
    /// The topic's 32 bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl From<[u8; 32]> for Topic {
    fn from(bytes: [u8; 32]) -> Self {
        Topic(bytes)
    }
}

impl From<Topic> for [u8; 32] {
    fn from(topic: Topic) -> Self {
        topic.0
    }
}

impl AsRef<[u8]> for Topic {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl TryFrom<&[u8]> for Topic {
    type Error = TopicLengthError;

    fn try_from(bytes: &[u8]) -> Result<Self, TopicLengthError> {
        bytes
            .try_into()
            .map(Topic)
            .map_err(|_| TopicLengthError(bytes.len()))
    }
}

/// Bytes that are not 32 long, given as a [`Topic`]; holds their length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TopicLengthError(pub usize);

impl fmt::Display for TopicLengthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a topic is 32 bytes, not {}", self.0)
    }
}

impl core::error::Error for TopicLengthError {}

impl Serialize for Topic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Topic {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TopicVisitor;
        impl Visitor<'_> for TopicVisitor {
            type Value = Topic;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("32 bytes")
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Topic, E> {
                Topic::try_from(bytes).map_err(E::custom)
            }
        }
        deserializer.deserialize_bytes(TopicVisitor)
    }
}

/// "too many topics: 5, at most 4"; `found` is `None` when the input did not
/// say how many it holds.
fn too_many(what: &str, found: Option<usize>, max: usize) -> impl fmt::Display + '_ {
    struct TooMany<'a>(&'a str, Option<usize>, usize);
    impl fmt::Display for TooMany<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self.1 {
                Some(found) => write!(f, "too many {}: {found}, at most {}", self.0, self.2),
                None => write!(f, "too many {}: at most {}", self.0, self.2),
            }
        }
    }
    TooMany(what, found, max)
}

/// Serializes `items` as a sequence, refusing more than `max`.
fn serialize_at_most<S: Serializer, T: Serialize>(
    items: &[T],
    max: usize,
    what: &'static str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if items.len() > max {
        return Err(ser::Error::custom(too_many(what, Some(items.len()), max)));
    }
    let mut seq = serializer.serialize_seq(Some(items.len()))?;
    for item in items {
        seq.serialize_element(item)?;
    }
    seq.end()
}

/// Reads a sequence of at most `max` items. A sequence that says it holds
/// more is refused before any item is read; one that does not say is
/// refused at the item past `max`.
fn deserialize_at_most<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    max: usize,
    what: &'static str,
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    struct AtMost<T> {
        max: usize,
        what: &'static str,
        item: PhantomData<T>,
    }
    impl<'de, T: Deserialize<'de>> Visitor<'de> for AtMost<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an array of at most {} {}", self.max, self.what)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            if let Some(found) = seq.size_hint().filter(|&found| found > self.max) {
                return Err(de::Error::custom(too_many(
                    self.what,
                    Some(found),
                    self.max,
                )));
            }
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(item) = seq.next_element()? {
                if items.len() == self.max {
                    let found = seq.size_hint().map(|left| self.max + 1 + left);
                    return Err(de::Error::custom(too_many(self.what, found, self.max)));
                }
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(AtMost {
        max,
        what,
        item: PhantomData,
    })
}

/// `topics: Vec<Topic>`: at most [`EVENT_MAX_TOPICS`].
pub(super) mod topics {
    use super::*;

    pub fn serialize<S: Serializer>(topics: &[Topic], serializer: S) -> Result<S::Ok, S::Error> {
        serialize_at_most(topics, MAX_TOPICS, "topics", serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Topic>, D::Error> {
        deserialize_at_most(MAX_TOPICS, "topics", deserializer)
    }
}

/// `topics: Vec<ByteBuf>` (the v0.2 field's type): at most
/// [`EVENT_MAX_TOPICS`], each 32 bytes.
pub(super) mod topic_bytes {
    use super::*;

    pub fn serialize<S: Serializer>(topics: &[ByteBuf], serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(short) = topics.iter().find(|topic| topic.len() != 32) {
            return Err(ser::Error::custom(TopicLengthError(short.len())));
        }
        serialize_at_most(topics, MAX_TOPICS, "topics", serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<ByteBuf>, D::Error> {
        let topics: Vec<Topic> = deserialize_at_most(MAX_TOPICS, "topics", deserializer)?;
        Ok(topics
            .into_iter()
            .map(|topic| ByteBuf::from(topic.0.to_vec()))
            .collect())
    }
}

/// `images: Vec<ByteBuf>`: at most [`MAX_PROMPT_IMAGES`].
pub(super) mod images {
    use super::*;

    pub fn serialize<S: Serializer>(images: &[ByteBuf], serializer: S) -> Result<S::Ok, S::Error> {
        serialize_at_most(images, MAX_PROMPT_IMAGES, "images", serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<ByteBuf>, D::Error> {
        deserialize_at_most(MAX_PROMPT_IMAGES, "images", deserializer)
    }
}
