//! v0.3 VM error codes: `public-code [" # " detail]`, the public code a
//! path of the fixed tree `genvm_abi::VM_ERROR_CODE` with its typed
//! parameter (genvm-manager `03-vm/05-result.rst`, "VM Error Code Format").

use core::fmt;

use genvm_abi::{StrTrieCode, StrTrieParam, VM_ERROR_CODE};

/// What separates a VM error's public code from its detail.
pub const DETAIL_SEPARATOR: &str = " # ";

/// A parsed v0.3 VM error code, borrowing its text.
///
/// ```
/// use genvm_calldata::{VmErrorCode, VmErrorParam};
/// let code = VmErrorCode::parse("exit_code -3 # from main").unwrap();
/// assert_eq!(code.public_code(), "exit_code -3");
/// assert_eq!(code.path(), "exit_code");
/// assert_eq!(code.param(), Some(VmErrorParam::I32(-3)));
/// assert_eq!(code.detail(), Some("from main"));
/// assert!(code.matches("exit_code"));
/// assert!(!code.matches("exit"));
/// assert!(VmErrorCode::parse("exit_code 03").is_err(), "not the canonical spelling");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VmErrorCode<'a> {
    text: &'a str,
    public_code: &'a str,
    detail: Option<&'a str>,
    code: StrTrieCode,
    param: Option<VmErrorParam<'a>>,
}

/// The typed parameter of a VM error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VmErrorParam<'a> {
    /// A `$str` parameter: one component, no space and no `#`.
    Str(&'a str),
    /// An `$i32` parameter, spelled in canonical decimal.
    I32(i32),
}

impl fmt::Display for VmErrorParam<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VmErrorParam::Str(text) => f.write_str(text),
            VmErrorParam::I32(number) => write!(f, "{number}"),
        }
    }
}

/// Why a text is not a v0.3 VM error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VmErrorCodeError {
    /// The public code is no path of the tree (with or without a
    /// parameter).
    UnknownCode,
    /// A known path whose parameter is missing or not canonically spelled.
    BadParam {
        /// The code path.
        path: &'static str,
        /// The parameter type it takes.
        expected: StrTrieParam,
    },
}

impl VmErrorCodeError {
    /// The error's name: `unknown_code` or `bad_param`.
    pub const fn name(&self) -> &'static str {
        match self {
            VmErrorCodeError::UnknownCode => "unknown_code",
            VmErrorCodeError::BadParam { .. } => "bad_param",
        }
    }
}

impl fmt::Display for VmErrorCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VmErrorCodeError::UnknownCode => f.write_str("not a v0.3 VM error code"),
            VmErrorCodeError::BadParam { path, expected } => write!(
                f,
                "`{path}` takes one {} parameter, canonically spelled",
                expected.name()
            ),
        }
    }
}

impl core::error::Error for VmErrorCodeError {}

/// The public code of a VM error message: the part before the first
/// `" # "`.
pub fn public_code(message: &str) -> &str {
    message
        .split_once(DETAIL_SEPARATOR)
        .map_or(message, |(code, _)| code)
}

/// Whether a VM error message matches the known code `prefix`: its public
/// code equals `prefix` or extends it with further space-separated
/// components. Works on any text, known to the tree or not.
pub fn vm_error_matches(message: &str, prefix: &str) -> bool {
    let code = public_code(message);
    code.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// `text` as the canonical spelling of a parameter of type `param`.
fn parse_param(param: StrTrieParam, text: &str) -> Option<VmErrorParam<'_>> {
    match param {
        StrTrieParam::Str => {
            (!text.is_empty() && !text.contains([' ', '#'])).then_some(VmErrorParam::Str(text))
        }
        StrTrieParam::I32 => {
            let digits = text.strip_prefix('-').unwrap_or(text);
            let canonical = match digits.as_bytes() {
                [b'0'] => digits.len() == text.len(),
                [b'1'..=b'9', rest @ ..] => rest.iter().all(u8::is_ascii_digit),
                _ => false,
            };
            canonical
                .then(|| text.parse().ok())
                .flatten()
                .map(VmErrorParam::I32)
        }
    }
}

impl<'a> VmErrorCode<'a> {
    /// Parses a v0.3 VM error message: the public code must be a path of
    /// the tree, with its parameter (if it takes one) in canonical
    /// spelling; the detail after `" # "`, if any, is free text.
    pub fn parse(text: &'a str) -> Result<VmErrorCode<'a>, VmErrorCodeError> {
        let (public_code, detail) = match text.split_once(DETAIL_SEPARATOR) {
            Some((code, detail)) => (code, Some(detail)),
            None => (text, None),
        };
        let mut bad_param = None;
        for code in VM_ERROR_CODE {
            let param = match (code.param, public_code.strip_prefix(code.path)) {
                (None, Some("")) => None,
                (Some(kind), Some(rest)) if rest.is_empty() || rest.starts_with(' ') => {
                    match rest
                        .strip_prefix(' ')
                        .and_then(|rest| parse_param(kind, rest))
                    {
                        Some(param) => Some(param),
                        None => {
                            bad_param = Some(VmErrorCodeError::BadParam {
                                path: code.path,
                                expected: kind,
                            });
                            continue;
                        }
                    }
                }
                _ => continue,
            };
            return Ok(VmErrorCode {
                text,
                public_code,
                detail,
                code: *code,
                param,
            });
        }
        Err(bad_param.unwrap_or(VmErrorCodeError::UnknownCode))
    }

    /// The whole message.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// The public code: the path and its parameter.
    pub fn public_code(&self) -> &'a str {
        self.public_code
    }

    /// The detail after `" # "`, if any.
    pub fn detail(&self) -> Option<&'a str> {
        self.detail
    }

    /// The tree's path this code is (without the parameter).
    pub fn path(&self) -> &'static str {
        self.code.path
    }

    /// The parameter, if the path takes one.
    pub fn param(&self) -> Option<VmErrorParam<'a>> {
        self.param
    }

    /// Whether this code matches the known code `prefix` (see
    /// [`vm_error_matches`]).
    pub fn matches(&self, prefix: &str) -> bool {
        vm_error_matches(self.public_code, prefix)
    }
}

impl fmt::Display for VmErrorCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_in_canonical_spelling_only() {
        for good in ["0", "-1", "7", "2147483647", "-2147483648"] {
            assert!(parse_param(StrTrieParam::I32, good).is_some(), "{good}");
        }
        for bad in ["", "-0", "+1", "01", "2147483648", "1 ", " 1", "1e3", "-"] {
            assert!(parse_param(StrTrieParam::I32, bad).is_none(), "{bad:?}");
        }
        assert!(parse_param(StrTrieParam::Str, "ab12cd").is_some());
        for bad in ["", "a b", "a#b"] {
            assert!(parse_param(StrTrieParam::Str, bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn matching_is_at_a_space_boundary() {
        assert!(vm_error_matches(
            "out_of memory wasm_table # x",
            "out_of memory"
        ));
        assert!(vm_error_matches("out_of memory", "out_of memory"));
        assert!(!vm_error_matches("out_of memoryx", "out_of memory"));
        assert!(!vm_error_matches("x # out_of memory", "out_of memory"));
        assert_eq!(public_code("a # b # c"), "a");
    }
}
