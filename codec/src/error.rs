//! Decoding errors: what rule was broken, and at which byte.

use core::fmt;

/// The rule of `spec/calldata.md` an input breaks: `value()` is its stable
/// number (the C ABI's error code), `name()` the name the spec's vectors use,
/// `description()` what `DecodeError` shows. Generated, with every other
/// language's copy, from `spec/public-abi.json`.
pub use genvm_abi::CalldataErrorKind as ErrorKind;

/// Calldata that breaks a rule of the format, and where.
///
/// `Display` reads `<what> at byte N`, where N is the offset of the value,
/// key or ULEB128 at fault (for invalid UTF-8: of the first bad byte). A
/// depth error names the limit: `containers nested deeper than 128 at byte N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecodeError {
    kind: ErrorKind,
    /// For [`ErrorKind::TooDeep`], the limit that was passed (0: unknown).
    /// A `u32` keeps the error 16 bytes, as small as without it.
    depth_limit: u32,
    offset: usize,
}

impl DecodeError {
    /// An error of `kind` found at byte `offset`.
    pub const fn new(kind: ErrorKind, offset: usize) -> Self {
        DecodeError {
            kind,
            depth_limit: 0,
            offset,
        }
    }

    /// The same error at another offset: for calldata found inside a larger
    /// buffer (a frame, a stream), to report where it is in that buffer.
    pub const fn with_offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// The same error, naming `limit` if it is a depth error.
    pub(crate) fn with_depth_limit(mut self, limit: usize) -> Self {
        if self.kind == ErrorKind::TooDeep {
            self.depth_limit = u32::try_from(limit).unwrap_or(u32::MAX);
        }
        self
    }

    /// For a depth error, the depth limit that was exceeded (when known).
    pub const fn depth_limit(&self) -> Option<usize> {
        match self.depth_limit {
            0 => None,
            limit => Some(limit as usize),
        }
    }

    /// Which rule the input breaks.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Offset of the byte where the problem was found.
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl DecodeError {
    /// What rule was broken, without the offset: the kind's description, or
    /// for a depth error with a known limit, the limit.
    pub(crate) fn rule(&self) -> impl fmt::Display + '_ {
        struct Rule<'e>(&'e DecodeError);
        impl fmt::Display for Rule<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.0.depth_limit() {
                    Some(limit) => write!(f, "containers nested deeper than {limit}"),
                    None => f.write_str(self.0.kind.description()),
                }
            }
        }
        Rule(self)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.rule(), self.offset)
    }
}

impl core::error::Error for DecodeError {}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn names_round_trip_and_codes_are_distinct() {
        for (index, kind) in ErrorKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.name().parse::<ErrorKind>(), Ok(kind));
            assert_eq!(kind.value() as usize, index + 1);
        }
        assert!("nope".parse::<ErrorKind>().is_err());
    }

    #[test]
    fn display_names_the_offset() {
        let error = DecodeError::new(ErrorKind::TrailingBytes, 7);
        assert_eq!(
            error.to_string(),
            "trailing bytes after the value at byte 7"
        );
    }

    #[test]
    fn depth_errors_name_the_limit() {
        let error = DecodeError::new(ErrorKind::TooDeep, 3).with_depth_limit(128);
        assert_eq!(error.depth_limit(), Some(128));
        assert_eq!(
            error.to_string(),
            "containers nested deeper than 128 at byte 3"
        );
        let other = DecodeError::new(ErrorKind::TrailingBytes, 3).with_depth_limit(128);
        assert_eq!(other.depth_limit(), None);
    }
}
