#!/usr/bin/env python3
"""Writes spec/vectors/method-calls.json: method calls of both ABI
generations (spec/abi-generations.md), migration between them, and v0.3 call
keys.

* "calls": {"name", "description", "generation", "hex"} and either the call
  read back ("method": str or null, "args": text, "kwargs": text) or
  "error": one of ERRORS with "key" where the error names one, and
  "calldata_error" (a calldata error kind) for not_calldata. "deployment":
  true reads the input as a constructor call.
* "migrations": {"name", "description", "to", "hex"} and "output" (hex) or
  "error".
* "call_keys": {"name", "method": str or null, "key": 64 hex digits}. The
  keccak256 below is this script's own, so the vectors do not come from the
  code they test.

`--check` exits 1 if the file differs from what it would write.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gen_calldata import Address, encode, text, write_or_check  # noqa: E402

OUT = pathlib.Path(__file__).with_name("method-calls.json")
ERRORS = ["not_calldata", "not_a_map", "unknown_key", "wrong_type", "named_deployment", "both_method_keys"]
METHOD_KEY = {"v0.2": "method", "v0.3": ""}

# Keccak-f[1600] round constants and rotation offsets (FIPS 202, section 3.2).
ROUND_CONSTANTS = [
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
]
ROTATIONS = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56],
             [27, 20, 39, 8, 14]]
MASK = (1 << 64) - 1


def rotate(lane, n):
    return ((lane << n) | (lane >> (64 - n))) & MASK if n else lane


def keccak_f(state):
    for constant in ROUND_CONSTANTS:
        columns = [state[x][0] ^ state[x][1] ^ state[x][2] ^ state[x][3] ^ state[x][4] for x in range(5)]
        for x in range(5):
            d = columns[(x - 1) % 5] ^ rotate(columns[(x + 1) % 5], 1)
            for y in range(5):
                state[x][y] ^= d
        moved = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                moved[y][(2 * x + 3 * y) % 5] = rotate(state[x][y], ROTATIONS[x][y])
        for x in range(5):
            for y in range(5):
                state[x][y] = moved[x][y] ^ (~moved[(x + 1) % 5][y] & moved[(x + 2) % 5][y])
        state[0][0] ^= constant


def keccak256(data):
    """Keccak-256 as Ethereum uses it: rate 136 bytes, padding 0x01 ... 0x80."""
    rate = 136
    padded = bytearray(data) + b"\x01" + bytes(-(len(data) + 1) % rate)
    padded[-1] |= 0x80
    state = [[0] * 5 for _ in range(5)]
    for start in range(0, len(padded), rate):
        block = padded[start:start + rate]
        for i in range(rate // 8):
            state[i % 5][i // 5] ^= int.from_bytes(block[8 * i:8 * i + 8], "little")
        keccak_f(state)
    return b"".join(state[i % 5][i // 5].to_bytes(8, "little") for i in range(4))


assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"


def call_key(name):
    raw = (name or "").encode("utf-8")
    if len(raw) < 32:
        return raw + bytes(32 - len(raw))
    digest = bytearray(keccak256(raw))
    digest[31] |= 1
    return bytes(digest)


def build():
    calls, migrations, keys = [], [], []

    def read(name, description, generation, value, method, args=(), kwargs=None, deployment=False):
        vector = {"name": name, "description": description, "generation": generation,
                  "hex": encode(value).hex(), "method": method, "args": text(list(args)),
                  "kwargs": text(kwargs or {})}
        if deployment:
            vector["deployment"] = True
        calls.append(vector)

    def refused(name, description, generation, data, error, key=None, deployment=False, calldata_error=None):
        assert error in ERRORS, error
        vector = {"name": name, "description": description, "generation": generation,
                  "hex": (data if isinstance(data, bytes) else encode(data)).hex(), "error": error}
        if key is not None:
            vector["key"] = key
        if calldata_error is not None:
            vector["calldata_error"] = calldata_error
        if deployment:
            vector["deployment"] = True
        calls.append(vector)

    for generation, key in METHOD_KEY.items():
        g = generation.replace(".", "_")
        other = METHOD_KEY["v0.3" if generation == "v0.2" else "v0.2"]
        read(f"{g}_full", f"{generation}: method, args and kwargs", generation,
             {key: "transfer", "args": [Address(bytes(range(20))), 10], "kwargs": {"memo": "rent"}},
             "transfer", [Address(bytes(range(20))), 10], {"memo": "rent"})
        read(f"{g}_name_only", f"{generation}: a method without arguments", generation, {key: "get"}, "get")
        read(f"{g}_empty_args_kept", f"{generation}: empty args and kwargs may be present", generation,
             {key: "get", "args": [], "kwargs": {}}, "get")
        read(f"{g}_special", f"{generation}: the special method #get-schema", generation,
             {key: "#get-schema"}, "#get-schema")
        read(f"{g}_deployment", f"{generation}: a deployment has no method name", generation,
             {"args": ["x"]}, None, ["x"], deployment=True)
        read(f"{g}_empty", f"{generation}: the empty map is a deployment or an unnamed call", generation,
             {}, None)
        refused(f"{g}_other_key", f"{generation}: the other generation's method key is unknown", generation,
                {other: "get"}, "unknown_key", key=other)
        refused(f"{g}_extra_key", f"{generation}: the key set is closed", generation,
                {key: "get", "value": 1}, "unknown_key", key="value")
        refused(f"{g}_name_not_string", f"{generation}: the method name is a string", generation,
                {key: b"get"}, "wrong_type", key=key)
        refused(f"{g}_args_not_array", f"{generation}: args is an array", generation,
                {key: "get", "args": {"a": 1}}, "wrong_type", key="args")
        refused(f"{g}_kwargs_not_map", f"{generation}: kwargs is a map", generation,
                {key: "get", "kwargs": [1]}, "wrong_type", key="kwargs")
        refused(f"{g}_not_a_map", f"{generation}: a call is a map", generation, ["get"], "not_a_map")
        refused(f"{g}_not_calldata", f"{generation}: the bytes must be calldata", generation,
                b"\x0e\x01", "not_calldata", calldata_error="length_past_end")
        refused(f"{g}_named_deployment", f"{generation}: a deployment carries no method name", generation,
                {key: "init"}, "named_deployment", deployment=True)

    def migrate(name, description, to, value, output):
        migrations.append({"name": name, "description": description, "to": to,
                           "hex": (value if isinstance(value, bytes) else encode(value)).hex(),
                           "output": encode(output).hex()})

    def migrate_refused(name, description, to, data, error, calldata_error=None):
        assert error in ERRORS, error
        vector = {"name": name, "description": description, "to": to,
                  "hex": (data if isinstance(data, bytes) else encode(data)).hex(), "error": error}
        if calldata_error is not None:
            vector["calldata_error"] = calldata_error
        migrations.append(vector)

    full = {"args": [1, "two"], "kwargs": {"z": None}}
    migrate("to_v0_3", "method becomes the empty key, which sorts first", "v0.3",
            {"method": "mint", **full}, {"": "mint", **full})
    migrate("to_v0_2", "the empty key becomes method", "v0.2", {"": "mint", **full}, {"method": "mint", **full})
    migrate("to_v0_3_unchanged", "a call already in v0.3's shape comes back as it is", "v0.3",
            {"": "mint"}, {"": "mint"})
    migrate("to_v0_2_unchanged", "a call already in v0.2's shape comes back as it is", "v0.2",
            {"method": "mint"}, {"method": "mint"})
    migrate("deployment", "a deployment has no method key: unchanged", "v0.3", {"args": [1]}, {"args": [1]})
    migrate("empty_args_kept", "empty args and kwargs keep their bytes", "v0.3",
            {"method": "get", "args": [], "kwargs": {}}, {"": "get", "args": [], "kwargs": {}})
    migrate_refused("both_keys", "both method keys: neither generation's call", "v0.3",
                    {"": "a", "method": "b"}, "both_method_keys")
    migrate_refused("unknown_key", "a key outside both key sets", "v0.3", {"method": "a", "x": 1}, "unknown_key")
    migrate_refused("wrong_type", "a method name that is not a string", "v0.2", {"": 5}, "wrong_type")
    migrate_refused("not_a_map", "a call is a map", "v0.3", [1], "not_a_map")
    migrate_refused("not_calldata", "unsorted keys are not calldata", "v0.3",
                    b"\x16\x06method\x1cget\x04args\x05", "not_calldata", calldata_error="unsorted_keys")

    for name, method in [
        ("deployment", None), ("empty", ""), ("one_byte", "a"), ("transfer", "transfer"),
        ("bytes_31", "m" * 31), ("bytes_32", "m" * 32), ("bytes_33", "m" * 33), ("bytes_100", "m" * 100),
        ("multibyte_across_32", "x" * 31 + "\u00e9"), ("multibyte_31", "y" * 29 + "\u00e9"),
        ("error", "#error"), ("get_schema", "#get-schema"),
    ]:
        keys.append({"name": name, "method": method, "key": call_key(method).hex()})
    return calls, migrations, keys


def main():
    calls, migrations, keys = build()
    for group in (calls, migrations, keys):
        names = [v["name"] for v in group]
        assert len(names) == len(set(names)), "vector names repeat"
    write_or_check(OUT, {"format": "genvm-method-call-vectors", "version": 1, "errors": ERRORS,
                         "calls": calls, "migrations": migrations, "call_keys": keys})


if __name__ == "__main__":
    main()
