/*
 * Runs spec/vectors/ through the C ABI (lines from vector_lines.py on
 * stdin), then checks the API's edge cases: NULL and misaligned pointers,
 * frame refusals, error names, the reader. Run under valgrind by run.sh, so
 * a leak or a bad access fails too. Exit status 0 only if every check holds.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "genvm_calldata.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond, ...)                                   \
    do {                                                   \
        checks++;                                          \
        if (!(cond)) {                                     \
            failures++;                                    \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                  \
            fputc('\n', stderr);                           \
        }                                                  \
    } while (0)

/* Hex text -> freshly allocated bytes (caller frees); NULL on bad hex. */
static uint8_t *from_hex(const char *hex, size_t *len) {
    size_t n = strlen(hex);
    if (n % 2) return NULL;
    uint8_t *out = malloc(n / 2 + 1);
    for (size_t i = 0; i < n / 2; i++) {
        unsigned byte;
        if (sscanf(hex + 2 * i, "%2x", &byte) != 1) { free(out); return NULL; }
        out[i] = (uint8_t)byte;
    }
    *len = n / 2;
    return out;
}

static int same(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen) {
    return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

/* Walks data with the reader; returns the number of items before GVC_END. */
static long walk(const uint8_t *data, size_t len) {
    gvc_error err;
    gvc_reader *reader = gvc_reader_new(data, len, &err);
    if (!reader) return -1;
    long items = 0;
    gvc_item item;
    for (;;) {
        if (gvc_reader_next(reader, &item, &err) != 0) { items = -1; break; }
        if (item.kind == GVC_END) break;
        if (item.kind == GVC_STR || item.kind == GVC_KEY || item.kind == GVC_BYTES ||
            item.kind == GVC_ADDRESS) {
            /* zero-copy: the bytes are inside the input */
            CHECK(item.len == 0 || (item.ptr >= data && item.ptr + item.len <= data + len),
                  "item bytes outside the input");
        }
        items++;
    }
    gvc_reader_free(reader);
    return items;
}

static void valid_calldata(const char *hex, const char *text) {
    size_t len;
    uint8_t *data = from_hex(hex, &len);
    gvc_error err;
    gvc_buf buf;
    CHECK(gvc_validate(data, len, &err) == GVC_OK && err.kind == 0, "validate %s: %s", hex, err.message);
    CHECK(gvc_to_text(data, len, &buf, &err) == GVC_OK, "to_text %s: %s", hex, err.message);
    CHECK(same(buf.ptr, buf.len, (const uint8_t *)text, strlen(text)), "to_text %s: %.*s", hex,
          (int)buf.len, (const char *)buf.ptr);
    gvc_buf_free(&buf);
    CHECK(gvc_from_text((const uint8_t *)text, strlen(text), &buf, &err) == GVC_OK, "from_text %s: %s",
          text, err.message);
    CHECK(same(buf.ptr, buf.len, data, len), "from_text %s gives other bytes", text);
    gvc_buf_free(&buf);
    CHECK(walk(data, len) >= 1, "reader over %s", hex);
    free(data);
}

static void invalid_calldata(const char *hex, const char *kind, unsigned long long offset) {
    size_t len;
    uint8_t *data = from_hex(hex, &len);
    gvc_error err;
    gvc_buf buf = {NULL, 0, 0};
    int32_t code = gvc_validate(data, len, &err);
    const char *name = gvc_error_name(code);
    CHECK(code == err.kind && name && strcmp(name, kind) == 0, "validate %s: %d (%s), want %s", hex,
          code, name ? name : "?", kind);
    CHECK(err.offset == offset, "validate %s: offset %llu, want %llu", hex,
          (unsigned long long)err.offset, offset);
    CHECK(strstr(err.message, "at byte") != NULL, "message names the offset: %s", err.message);
    CHECK(gvc_to_text(data, len, &buf, &err) == code && buf.ptr == NULL, "to_text refuses %s", hex);
    CHECK(gvc_reader_new(data, len, &err) == NULL && err.kind == code, "reader refuses %s", hex);
    free(data);
}

static void valid_frame(const char *hex, int32_t kind, const char *payload_hex) {
    size_t len, plen;
    uint8_t *data = from_hex(hex, &len);
    uint8_t *payload = from_hex(payload_hex, &plen);
    gvc_frame frame;
    gvc_error err;
    gvc_buf buf;
    CHECK(gvc_frame_decode(data, len, &frame, &err) == GVC_OK, "frame %s: %s", hex, err.message);
    CHECK(frame.kind == kind, "frame %s: kind %d, want %d", hex, frame.kind, kind);
    CHECK(same(frame.payload, frame.len, payload, plen), "frame %s: payload", hex);
    CHECK(frame.len == 0 || (frame.payload >= data && frame.payload + frame.len == data + len),
          "frame %s: payload borrowed from the input", hex);
    CHECK(gvc_frame_encode(kind, payload, plen, &buf, &err) == GVC_OK, "encode %s: %s", hex, err.message);
    CHECK(same(buf.ptr, buf.len, data, len), "encode %s: other bytes", hex);
    gvc_buf_free(&buf);
    free(data);
    free(payload);
}

static void invalid_frame(const char *hex, const char *kind, unsigned long long offset) {
    size_t len;
    uint8_t *data = from_hex(hex, &len);
    gvc_frame frame;
    gvc_error err;
    int32_t code = gvc_frame_decode(data, len, &frame, &err);
    const char *name = gvc_error_name(code);
    CHECK(name && strcmp(name, kind) == 0, "frame %s: %s, want %s", hex, name ? name : "?", kind);
    CHECK(err.offset == offset, "frame %s: offset %llu, want %llu", hex,
          (unsigned long long)err.offset, offset);
    free(data);
}

static void edge_cases(void) {
    gvc_error err;
    gvc_buf buf;
    gvc_frame frame;
    const uint8_t null_value[] = {0x00};

    /* NULL data is allowed only with length 0; empty input is truncated. */
    CHECK(gvc_validate(NULL, 0, &err) == GVC_ERR_TRUNCATED_ULEB, "empty input");
    CHECK(gvc_validate(NULL, 3, &err) == GVC_ERR_NULL_ARGUMENT, "NULL data: %s", err.message);
    CHECK(gvc_validate(null_value, 1, NULL) == GVC_OK, "err may be NULL");
    CHECK(gvc_to_text(null_value, 1, NULL, &err) == GVC_ERR_NULL_ARGUMENT, "NULL out");
    CHECK(gvc_frame_decode(null_value, 1, NULL, &err) == GVC_ERR_NULL_ARGUMENT, "NULL frame out");

    /* Misaligned output structs are refused, never written. */
    _Alignas(8) unsigned char raw[sizeof(gvc_buf) + 8];
    CHECK(gvc_to_text(null_value, 1, (gvc_buf *)(raw + 1), &err) == GVC_ERR_MISALIGNED,
          "misaligned out: %s", err.message);
    _Alignas(8) unsigned char raw_err[sizeof(gvc_error) + 8];
    CHECK(gvc_validate(null_value, 1, (gvc_error *)(raw_err + 4)) == GVC_ERR_MISALIGNED, "misaligned err");

    /* Text errors name the line and column. */
    const char *bad = "[1,\n  2,, 3]";
    CHECK(gvc_from_text((const uint8_t *)bad, strlen(bad), &buf, &err) == GVC_ERR_TEXT_SYNTAX &&
              strstr(err.message, "line 2, column 5") != NULL && err.offset == 8,
          "text syntax: %s at %llu", err.message, (unsigned long long)err.offset);
    const uint8_t not_utf8[] = {'"', 0xff, '"'};
    CHECK(gvc_from_text(not_utf8, 3, &buf, &err) == GVC_ERR_INVALID_UTF8 && err.offset == 1, "text utf8");

    /* Frames: a message that would read back as data; an unknown kind. */
    const uint8_t nuls[] = {0, 0, 0, 0, 'x'};
    CHECK(gvc_frame_encode(GVC_FRAME_USER_ERROR, nuls, 5, &buf, &err) == GVC_ERR_MESSAGE_LOOKS_LIKE_DATA,
          "4-NUL message");
    CHECK(gvc_frame_encode(9, null_value, 1, &buf, &err) == GVC_ERR_INVALID_ARGUMENT, "frame kind 9");
    CHECK(gvc_frame_encode(GVC_FRAME_RETURN, nuls, 5, &buf, &err) == GVC_ERR_TRAILING_BYTES,
          "RETURN payload is validated");
    const uint8_t vm[] = {GENVM_RESULT_CODE_VM_ERROR, 'O', 'O', 'M'};
    CHECK(gvc_frame_decode(vm, 4, &frame, &err) == GVC_OK && frame.kind == GVC_FRAME_VM_ERROR &&
              same(frame.payload, frame.len, (const uint8_t *)GENVM_VM_ERROR_OOM, 3),
          "VM error frame");

    /* Names: every code in the header has one; others have none. */
    const int32_t codes[] = {GVC_OK, GVC_ERR_TRAILING_BYTES, GVC_ERR_NULL_ARGUMENT, GVC_ERR_MISALIGNED,
                             GVC_ERR_TEXT_SYNTAX, GVC_ERR_FRAME_EMPTY, GVC_ERR_FRAME_UNKNOWN_CODE,
                             GVC_ERR_MESSAGE_LOOKS_LIKE_DATA, GVC_ERR_INVALID_ARGUMENT, GVC_ERR_INTERNAL};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        CHECK(gvc_error_name(codes[i]) != NULL, "name of %d", codes[i]);
    CHECK(strcmp(gvc_error_name(GVC_ERR_TOO_DEEP), "too_deep") == 0, "too_deep");
    CHECK(gvc_error_name(12) == NULL && gvc_error_name(-1) == NULL, "unknown codes");
    CHECK(gvc_version() != NULL && strchr(gvc_version(), '.') != NULL, "version");

    /* Freeing twice, or NULL, is harmless. */
    CHECK(gvc_from_text((const uint8_t *)"\"abc\"", 5, &buf, &err) == GVC_OK && buf.len == 4, "abc");
    gvc_buf_free(&buf);
    gvc_buf_free(&buf);
    gvc_buf_free(NULL);
    gvc_reader_free(NULL);
    CHECK(buf.ptr == NULL && buf.len == 0, "freed buffer is reset");

    /* The reader: a big integer as decimal text, keys before values. */
    const char *text = "{\"k\": [-18446744073709551617, 5]}";
    CHECK(gvc_from_text((const uint8_t *)text, strlen(text), &buf, &err) == GVC_OK, "reader input");
    gvc_reader *reader = gvc_reader_new(buf.ptr, buf.len, &err);
    gvc_item item;
    int32_t kinds[6];
    char digits[64] = {0};
    for (int i = 0; i < 6; i++) {
        CHECK(gvc_reader_next(reader, &item, &err) == GVC_OK, "next");
        kinds[i] = item.kind;
        if (item.kind == GVC_BIG_INT && item.len < sizeof digits) memcpy(digits, item.ptr, item.len);
    }
    CHECK(kinds[0] == GVC_MAP && kinds[1] == GVC_KEY && kinds[2] == GVC_ARRAY && kinds[3] == GVC_BIG_INT &&
              kinds[4] == GVC_INT && kinds[5] == GVC_END,
          "reader order");
    CHECK(strcmp(digits, "-18446744073709551617") == 0, "big int text %s", digits);
    CHECK(gvc_reader_next(reader, &item, &err) == GVC_OK && item.kind == GVC_END, "END again");
    CHECK(gvc_reader_next(NULL, &item, &err) == GVC_ERR_NULL_ARGUMENT, "NULL reader");
    gvc_reader_free(reader);
    gvc_buf_free(&buf);
}

static void current_frame(const char *hex, int32_t context, int32_t kind, const char *payload_hex) {
    size_t len, plen;
    uint8_t *data = from_hex(hex, &len);
    uint8_t *payload = from_hex(payload_hex, &plen);
    gvc_frame frame;
    gvc_error err;
    gvc_buf buf = {NULL, 0, 0};
    CHECK(gvc_frame_decode_in(data, len, GENVM_ABI_GENERATION_V0_3, context, &frame, &err) == GVC_OK,
          "v0.3 frame %s: %s", hex, err.message);
    CHECK(frame.kind == kind && same(frame.payload, frame.len, payload, plen), "v0.3 frame %s", hex);
    CHECK(gvc_frame_encode_in(kind, payload, plen, GENVM_ABI_GENERATION_V0_3, context, &buf, &err) == GVC_OK &&
              same(buf.ptr, buf.len, data, len),
          "v0.3 encode %s: %s", hex, err.message);
    gvc_buf_free(&buf);
    free(payload);
    free(data);
}

static void current_bad_frame(const char *hex, int32_t context, const char *kind) {
    size_t len;
    uint8_t *data = from_hex(hex, &len);
    gvc_frame frame;
    gvc_error err;
    int32_t code = gvc_frame_decode_in(data, len, GENVM_ABI_GENERATION_V0_3, context, &frame, &err);
    const char *name = gvc_error_name(code);
    CHECK(name && strcmp(name, kind) == 0, "v0.3 frame %s: %s, want %s", hex, name ? name : "?", kind);
    free(data);
}

static void proposed(const char *hex, const char *derived) {
    size_t len;
    uint8_t *data = from_hex(hex, &len);
    gvc_buf buf = {NULL, 0, 0};
    gvc_error err;
    CHECK(gvc_check_proposed_result(data, len, &buf, &err) == GVC_OK, "proposed %s: %s", hex, err.message);
    if (strcmp(derived, "-") == 0)
        CHECK(buf.ptr == NULL && buf.len == 0, "proposed %s is kept", hex);
    else
        CHECK(same(buf.ptr, buf.len, (const uint8_t *)derived, strlen(derived)), "proposed %s: %.*s", hex,
              (int)buf.len, (const char *)buf.ptr);
    gvc_buf_free(&buf);
    free(data);
}

static void validator(const char *leader_hex, const char *answer_hex, const char *generation, const char *want) {
    size_t llen, alen;
    uint8_t *leader = from_hex(leader_hex, &llen);
    uint8_t *answer = from_hex(answer_hex, &alen);
    int32_t agrees = -1;
    gvc_error err;
    int32_t code = gvc_validator_verdict(leader, llen, answer, alen, generation, &agrees, &err);
    if (strcmp(want, "error") == 0)
        CHECK(code == GVC_ERR_NO_VERDICT && agrees == -1, "verdict %s/%s is an error", leader_hex, answer_hex);
    else
        CHECK(code == GVC_OK && agrees == atoi(want), "verdict %s/%s: %d (%s)", leader_hex, answer_hex,
              agrees, err.message);
    free(leader);
    free(answer);
}

static void host(const char *hex, const char *generation, int32_t want) {
    size_t len;
    uint8_t *data = from_hex(hex, &len);
    int32_t agrees = -1;
    gvc_error err;
    CHECK(gvc_host_verdict(data, len, generation, &agrees, &err) == GVC_OK && agrees == want, "host %s", hex);
    free(data);
}

static void call_key_vector(const char *name_hex, const char *key_hex) {
    size_t len = 0, klen;
    uint8_t *name = strcmp(name_hex, "-") == 0 ? NULL : from_hex(name_hex, &len);
    uint8_t *want = from_hex(key_hex, &klen);
    uint8_t key[32];
    gvc_error err;
    CHECK(gvc_call_key(name, len, key, &err) == GVC_OK, "call key %s: %s", name_hex, err.message);
    CHECK(same(key, 32, want, klen), "call key of %s", name_hex);
    free(name);
    free(want);
}

static void migration(const char *hex, const char *to, const char *expected, int refused) {
    size_t len, elen = 0;
    uint8_t *data = from_hex(hex, &len);
    gvc_error err;
    gvc_buf buf = {NULL, 0, 0};
    int32_t code = gvc_call_migrate(data, len, to, &buf, &err);
    if (refused) {
        const char *name = gvc_error_name(code);
        CHECK(name && strcmp(name, expected) == 0 && buf.ptr == NULL, "migrate %s: %s, want %s", hex,
              name ? name : "?", expected);
    } else {
        uint8_t *want = from_hex(expected, &elen);
        CHECK(code == GVC_OK && same(buf.ptr, buf.len, want, elen), "migrate %s to %s: %s", hex, to,
              err.message);
        free(want);
    }
    gvc_buf_free(&buf);
    free(data);
}

static void call_edge_cases(void) {
    gvc_error err;
    gvc_buf buf = {NULL, 0, 0};
    uint8_t key[32];
    const uint8_t bad[] = {0xff};
    const uint8_t call[] = {0x0e, 0x00, 0x1c, 'g', 'e', 't'};
    CHECK(gvc_call_key(bad, 1, key, &err) == GVC_ERR_INVALID_UTF8, "a name that is not UTF-8");
    CHECK(gvc_call_key(bad, 1, NULL, &err) == GVC_ERR_NULL_ARGUMENT, "NULL key out");
    CHECK(gvc_call_key(NULL, 1, key, &err) == GVC_ERR_NULL_ARGUMENT, "NULL name with a length");
    CHECK(gvc_call_migrate(call, sizeof call, "v0.4", &buf, &err) == GVC_ERR_INVALID_ARGUMENT,
          "unknown generation");
    CHECK(gvc_call_migrate(call, sizeof call, NULL, &buf, &err) == GVC_ERR_NULL_ARGUMENT, "NULL generation");
    CHECK(gvc_call_migrate(call, sizeof call, GENVM_ABI_GENERATION_V0_2, &buf, &err) == GVC_OK &&
              buf.len == 12 && memcmp(buf.ptr + 1, "\x06method", 7) == 0,
          "migrate to v0.2 with the generated macro");
    gvc_buf_free(&buf);
    CHECK(strcmp(gvc_error_name(GVC_ERR_NOT_A_CALL), "not_a_call") == 0, "not_a_call");
}

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    long vectors = 0;
    while (getline(&line, &cap, stdin) > 0) {
        line[strcspn(line, "\n")] = 0;
        char *fields[5] = {0};
        char *rest = line;
        for (int i = 0; i < 5 && rest; i++) {
            fields[i] = rest;
            char *tab = strchr(rest, '\t');
            if (tab) *tab = 0;
            rest = tab ? tab + 1 : NULL;
        }
        if (!fields[1] || !fields[2]) continue;
        vectors++;
        switch (fields[0][0]) {
        case 'V': valid_calldata(fields[1], fields[2]); break;
        case 'I': invalid_calldata(fields[1], fields[2], strtoull(fields[3], NULL, 10)); break;
        case 'F': valid_frame(fields[1], (int32_t)atoi(fields[2]), fields[3]); break;
        case 'G': invalid_frame(fields[1], fields[2], strtoull(fields[3], NULL, 10)); break;
        case 'H': current_frame(fields[1], (int32_t)atoi(fields[2]), (int32_t)atoi(fields[3]), fields[4]); break;
        case 'J': current_bad_frame(fields[1], (int32_t)atoi(fields[2]), fields[3]); break;
        case 'K': call_key_vector(fields[1], fields[2]); break;
        case 'P': proposed(fields[1], fields[2]); break;
        case 'R': validator(fields[1], fields[2], fields[3], fields[4]); break;
        case 'S': host(fields[1], fields[2], (int32_t)atoi(fields[3])); break;
        case 'M': migration(fields[1], fields[2], fields[3], 0); break;
        case 'N': migration(fields[1], fields[2], fields[3], 1); break;
        default: CHECK(0, "unknown line kind %s", fields[0]);
        }
    }
    free(line);
    CHECK(vectors >= 150, "only %ld vectors read", vectors);
    edge_cases();
    call_edge_cases();
    printf("C ABI: %ld vectors, %d checks, %d failed\n", vectors, checks, failures);
    return failures ? 1 : 0;
}
