#!/usr/bin/env python3
"""Prints spec/vectors/ as tab-separated lines for the C test (C has no
JSON parser): one line per vector.

  V <hex> <text>               valid calldata and its text form
  I <hex> <error name> <offset> invalid calldata
  F <hex> <frame kind> <payload hex>   a valid frame (kinds as gvc_frame_kind)
  G <hex> <error name> <offset>        an invalid frame
  H <hex> <context> <frame kind> <payload hex>   a valid v0.3 frame
  J <hex> <context> <error name>                an invalid v0.3 frame
  P <hex> <derived code or "-">                 a proposed result and what replaces it
  R <leader hex> <answer hex> <generation> <1, 0 or "error">   a validator verdict
  S <validator hex> <generation> <1 or 0>       a host verdict
  K <name hex> <key hex>               a call key ("-" for a deployment)
  M <hex> <generation> <output hex>    a migration
  N <hex> <generation> <error name>    a refused migration (as the C library names it)
"""
import json
import pathlib

SPEC = pathlib.Path(__file__).resolve().parents[2] / "spec" / "vectors"
FRAME_KINDS = {"return": 0, "user_error": 1, "vm_error": 2, "internal_error": 3, "user_error_data": 4}
FRAME_ERRORS = {"empty": "frame_empty", "unknown_code": "frame_unknown_code", "invalid_utf8": "invalid_utf8"}


def main():
    for vector in json.loads((SPEC / "calldata.json").read_text())["vectors"]:
        if "text" in vector:
            print("V", vector["hex"], vector["text"], sep="\t")
        else:
            print("I", vector["hex"], vector["error"], vector["offset"], sep="\t")
    for vector in json.loads((SPEC / "framing.json").read_text())["vectors"]:
        frame = bytes.fromhex(vector["hex"])
        if "kind" in vector:
            skip = 5 if vector["kind"] == "user_error_data" else 1
            print("F", vector["hex"], FRAME_KINDS[vector["kind"]], frame[skip:].hex(), sep="\t")
        else:
            error = vector.get("calldata_error") or FRAME_ERRORS[vector["error"]]
            print("G", vector["hex"], error, vector.get("offset", 0), sep="\t")
    contexts = {"subvm": 0, "nondet": 1, "top_level": 2}
    kinds = dict(FRAME_KINDS, user_error_data=4, fatal_vm_error=5)
    errors = dict(FRAME_ERRORS, not_allowed="frame_not_allowed")
    for vector in json.loads((SPEC / "framing.json").read_text())["vectors_v0_3"]:
        context = contexts[vector["context"]]
        if "kind" in vector:
            print("H", vector["hex"], context, kinds[vector["kind"]], vector["hex"][2:], sep="\t")
        else:
            error = vector.get("calldata_error") or errors[vector["error"]]
            print("J", vector["hex"], context, error, sep="\t")
    for vector in json.loads((SPEC / "results.json").read_text())["proposed"]:
        print("P", vector["hex"], vector["derived"] or "-", sep="\t")
    nondet = json.loads((SPEC / "nondet.json").read_text())
    for vector in nondet["validator"]:
        verdict = "error" if "error" in vector else int(vector["verdict"])
        print("R", vector["leader"], vector["answer"], vector["generation"], verdict, sep="\t")
    for vector in nondet["host"]:
        print("S", vector["validator"], vector["generation"], int(vector["verdict"] == "agree"), sep="\t")
    calls = json.loads((SPEC / "method-calls.json").read_text())
    for vector in calls["call_keys"]:
        name = "-" if vector["method"] is None else vector["method"].encode("utf-8").hex()
        print("K", name, vector["key"], sep="\t")
    for vector in calls["migrations"]:
        if "output" in vector:
            print("M", vector["hex"], vector["to"], vector["output"], sep="\t")
        else:
            # Calldata errors keep their own kind; the C library's code for the rest is not_a_call.
            error = vector.get("calldata_error", "not_a_call")
            print("N", vector["hex"], vector["to"], error, sep="\t")


if __name__ == "__main__":
    main()
