//! [`SchemaError`]: what went wrong, where (a path), and its kind's name.

use std::fmt;

use genvm_calldata::{DecodeError, MethodCallError};

/// What kind of problem a [`SchemaError`] is. [`ErrorKind::name`] is the
/// name `spec/schema.md`, the vectors and the bindings use.
///
/// The first group is about a schema itself, the second about a call, a
/// return value or the input to build a call from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The schema is not JSON (or not UTF-8, or, from calldata, not a
    /// calldata string).
    InvalidJson,
    /// The schema is larger than [`MAX_SCHEMA_LEN`](crate::MAX_SCHEMA_LEN)
    /// bytes or has more than [`MAX_TYPES`](crate::MAX_TYPES) types.
    TooLarge,
    /// Types nest deeper than [`MAX_TYPE_DEPTH`](crate::MAX_TYPE_DEPTH), or a
    /// value deeper than checking follows.
    TooDeep,
    /// A JSON object of the schema repeats a key.
    DuplicateKey,
    /// A part of the schema is not what the format says (a missing key, a
    /// wrong JSON type).
    BadSchema,
    /// A key the schema format does not have.
    UnknownKey,
    /// A type name that is not one of the primitive names.
    UnknownType,
    /// A malformed type form: `$rep` out of place, an unknown `$` form, an
    /// empty `$or`, a form object with other keys.
    BadType,
    /// A `$ref` that is not a JSON Pointer to a type, or a cycle of `$ref`
    /// and `$or` that passes through no container.
    BadRef,
    /// A method or keyword name the format does not allow.
    BadName,
    /// Two parameters of one method have the same name.
    DuplicateParam,
    /// The bytes are not calldata.
    NotCalldata,
    /// The calldata is not a method call (or deployment) of the generation.
    NotACall,
    /// The schema has no such method.
    UnknownMethod,
    /// More positional arguments than positional parameters.
    TooManyArgs,
    /// A keyword argument that names no parameter.
    UnknownKwarg,
    /// A parameter given both positionally and by name.
    DuplicateArg,
    /// A parameter not given (strict mode only).
    MissingArg,
    /// A value of the wrong type.
    TypeMismatch,
    /// A tuple with the wrong number of elements.
    WrongLength,
    /// A record (dataclass) value with a key that is not one of its fields.
    UnknownField,
    /// A record field not given (strict mode only).
    MissingField,
    /// Input of the right JSON type whose content does not make the value
    /// (not a decimal integer, not an address, a float).
    BadValue,
    /// Input that more than one alternative of a union reads, as different
    /// values.
    Ambiguous,
}

impl ErrorKind {
    /// Every kind, in the order of `spec/schema.md`.
    pub const ALL: [ErrorKind; 24] = [
        ErrorKind::InvalidJson,
        ErrorKind::TooLarge,
        ErrorKind::TooDeep,
        ErrorKind::DuplicateKey,
        ErrorKind::BadSchema,
        ErrorKind::UnknownKey,
        ErrorKind::UnknownType,
        ErrorKind::BadType,
        ErrorKind::BadRef,
        ErrorKind::BadName,
        ErrorKind::DuplicateParam,
        ErrorKind::NotCalldata,
        ErrorKind::NotACall,
        ErrorKind::UnknownMethod,
        ErrorKind::TooManyArgs,
        ErrorKind::UnknownKwarg,
        ErrorKind::DuplicateArg,
        ErrorKind::MissingArg,
        ErrorKind::TypeMismatch,
        ErrorKind::WrongLength,
        ErrorKind::UnknownField,
        ErrorKind::MissingField,
        ErrorKind::BadValue,
        ErrorKind::Ambiguous,
    ];

    /// The kind's name: `invalid_json`, `type_mismatch`, ...
    pub const fn name(self) -> &'static str {
        match self {
            ErrorKind::InvalidJson => "invalid_json",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::TooDeep => "too_deep",
            ErrorKind::DuplicateKey => "duplicate_key",
            ErrorKind::BadSchema => "bad_schema",
            ErrorKind::UnknownKey => "unknown_key",
            ErrorKind::UnknownType => "unknown_type",
            ErrorKind::BadType => "bad_type",
            ErrorKind::BadRef => "bad_ref",
            ErrorKind::BadName => "bad_name",
            ErrorKind::DuplicateParam => "duplicate_param",
            ErrorKind::NotCalldata => "not_calldata",
            ErrorKind::NotACall => "not_a_call",
            ErrorKind::UnknownMethod => "unknown_method",
            ErrorKind::TooManyArgs => "too_many_args",
            ErrorKind::UnknownKwarg => "unknown_kwarg",
            ErrorKind::DuplicateArg => "duplicate_arg",
            ErrorKind::MissingArg => "missing_arg",
            ErrorKind::TypeMismatch => "type_mismatch",
            ErrorKind::WrongLength => "wrong_length",
            ErrorKind::UnknownField => "unknown_field",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::BadValue => "bad_value",
            ErrorKind::Ambiguous => "ambiguous",
        }
    }

    /// The kind of a name, the inverse of [`ErrorKind::name`].
    pub fn from_name(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A schema that cannot be read, or a call, return value or input that does
/// not fit one: the [`kind`](SchemaError::kind), the
/// [`path`](SchemaError::path) of the part at fault and a message.
///
/// `Display` is `path: message` (the message alone when the path is empty):
/// `args[1].owner: expected address, found string`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    kind: ErrorKind,
    path: String,
    message: String,
    decode: Option<DecodeError>,
    call: Option<MethodCallError>,
}

impl SchemaError {
    pub(crate) fn new(kind: ErrorKind, path: String, message: impl Into<String>) -> SchemaError {
        SchemaError {
            kind,
            path,
            message: message.into(),
            decode: None,
            call: None,
        }
    }

    pub(crate) fn at(kind: ErrorKind, path: &Path, message: impl Into<String>) -> SchemaError {
        SchemaError::new(kind, path.render(), message)
    }

    pub(crate) fn from_call_error(error: MethodCallError) -> SchemaError {
        let mut made = match &error {
            MethodCallError::Decode(decode) => {
                let mut made =
                    SchemaError::new(ErrorKind::NotCalldata, String::new(), decode.to_string());
                made.decode = Some(*decode);
                made
            }
            other => SchemaError::new(ErrorKind::NotACall, String::new(), other.to_string()),
        };
        made.call = Some(error);
        made
    }

    pub(crate) fn from_decode_error(error: DecodeError) -> SchemaError {
        SchemaError::from_call_error(MethodCallError::Decode(error))
    }

    /// What kind of problem this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Where: `args[1].owner`, `kwargs.memo`, `ret[0]`, or in a schema
    /// `methods.transfer.params[1][1]`; empty for the whole input.
    /// Keys that are not identifiers are written `["key"]`, JSON-quoted.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The calldata error, for [`ErrorKind::NotCalldata`].
    pub fn decode_error(&self) -> Option<&DecodeError> {
        self.decode.as_ref()
    }

    /// The codec's method-call error, for [`ErrorKind::NotCalldata`] and
    /// [`ErrorKind::NotACall`] (its [`name`](MethodCallError::name) says
    /// which rule of `spec/abi-generations.md` the call breaks).
    pub fn call_error(&self) -> Option<&MethodCallError> {
        self.call.as_ref()
    }
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for SchemaError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match (&self.decode, &self.call) {
            (Some(decode), _) => Some(decode),
            (None, Some(call)) => Some(call),
            _ => None,
        }
    }
}

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    Key(String),
    Index(usize),
}

/// A path from a root name, built only when an error is reported.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Path {
    segments: Vec<Segment>,
}

impl Path {
    pub(crate) fn root() -> Path {
        Path::default()
    }

    pub(crate) fn key(mut self, key: &str) -> Path {
        self.segments.push(Segment::Key(key.to_owned()));
        self
    }

    pub(crate) fn index(mut self, index: usize) -> Path {
        self.segments.push(Segment::Index(index));
        self
    }

    pub(crate) fn push(&mut self, segment: Segment) {
        self.segments.push(segment);
    }

    pub(crate) fn pop(&mut self) {
        self.segments.pop();
    }

    /// The path written out: the first key bare, then `.key`, `["key"]`
    /// and `[index]`.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Index(index) => {
                    out.push('[');
                    out.push_str(&index.to_string());
                    out.push(']');
                }
                Segment::Key(key) if is_identifier(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Key(key) => {
                    out.push('[');
                    out.push_str(&quote(key));
                    out.push(']');
                }
            }
        }
        out
    }
}

/// Whether `name` is written bare in paths and signatures:
/// `[A-Za-z_][A-Za-z0-9_]*`.
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b'A'..=b'Z' | b'a'..=b'z' | b'_'))
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `text` as a JSON string literal, ASCII only (so a path or a signature
/// never carries a control or bidirectional character).
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render() {
        let path = Path::root()
            .key("args")
            .index(1)
            .key("owner")
            .key("a b")
            .key("é");
        assert_eq!(path.render(), r#"args[1].owner["a b"]["\u00e9"]"#);
        assert_eq!(Path::root().key("$x").render(), r#"["$x"]"#);
    }

    #[test]
    fn names_round_trip() {
        for kind in ErrorKind::ALL {
            assert_eq!(ErrorKind::from_name(kind.name()), Some(kind));
        }
    }
}
