//! Decoding errors: what rule was broken, and at which byte.

use core::fmt;

/// The rule of `spec/calldata.md` an input breaks.
///
/// The numbers are stable (they cross the C ABI) and the names are the error
/// kinds used by `spec/vectors/calldata.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ends before or inside a ULEB128 number.
    TruncatedUleb = 1,
    /// A ULEB128 number longer than one byte ends with a zero byte.
    NonCanonicalUleb = 2,
    /// Type tag 7, which is reserved.
    ReservedType = 3,
    /// An atom whose argument is not null, false, true or address.
    InvalidAtom = 4,
    /// A length or element count of 2^32 or more.
    LengthTooLarge = 5,
    /// A length, an address or an element count runs past the end of the input.
    LengthPastEnd = 6,
    /// A string or map key is not valid UTF-8.
    InvalidUtf8 = 7,
    /// A map key equals the previous key.
    DuplicateKey = 8,
    /// A map key sorts before the previous key.
    UnsortedKeys = 9,
    /// A container is nested deeper than the depth limit.
    TooDeep = 10,
    /// Bytes are left over after the top value.
    TrailingBytes = 11,
}

impl ErrorKind {
    /// Every kind, in numeric order.
    pub const ALL: [ErrorKind; 11] = [
        ErrorKind::TruncatedUleb,
        ErrorKind::NonCanonicalUleb,
        ErrorKind::ReservedType,
        ErrorKind::InvalidAtom,
        ErrorKind::LengthTooLarge,
        ErrorKind::LengthPastEnd,
        ErrorKind::InvalidUtf8,
        ErrorKind::DuplicateKey,
        ErrorKind::UnsortedKeys,
        ErrorKind::TooDeep,
        ErrorKind::TrailingBytes,
    ];

    /// The snake_case name used by the spec and its vectors.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::TruncatedUleb => "truncated_uleb",
            ErrorKind::NonCanonicalUleb => "non_canonical_uleb",
            ErrorKind::ReservedType => "reserved_type",
            ErrorKind::InvalidAtom => "invalid_atom",
            ErrorKind::LengthTooLarge => "length_too_large",
            ErrorKind::LengthPastEnd => "length_past_end",
            ErrorKind::InvalidUtf8 => "invalid_utf8",
            ErrorKind::DuplicateKey => "duplicate_key",
            ErrorKind::UnsortedKeys => "unsorted_keys",
            ErrorKind::TooDeep => "too_deep",
            ErrorKind::TrailingBytes => "trailing_bytes",
        }
    }

    /// The stable number of this kind.
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// A short human description, as `Display` shows it.
    pub const fn description(self) -> &'static str {
        match self {
            ErrorKind::TruncatedUleb => "input ends inside a ULEB128 number",
            ErrorKind::NonCanonicalUleb => "non-canonical ULEB128 (trailing zero byte)",
            ErrorKind::ReservedType => "reserved type tag 7",
            ErrorKind::InvalidAtom => "invalid atom",
            ErrorKind::LengthTooLarge => "length or count of 2^32 or more",
            ErrorKind::LengthPastEnd => "length runs past the end of the input",
            ErrorKind::InvalidUtf8 => "invalid UTF-8",
            ErrorKind::DuplicateKey => "duplicate map key",
            ErrorKind::UnsortedKeys => "map keys out of order",
            ErrorKind::TooDeep => "containers nested deeper than the depth limit",
            ErrorKind::TrailingBytes => "trailing bytes after the value",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

impl core::str::FromStr for ErrorKind {
    type Err = UnknownErrorKind;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ErrorKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
            .ok_or(UnknownErrorKind)
    }
}

/// A name that is not one of [`ErrorKind::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownErrorKind;

impl fmt::Display for UnknownErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown error kind")
    }
}

impl core::error::Error for UnknownErrorKind {}

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
            assert_eq!(kind.code() as usize, index + 1);
        }
        assert_eq!("nope".parse::<ErrorKind>(), Err(UnknownErrorKind));
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
