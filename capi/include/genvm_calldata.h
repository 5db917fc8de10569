/*
 * genvm_calldata.h: the C ABI of genvm-calldata (libgenvm_calldata.so / .a).
 *
 * GenVM calldata (spec/calldata.md) and ResultCode frames (spec/framing.md).
 *
 * Conventions:
 * - Functions return 0 on success or a GVC_ERR_* code. `err` may be NULL;
 *   when given it is filled on success (kind 0) and on failure (kind, byte
 *   offset into the input, NUL-terminated message).
 * - Input pointers may be NULL only with a length of 0. NULL or misaligned
 *   output pointers give GVC_ERR_NULL_ARGUMENT / GVC_ERR_MISALIGNED.
 * - Outputs are written only on success. A gvc_buf is owned by the library:
 *   release it with gvc_buf_free.
 * - No panic crosses the boundary (it becomes GVC_ERR_INTERNAL) and there is
 *   no global state: every function is thread-safe.
 *
 * Link with -lgenvm_calldata (plus -lpthread -ldl -lm for the static library).
 */
#ifndef GENVM_CALLDATA_H
#define GENVM_CALLDATA_H

#include <stddef.h>
#include <stdint.h>

#include "genvm_abi.h" /* public ABI: result codes, storage types, limits, ... */

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes. 1 to 11 are the calldata error kinds of spec/calldata.md:
 * genvm_calldata_error_kind (GVC_ERR_TRUNCATED_ULEB ... GVC_ERR_TRAILING_BYTES)
 * in genvm_abi.h, generated from spec/public-abi.json. These are the rest. */
typedef enum gvc_error_kind {
    GVC_OK = 0,
    GVC_ERR_NULL_ARGUMENT = 20,
    GVC_ERR_MISALIGNED = 21,
    GVC_ERR_TEXT_SYNTAX = 22,             /* offset: byte in the text */
    GVC_ERR_FRAME_EMPTY = 23,
    GVC_ERR_FRAME_UNKNOWN_CODE = 24,
    GVC_ERR_MESSAGE_LOOKS_LIKE_DATA = 25, /* a user error message starting with 4 NULs */
    GVC_ERR_INVALID_ARGUMENT = 26,        /* e.g. an unknown frame kind */
    GVC_ERR_INTERNAL = 27,                /* a bug in the library: please report */
    GVC_ERR_NOT_A_CALL = 28,              /* calldata, but no method call of either generation */
    GVC_ERR_FRAME_NOT_ALLOWED = 29,       /* a frame code not allowed in its generation and context */
    GVC_ERR_NO_VERDICT = 30               /* a validator's decision that is an error (see the message) */
} gvc_error_kind;

/* Bytes owned by the library; ptr is NULL when cap is 0. */
typedef struct gvc_buf { uint8_t *ptr; size_t len; size_t cap; } gvc_buf;

/* What went wrong; message is NUL-terminated UTF-8. */
typedef struct gvc_error { int32_t kind; uint64_t offset; char message[256]; } gvc_error;

/* Frame kinds: the result codes, with USER_ERROR split by its payload. */
typedef enum gvc_frame_kind {
    GVC_FRAME_RETURN = 0,           /* payload: calldata */
    GVC_FRAME_USER_ERROR = 1,       /* payload: UTF-8 message */
    GVC_FRAME_VM_ERROR = 2,         /* payload: UTF-8 message */
    GVC_FRAME_INTERNAL_ERROR = 3,   /* payload: UTF-8 message */
    GVC_FRAME_USER_ERROR_DATA = 4,  /* payload: calldata (after the 4 zero bytes in v0.2) */
    GVC_FRAME_FATAL_VM_ERROR = 5    /* payload: UTF-8 message (v0.3, code byte 4) */
} gvc_frame_kind;

/* A decoded frame; payload points into the decoded bytes (not NUL-terminated). */
typedef struct gvc_frame { int32_t kind; const uint8_t *payload; size_t len; } gvc_frame;

/* Item types of the pull reader. */
typedef enum gvc_item_kind {
    GVC_NULL = 0,
    GVC_BOOL = 1,     /* int_value: 0 or 1 */
    GVC_INT = 2,      /* int_value */
    GVC_BIG_INT = 3,  /* ptr/len: decimal ASCII, '-' if negative; valid until the next call */
    GVC_BYTES = 4,    /* ptr/len */
    GVC_STR = 5,      /* ptr/len: UTF-8 */
    GVC_ADDRESS = 6,  /* ptr: 20 bytes */
    GVC_ARRAY = 7,    /* count items follow */
    GVC_MAP = 8,      /* count entries follow: a GVC_KEY, then the value */
    GVC_KEY = 9,      /* ptr/len: UTF-8 */
    GVC_END = 10      /* the walk is over */
} gvc_item_kind;

/* One item of a pre-order walk; ptr is NULL when there are no bytes. */
typedef struct gvc_item {
    int32_t kind;
    int64_t int_value;
    uint64_t count;
    const uint8_t *ptr;
    size_t len;
} gvc_item;

/* A walk over validated calldata; it borrows the input until freed. */
typedef struct gvc_reader gvc_reader;

/* 0 if data is one canonical calldata value; else its error kind (1-11). */
int32_t gvc_validate(const uint8_t *data, size_t len, gvc_error *err);

/* Calldata -> text form (UTF-8, not NUL-terminated). */
int32_t gvc_to_text(const uint8_t *data, size_t len, gvc_buf *out, gvc_error *err);

/* Text form -> canonical calldata bytes. */
int32_t gvc_from_text(const uint8_t *text, size_t len, gvc_buf *out, gvc_error *err);

/* Decodes a ResultCode frame; kind + payload borrowed from data. */
int32_t gvc_frame_decode(const uint8_t *data, size_t len, gvc_frame *out, gvc_error *err);

/* Encodes a frame of `kind` (a gvc_frame_kind) around payload. */
int32_t gvc_frame_encode(int32_t kind, const uint8_t *payload, size_t len, gvc_buf *out,
                         gvc_error *err);

/* Where a frame travels; v0.3's rules depend on it (spec/framing.md). */
typedef enum gvc_frame_context {
    GVC_CONTEXT_SUBVM = 0,     /* a sub-VM's result, nested transport included */
    GVC_CONTEXT_NONDET = 1,    /* a non-deterministic block's result */
    GVC_CONTEXT_TOP_LEVEL = 2  /* a run's top-level result */
} gvc_frame_context;

/* gvc_frame_decode and gvc_frame_encode for an ABI generation
 * (GENVM_ABI_GENERATION_V0_2 or _V0_3) and a gvc_frame_context. */
int32_t gvc_frame_decode_in(const uint8_t *data, size_t len, const char *generation, int32_t context,
                            gvc_frame *out, gvc_error *err);
int32_t gvc_frame_encode_in(int32_t kind, const uint8_t *payload, size_t len, const char *generation,
                            int32_t context, gvc_buf *out, gvc_error *err);

/* The v0.3 call key of a method name (UTF-8) into out[32]; NULL or "" (a
 * deployment, a call without a name) give 0. */
int32_t gvc_call_key(const uint8_t *name, size_t len, uint8_t out[32], gvc_error *err);

/* Rewrites a call's method key for the ABI generation `to`
 * (GENVM_ABI_GENERATION_V0_2 or GENVM_ABI_GENERATION_V0_3), every other
 * byte kept. */
int32_t gvc_call_migrate(const uint8_t *data, size_t len, const char *to, gvc_buf *out,
                         gvc_error *err);

/* A leader's proposed non-deterministic result (v0.3): `derived` stays empty
 * ({NULL, 0, 0}) when it is kept as it is, else holds the derived VM error
 * code (UTF-8) that replaces it. */
int32_t gvc_check_proposed_result(const uint8_t *frame, size_t len, gvc_buf *derived, gvc_error *err);

/* The validator guest's verdict on the leader's frame given its own answer
 * frame (*agrees 1 or 0), the generation's default comparisons; an error
 * decision is GVC_ERR_NO_VERDICT. */
int32_t gvc_validator_verdict(const uint8_t *leader, size_t leader_len, const uint8_t *answer,
                              size_t answer_len, const char *generation, int32_t *agrees,
                              gvc_error *err);

/* The host's verdict on a validator's result frame: *agrees is 1 for RETURN true. */
int32_t gvc_host_verdict(const uint8_t *validator, size_t len, const char *generation, int32_t *agrees,
                         gvc_error *err);

/* Validates data and starts a walk over it (NULL on error). Keep data alive
 * and unchanged until gvc_reader_free. */
gvc_reader *gvc_reader_new(const uint8_t *data, size_t len, gvc_error *err);

/* The next item of the walk (GVC_END when over). */
int32_t gvc_reader_next(gvc_reader *reader, gvc_item *item, gvc_error *err);

/* Frees a reader; NULL does nothing. */
void gvc_reader_free(gvc_reader *reader);

/* Frees a buffer and sets it to {NULL, 0, 0}; freeing that again is harmless. */
void gvc_buf_free(gvc_buf *buf);

/* The library version, e.g. "0.1.0" (static storage). */
const char *gvc_version(void);

/* The name of an error code, e.g. "truncated_uleb" (static), or NULL. */
const char *gvc_error_name(int32_t kind);

#ifdef __cplusplus
}
#endif

#endif /* GENVM_CALLDATA_H */
