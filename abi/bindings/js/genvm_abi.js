// Generated from spec/public-abi.json by abi/generate.py; do not edit.

/** The ABI lines this crate speaks (spec/abi-generations.md); v0_2 is the default. In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation. */
export const AbiGeneration = Object.freeze({ V0_2: "v0.2", V0_3: "v0.3" });

/** The default AbiGeneration. */
export const DEFAULT_ABI_GENERATION = "v0.2";

/** First byte of a sub-VM result frame (see framing.md). In ABI generations v0.2 and v0.3. */
export const ResultCode = Object.freeze({ RETURN: 0, USER_ERROR: 1, VM_ERROR: 2, INTERNAL_ERROR: 3 });

/** Which state a cross-contract read sees. In ABI generations v0.2 and v0.3. */
export const StorageType = Object.freeze({ DEFAULT: 0, LATEST_FINAL: 1, LATEST_NON_FINAL: 2 });

/** How a contract is entered. In ABI generations v0.2 and v0.3. */
export const EntryKind = Object.freeze({ MAIN: 0, SANDBOX: 1, CONSENSUS_STAGE: 2 });

/** Permissions a contract sets in the permissions bitfield of its root storage slot. In ABI generation v0.3 only. */
export const Permissions = Object.freeze({ CAN_USE_BALANCE_FOR_MESSAGE_FEES: 1 });

/** Byte offsets of the fields of a contract's root storage slot. In ABI generation v0.3 only. */
export const RootOffsets = Object.freeze({ MAJOR: 0, CONTRACT: 1, CODE: 2, LOCKED_SLOTS: 3, UPGRADERS: 4, CODE_SLOT: 5, PERMISSIONS: 37 });

/** Bytes the memory limiter charges: per wasm table entry, per file mapping and (v0.3) per file descriptor, runner load, VM spawn and storage page. In ABI generations v0.2 and v0.3. In v0.3 one of GenVM's internal (host-side) constants. */
export const MemoryLimiterConsts = Object.freeze({ TABLE_ENTRY: 64, FILE_MAPPING: 256, FD_ALLOCATION: 96, RUNNER_LOAD_COST: 4096, VM_SPAWN_COST: 134217728, NEW_STORAGE_PAGE: 256, STORAGE_PAGE_INHERITED: 128 });

/** Method names reserved by the host. In ABI generations v0.2 and v0.3. */
export const SpecialMethod = Object.freeze({ GET_SCHEMA: "#get-schema", ERRORED_MESSAGE: "#error" });

/** Well-known VM_ERROR messages. In ABI generations v0.2 and v0.3. */
export const VmError = Object.freeze({ TIMEOUT: "timeout", VALIDATOR_DISAGREES: "validator_disagrees", VERSION_TOO_BIG: "version_too_big", OOM: "OOM", INVALID_CONTRACT: "invalid_contract" });

/** The public codes of v0.3 VM errors (a code path and its parameter type, if any) and the known details. In ABI generation v0.3 only. Code path -> the type of its parameter (null if it takes none). A message is a code's path, then its parameter after one space if the code takes one, then optionally " # " and a detail. */
export const VM_ERROR_CODE = Object.freeze({
  "timeout": null,
  "malformed_entry": null,
  "leader_fault nondet_output absent": null,
  "leader_fault nondet_output malformed": null,
  "leader_fault nondet_output uses_this_error": "str",
  "leader_fault nondet_output extra": "str",
  "exit_code": "i32",
  "wasm_trap": null,
  "wasm_trap unreachable": null,
  "wasm_trap stack_overflow": null,
  "wasm_trap memory_out_of_bounds": null,
  "wasm_trap table_out_of_bounds": null,
  "wasm_trap indirect_call_to_null": null,
  "wasm_trap bad_signature": null,
  "wasm_trap integer_overflow": null,
  "wasm_trap integer_divide_by_zero": null,
  "wasm_trap bad_conversion_to_integer": null,
  "wasm_trap heap_misaligned": null,
  "wasm_trap atomic_wait_non_shared_memory": null,
  "wasm_trap out_of_fuel": null,
  "wasm_trap interrupt": null,
  "wasm_trap nondet_instruction": null,
  "wasm_trap fault": null,
  "out_of memory": null,
  "out_of memory wasm_memory": null,
  "out_of memory wasm_table": null,
  "out_of storage": null,
  "out_of receipt nondet_output": null,
  "out_of receipt message": null,
  "out_of receipt event": null,
  "out_of message_fee total": null,
  "out_of message_fee node": null,
  "out_of vm_recursion": null,
  "out_of nondet_blocks": null,
  "out_of locked_slots": null,
  "out_of upgraders": null,
  "out_of fds": null,
  "fee no_matching_node": null,
  "fee below_minimum": null,
  "fee too_many_rounds": null,
  "forbidden": null,
  "evm reverted": null,
  "invalid_contract": null,
  "invalid_contract runner absent": null,
  "invalid_contract runner malformed": null,
  "invalid_contract not_utf8_text": null,
  "invalid_contract major_mismatch": null,
  "invalid_contract wasm validating": null,
  "invalid_contract wasm linking": null,
  "invalid_contract wasm entrypoint": null,
});

/** The details a VM_ERROR_CODE message may end with, after " # ". */
export const VM_ERROR_CODE_DETAILS = Object.freeze(["internal", "external"]);

/** The rule of calldata.md an input breaks; the numbers are the C library's first error codes. In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation. */
export const CalldataErrorKind = Object.freeze({ TRUNCATED_ULEB: 1, NON_CANONICAL_ULEB: 2, RESERVED_TYPE: 3, INVALID_ATOM: 4, LENGTH_TOO_LARGE: 5, LENGTH_PAST_END: 6, INVALID_UTF8: 7, DUPLICATE_KEY: 8, UNSORTED_KEYS: 9, TOO_DEEP: 10, TRAILING_BYTES: 11 });

/** Most topics one emitted event may carry. In ABI generations v0.2 and v0.3. */
export const EVENT_MAX_TOPICS = 4;

/** Version assumed for a contract that declares none. In ABI generation v0.2 only. */
export const ABSENT_VERSION = "v0.1.0";

/** Storage slot offset where a contract's code lives. In ABI generation v0.2 only. */
export const CODE_SLOT_OFFSET = 1;

/** The ABI generations that have each definition above, and each value of an enum or constants group (spec/public-abi.md); frozen all the way down. */
export const GENERATIONS = Object.freeze({
  AbiGeneration: Object.freeze({ generations: Object.freeze(["v0.2", "v0.3"]), values: Object.freeze({ V0_2: Object.freeze(["v0.2", "v0.3"]), V0_3: Object.freeze(["v0.2", "v0.3"]) }) }),
  ResultCode: Object.freeze({ generations: Object.freeze(["v0.2", "v0.3"]), values: Object.freeze({ RETURN: Object.freeze(["v0.2", "v0.3"]), USER_ERROR: Object.freeze(["v0.2", "v0.3"]), VM_ERROR: Object.freeze(["v0.2", "v0.3"]), INTERNAL_ERROR: Object.freeze(["v0.2"]) }) }),
  StorageType: Object.freeze({ generations: Object.freeze(["v0.2", "v0.3"]), values: Object.freeze({ DEFAULT: Object.freeze(["v0.2", "v0.3"]), LATEST_FINAL: Object.freeze(["v0.2", "v0.3"]), LATEST_NON_FINAL: Object.freeze(["v0.2", "v0.3"]) }) }),
  EntryKind: Object.freeze({ generations: Object.freeze(["v0.2", "v0.3"]), values: Object.freeze({ MAIN: Object.freeze(["v0.2", "v0.3"]), SANDBOX: Object.freeze(["v0.2", "v0.3"]), CONSENSUS_STAGE: Object.freeze(["v0.2", "v0.3"]) }) }),
  Permissions: Object.freeze({ generations: Object.freeze(["v0.3"]), values: Object.freeze({ CAN_USE_BALANCE_FOR_MESSAGE_FEES: Object.freeze(["v0.3"]) }) }),
  RootOffsets: Object.freeze({ generations: Object.freeze(["v0.3"]), values: Object.freeze({ MAJOR: Object.freeze(["v0.3"]), CONTRACT: Object.freeze(["v0.3"]), CODE: Object.freeze(["v0.3"]), LOCKED_SLOTS: Object.freeze(["v0.3"]), UPGRADERS: Object.freeze(["v0.3"]), CODE_SLOT: Object.freeze(["v0.3"]), PERMISSIONS: Object.freeze(["v0.3"]) }) }),
  MemoryLimiterConsts: Object.freeze({ generations: Object.freeze(["v0.2", "v0.3"]), values: Object.freeze({ TABLE_ENTRY: Object.freeze(["v0.2", "v0.3"]), FILE_MAPPING: Object.freeze(["v0.2", "v0.3"]), FD_ALLOCATION: Object.freeze(["v0.3"]), RUNNER_LOAD_COST: Object.freeze(["v0.3"]), VM_SPAWN_COST: Object.freeze(["v0.3"]), NEW_STORAGE_PAGE: Object.freeze(["v0.3"]), STORAGE_PAGE_INHERITED: Object.freeze(["v0.3"]) }) }),
  SpecialMethod: Object.freeze({ generations: Object.freeze(["v0.2", "v0.3"]), values: Object.freeze({ GET_SCHEMA: Object.freeze(["v0.2", "v0.3"]), ERRORED_MESSAGE: Object.freeze(["v0.2", "v0.3"]) }) }),
  VmError: Object.freeze({ generations: Object.freeze(["v0.2", "v0.3"]), values: Object.freeze({ TIMEOUT: Object.freeze(["v0.2", "v0.3"]), VALIDATOR_DISAGREES: Object.freeze(["v0.2"]), VERSION_TOO_BIG: Object.freeze(["v0.2"]), OOM: Object.freeze(["v0.2"]), INVALID_CONTRACT: Object.freeze(["v0.2", "v0.3"]) }) }),
  VM_ERROR_CODE: Object.freeze({ generations: Object.freeze(["v0.3"]) }),
  CalldataErrorKind: Object.freeze({ generations: Object.freeze(["v0.2", "v0.3"]), values: Object.freeze({ TRUNCATED_ULEB: Object.freeze(["v0.2", "v0.3"]), NON_CANONICAL_ULEB: Object.freeze(["v0.2", "v0.3"]), RESERVED_TYPE: Object.freeze(["v0.2", "v0.3"]), INVALID_ATOM: Object.freeze(["v0.2", "v0.3"]), LENGTH_TOO_LARGE: Object.freeze(["v0.2", "v0.3"]), LENGTH_PAST_END: Object.freeze(["v0.2", "v0.3"]), INVALID_UTF8: Object.freeze(["v0.2", "v0.3"]), DUPLICATE_KEY: Object.freeze(["v0.2", "v0.3"]), UNSORTED_KEYS: Object.freeze(["v0.2", "v0.3"]), TOO_DEEP: Object.freeze(["v0.2", "v0.3"]), TRAILING_BYTES: Object.freeze(["v0.2", "v0.3"]) }) }),
  EVENT_MAX_TOPICS: Object.freeze({ generations: Object.freeze(["v0.2", "v0.3"]) }),
  ABSENT_VERSION: Object.freeze({ generations: Object.freeze(["v0.2"]) }),
  CODE_SLOT_OFFSET: Object.freeze({ generations: Object.freeze(["v0.2"]) }),
});

const DEFINITIONS = Object.freeze({ AbiGeneration, ResultCode, StorageType, EntryKind, Permissions, RootOffsets, MemoryLimiterConsts, SpecialMethod, VmError, CalldataErrorKind });

function factsOf(generation, definition) {
  if (!Object.values(AbiGeneration).includes(generation)) throw new RangeError(`unknown ABI generation ${generation}`);
  if (!Object.hasOwn(GENERATIONS, definition)) throw new RangeError(`unknown ABI definition ${definition}`);
  return GENERATIONS[definition];
}

/**
 * Whether ABI generation `generation` (such as "v0.3") has the definition
 * `definition` (its name here, such as "ResultCode"), or with `member` (such as
 * "INTERNAL_ERROR") that value of it. Throws a RangeError for an unknown
 * generation, definition or member.
 */
export function inGeneration(generation, definition, member) {
  const facts = factsOf(generation, definition);
  if (member === undefined) return facts.generations.includes(generation);
  if (!facts.values || !Object.hasOwn(facts.values, member)) throw new RangeError(`${definition} has no value ${member}`);
  return facts.values[member].includes(generation);
}

/**
 * The values of the enum or constants group `definition` that ABI generation
 * `generation` has: a frozen object like the definition, with only those
 * members (empty if that generation has not the definition).
 */
export function allIn(generation, definition) {
  const facts = factsOf(generation, definition);
  if (!facts.values) throw new RangeError(`${definition} has no values`);
  const kept = Object.entries(DEFINITIONS[definition]).filter(([member]) => facts.values[member].includes(generation));
  return Object.freeze(Object.fromEntries(kept));
}
