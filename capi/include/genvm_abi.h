/* Generated from spec/public-abi.json by abi/generate.py; do not edit. */
#ifndef GENVM_ABI_H
#define GENVM_ABI_H

#include <stdint.h>

/* Each definition is followed by <NAME>_IN_<GENERATION> and <NAME>_<VALUE>_IN_<GENERATION>,
 * 1 if that ABI generation has the definition or value and 0 if not (spec/public-abi.md). */

/* The ABI lines this crate speaks (spec/abi-generations.md); v0_2 is the default.
 * In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation. */
#define GENVM_ABI_GENERATION_V0_2 "v0.2"
#define GENVM_ABI_GENERATION_V0_3 "v0.3"
#define GENVM_ABI_GENERATION_DEFAULT GENVM_ABI_GENERATION_V0_2
#define GENVM_ABI_GENERATION_IN_V0_2 1
#define GENVM_ABI_GENERATION_IN_V0_3 1
#define GENVM_ABI_GENERATION_V0_2_IN_V0_2 1
#define GENVM_ABI_GENERATION_V0_2_IN_V0_3 1
#define GENVM_ABI_GENERATION_V0_3_IN_V0_2 1
#define GENVM_ABI_GENERATION_V0_3_IN_V0_3 1

/* First byte of a sub-VM result frame (see framing.md).
 * In ABI generations v0.2 and v0.3. */
typedef enum {
    GENVM_RESULT_CODE_RETURN = 0,
    GENVM_RESULT_CODE_USER_ERROR = 1,
    GENVM_RESULT_CODE_VM_ERROR = 2,
    GENVM_RESULT_CODE_INTERNAL_ERROR = 3, /* only in v0.2 */
} genvm_result_code;
#define GENVM_RESULT_CODE_IN_V0_2 1
#define GENVM_RESULT_CODE_IN_V0_3 1
#define GENVM_RESULT_CODE_RETURN_IN_V0_2 1
#define GENVM_RESULT_CODE_RETURN_IN_V0_3 1
#define GENVM_RESULT_CODE_USER_ERROR_IN_V0_2 1
#define GENVM_RESULT_CODE_USER_ERROR_IN_V0_3 1
#define GENVM_RESULT_CODE_VM_ERROR_IN_V0_2 1
#define GENVM_RESULT_CODE_VM_ERROR_IN_V0_3 1
#define GENVM_RESULT_CODE_INTERNAL_ERROR_IN_V0_2 1
#define GENVM_RESULT_CODE_INTERNAL_ERROR_IN_V0_3 0

/* Which state a cross-contract read sees.
 * In ABI generations v0.2 and v0.3. */
typedef enum {
    GENVM_STORAGE_TYPE_DEFAULT = 0,
    GENVM_STORAGE_TYPE_LATEST_FINAL = 1,
    GENVM_STORAGE_TYPE_LATEST_NON_FINAL = 2,
} genvm_storage_type;
#define GENVM_STORAGE_TYPE_IN_V0_2 1
#define GENVM_STORAGE_TYPE_IN_V0_3 1
#define GENVM_STORAGE_TYPE_DEFAULT_IN_V0_2 1
#define GENVM_STORAGE_TYPE_DEFAULT_IN_V0_3 1
#define GENVM_STORAGE_TYPE_LATEST_FINAL_IN_V0_2 1
#define GENVM_STORAGE_TYPE_LATEST_FINAL_IN_V0_3 1
#define GENVM_STORAGE_TYPE_LATEST_NON_FINAL_IN_V0_2 1
#define GENVM_STORAGE_TYPE_LATEST_NON_FINAL_IN_V0_3 1

/* How a contract is entered.
 * In ABI generations v0.2 and v0.3. */
typedef enum {
    GENVM_ENTRY_KIND_MAIN = 0,
    GENVM_ENTRY_KIND_SANDBOX = 1,
    GENVM_ENTRY_KIND_CONSENSUS_STAGE = 2,
} genvm_entry_kind;
#define GENVM_ENTRY_KIND_IN_V0_2 1
#define GENVM_ENTRY_KIND_IN_V0_3 1
#define GENVM_ENTRY_KIND_MAIN_IN_V0_2 1
#define GENVM_ENTRY_KIND_MAIN_IN_V0_3 1
#define GENVM_ENTRY_KIND_SANDBOX_IN_V0_2 1
#define GENVM_ENTRY_KIND_SANDBOX_IN_V0_3 1
#define GENVM_ENTRY_KIND_CONSENSUS_STAGE_IN_V0_2 1
#define GENVM_ENTRY_KIND_CONSENSUS_STAGE_IN_V0_3 1

/* Permissions a contract sets in the permissions bitfield of its root storage slot.
 * In ABI generation v0.3 only. */
typedef enum {
    GENVM_PERMISSIONS_CAN_USE_BALANCE_FOR_MESSAGE_FEES = 1,
} genvm_permissions;
#define GENVM_PERMISSIONS_IN_V0_2 0
#define GENVM_PERMISSIONS_IN_V0_3 1
#define GENVM_PERMISSIONS_CAN_USE_BALANCE_FOR_MESSAGE_FEES_IN_V0_2 0
#define GENVM_PERMISSIONS_CAN_USE_BALANCE_FOR_MESSAGE_FEES_IN_V0_3 1

/* Byte offsets of the fields of a contract's root storage slot.
 * In ABI generation v0.3 only. */
typedef enum {
    GENVM_ROOT_OFFSETS_MAJOR = 0,
    GENVM_ROOT_OFFSETS_CONTRACT = 1,
    GENVM_ROOT_OFFSETS_CODE = 2,
    GENVM_ROOT_OFFSETS_LOCKED_SLOTS = 3,
    GENVM_ROOT_OFFSETS_UPGRADERS = 4,
    GENVM_ROOT_OFFSETS_CODE_SLOT = 5,
    GENVM_ROOT_OFFSETS_PERMISSIONS = 37,
} genvm_root_offsets;
#define GENVM_ROOT_OFFSETS_IN_V0_2 0
#define GENVM_ROOT_OFFSETS_IN_V0_3 1
#define GENVM_ROOT_OFFSETS_MAJOR_IN_V0_2 0
#define GENVM_ROOT_OFFSETS_MAJOR_IN_V0_3 1
#define GENVM_ROOT_OFFSETS_CONTRACT_IN_V0_2 0
#define GENVM_ROOT_OFFSETS_CONTRACT_IN_V0_3 1
#define GENVM_ROOT_OFFSETS_CODE_IN_V0_2 0
#define GENVM_ROOT_OFFSETS_CODE_IN_V0_3 1
#define GENVM_ROOT_OFFSETS_LOCKED_SLOTS_IN_V0_2 0
#define GENVM_ROOT_OFFSETS_LOCKED_SLOTS_IN_V0_3 1
#define GENVM_ROOT_OFFSETS_UPGRADERS_IN_V0_2 0
#define GENVM_ROOT_OFFSETS_UPGRADERS_IN_V0_3 1
#define GENVM_ROOT_OFFSETS_CODE_SLOT_IN_V0_2 0
#define GENVM_ROOT_OFFSETS_CODE_SLOT_IN_V0_3 1
#define GENVM_ROOT_OFFSETS_PERMISSIONS_IN_V0_2 0
#define GENVM_ROOT_OFFSETS_PERMISSIONS_IN_V0_3 1

/* Bytes the memory limiter charges: per wasm table entry, per file mapping and (v0.3) per file descriptor, runner load, VM spawn and storage page.
 * In ABI generations v0.2 and v0.3. In v0.3 one of GenVM's internal (host-side) constants. */
typedef enum {
    GENVM_MEMORY_LIMITER_CONSTS_TABLE_ENTRY = 64,
    GENVM_MEMORY_LIMITER_CONSTS_FILE_MAPPING = 256,
    GENVM_MEMORY_LIMITER_CONSTS_FD_ALLOCATION = 96, /* only in v0.3 */
    GENVM_MEMORY_LIMITER_CONSTS_RUNNER_LOAD_COST = 4096, /* only in v0.3 */
    GENVM_MEMORY_LIMITER_CONSTS_VM_SPAWN_COST = 134217728, /* only in v0.3 */
    GENVM_MEMORY_LIMITER_CONSTS_NEW_STORAGE_PAGE = 256, /* only in v0.3 */
    GENVM_MEMORY_LIMITER_CONSTS_STORAGE_PAGE_INHERITED = 128, /* only in v0.3 */
} genvm_memory_limiter_consts;
#define GENVM_MEMORY_LIMITER_CONSTS_IN_V0_2 1
#define GENVM_MEMORY_LIMITER_CONSTS_IN_V0_3 1
#define GENVM_MEMORY_LIMITER_CONSTS_TABLE_ENTRY_IN_V0_2 1
#define GENVM_MEMORY_LIMITER_CONSTS_TABLE_ENTRY_IN_V0_3 1
#define GENVM_MEMORY_LIMITER_CONSTS_FILE_MAPPING_IN_V0_2 1
#define GENVM_MEMORY_LIMITER_CONSTS_FILE_MAPPING_IN_V0_3 1
#define GENVM_MEMORY_LIMITER_CONSTS_FD_ALLOCATION_IN_V0_2 0
#define GENVM_MEMORY_LIMITER_CONSTS_FD_ALLOCATION_IN_V0_3 1
#define GENVM_MEMORY_LIMITER_CONSTS_RUNNER_LOAD_COST_IN_V0_2 0
#define GENVM_MEMORY_LIMITER_CONSTS_RUNNER_LOAD_COST_IN_V0_3 1
#define GENVM_MEMORY_LIMITER_CONSTS_VM_SPAWN_COST_IN_V0_2 0
#define GENVM_MEMORY_LIMITER_CONSTS_VM_SPAWN_COST_IN_V0_3 1
#define GENVM_MEMORY_LIMITER_CONSTS_NEW_STORAGE_PAGE_IN_V0_2 0
#define GENVM_MEMORY_LIMITER_CONSTS_NEW_STORAGE_PAGE_IN_V0_3 1
#define GENVM_MEMORY_LIMITER_CONSTS_STORAGE_PAGE_INHERITED_IN_V0_2 0
#define GENVM_MEMORY_LIMITER_CONSTS_STORAGE_PAGE_INHERITED_IN_V0_3 1

/* Method names reserved by the host.
 * In ABI generations v0.2 and v0.3. */
#define GENVM_SPECIAL_METHOD_GET_SCHEMA "#get-schema"
#define GENVM_SPECIAL_METHOD_ERRORED_MESSAGE "#error"
#define GENVM_SPECIAL_METHOD_IN_V0_2 1
#define GENVM_SPECIAL_METHOD_IN_V0_3 1
#define GENVM_SPECIAL_METHOD_GET_SCHEMA_IN_V0_2 1
#define GENVM_SPECIAL_METHOD_GET_SCHEMA_IN_V0_3 1
#define GENVM_SPECIAL_METHOD_ERRORED_MESSAGE_IN_V0_2 1
#define GENVM_SPECIAL_METHOD_ERRORED_MESSAGE_IN_V0_3 1

/* Well-known VM_ERROR messages.
 * In ABI generations v0.2 and v0.3. */
#define GENVM_VM_ERROR_TIMEOUT "timeout"
#define GENVM_VM_ERROR_VALIDATOR_DISAGREES "validator_disagrees" /* only in v0.2 */
#define GENVM_VM_ERROR_VERSION_TOO_BIG "version_too_big" /* only in v0.2 */
#define GENVM_VM_ERROR_OOM "OOM" /* only in v0.2 */
#define GENVM_VM_ERROR_INVALID_CONTRACT "invalid_contract"
#define GENVM_VM_ERROR_IN_V0_2 1
#define GENVM_VM_ERROR_IN_V0_3 1
#define GENVM_VM_ERROR_TIMEOUT_IN_V0_2 1
#define GENVM_VM_ERROR_TIMEOUT_IN_V0_3 1
#define GENVM_VM_ERROR_VALIDATOR_DISAGREES_IN_V0_2 1
#define GENVM_VM_ERROR_VALIDATOR_DISAGREES_IN_V0_3 0
#define GENVM_VM_ERROR_VERSION_TOO_BIG_IN_V0_2 1
#define GENVM_VM_ERROR_VERSION_TOO_BIG_IN_V0_3 0
#define GENVM_VM_ERROR_OOM_IN_V0_2 1
#define GENVM_VM_ERROR_OOM_IN_V0_3 0
#define GENVM_VM_ERROR_INVALID_CONTRACT_IN_V0_2 1
#define GENVM_VM_ERROR_INVALID_CONTRACT_IN_V0_3 1

/* The public codes of v0.3 VM errors (a code path and its parameter type, if any) and the known details.
 * In ABI generation v0.3 only. */
#define GENVM_VM_ERROR_CODE_TIMEOUT "timeout"
#define GENVM_VM_ERROR_CODE_MALFORMED_ENTRY "malformed_entry"
#define GENVM_VM_ERROR_CODE_LEADER_FAULT_NONDET_OUTPUT_ABSENT "leader_fault nondet_output absent"
#define GENVM_VM_ERROR_CODE_LEADER_FAULT_NONDET_OUTPUT_MALFORMED "leader_fault nondet_output malformed"
#define GENVM_VM_ERROR_CODE_LEADER_FAULT_NONDET_OUTPUT_USES_THIS_ERROR "leader_fault nondet_output uses_this_error" /* param: str */
#define GENVM_VM_ERROR_CODE_LEADER_FAULT_NONDET_OUTPUT_EXTRA "leader_fault nondet_output extra" /* param: str */
#define GENVM_VM_ERROR_CODE_EXIT_CODE "exit_code" /* param: i32 */
#define GENVM_VM_ERROR_CODE_WASM_TRAP "wasm_trap"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_UNREACHABLE "wasm_trap unreachable"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_STACK_OVERFLOW "wasm_trap stack_overflow"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_MEMORY_OUT_OF_BOUNDS "wasm_trap memory_out_of_bounds"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_TABLE_OUT_OF_BOUNDS "wasm_trap table_out_of_bounds"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_INDIRECT_CALL_TO_NULL "wasm_trap indirect_call_to_null"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_BAD_SIGNATURE "wasm_trap bad_signature"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_INTEGER_OVERFLOW "wasm_trap integer_overflow"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_INTEGER_DIVIDE_BY_ZERO "wasm_trap integer_divide_by_zero"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_BAD_CONVERSION_TO_INTEGER "wasm_trap bad_conversion_to_integer"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_HEAP_MISALIGNED "wasm_trap heap_misaligned"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_ATOMIC_WAIT_NON_SHARED_MEMORY "wasm_trap atomic_wait_non_shared_memory"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_OUT_OF_FUEL "wasm_trap out_of_fuel"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_INTERRUPT "wasm_trap interrupt"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_NONDET_INSTRUCTION "wasm_trap nondet_instruction"
#define GENVM_VM_ERROR_CODE_WASM_TRAP_FAULT "wasm_trap fault"
#define GENVM_VM_ERROR_CODE_OUT_OF_MEMORY "out_of memory"
#define GENVM_VM_ERROR_CODE_OUT_OF_MEMORY_WASM_MEMORY "out_of memory wasm_memory"
#define GENVM_VM_ERROR_CODE_OUT_OF_MEMORY_WASM_TABLE "out_of memory wasm_table"
#define GENVM_VM_ERROR_CODE_OUT_OF_STORAGE "out_of storage"
#define GENVM_VM_ERROR_CODE_OUT_OF_RECEIPT_NONDET_OUTPUT "out_of receipt nondet_output"
#define GENVM_VM_ERROR_CODE_OUT_OF_RECEIPT_MESSAGE "out_of receipt message"
#define GENVM_VM_ERROR_CODE_OUT_OF_RECEIPT_EVENT "out_of receipt event"
#define GENVM_VM_ERROR_CODE_OUT_OF_MESSAGE_FEE_TOTAL "out_of message_fee total"
#define GENVM_VM_ERROR_CODE_OUT_OF_MESSAGE_FEE_NODE "out_of message_fee node"
#define GENVM_VM_ERROR_CODE_OUT_OF_VM_RECURSION "out_of vm_recursion"
#define GENVM_VM_ERROR_CODE_OUT_OF_NONDET_BLOCKS "out_of nondet_blocks"
#define GENVM_VM_ERROR_CODE_OUT_OF_LOCKED_SLOTS "out_of locked_slots"
#define GENVM_VM_ERROR_CODE_OUT_OF_UPGRADERS "out_of upgraders"
#define GENVM_VM_ERROR_CODE_OUT_OF_FDS "out_of fds"
#define GENVM_VM_ERROR_CODE_FEE_NO_MATCHING_NODE "fee no_matching_node"
#define GENVM_VM_ERROR_CODE_FEE_BELOW_MINIMUM "fee below_minimum"
#define GENVM_VM_ERROR_CODE_FEE_TOO_MANY_ROUNDS "fee too_many_rounds"
#define GENVM_VM_ERROR_CODE_FORBIDDEN "forbidden"
#define GENVM_VM_ERROR_CODE_EVM_REVERTED "evm reverted"
#define GENVM_VM_ERROR_CODE_INVALID_CONTRACT "invalid_contract"
#define GENVM_VM_ERROR_CODE_INVALID_CONTRACT_RUNNER_ABSENT "invalid_contract runner absent"
#define GENVM_VM_ERROR_CODE_INVALID_CONTRACT_RUNNER_MALFORMED "invalid_contract runner malformed"
#define GENVM_VM_ERROR_CODE_INVALID_CONTRACT_NOT_UTF8_TEXT "invalid_contract not_utf8_text"
#define GENVM_VM_ERROR_CODE_INVALID_CONTRACT_MAJOR_MISMATCH "invalid_contract major_mismatch"
#define GENVM_VM_ERROR_CODE_INVALID_CONTRACT_WASM_VALIDATING "invalid_contract wasm validating"
#define GENVM_VM_ERROR_CODE_INVALID_CONTRACT_WASM_LINKING "invalid_contract wasm linking"
#define GENVM_VM_ERROR_CODE_INVALID_CONTRACT_WASM_ENTRYPOINT "invalid_contract wasm entrypoint"
#define GENVM_VM_ERROR_CODE_DETAIL_INTERNAL "internal"
#define GENVM_VM_ERROR_CODE_DETAIL_EXTERNAL "external"
#define GENVM_VM_ERROR_CODE_IN_V0_2 0
#define GENVM_VM_ERROR_CODE_IN_V0_3 1

/* The rule of calldata.md an input breaks; the numbers are the C library's first error codes.
 * In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation. */
typedef enum {
    GVC_ERR_TRUNCATED_ULEB = 1,
    GVC_ERR_NON_CANONICAL_ULEB = 2,
    GVC_ERR_RESERVED_TYPE = 3,
    GVC_ERR_INVALID_ATOM = 4,
    GVC_ERR_LENGTH_TOO_LARGE = 5,
    GVC_ERR_LENGTH_PAST_END = 6,
    GVC_ERR_INVALID_UTF8 = 7,
    GVC_ERR_DUPLICATE_KEY = 8,
    GVC_ERR_UNSORTED_KEYS = 9,
    GVC_ERR_TOO_DEEP = 10,
    GVC_ERR_TRAILING_BYTES = 11,
} genvm_calldata_error_kind;
#define GVC_ERR_IN_V0_2 1
#define GVC_ERR_IN_V0_3 1
#define GVC_ERR_TRUNCATED_ULEB_IN_V0_2 1
#define GVC_ERR_TRUNCATED_ULEB_IN_V0_3 1
#define GVC_ERR_NON_CANONICAL_ULEB_IN_V0_2 1
#define GVC_ERR_NON_CANONICAL_ULEB_IN_V0_3 1
#define GVC_ERR_RESERVED_TYPE_IN_V0_2 1
#define GVC_ERR_RESERVED_TYPE_IN_V0_3 1
#define GVC_ERR_INVALID_ATOM_IN_V0_2 1
#define GVC_ERR_INVALID_ATOM_IN_V0_3 1
#define GVC_ERR_LENGTH_TOO_LARGE_IN_V0_2 1
#define GVC_ERR_LENGTH_TOO_LARGE_IN_V0_3 1
#define GVC_ERR_LENGTH_PAST_END_IN_V0_2 1
#define GVC_ERR_LENGTH_PAST_END_IN_V0_3 1
#define GVC_ERR_INVALID_UTF8_IN_V0_2 1
#define GVC_ERR_INVALID_UTF8_IN_V0_3 1
#define GVC_ERR_DUPLICATE_KEY_IN_V0_2 1
#define GVC_ERR_DUPLICATE_KEY_IN_V0_3 1
#define GVC_ERR_UNSORTED_KEYS_IN_V0_2 1
#define GVC_ERR_UNSORTED_KEYS_IN_V0_3 1
#define GVC_ERR_TOO_DEEP_IN_V0_2 1
#define GVC_ERR_TOO_DEEP_IN_V0_3 1
#define GVC_ERR_TRAILING_BYTES_IN_V0_2 1
#define GVC_ERR_TRAILING_BYTES_IN_V0_3 1

/* Most topics one emitted event may carry.
 * In ABI generations v0.2 and v0.3. */
#define GENVM_EVENT_MAX_TOPICS 4u
#define GENVM_EVENT_MAX_TOPICS_IN_V0_2 1
#define GENVM_EVENT_MAX_TOPICS_IN_V0_3 1

/* Version assumed for a contract that declares none.
 * In ABI generation v0.2 only. */
#define GENVM_ABSENT_VERSION "v0.1.0"
#define GENVM_ABSENT_VERSION_IN_V0_2 1
#define GENVM_ABSENT_VERSION_IN_V0_3 0

/* Storage slot offset where a contract's code lives.
 * In ABI generation v0.2 only. */
#define GENVM_CODE_SLOT_OFFSET 1u
#define GENVM_CODE_SLOT_OFFSET_IN_V0_2 1
#define GENVM_CODE_SLOT_OFFSET_IN_V0_3 0

#endif /* GENVM_ABI_H */
