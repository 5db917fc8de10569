// Generated from spec/public-abi.json by abi/generate.py; do not edit.

/** The ABI lines this crate speaks (spec/abi-generations.md); v0_2 is the default. */
export declare const AbiGeneration: Readonly<{ V0_2: "v0.2"; V0_3: "v0.3" }>;
export type AbiGeneration = (typeof AbiGeneration)[keyof typeof AbiGeneration];

/** First byte of a sub-VM result frame (see framing.md). */
export declare const ResultCode: Readonly<{ RETURN: 0; USER_ERROR: 1; VM_ERROR: 2; INTERNAL_ERROR: 3 }>;
export type ResultCode = (typeof ResultCode)[keyof typeof ResultCode];

/** Which state a cross-contract read sees. */
export declare const StorageType: Readonly<{ DEFAULT: 0; LATEST_FINAL: 1; LATEST_NON_FINAL: 2 }>;
export type StorageType = (typeof StorageType)[keyof typeof StorageType];

/** How a contract is entered. */
export declare const EntryKind: Readonly<{ MAIN: 0; SANDBOX: 1; CONSENSUS_STAGE: 2 }>;
export type EntryKind = (typeof EntryKind)[keyof typeof EntryKind];

/** Bytes the memory limiter charges per wasm table entry and per file mapping. */
export declare const MemoryLimiterConsts: Readonly<{ TABLE_ENTRY: 64; FILE_MAPPING: 256 }>;
export type MemoryLimiterConsts = (typeof MemoryLimiterConsts)[keyof typeof MemoryLimiterConsts];

/** Method names reserved by the host. */
export declare const SpecialMethod: Readonly<{ GET_SCHEMA: "#get-schema"; ERRORED_MESSAGE: "#error" }>;
export type SpecialMethod = (typeof SpecialMethod)[keyof typeof SpecialMethod];

/** Well-known VM_ERROR messages. */
export declare const VmError: Readonly<{ TIMEOUT: "timeout"; VALIDATOR_DISAGREES: "validator_disagrees"; VERSION_TOO_BIG: "version_too_big"; OOM: "OOM"; INVALID_CONTRACT: "invalid_contract" }>;
export type VmError = (typeof VmError)[keyof typeof VmError];

/** The rule of calldata.md an input breaks; the numbers are the C library's first error codes. */
export declare const CalldataErrorKind: Readonly<{ TRUNCATED_ULEB: 1; NON_CANONICAL_ULEB: 2; RESERVED_TYPE: 3; INVALID_ATOM: 4; LENGTH_TOO_LARGE: 5; LENGTH_PAST_END: 6; INVALID_UTF8: 7; DUPLICATE_KEY: 8; UNSORTED_KEYS: 9; TOO_DEEP: 10; TRAILING_BYTES: 11 }>;
export type CalldataErrorKind = (typeof CalldataErrorKind)[keyof typeof CalldataErrorKind];

/** Most topics one emitted event may carry. */
export declare const EVENT_MAX_TOPICS: 4;

/** Version assumed for a contract that declares none. */
export declare const ABSENT_VERSION: "v0.1.0";

/** Storage slot offset where a contract's code lives. */
export declare const CODE_SLOT_OFFSET: 1;
