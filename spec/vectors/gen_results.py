#!/usr/bin/env python3
"""Writes spec/vectors/results.json and spec/vectors/nondet.json: the v0.3
result rules of spec/results.md, computed here independently of the code
they test (this script's own GVM32, the calldata encoder of gen_calldata.py,
hashlib's SHA3-256, Python's own `==` for the guest's comparisons).

results.json:
* "gvm32": {"hex", "text"} pairs and {"text", "error"} refusals
  ("invalid_character", "non_zero_padding").
* "vm_error_codes": {"text"} with "public_code", "detail" (or null),
  "path", "param" (null, a string, or an integer) or "error" ("unknown_code",
  "bad_param").
* "proposed": {"name", "hex", "derived"}: the derived VM error code that
  replaces a leader's proposal, or null when it is accepted.
* "small_hashes": {"kind", "result" (text form), "subvm_hashes" (hex),
  "wasm_store_hashes" (text form), "hash"}; "accumulators": {"small_hashes"
  (hex list), "finalized"}; "execution_hashes": the fields (text forms,
  "kind" a result kind name, "subvm_hashes" hex) and "hash".

nondet.json:
* "validator": {"name", "generation", "leader", "answer" (frames in hex),
  "verdict": true/false} or "error" ("not_bool", "no_result", "fatal",
  "frame"): the validator guest's decision with the default comparisons.
* "host": {"name", "generation", "validator" (hex), "verdict": "agree" or
  "disagree", "vm_error": the v0.2 disagreement code or null}.

`--check` exits 1 if a file differs from what it would write.
"""
import hashlib
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gen_calldata import Address, encode, text, write_or_check  # noqa: E402

HERE = pathlib.Path(__file__).parent
RESULTS = HERE / "results.json"
NONDET = HERE / "nondet.json"
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def vm_error_tree():
    for entry in json.loads((HERE.parent / "public-abi.json").read_text()):
        if entry["name"] == "vm_error_code":
            return entry["codes"]
    raise SystemExit("public-abi.json has no vm_error_code")


def gvm32(data):
    bits = "".join(f"{byte:08b}" for byte in data)
    bits += "0" * (-len(bits) % 5)
    return "".join(ALPHABET[int(bits[i:i + 5], 2)] for i in range(0, len(bits), 5))


def sha3(data):
    return hashlib.sha3_256(data).digest()


def canonical_param(kind, token):
    if kind == "i32":
        canonical = re.fullmatch(r"0|-?[1-9][0-9]*", token) and -2**31 <= int(token) < 2**31
        return int(token) if canonical else None
    return token if token and " " not in token and "#" not in token else None


def parse_code(message, tree):
    public, _, detail = message.partition(" # ")
    detail = detail if " # " in message else None
    bad = False
    for path, kind in tree.items():
        if kind is None and public == path:
            return {"public_code": public, "detail": detail, "path": path, "param": None}
        if kind is not None and (public == path or public.startswith(path + " ")):
            param = canonical_param(kind, public[len(path) + 1:]) if public != path else None
            if param is not None:
                return {"public_code": public, "detail": detail, "path": path, "param": param}
            bad = True
    return {"error": "bad_param" if bad else "unknown_code"}


def derived(frame, tree):
    """The spec's validity rules for a proposed result, in their order."""
    if not frame:
        return "leader_fault nondet_output absent"
    code, data = frame[0], frame[1:]
    malformed = "leader_fault nondet_output malformed"
    if code in (0, 1):
        return None if data in VALID else malformed
    if code != 2:
        return malformed
    try:
        message = data.decode("utf-8")
    except UnicodeDecodeError:
        return malformed
    space = "leader_fault nondet_output"
    if message == space or message.startswith(space + " "):
        replacement = f"{space} uses_this_error {gvm32(sha3(message.encode()))[:6]}"
        return f"{space} uses_this_error fix_point" if replacement == message else replacement
    if " # " in message or "error" in parse_code(message, tree):
        return malformed
    return None


# The calldata payloads the proposals use, and whether they are valid; this
# script has no decoder, so invalid ones are spelled out by hand.
VALID = {encode(v) for v in [None, 5, "ok", {"a": [1, b"\x00"]}, Address(bytes(20))]}
INVALID = [b"", b"\x80\x00", b"\x00\x00", b"\x16\x01b\x00\x01a\x00", b"\x24ab"]


def results():
    tree = vm_error_tree()
    out = {"gvm32": [], "vm_error_codes": [], "proposed": [], "small_hashes": [], "accumulators": [],
           "execution_hashes": []}
    for data in [b"", b"\x00", b"\xff", b"\x01\x02", bytes(range(5)), bytes(range(32)), sha3(b"genvm")]:
        out["gvm32"].append({"hex": data.hex(), "text": gvm32(data)})
    out["gvm32"] += [{"text": "0u", "error": "invalid_character"}, {"text": "01", "error": "non_zero_padding"},
                     {"text": "zz=", "error": "invalid_character"}]

    for message in ["timeout", "exit_code 0", "exit_code -2147483648", "exit_code 2147483647", "wasm_trap",
                    "wasm_trap unreachable", "out_of memory wasm_table # table 3", "invalid_contract",
                    "leader_fault nondet_output uses_this_error abc123", "timeout # ", "timeout # a # b",
                    "exit_code 01", "exit_code -0", "exit_code 2147483648", "exit_code", "exit_code 1 2",
                    "leader_fault", "out_of", "OOM", "wasm_trap  unreachable", "", "malformed_entry extra",
                    "leader_fault nondet_output uses_this_error a b"]:
        out["vm_error_codes"].append({"text": message, **parse_code(message, tree)})

    proposals = [("absent", b"")]
    proposals += [(f"return_{i}", b"\x00" + v) for i, v in enumerate(sorted(VALID))]
    proposals += [(f"user_error_{i}", b"\x01" + v) for i, v in enumerate(sorted(VALID))]
    proposals += [(f"return_bad_{i}", b"\x00" + v) for i, v in enumerate(INVALID)]
    proposals += [(f"user_error_bad_{i}", b"\x01" + v) for i, v in enumerate(INVALID)]
    proposals += [(f"code_{c}", bytes([c]) + b"\x00") for c in (3, 4, 5, 255)]
    for i, message in enumerate(["exit_code 1", "timeout", "wasm_trap", "out_of memory", "exit_code 1 # detail",
                                 "exit_code 01", "OOM", "", "leader_fault nondet_output absent",
                                 "leader_fault nondet_output", "leader_fault nondet_output extra x # y",
                                 "leader_fault nondet_outputs", "leader_fault"]):
        proposals.append((f"vm_error_{i}", b"\x02" + message.encode()))
    proposals.append(("vm_error_not_utf8", b"\x02\xff"))
    for name, frame in proposals:
        out["proposed"].append({"name": name, "hex": frame.hex(), "derived": derived(frame, tree)})

    stores = {"contract": {"memories": [sha3(b"m0"), sha3(b"m1")]}}
    empty_accumulator = sha3(b"")
    for kind, result in [("Return", 5), ("Return", {"a": [None, True]}), ("UserError", "nope"),
                         ("VMError", "exit_code 1")]:
        small = sha3(encode({"kind": kind, "result": result, "subvm_hashes": empty_accumulator,
                             "wasm_store_hashes": stores}))
        out["small_hashes"].append({"kind": kind, "result": text(result), "subvm_hashes": empty_accumulator.hex(),
                                    "wasm_store_hashes": text(stores), "hash": small.hex()})
    smalls = [bytes.fromhex(v["hash"]) for v in out["small_hashes"]]
    for count in (0, 1, 3):
        out["accumulators"].append({"small_hashes": [s.hex() for s in smalls[:count]],
                                    "finalized": sha3(b"".join(smalls[:count])).hex()})
    accumulated = bytes.fromhex(out["accumulators"][-1]["finalized"])
    codes = {"Return": 0, "UserError": 1, "VMError": 2}
    for kind, data, backtrace in [("Return", {"ok": True}, []),
                                  ("VMError", "exit_code 3", [{"module_name": "contract", "func": 17}])]:
        fields = {"backtrace": backtrace, "data": data, "data_fees_consumed": 100, "data_fees_remaining": 900,
                  "emissions": [], "storage_changes": [], "wasm_store_hashes": stores}
        digest = sha3(encode({**fields, "kind": codes[kind], "subvm_hashes": accumulated}))
        out["execution_hashes"].append({**{k: text(v) for k, v in fields.items()}, "kind": kind,
                                        "subvm_hashes": accumulated.hex(), "hash": digest.hex()})
    return out


def validator_decision(leader, answer, generation):
    """The guest's run_nondet (v0.2) / run_nondet_default (v0.3) over Python values:
    ("return", v), ("user_error", v), ("vm_error", message)."""
    if leader[0] != answer[0]:
        return {"verdict": False}
    if answer[0] == "return":
        return {"verdict": answer[1]} if isinstance(answer[1], bool) else {"error": "not_bool"}
    if answer[0] == "user_error":
        return {"verdict": leader[1] == answer[1]}
    if generation == "v0.2":
        return {"verdict": leader[1] == answer[1]}
    return {"verdict": leader[1].partition(" # ")[0] == answer[1].partition(" # ")[0]}


def frame(result, generation):
    kind, payload = result
    if kind == "return":
        return b"\x00" + encode(payload)
    if kind == "user_error":
        if generation == "v0.3":
            return b"\x01" + encode(payload)
        return b"\x01" + (payload.encode() if isinstance(payload, str) else b"\x00" * 4 + encode(payload))
    return b"\x02" + payload.encode()


def nondet():
    out = {"validator": [], "host": []}
    cases = [
        ("return_true", ("return", [1, 2]), ("return", True)),
        ("return_false", ("return", "x"), ("return", False)),
        ("return_not_bool", ("return", 1), ("return", 1)),
        ("return_vs_user_error", ("return", 1), ("user_error", "no")),
        ("user_error_same", ("user_error", "rate limit"), ("user_error", "rate limit")),
        ("user_error_other", ("user_error", "rate limit"), ("user_error", "timeout")),
        ("user_error_true_is_one", ("user_error", [True]), ("user_error", [1])),
        ("user_error_map", ("user_error", {"code": 7}), ("user_error", {"code": 7})),
        ("vm_error_same", ("vm_error", "exit_code 1"), ("vm_error", "exit_code 1")),
        ("vm_error_detail_differs", ("vm_error", "exit_code 1 # a"), ("vm_error", "exit_code 1 # b")),
        ("vm_error_code_differs", ("vm_error", "exit_code 1"), ("vm_error", "exit_code 2")),
        ("vm_error_vs_user_error", ("vm_error", "timeout"), ("user_error", "timeout")),
    ]
    for generation in ("v0.2", "v0.3"):
        g = generation.replace(".", "_")
        for name, leader, answer in cases:
            out["validator"].append({"name": f"{g}_{name}", "generation": generation,
                                     "leader": frame(leader, generation).hex(),
                                     "answer": frame(answer, generation).hex(),
                                     **validator_decision(leader, answer, generation)})
        if generation == "v0.2":
            out["validator"].append({"name": "v0_2_message_equals_string_data", "generation": generation,
                                     "leader": b"\x01same".hex(), "answer": (b"\x01" + bytes(4) + encode("same")).hex(),
                                     "verdict": True})
            out["validator"].append({"name": "v0_2_internal_error", "generation": generation,
                                     "leader": b"\x03host".hex(), "answer": frame(("return", True), generation).hex(),
                                     "error": "no_result"})
        else:
            out["validator"].append({"name": "v0_3_fatal_answer", "generation": generation,
                                     "leader": frame(("vm_error", "out_of memory"), generation).hex(),
                                     "answer": b"\x04out_of memory".hex(), "error": "fatal"})
            out["validator"].append({"name": "v0_3_leader_code_4", "generation": generation,
                                     "leader": b"\x04out_of memory".hex(),
                                     "answer": frame(("vm_error", "out_of memory"), generation).hex(),
                                     "error": "frame"})
        disagreement = "validator_disagrees" if generation == "v0.2" else None
        for name, result in [("true", ("return", True)), ("false", ("return", False)), ("one", ("return", 1)),
                             ("user_error", ("user_error", "no")), ("vm_error", ("vm_error", "timeout"))]:
            agree = result[0] == "return" and result[1] is True
            out["host"].append({"name": f"{g}_{name}", "generation": generation,
                                "validator": frame(result, generation).hex(),
                                "verdict": "agree" if agree else "disagree",
                                "vm_error": None if agree else disagreement})
        out["host"].append({"name": f"{g}_empty", "generation": generation, "validator": "",
                            "verdict": "disagree", "vm_error": disagreement})
    return out


def main():
    write_or_check(RESULTS, {"format": "genvm-result-vectors", "version": 1, **results()})
    write_or_check(NONDET, {"format": "genvm-nondet-vectors", "version": 1, **nondet()})


if __name__ == "__main__":
    main()
