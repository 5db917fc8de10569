#!/usr/bin/env python3
"""Writes spec/vectors/framing.json: ResultCode frame vectors (framing.md).

Calldata payloads come from gen_calldata.py's encoder and printer. `--check`
exits 1 if the file differs from what it would write.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gen_calldata import encode, text, write_or_check  # noqa: E402

OUT = pathlib.Path(__file__).with_name("framing.json")
VECTORS = []


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


def main():
    VECTORS.clear()
    build()
    write_or_check(OUT, {"format": "genvm-framing-vectors", "version": 1, "vectors": VECTORS})


if __name__ == "__main__":
    main()
