#!/usr/bin/env python3
"""Writes spec/vectors/host-calls.json: the guest-to-host messages of
FACTS sec. 5 that the Rust `genvm_abi::HostCall` covers, as calldata.

Each vector is {"name", "description", "hex", "text"}; invalid ones carry
"error" (a phrase the refusal contains) instead of "text". `--check` exits 1
if the file differs from what it would write.
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gen_calldata import encode, text  # noqa: E402

OUT = pathlib.Path(__file__).with_name("host-calls.json")


def build():
    vectors = []

    def call(name, description, value):
        vectors.append({"name": name, "description": description, "hex": encode(value).hex(), "text": text(value)})

    def refused(name, description, value, error):
        vectors.append({"name": name, "description": description, "hex": encode(value).hex(), "error": error})

    call("sandbox", "Sandbox with a pickled function, read-only",
         {"Sandbox": {"data": b"\x80\x04\x95", "allow_write_ops": False}})
    call("sandbox_write", "Sandbox allowed to write", {"Sandbox": {"data": b"", "allow_write_ops": True}})
    call("run_nondet", "RunNondet with leader and validator functions",
         {"RunNondet": {"data_leader": b"\x01\x02", "data_validator": b"\x03"}})
    call("trace_message", "Trace of a message", {"Trace": {"Message": "hello ☕"}})
    call("trace_runtime", "Trace asking for the run time: the variant's value is null",
         {"Trace": {"RuntimeMicroSec": None}})
    refused("sandbox_unknown_field", "the host rejects unknown fields",
            {"Sandbox": {"data": b"", "allow_write_ops": False, "extra": 1}}, "unknown field")
    refused("sandbox_missing_field", "every field is required", {"Sandbox": {"data": b""}}, "missing field")
    refused("two_requests", "one message holds exactly one request", {"Sandbox": {}, "Trace": {}},
            "one-key map")
    refused("unknown_request", "an unknown request name", {"Teleport": None}, "unknown variant")
    refused("sandbox_data_as_string", "data is bytes, not a string",
            {"Sandbox": {"data": "abc", "allow_write_ops": False}}, "invalid type")
    return vectors


def main():
    document = {"format": "genvm-host-call-vectors", "version": 1, "vectors": build()}
    rendered = json.dumps(document, indent=1, ensure_ascii=True) + "\n"
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text() != rendered:
            sys.exit("spec/vectors/host-calls.json is out of date: run python3 spec/vectors/gen_host_calls.py")
        return
    OUT.write_text(rendered)


if __name__ == "__main__":
    main()
