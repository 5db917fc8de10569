#!/usr/bin/env python3
"""Writes spec/vectors/framing.json: ResultCode frame vectors (framing.md).

"vectors" are v0.2's (read alike in every context); "vectors_v0_3" are
v0.3's, each read in its "context" (one of "contexts").

Calldata payloads come from gen_calldata.py's encoder and printer. `--check`
exits 1 if the file differs from what it would write.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gen_calldata import encode, text, write_or_check  # noqa: E402

OUT = pathlib.Path(__file__).with_name("framing.json")
VECTORS = []
CURRENT = []
CONTEXTS = ["subvm", "nondet", "top_level"]


def frame(name, description, data, kind, **payload):
    VECTORS.append({"name": name, "description": description, "hex": bytes(data).hex(), "kind": kind, **payload})


def bad(name, description, data, error, **details):
    VECTORS.append({"name": name, "description": description, "hex": bytes(data).hex(), "error": error, **details})


def build():
    for name, value in [("null", None), ("int", 42), ("map", {"ok": True, "n": [1, 2]}), ("string", "é")]:
        frame(f"return_{name}", f"RETURN carrying {text(value)}", b"\x00" + encode(value), "return",
              text=text(value))
    frame("user_error_message", "USER_ERROR with a legacy UTF-8 message", b"\x01" + b"not allowed",
          "user_error", message="not allowed")
    frame("user_error_empty_message", "an empty USER_ERROR payload is the empty message", b"\x01", "user_error",
          message="")
    frame("user_error_short_zeros", "fewer than four zero bytes are a message, not data", b"\x01\x00\x00\x00",
          "user_error", message="\x00\x00\x00")
    frame("user_error_utf8_message", "a non-ASCII message", b"\x01" + "ошибка".encode(), "user_error",
          message="ошибка")
    frame("user_error_zero_then_text", "one zero byte then text: a message", b"\x01\x00abc", "user_error",
          message="\x00abc")
    for name, value in [("null", None), ("map", {"code": 7, "reason": "limit"}), ("bytes", b"\x00\x01")]:
        frame(f"user_error_data_{name}", f"USER_ERROR data {text(value)} after the 00 00 00 00 prefix",
              b"\x01\x00\x00\x00\x00" + encode(value), "user_error_data", text=text(value))
    for message in ["OOM", "timeout", "exit_code 1", "validator_disagrees", ""]:
        label = message.replace(" ", "_") or "empty"
        frame(f"vm_error_{label}", f"VM_ERROR {message!r}", b"\x02" + message.encode(), "vm_error",
              message=message)
    frame("internal_error", "INTERNAL_ERROR with a message", b"\x03host failed", "internal_error",
          message="host failed")

    bad("empty", "no code byte", b"", "empty")
    for code in [4, 7, 0xFF]:
        bad(f"unknown_code_{code}", f"code byte {code} is not a result code", bytes([code]) + b"\x00",
            "unknown_code", code=code)
    bad("return_empty", "RETURN needs a value", b"\x00", "calldata", calldata_error="truncated_uleb", offset=1)
    bad("return_trailing", "RETURN with two values", b"\x00\x00\x00", "calldata", calldata_error="trailing_bytes",
        offset=2)
    bad("return_padded", "RETURN with a padded header", b"\x00\x80\x00", "calldata",
        calldata_error="non_canonical_uleb", offset=1)
    bad("user_error_data_empty", "the data prefix with nothing after it", b"\x01\x00\x00\x00\x00", "calldata",
        calldata_error="truncated_uleb", offset=5)
    bad("user_error_data_unsorted", "data with unsorted keys", b"\x01\x00\x00\x00\x00\x16\x01b\x00\x01a\x00",
        "calldata", calldata_error="unsorted_keys", offset=9)
    bad("user_error_message_not_utf8", "a legacy message with a bad byte", b"\x01ab\xff", "invalid_utf8",
        offset=3)
    bad("vm_error_not_utf8", "a VM error message with a bad byte", b"\x02\xc0\x80", "invalid_utf8", offset=1)
    bad("internal_error_not_utf8", "an internal error message with a bad byte", b"\x03ok\xed\xa0\x80",
        "invalid_utf8", offset=3)


def current(name, description, data, contexts, kind=None, **outcome):
    """A v0.3 frame read in each of `contexts`: `kind` and its payload, or
    `error` (in `outcome`) when it is refused there."""
    for context in contexts:
        vector = {"name": f"{name}_{context}", "description": description, "context": context,
                  "hex": bytes(data).hex()}
        vector.update({"kind": kind} if kind else {})
        vector.update(outcome)
        CURRENT.append(vector)


def build_current():
    """v0.3 (genvm-manager 03-schemas.rst "Sub-VM Result Encoding", 05-result.rst "Fatal VM Error",
    "InternalError"): no USER_ERROR prefix, codes 0..2, code 4 only between nested VMs."""
    for name, value in [("int", 42), ("map", {"ok": True})]:
        current(f"return_{name}", f"RETURN carrying {text(value)}", b"\x00" + encode(value), CONTEXTS, "return",
                text=text(value))
    for name, value in [("string", "not allowed"), ("map", {"code": 7}), ("null", None)]:
        current(f"user_error_{name}", f"USER_ERROR data {text(value)}, no prefix", b"\x01" + encode(value),
                CONTEXTS, "user_error_data", text=text(value))
    current("user_error_v0_2_prefix", "v0.2's four zero bytes are not a prefix any more: 00 is null, then trailing",
            b"\x01\x00\x00\x00\x00\x09", CONTEXTS, error="calldata", calldata_error="trailing_bytes", offset=2)
    current("user_error_raw_text", "a raw UTF-8 message is not calldata", b"\x01oops", CONTEXTS,
            error="calldata", calldata_error="reserved_type", offset=1)
    current("user_error_empty", "USER_ERROR needs a value", b"\x01", CONTEXTS, error="calldata",
            calldata_error="truncated_uleb", offset=1)
    for message in ["exit_code 1", "out_of memory # wasm", "timeout"]:
        label = message.split(" #")[0].replace(" ", "_")
        current(f"vm_error_{label}", f"VM_ERROR {message!r}", b"\x02" + message.encode(), CONTEXTS, "vm_error",
                message=message)
    current("fatal_vm_error", "code 4, a fatal VM error, between nested VMs", b"\x04out_of memory", ["subvm"],
            "fatal_vm_error", message="out_of memory")
    current("fatal_vm_error", "code 4 is forbidden outside nested transport", b"\x04out_of memory",
            ["nondet", "top_level"], error="not_allowed", code=4)
    current("internal_error", "INTERNAL_ERROR is not a result in v0.3", b"\x03host failed", CONTEXTS,
            error="not_allowed", code=3)
    current("unknown_code_5", "code 5 is no code", b"\x05", CONTEXTS, error="unknown_code", code=5)
    current("empty", "no code byte", b"", CONTEXTS, error="empty")
    current("vm_error_not_utf8", "a VM error code with a bad byte", b"\x02\xc0\x80", CONTEXTS,
            error="invalid_utf8", offset=1)
    current("fatal_not_utf8", "a fatal VM error with a bad byte", b"\x04\xff", ["subvm"], error="invalid_utf8",
            offset=1)


def main():
    VECTORS.clear()
    CURRENT.clear()
    build()
    build_current()
    write_or_check(OUT, {"format": "genvm-framing-vectors", "version": 2, "vectors": VECTORS,
                         "contexts": CONTEXTS, "vectors_v0_3": CURRENT})


if __name__ == "__main__":
    main()
