// Generated from spec/public-abi.json by abi/generate.py; do not edit.

/** The ABI lines this crate speaks (spec/abi-generations.md); v0_2 is the default. */
export const AbiGeneration = Object.freeze({ V0_2: "v0.2", V0_3: "v0.3" });

/** First byte of a sub-VM result frame (see framing.md). */
export const ResultCode = Object.freeze({ RETURN: 0, USER_ERROR: 1, VM_ERROR: 2, INTERNAL_ERROR: 3 });

/** Which state a cross-contract read sees. */
export const StorageType = Object.freeze({ DEFAULT: 0, LATEST_FINAL: 1, LATEST_NON_FINAL: 2 });

/** How a contract is entered. */
export const EntryKind = Object.freeze({ MAIN: 0, SANDBOX: 1, CONSENSUS_STAGE: 2 });

/** Bytes the memory limiter charges per wasm table entry and per file mapping. */
export const MemoryLimiterConsts = Object.freeze({ TABLE_ENTRY: 64, FILE_MAPPING: 256 });

/** Method names reserved by the host. */
export const SpecialMethod = Object.freeze({ GET_SCHEMA: "#get-schema", ERRORED_MESSAGE: "#error" });

/** Well-known VM_ERROR messages. */
export const VmError = Object.freeze({ TIMEOUT: "timeout", VALIDATOR_DISAGREES: "validator_disagrees", VERSION_TOO_BIG: "version_too_big", OOM: "OOM", INVALID_CONTRACT: "invalid_contract" });

/** The rule of calldata.md an input breaks; the numbers are the C library's first error codes. */
export const CalldataErrorKind = Object.freeze({ TRUNCATED_ULEB: 1, NON_CANONICAL_ULEB: 2, RESERVED_TYPE: 3, INVALID_ATOM: 4, LENGTH_TOO_LARGE: 5, LENGTH_PAST_END: 6, INVALID_UTF8: 7, DUPLICATE_KEY: 8, UNSORTED_KEYS: 9, TOO_DEEP: 10, TRAILING_BYTES: 11 });

/** Most topics one emitted event may carry. */
export const EVENT_MAX_TOPICS = 4;

/** Version assumed for a contract that declares none. */
export const ABSENT_VERSION = "v0.1.0";

/** Storage slot offset where a contract's code lives. */
export const CODE_SLOT_OFFSET = 1;
