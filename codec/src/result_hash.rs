//! The v0.3 result hashes every validator must compute alike: the sub-VM
//! small hash, its rolling accumulator and the execution hash, each SHA3-256
//! over a calldata map (genvm-manager `03-vm/05-result.rst`, "Execution
//! Hash", "Sub-VM Result Hash"; the choices where it is open are in
//! `spec/result-hashes.md`).

use genvm_abi::ResultCode;
use sha3::{Digest, Sha3_256};

use crate::encode::encode;
use crate::value::{Map, Value};

/// A result's kind as the small hash names it; a fatal VM error is a
/// `VmError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResultKind {
    /// `"Return"`.
    Return,
    /// `"UserError"`.
    UserError,
    /// `"VMError"`.
    VmError,
}

impl ResultKind {
    /// The exact string the small hash holds.
    pub const fn as_str(self) -> &'static str {
        match self {
            ResultKind::Return => "Return",
            ResultKind::UserError => "UserError",
            ResultKind::VmError => "VMError",
        }
    }

    /// The result code the execution hash's `kind` holds.
    pub const fn code(self) -> ResultCode {
        match self {
            ResultKind::Return => ResultCode::Return,
            ResultKind::UserError => ResultCode::UserError,
            ResultKind::VmError => ResultCode::VmError,
        }
    }
}

fn sha3_of(map: Map) -> [u8; 32] {
    Sha3_256::digest(encode(&Value::Map(map))).into()
}

fn entries(pairs: impl IntoIterator<Item = (&'static str, Value)>) -> Map {
    let mut map = Map::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// The small hash of one deterministic sub-VM: SHA3-256 of the calldata map
/// `{kind, result, subvm_hashes, wasm_store_hashes}`, `result` the returned
/// value or user error value, or for a VM error its code as a string;
/// `subvm_hashes` the sub-VM's own finalized [`SubVmHashes`] as 32 bytes.
pub fn subvm_small_hash(
    kind: ResultKind,
    result: &Value,
    subvm_hashes: &[u8; 32],
    wasm_store_hashes: &Value,
) -> [u8; 32] {
    sha3_of(entries([
        ("kind", Value::from(kind.as_str())),
        ("result", result.clone()),
        ("subvm_hashes", Value::from(&subvm_hashes[..])),
        ("wasm_store_hashes", wasm_store_hashes.clone()),
    ]))
}

/// The rolling accumulator of a run's deterministic sub-VM small hashes:
/// one SHA3-256 over their concatenation, in call order. A run with none
/// finalizes to SHA3-256 of nothing.
///
/// ```
/// use genvm_calldata::SubVmHashes;
/// let empty = SubVmHashes::new().finalize();
/// assert_eq!(empty[..4], [0xa7, 0xff, 0xc6, 0xf8]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SubVmHashes {
    hasher: Sha3_256,
}

impl SubVmHashes {
    /// An empty accumulator.
    pub fn new() -> SubVmHashes {
        SubVmHashes::default()
    }

    /// Folds in the next sub-VM's small hash.
    pub fn fold(&mut self, small_hash: &[u8; 32]) {
        self.hasher.update(small_hash);
    }

    /// The finalized accumulator: the `subvm_hashes` field.
    pub fn finalize(self) -> [u8; 32] {
        self.hasher.finalize().into()
    }
}

/// The fields of the execution hash, each the calldata value the run
/// reports (the spec does not fix their shapes; `kind` and `subvm_hashes`
/// are typed here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutionHashFields {
    /// The WASM call stack at the failure point (empty on RETURN).
    pub backtrace: Value,
    /// The contract's result value.
    pub data: Value,
    /// The fees consumed.
    pub data_fees_consumed: Value,
    /// The fees remaining.
    pub data_fees_remaining: Value,
    /// Emitted messages and events, in emission order.
    pub emissions: Value,
    /// The result's kind, written as its result code (0, 1 or 2).
    pub kind: ResultKind,
    /// The storage changes.
    pub storage_changes: Value,
    /// The run's finalized [`SubVmHashes`].
    pub subvm_hashes: [u8; 32],
    /// The per-module memory fingerprints.
    pub wasm_store_hashes: Value,
}

/// The execution hash: SHA3-256 of the calldata map of the fields.
pub fn execution_hash(fields: &ExecutionHashFields) -> [u8; 32] {
    sha3_of(entries([
        ("backtrace", fields.backtrace.clone()),
        ("data", fields.data.clone()),
        ("data_fees_consumed", fields.data_fees_consumed.clone()),
        ("data_fees_remaining", fields.data_fees_remaining.clone()),
        ("emissions", fields.emissions.clone()),
        ("kind", Value::from(fields.kind.code().value())),
        ("storage_changes", fields.storage_changes.clone()),
        ("subvm_hashes", Value::from(&fields.subvm_hashes[..])),
        ("wasm_store_hashes", fields.wasm_store_hashes.clone()),
    ]))
}
