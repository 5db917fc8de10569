//! The serde error: what went wrong, where in the data, and at which byte.

use alloc::string::{String, ToString};
use core::fmt;

use crate::error::DecodeError;

/// A serde (de)serialization failure.
///
/// `Display` reads like `invalid type: string "x", expected u64 at
/// .records[3].id (byte 57)`: the message, the path of the field, and for
/// decoding the offset of the value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SerdeError {
    message: String,
    /// Built from the innermost segment outwards as the error travels up.
    path: String,
    offset: Option<usize>,
}

impl SerdeError {
    pub(crate) fn new(message: impl fmt::Display) -> Self {
        SerdeError {
            message: message.to_string(),
            path: String::new(),
            offset: None,
        }
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where: `.field`, `[index]` steps from the top value (empty for the
    /// top value itself).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// For decoding, the offset of the value at fault.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// Adds the step that leads to where the error is, as it travels out.
    pub(crate) fn within_field(mut self, field: &str) -> Self {
        self.path.insert_str(0, field);
        self.path.insert(0, '.');
        self
    }

    pub(crate) fn within_index(mut self, index: usize) -> Self {
        self.path.insert_str(0, &alloc::format!("[{index}]"));
        self
    }

    /// Records the offset where the error happened, unless a deeper one is known.
    pub(crate) fn at(mut self, offset: usize) -> Self {
        self.offset.get_or_insert(offset);
        self
    }
}

impl From<DecodeError> for SerdeError {
    fn from(error: DecodeError) -> Self {
        SerdeError::new(error.kind()).at(error.offset())
    }
}

impl fmt::Display for SerdeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match (self.path.is_empty(), self.offset) {
            (false, Some(offset)) => write!(f, " at {} (byte {offset})", self.path),
            (false, None) => write!(f, " at {}", self.path),
            (true, Some(offset)) => write!(f, " at byte {offset}"),
            (true, None) => Ok(()),
        }
    }
}

impl core::error::Error for SerdeError {}

impl serde::ser::Error for SerdeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        SerdeError::new(message)
    }
}

impl serde::de::Error for SerdeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        SerdeError::new(message)
    }
}
