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
//! The crate speaks two GenVM ABI lines, the [`AbiGeneration`]s `v0.2` (the
//! default) and `v0.3` (`spec/abi-generations.md`). Every definition says
//! which generations have it and each of its values (`spec/public-abi.md`):
//! enums and constants groups have `GENERATIONS`, `generations()`,
//! `in_generation()` and `all_in()`, a constant `NAME` has
//! `NAME_GENERATIONS`.
//!
//! ```
//! use genvm_abi::{AbiGeneration, Permissions, ResultCode, CODE_SLOT_OFFSET_GENERATIONS};
//! let v0_3 = AbiGeneration::V03;
//! assert_eq!(AbiGeneration::default(), AbiGeneration::V02);
//! // Is result code 3 valid in v0.3, and which result codes are?
//! assert!(!ResultCode::try_from(3).is_ok_and(|code| code.in_generation(v0_3)));
//! assert_eq!(ResultCode::all_in(v0_3), [ResultCode::Return, ResultCode::UserError, ResultCode::VmError]);
//! assert_eq!(Permissions::GENERATIONS, [v0_3]);
//! assert!(!CODE_SLOT_OFFSET_GENERATIONS.contains(&v0_3));
//! ```
//!
//! v0.3's VM errors are a tree of codes, [`VM_ERROR_CODE`] (each a
//! [`StrTrieCode`]: a path and the type of its parameter, if any):
//!
//! ```
//! use genvm_abi::{StrTrieParam, VM_ERROR_CODE, VM_ERROR_CODE_DETAILS};
//! let code = |path: &str| VM_ERROR_CODE.iter().find(|code| code.path == path);
//! assert_eq!(code("exit_code").unwrap().param, Some(StrTrieParam::I32));
//! assert_eq!(code("out_of memory").unwrap().param, None);
//! assert!(code("leader_fault").is_none(), "an inner node, not a code");
//! assert_eq!(VM_ERROR_CODE_DETAILS, ["internal", "external"]);
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
pub mod host_call;

pub use generated::*;
#[cfg(feature = "serde")]
pub use host_call::{
    ExecuteOn, FeeParams, FeeParamsError, HostCall, HostCallV03, HttpMethod, ParseWaitError,
    PromptTemplate, RenderMode, ResponseFormat, Topic, TopicLengthError, Trace, Wait,
    MAX_PROMPT_IMAGES,
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

/// The type of a [`StrTrieCode`]'s parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StrTrieParam {
    /// Text, the rest of the message (`str`).
    Str,
    /// A signed 32-bit integer in decimal (`i32`).
    I32,
}

impl StrTrieParam {
    /// The type's name in `spec/public-abi.json`: `"str"` or `"i32"`.
    pub const fn name(self) -> &'static str {
        match self {
            StrTrieParam::Str => "str",
            StrTrieParam::I32 => "i32",
        }
    }
}

/// One code of a tree of string codes (a `str_trie` of
/// `spec/public-abi.json`, such as [`VM_ERROR_CODE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StrTrieCode {
    /// The code's path from the root: snake_case components separated by
    /// single spaces, such as `"out_of memory wasm_table"`.
    pub path: &'static str,
    /// The type of the parameter that follows the path (after one space), if
    /// the code takes one.
    pub param: Option<StrTrieParam>,
}

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

    extern crate std;
    use std::{format, string::ToString};
    use AbiGeneration::{V02, V03};

    #[test]
    fn the_default_generation_is_v0_2() {
        const DEFAULT: AbiGeneration = AbiGeneration::DEFAULT;
        assert_eq!(DEFAULT, V02);
        assert_eq!(AbiGeneration::default(), V02);
        assert_eq!(AbiGeneration::try_from("v0.3"), Ok(V03));
        assert_eq!("v0_3".parse::<AbiGeneration>(), Ok(V03));
        assert_eq!(V03.to_string(), "v0.3");
    }

    #[test]
    fn internal_error_is_not_a_result_code_of_v0_3() {
        assert_eq!(ResultCode::InternalError.generations(), [V02]);
        assert!(ResultCode::InternalError.in_generation(V02));
        assert!(!ResultCode::InternalError.in_generation(V03));
        assert_eq!(ResultCode::all_in(V02), ResultCode::ALL);
        assert_eq!(
            ResultCode::all_in(V03),
            [
                ResultCode::Return,
                ResultCode::UserError,
                ResultCode::VmError
            ]
        );
        assert_eq!(ResultCode::GENERATIONS, [V02, V03]);
        let known_in = |raw: u8, generation| {
            ResultCode::try_from(raw).is_ok_and(|code| code.in_generation(generation))
        };
        assert!(known_in(3, V02) && !known_in(3, V03) && known_in(2, V03) && !known_in(4, V02));
        // Answers are `const`.
        const _: () = assert!(!ResultCode::InternalError.in_generation(V03));
        const V0_3_CODES: &[ResultCode] = ResultCode::all_in(V03);
        assert_eq!(V0_3_CODES.len(), 3);
    }

    #[test]
    fn permissions_and_root_offsets_are_v0_3_only() {
        assert_eq!(Permissions::GENERATIONS, [V03]);
        assert_eq!(Permissions::all_in(V02), []);
        assert_eq!(Permissions::all_in(V03), Permissions::ALL);
        assert_eq!(Permissions::CanUseBalanceForMessageFees.value(), 1);
        assert_eq!(RootOffsets::GENERATIONS, [V03]);
        assert_eq!(RootOffsets::all_in(V02), []);
        assert_eq!(RootOffsets::Permissions.value(), 37);
        assert_eq!(RootOffsets::CodeSlot.value(), 5);
        assert!(!RootOffsets::Major.in_generation(V02));
    }

    #[test]
    fn v0_2_only_definitions_and_values() {
        assert_eq!(ABSENT_VERSION_GENERATIONS, [V02]);
        assert_eq!(CODE_SLOT_OFFSET_GENERATIONS, [V02]);
        assert_eq!(EVENT_MAX_TOPICS_GENERATIONS, [V02, V03]);
        assert_eq!(
            VmError::all_in(V03),
            [VmError::Timeout, VmError::InvalidContract]
        );
        assert!(VmError::Oom.in_generation(V02) && !VmError::Oom.in_generation(V03));
        assert_eq!(SpecialMethod::all_in(V03), SpecialMethod::ALL);
        assert_eq!(StorageType::all_in(V03), StorageType::ALL);
        assert_eq!(EntryKind::all_in(V03), EntryKind::ALL);
    }

    #[test]
    fn the_codec_s_own_definitions_are_in_every_generation() {
        for generation in AbiGeneration::ALL {
            assert_eq!(
                CalldataErrorKind::all_in(generation),
                CalldataErrorKind::ALL
            );
            assert_eq!(AbiGeneration::all_in(generation), AbiGeneration::ALL);
        }
    }

    #[test]
    fn vm_error_codes_are_v0_3_s_tree() {
        let code = |path: &str| VM_ERROR_CODE.iter().find(|code| code.path == path);
        assert_eq!(VM_ERROR_CODE.len(), 50);
        assert_eq!(
            VM_ERROR_CODE[0],
            StrTrieCode {
                path: "timeout",
                param: None
            }
        );
        assert_eq!(code("exit_code").unwrap().param, Some(StrTrieParam::I32));
        assert_eq!(
            code("leader_fault nondet_output uses_this_error")
                .and_then(|code| code.param)
                .map(StrTrieParam::name),
            Some("str")
        );
        assert_eq!(StrTrieParam::I32.name(), "i32");
        // Inner nodes that are codes themselves, and ones that are not.
        for path in ["wasm_trap", "out_of memory", "invalid_contract"] {
            assert_eq!(code(path).map(|code| code.param), Some(None), "{path}");
        }
        for path in [
            "leader_fault",
            "leader_fault nondet_output",
            "out_of",
            "fee",
            "evm",
        ] {
            assert!(code(path).is_none(), "{path} is not a code");
        }
        // Paths are unique snake_case components separated by single spaces,
        // and a code with a parameter has no codes under it.
        for (i, item) in VM_ERROR_CODE.iter().enumerate() {
            assert!(
                VM_ERROR_CODE[..i]
                    .iter()
                    .all(|other| other.path != item.path),
                "{} repeats",
                item.path
            );
            for component in item.path.split(' ') {
                assert!(
                    component.starts_with(|c: char| c.is_ascii_lowercase())
                        && component
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                    "{}",
                    item.path
                );
            }
            if item.param.is_some() {
                let under = format!("{} ", item.path);
                assert!(VM_ERROR_CODE
                    .iter()
                    .all(|other| !other.path.starts_with(&under)));
            }
        }
        assert_eq!(VM_ERROR_CODE_DETAILS, ["internal", "external"]);
        assert_eq!(VM_ERROR_CODE_GENERATIONS, [V03]);
        // The v0.2 enum's v0.3 values are codes of the tree.
        for error in VmError::all_in(V03) {
            assert!(code(error.as_str()).is_some(), "{error}");
        }
    }

    #[test]
    fn memory_limiter_consts_are_a_group_of_named_numbers() {
        use MemoryLimiterConsts as M;
        assert_eq!(M::GENERATIONS, [V02, V03]);
        assert_eq!(M::all_in(V02), [M::TableEntry, M::FileMapping]);
        assert_eq!(M::all_in(V03), M::ALL);
        assert_eq!(M::FdAllocation.generations(), [V03]);
        assert_eq!(
            M::ALL.map(M::value),
            [64, 256, 96, 4096, 134_217_728, 256, 128]
        );
        // Two members share 256 and stay two members.
        assert_eq!(M::FileMapping.value(), M::NewStoragePage.value());
        assert_ne!(M::FileMapping, M::NewStoragePage);
        assert!(M::FileMapping.in_generation(V02) && !M::NewStoragePage.in_generation(V02));
        assert_eq!(M::NewStoragePage.name(), "new_storage_page");
        assert_eq!("new_storage_page".parse::<M>(), Ok(M::NewStoragePage));
        assert_eq!(
            "nope".parse::<M>().unwrap_err().definition(),
            "memory_limiter_consts"
        );
        assert_eq!(format!("{:?}", M::NewStoragePage), "NewStoragePage");
        assert_eq!(format!("{}", M::NewStoragePage), "new_storage_page");
        // The members are constants, so they work as patterns.
        let charged = |item: M| match item {
            M::FileMapping | M::NewStoragePage => "page",
            _ => "other",
        };
        assert_eq!(charged(M::NewStoragePage), "page");
        assert_eq!(charged(M::TableEntry), "other");
    }
}
