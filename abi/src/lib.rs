//! The GenVM public ABI: the definitions guest (wasm) and host share.
//!
//! The enums and constants are generated from `spec/public-abi.json` by
//! `abi/generate.py`, which also writes the Python, JavaScript/TypeScript and
//! C bindings under `abi/bindings/`; a test regenerates them all and fails on
//! any difference, so the languages can never drift apart. [`HostCall`] and
//! its field types (feature `serde`) are written by hand, checked against
//! `spec/vectors/host-calls.json`. `no_std`, no dependencies.
//!
//! ```
//! use genvm_abi::{ResultCode, VmError, EVENT_MAX_TOPICS};
//! assert_eq!(ResultCode::try_from(1), Ok(ResultCode::UserError));
//! assert_eq!(ResultCode::UserError.name(), "user_error");
//! assert_eq!("oom".parse::<VmError>(), Ok(VmError::Oom));
//! assert_eq!(VmError::Oom.as_str(), "OOM");
//! assert_eq!(EVENT_MAX_TOPICS, 4);
//! assert_eq!(ResultCode::try_from(7).unwrap_err().to_string(), "unknown result_code value 7");
//! ```
//!
//! With the `serde` feature, [`HostCall`] and the types of its fields are the
//! messages a guest sends the host, with serde derives matching the host's
//! shapes, and [`StorageType`] serializes as its number.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

#[cfg(feature = "serde")]
extern crate alloc;

use core::fmt;

mod generated;
#[cfg(feature = "serde")]
mod host_call;

pub use generated::*;
#[cfg(feature = "serde")]
pub use host_call::{
    ExecuteOn, HostCall, HttpMethod, ParseWaitError, RenderMode, ResponseFormat, Topic,
    TopicLengthError, Trace, Wait, MAX_PROMPT_IMAGES,
};

/// A raw value or name that no definition has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownValue {
    definition: &'static str,
    what: Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unknown {
    Number(u64),
    Value,
    Name,
}

impl UnknownValue {
    fn number(definition: &'static str, value: u64) -> Self {
        UnknownValue {
            definition,
            what: Unknown::Number(value),
        }
    }

    fn value(definition: &'static str) -> Self {
        UnknownValue {
            definition,
            what: Unknown::Value,
        }
    }

    fn name(definition: &'static str) -> Self {
        UnknownValue {
            definition,
            what: Unknown::Name,
        }
    }

    /// The definition asked for, such as `result_code`.
    pub fn definition(&self) -> &'static str {
        self.definition
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.what {
            Unknown::Number(value) => write!(f, "unknown {} value {value}", self.definition),
            Unknown::Value => write!(f, "unknown {} value", self.definition),
            Unknown::Name => write!(f, "unknown {} name", self.definition),
        }
    }
}

impl core::error::Error for UnknownValue {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_values_and_names_round_trip() {
        for code in ResultCode::ALL {
            assert_eq!(ResultCode::try_from(code.value()), Ok(code));
            assert_eq!(code.name().parse::<ResultCode>(), Ok(code));
        }
        for error in VmError::ALL {
            assert_eq!(VmError::try_from(error.as_str()), Ok(error));
        }
        assert_eq!(u32::from(MemoryLimiterConsts::FileMapping), 256);
        assert_eq!(SpecialMethod::GetSchema.as_str(), "#get-schema");
    }

    #[test]
    fn unknown_values_are_errors() {
        assert_eq!(
            StorageType::try_from(3).unwrap_err().definition(),
            "storage_type"
        );
        assert!("Return".parse::<ResultCode>().is_err());
        assert!(
            VmError::try_from("oom").is_err(),
            "values are case-sensitive"
        );
        assert!(EntryKind::try_from(255).is_err());
    }
}
