//! The serde error: what went wrong, where in the data, and at which byte.

use alloc::boxed::Box;
use alloc::string::{String, ToString};
use core::fmt;

use crate::error::{DecodeError, ErrorKind};

/// A serde (de)serialization failure.
///
/// `Display` reads like `invalid type: string "x", expected u64 at
/// .records[3].id (byte 57)`: the message, the path of the field, and for
/// decoding the offset of the value at fault.
///
/// One pointer wide (as serde_json's error is), so every `Result` the
/// (de)serializer passes up fits in registers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SerdeError(Box<Details>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    message: String,
    /// Built from the innermost segment outwards as the error travels up.
    path: String,
    offset: Option<usize>,
    /// The rule of the format the input broke, for errors that come from it.
    kind: Option<ErrorKind>,
}

impl SerdeError {
    pub(crate) fn new(message: impl fmt::Display) -> Self {
        SerdeError(Box::new(Details {
            message: message.to_string(),
            path: String::new(),
            offset: None,
            kind: None,
        }))
    }

    /// For input that breaks a rule of the format (rather than not fitting
    /// the type), which rule.
    pub fn kind(&self) -> Option<ErrorKind> {
        self.0.kind
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Where: `.field`, `[index]` steps from the top value (empty for the
    /// top value itself).
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// For decoding, the offset of the value at fault.
    pub fn offset(&self) -> Option<usize> {
        self.0.offset
    }

    /// Adds the step that leads to where the error is, as it travels out.
    pub(crate) fn within_field(mut self, field: &str) -> Self {
        self.0.path.insert_str(0, field);
        self.0.path.insert(0, '.');
        self
    }

    pub(crate) fn within_index(mut self, index: usize) -> Self {
        self.0.path.insert_str(0, &alloc::format!("[{index}]"));
        self
    }

    /// Records the offset where the error happened, unless a deeper one is known.
    pub(crate) fn at(mut self, offset: usize) -> Self {
        self.0.offset.get_or_insert(offset);
        self
    }
}

impl From<DecodeError> for SerdeError {
    fn from(error: DecodeError) -> Self {
        let mut serde_error = SerdeError::new(error.rule()).at(error.offset());
        serde_error.0.kind = Some(error.kind());
        serde_error
    }
}

impl fmt::Display for SerdeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Details {
            message,
            path,
            offset,
            ..
        } = &*self.0;
        f.write_str(message)?;
        match (path.is_empty(), *offset) {
            (false, Some(offset)) => write!(f, " at {path} (byte {offset})"),
            (false, None) => write!(f, " at {path}"),
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
