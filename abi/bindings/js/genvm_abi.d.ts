// Generated from spec/public-abi.json by abi/generate.py; do not edit.

/** The ABI lines this crate speaks (spec/abi-generations.md); v0_2 is the default. In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation. */
export declare const AbiGeneration: Readonly<{ V0_2: "v0.2"; V0_3: "v0.3" }>;
export type AbiGeneration = (typeof AbiGeneration)[keyof typeof AbiGeneration];

/** The default AbiGeneration. */
export declare const DEFAULT_ABI_GENERATION: "v0.2";

/** First byte of a sub-VM result frame (see framing.md). In ABI generations v0.2 and v0.3. */
export declare const ResultCode: Readonly<{ RETURN: 0; USER_ERROR: 1; VM_ERROR: 2; INTERNAL_ERROR: 3 }>;
export type ResultCode = (typeof ResultCode)[keyof typeof ResultCode];

/** Which state a cross-contract read sees. In ABI generations v0.2 and v0.3. */
export declare const StorageType: Readonly<{ DEFAULT: 0; LATEST_FINAL: 1; LATEST_NON_FINAL: 2 }>;
export type StorageType = (typeof StorageType)[keyof typeof StorageType];

/** How a contract is entered. In ABI generations v0.2 and v0.3. */
export declare const EntryKind: Readonly<{ MAIN: 0; SANDBOX: 1; CONSENSUS_STAGE: 2 }>;
export type EntryKind = (typeof EntryKind)[keyof typeof EntryKind];

/** Permissions a contract sets in the permissions bitfield of its root storage slot. In ABI generation v0.3 only. */
export declare const Permissions: Readonly<{ CAN_USE_BALANCE_FOR_MESSAGE_FEES: 1 }>;
export type Permissions = (typeof Permissions)[keyof typeof Permissions];

/** Byte offsets of the fields of a contract's root storage slot. In ABI generation v0.3 only. */
export declare const RootOffsets: Readonly<{ MAJOR: 0; CONTRACT: 1; CODE: 2; LOCKED_SLOTS: 3; UPGRADERS: 4; CODE_SLOT: 5; PERMISSIONS: 37 }>;
export type RootOffsets = (typeof RootOffsets)[keyof typeof RootOffsets];

/** Bytes the memory limiter charges: per wasm table entry, per file mapping and (v0.3) per file descriptor, runner load, VM spawn and storage page. In ABI generations v0.2 and v0.3. In v0.3 one of GenVM's internal (host-side) constants. */
export declare const MemoryLimiterConsts: Readonly<{ TABLE_ENTRY: 64; FILE_MAPPING: 256; FD_ALLOCATION: 96; RUNNER_LOAD_COST: 4096; VM_SPAWN_COST: 134217728; NEW_STORAGE_PAGE: 256; STORAGE_PAGE_INHERITED: 128 }>;
export type MemoryLimiterConsts = (typeof MemoryLimiterConsts)[keyof typeof MemoryLimiterConsts];

/** Method names reserved by the host. In ABI generations v0.2 and v0.3. */
export declare const SpecialMethod: Readonly<{ GET_SCHEMA: "#get-schema"; ERRORED_MESSAGE: "#error" }>;
export type SpecialMethod = (typeof SpecialMethod)[keyof typeof SpecialMethod];

/** Well-known VM_ERROR messages. In ABI generations v0.2 and v0.3. */
export declare const VmError: Readonly<{ TIMEOUT: "timeout"; VALIDATOR_DISAGREES: "validator_disagrees"; VERSION_TOO_BIG: "version_too_big"; OOM: "OOM"; INVALID_CONTRACT: "invalid_contract" }>;
export type VmError = (typeof VmError)[keyof typeof VmError];

/** The public codes of v0.3 VM errors (a code path and its parameter type, if any) and the known details. In ABI generation v0.3 only. Code path -> the type of its parameter (null if it takes none). A message is a code's path, then its parameter after one space if the code takes one, then optionally " # " and a detail. */
export declare const VM_ERROR_CODE: Readonly<{
  "timeout": null;
  "malformed_entry": null;
  "leader_fault nondet_output absent": null;
  "leader_fault nondet_output malformed": null;
  "leader_fault nondet_output uses_this_error": "str";
  "leader_fault nondet_output extra": "str";
  "exit_code": "i32";
  "wasm_trap": null;
  "wasm_trap unreachable": null;
  "wasm_trap stack_overflow": null;
  "wasm_trap memory_out_of_bounds": null;
  "wasm_trap table_out_of_bounds": null;
  "wasm_trap indirect_call_to_null": null;
  "wasm_trap bad_signature": null;
  "wasm_trap integer_overflow": null;
  "wasm_trap integer_divide_by_zero": null;
  "wasm_trap bad_conversion_to_integer": null;
  "wasm_trap heap_misaligned": null;
  "wasm_trap atomic_wait_non_shared_memory": null;
  "wasm_trap out_of_fuel": null;
  "wasm_trap interrupt": null;
  "wasm_trap nondet_instruction": null;
  "wasm_trap fault": null;
  "out_of memory": null;
  "out_of memory wasm_memory": null;
  "out_of memory wasm_table": null;
  "out_of storage": null;
  "out_of receipt nondet_output": null;
  "out_of receipt message": null;
  "out_of receipt event": null;
  "out_of message_fee total": null;
  "out_of message_fee node": null;
  "out_of vm_recursion": null;
  "out_of nondet_blocks": null;
  "out_of locked_slots": null;
  "out_of upgraders": null;
  "out_of fds": null;
  "fee no_matching_node": null;
  "fee below_minimum": null;
  "fee too_many_rounds": null;
  "forbidden": null;
  "evm reverted": null;
  "invalid_contract": null;
  "invalid_contract runner absent": null;
  "invalid_contract runner malformed": null;
  "invalid_contract not_utf8_text": null;
  "invalid_contract major_mismatch": null;
  "invalid_contract wasm validating": null;
  "invalid_contract wasm linking": null;
  "invalid_contract wasm entrypoint": null;
}>;

/** The details a VM_ERROR_CODE message may end with, after " # ". */
export declare const VM_ERROR_CODE_DETAILS: readonly ["internal", "external"];

/** The rule of calldata.md an input breaks; the numbers are the C library's first error codes. In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation. */
export declare const CalldataErrorKind: Readonly<{ TRUNCATED_ULEB: 1; NON_CANONICAL_ULEB: 2; RESERVED_TYPE: 3; INVALID_ATOM: 4; LENGTH_TOO_LARGE: 5; LENGTH_PAST_END: 6; INVALID_UTF8: 7; DUPLICATE_KEY: 8; UNSORTED_KEYS: 9; TOO_DEEP: 10; TRAILING_BYTES: 11 }>;
export type CalldataErrorKind = (typeof CalldataErrorKind)[keyof typeof CalldataErrorKind];

/** Most topics one emitted event may carry. In ABI generations v0.2 and v0.3. */
export declare const EVENT_MAX_TOPICS: 4;

/** Version assumed for a contract that declares none. In ABI generation v0.2 only. */
export declare const ABSENT_VERSION: "v0.1.0";

/** Storage slot offset where a contract's code lives. In ABI generation v0.2 only. */
export declare const CODE_SLOT_OFFSET: 1;

/** The ABI generations that have each definition above, and each value of an enum or constants group (spec/public-abi.md); frozen all the way down. */
export declare const GENERATIONS: Readonly<{
  AbiGeneration: Readonly<{ generations: readonly ["v0.2", "v0.3"]; values: Readonly<{ V0_2: readonly ["v0.2", "v0.3"]; V0_3: readonly ["v0.2", "v0.3"] }> }>;
  ResultCode: Readonly<{ generations: readonly ["v0.2", "v0.3"]; values: Readonly<{ RETURN: readonly ["v0.2", "v0.3"]; USER_ERROR: readonly ["v0.2", "v0.3"]; VM_ERROR: readonly ["v0.2", "v0.3"]; INTERNAL_ERROR: readonly ["v0.2"] }> }>;
  StorageType: Readonly<{ generations: readonly ["v0.2", "v0.3"]; values: Readonly<{ DEFAULT: readonly ["v0.2", "v0.3"]; LATEST_FINAL: readonly ["v0.2", "v0.3"]; LATEST_NON_FINAL: readonly ["v0.2", "v0.3"] }> }>;
  EntryKind: Readonly<{ generations: readonly ["v0.2", "v0.3"]; values: Readonly<{ MAIN: readonly ["v0.2", "v0.3"]; SANDBOX: readonly ["v0.2", "v0.3"]; CONSENSUS_STAGE: readonly ["v0.2", "v0.3"] }> }>;
  Permissions: Readonly<{ generations: readonly ["v0.3"]; values: Readonly<{ CAN_USE_BALANCE_FOR_MESSAGE_FEES: readonly ["v0.3"] }> }>;
  RootOffsets: Readonly<{ generations: readonly ["v0.3"]; values: Readonly<{ MAJOR: readonly ["v0.3"]; CONTRACT: readonly ["v0.3"]; CODE: readonly ["v0.3"]; LOCKED_SLOTS: readonly ["v0.3"]; UPGRADERS: readonly ["v0.3"]; CODE_SLOT: readonly ["v0.3"]; PERMISSIONS: readonly ["v0.3"] }> }>;
  MemoryLimiterConsts: Readonly<{ generations: readonly ["v0.2", "v0.3"]; values: Readonly<{ TABLE_ENTRY: readonly ["v0.2", "v0.3"]; FILE_MAPPING: readonly ["v0.2", "v0.3"]; FD_ALLOCATION: readonly ["v0.3"]; RUNNER_LOAD_COST: readonly ["v0.3"]; VM_SPAWN_COST: readonly ["v0.3"]; NEW_STORAGE_PAGE: readonly ["v0.3"]; STORAGE_PAGE_INHERITED: readonly ["v0.3"] }> }>;
  SpecialMethod: Readonly<{ generations: readonly ["v0.2", "v0.3"]; values: Readonly<{ GET_SCHEMA: readonly ["v0.2", "v0.3"]; ERRORED_MESSAGE: readonly ["v0.2", "v0.3"] }> }>;
  VmError: Readonly<{ generations: readonly ["v0.2", "v0.3"]; values: Readonly<{ TIMEOUT: readonly ["v0.2", "v0.3"]; VALIDATOR_DISAGREES: readonly ["v0.2"]; VERSION_TOO_BIG: readonly ["v0.2"]; OOM: readonly ["v0.2"]; INVALID_CONTRACT: readonly ["v0.2", "v0.3"] }> }>;
  VM_ERROR_CODE: Readonly<{ generations: readonly ["v0.3"] }>;
  CalldataErrorKind: Readonly<{ generations: readonly ["v0.2", "v0.3"]; values: Readonly<{ TRUNCATED_ULEB: readonly ["v0.2", "v0.3"]; NON_CANONICAL_ULEB: readonly ["v0.2", "v0.3"]; RESERVED_TYPE: readonly ["v0.2", "v0.3"]; INVALID_ATOM: readonly ["v0.2", "v0.3"]; LENGTH_TOO_LARGE: readonly ["v0.2", "v0.3"]; LENGTH_PAST_END: readonly ["v0.2", "v0.3"]; INVALID_UTF8: readonly ["v0.2", "v0.3"]; DUPLICATE_KEY: readonly ["v0.2", "v0.3"]; UNSORTED_KEYS: readonly ["v0.2", "v0.3"]; TOO_DEEP: readonly ["v0.2", "v0.3"]; TRAILING_BYTES: readonly ["v0.2", "v0.3"] }> }>;
  EVENT_MAX_TOPICS: Readonly<{ generations: readonly ["v0.2", "v0.3"] }>;
  ABSENT_VERSION: Readonly<{ generations: readonly ["v0.2"] }>;
  CODE_SLOT_OFFSET: Readonly<{ generations: readonly ["v0.2"] }>;
}>;

/**
 * Whether ABI generation `generation` has the definition `definition` (its
 * name here), or with `member` that value of it. Throws a RangeError for an
 * unknown generation, definition or member.
 */
export declare function inGeneration(generation: AbiGeneration, definition: "AbiGeneration", member?: keyof typeof AbiGeneration): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "ResultCode", member?: keyof typeof ResultCode): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "StorageType", member?: keyof typeof StorageType): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "EntryKind", member?: keyof typeof EntryKind): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "Permissions", member?: keyof typeof Permissions): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "RootOffsets", member?: keyof typeof RootOffsets): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "MemoryLimiterConsts", member?: keyof typeof MemoryLimiterConsts): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "SpecialMethod", member?: keyof typeof SpecialMethod): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "VmError", member?: keyof typeof VmError): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "CalldataErrorKind", member?: keyof typeof CalldataErrorKind): boolean;
export declare function inGeneration(generation: AbiGeneration, definition: "VM_ERROR_CODE" | "EVENT_MAX_TOPICS" | "ABSENT_VERSION" | "CODE_SLOT_OFFSET"): boolean;

/**
 * The values of `definition` that ABI generation `generation` has: a frozen
 * object like the definition, with only those members.
 */
export declare function allIn(generation: AbiGeneration, definition: "AbiGeneration"): Readonly<Partial<typeof AbiGeneration>>;
export declare function allIn(generation: AbiGeneration, definition: "ResultCode"): Readonly<Partial<typeof ResultCode>>;
export declare function allIn(generation: AbiGeneration, definition: "StorageType"): Readonly<Partial<typeof StorageType>>;
export declare function allIn(generation: AbiGeneration, definition: "EntryKind"): Readonly<Partial<typeof EntryKind>>;
export declare function allIn(generation: AbiGeneration, definition: "Permissions"): Readonly<Partial<typeof Permissions>>;
export declare function allIn(generation: AbiGeneration, definition: "RootOffsets"): Readonly<Partial<typeof RootOffsets>>;
export declare function allIn(generation: AbiGeneration, definition: "MemoryLimiterConsts"): Readonly<Partial<typeof MemoryLimiterConsts>>;
export declare function allIn(generation: AbiGeneration, definition: "SpecialMethod"): Readonly<Partial<typeof SpecialMethod>>;
export declare function allIn(generation: AbiGeneration, definition: "VmError"): Readonly<Partial<typeof VmError>>;
export declare function allIn(generation: AbiGeneration, definition: "CalldataErrorKind"): Readonly<Partial<typeof CalldataErrorKind>>;
