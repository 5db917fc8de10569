/* Generated from spec/public-abi.json by abi/generate.py; do not edit. */
#ifndef GENVM_ABI_H
#define GENVM_ABI_H

#include <stdint.h>

/* The ABI lines this crate speaks (spec/abi-generations.md); v0_2 is the default. */
#define GENVM_ABI_GENERATION_V0_2 "v0.2"
#define GENVM_ABI_GENERATION_V0_3 "v0.3"

/* First byte of a sub-VM result frame (see framing.md). */
typedef enum {
    GENVM_RESULT_CODE_RETURN = 0,
    GENVM_RESULT_CODE_USER_ERROR = 1,
    GENVM_RESULT_CODE_VM_ERROR = 2,
    GENVM_RESULT_CODE_INTERNAL_ERROR = 3,
} genvm_result_code;

/* Which state a cross-contract read sees. */
typedef enum {
    GENVM_STORAGE_TYPE_DEFAULT = 0,
    GENVM_STORAGE_TYPE_LATEST_FINAL = 1,
    GENVM_STORAGE_TYPE_LATEST_NON_FINAL = 2,
} genvm_storage_type;

/* How a contract is entered. */
typedef enum {
    GENVM_ENTRY_KIND_MAIN = 0,
    GENVM_ENTRY_KIND_SANDBOX = 1,
    GENVM_ENTRY_KIND_CONSENSUS_STAGE = 2,
} genvm_entry_kind;

/* Bytes the memory limiter charges per wasm table entry and per file mapping. */
typedef enum {
    GENVM_MEMORY_LIMITER_CONSTS_TABLE_ENTRY = 64,
    GENVM_MEMORY_LIMITER_CONSTS_FILE_MAPPING = 256,
} genvm_memory_limiter_consts;

/* Method names reserved by the host. */
#define GENVM_SPECIAL_METHOD_GET_SCHEMA "#get-schema"
#define GENVM_SPECIAL_METHOD_ERRORED_MESSAGE "#error"

/* Well-known VM_ERROR messages. */
#define GENVM_VM_ERROR_TIMEOUT "timeout"
#define GENVM_VM_ERROR_VALIDATOR_DISAGREES "validator_disagrees"
#define GENVM_VM_ERROR_VERSION_TOO_BIG "version_too_big"
#define GENVM_VM_ERROR_OOM "OOM"
#define GENVM_VM_ERROR_INVALID_CONTRACT "invalid_contract"

/* The rule of calldata.md an input breaks; the numbers are the C library's first error codes. */
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

/* Most topics one emitted event may carry. */
#define GENVM_EVENT_MAX_TOPICS 4u

/* Version assumed for a contract that declares none. */
#define GENVM_ABSENT_VERSION "v0.1.0"

/* Storage slot offset where a contract's code lives. */
#define GENVM_CODE_SLOT_OFFSET 1u

#endif /* GENVM_ABI_H */
