#!/usr/bin/env python3
"""Writes spec/vectors/host-calls.json: every guest-to-host message of
spec/host-calls.md, of both ABI generations (the Rust
`genvm_abi::HostCall` for v0.2, `genvm_abi::HostCallV03` for v0.3), as
calldata.

Each vector is {"name", "generation", "description", "hex", "text"}, with
"generation" "v0.2" or "v0.3" (`abi_generation` of spec/public-abi.json).
A refused one carries "error" (a phrase the refusal contains) instead of
"text". One the host accepts in a form the typed message does not write
back (a default left out, a null for an absent field) also carries
"canonical_hex" and "canonical_text": the bytes and text it encodes to. Every
"hex" is valid calldata: the refusals are the message's, not the format's.
`--check` exits 1 if the file differs from what it would write.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gen_calldata import Address, encode, text, write_or_check  # noqa: E402

OUT = pathlib.Path(__file__).with_name("host-calls.json")


CONTRACT = Address(bytes(range(1, 21)))
TOPIC_A = bytes(32)
TOPIC_B = b"\xff" * 32


class Vectors:
    """The vectors of one generation, named and marked with it."""

    def __init__(self, generation, prefix, out):
        self.generation = generation
        self.prefix = prefix
        self.out = out

    def _add(self, name, description, value, **rest):
        self.out.append({"name": self.prefix + name, "generation": self.generation,
                         "description": description, "hex": encode(value).hex(), **rest})

    def call(self, name, description, value):
        """A message the host accepts and the typed message writes back as is."""
        self._add(name, description, value, text=text(value))

    def normalised(self, name, description, value, canonical):
        """A message the host accepts, written back as `canonical`."""
        assert encode(value) != encode(canonical)
        self._add(name, description, value, text=text(value), canonical_hex=encode(canonical).hex(),
                  canonical_text=text(canonical))

    def refused(self, name, description, value, error):
        """A message the host refuses; `error` is a phrase of the refusal."""
        self._add(name, description, value, error=error)


def v0_2(v):
    """The v0.2 set (the `genvm_abi::HostCall` of before the generations)."""
    call, refused = v.call, v.refused
    call("sandbox", "Sandbox with a pickled function, read-only",
         {"Sandbox": {"data": b"\x80\x04\x95", "allow_write_ops": False}})
    call("sandbox_write", "Sandbox allowed to write", {"Sandbox": {"data": b"", "allow_write_ops": True}})
    call("run_nondet", "RunNondet with leader and validator functions",
         {"RunNondet": {"data_leader": b"\x01\x02", "data_validator": b"\x03"}})
    call("trace_message", "Trace of a message", {"Trace": {"Message": "hello ☕"}})
    call("trace_runtime", "Trace asking for the run time: the variant's value is null",
         {"Trace": {"RuntimeMicroSec": None}})
    contract = CONTRACT
    get = {"method": "get", "args": [1]}
    call("call_contract", "CallContract reading the latest final state (storage_type 1)",
         {"CallContract": {"address": contract, "calldata": get, "state": 1}})
    call("post_message", "PostMessage with value, run once finalized",
         {"PostMessage": {"address": contract, "calldata": {"method": "pay"}, "value": 10**18,
                          "on": "finalized"}})
    call("deploy_contract", "DeployContract: a constructor call without method, a 256-bit salt",
         {"DeployContract": {"calldata": {"args": ["x"]}, "code": b"# v0.1.0\n", "value": 0,
                             "on": "accepted", "salt_nonce": 2**256 - 1}})
    call("eth_send", "EthSend of EVM calldata with value",
         {"EthSend": {"address": contract, "calldata": bytes.fromhex("a9059cbb"), "value": 5}})
    call("eth_call", "EthCall of an EVM view function",
         {"EthCall": {"address": contract, "calldata": bytes.fromhex("70a08231")}})
    call("emit_event", "EmitEvent with two topics and a data map",
         {"EmitEvent": {"topics": [TOPIC_A, TOPIC_B], "blob": {"amount": 3, "to": contract}}})
    call("emit_event_four_topics", "EmitEvent with event_max_topics (4) topics",
         {"EmitEvent": {"topics": [TOPIC_A, TOPIC_B, TOPIC_A, TOPIC_B], "blob": {}}})
    call("emit_event_no_topics", "EmitEvent without topics",
         {"EmitEvent": {"topics": [], "blob": {"x": None}}})
    call("rollback", "Rollback with a message", {"Rollback": "not enough funds"})
    call("return", "Return of any calldata value", {"Return": [None, True, -1, "ok"]})
    call("web_render", "WebRender of a page's text after 500 ms",
         {"WebRender": {"mode": "text", "url": "https://example.org/", "wait_after_loaded": "500ms"}})
    call("web_render_screenshot", "WebRender of a screenshot after 2 s",
         {"WebRender": {"mode": "screenshot", "url": "https://example.org/", "wait_after_loaded": "2s"}})
    call("web_request", "WebRequest: POST with headers and a body, signed",
         {"WebRequest": {"method": "POST", "url": "https://api.example.org/v1",
                         "headers": {"Content-Type": b"application/json"}, "body": b"{}", "sign": True}})
    call("web_request_no_body", "WebRequest without a body: body is null",
         {"WebRequest": {"method": "GET", "url": "https://example.org/", "headers": {}, "body": None,
                         "sign": False}})
    call("exec_prompt", "ExecPrompt asking for JSON, with one image",
         {"ExecPrompt": {"response_format": "json", "prompt": "Describe", "images": [b"\x89PNG"]}})
    refused("sandbox_unknown_field", "the host rejects unknown fields",
            {"Sandbox": {"data": b"", "allow_write_ops": False, "extra": 1}}, "unknown field")
    refused("sandbox_missing_field", "every field is required", {"Sandbox": {"data": b""}}, "missing field")
    refused("two_requests", "one message holds exactly one request", {"Sandbox": {}, "Trace": {}},
            "one-key map")
    refused("unknown_request", "an unknown request name", {"Teleport": None}, "unknown variant")
    refused("sandbox_data_as_string", "data is bytes, not a string",
            {"Sandbox": {"data": "abc", "allow_write_ops": False}}, "invalid type")
    refused("call_contract_bad_state", "state is a storage_type: 0, 1 or 2",
            {"CallContract": {"address": contract, "calldata": get, "state": 3}}, "invalid value")
    refused("call_contract_address_as_bytes", "an address is its own atom, not 20 bytes",
            {"CallContract": {"address": bytes(20), "calldata": get, "state": 0}}, "address")
    refused("post_message_bad_on", "on is \"finalized\" or \"accepted\"",
            {"PostMessage": {"address": contract, "calldata": get, "value": 0, "on": "soon"}},
            "unknown variant")
    refused("post_message_negative_value", "value is an unsigned 256-bit integer",
            {"PostMessage": {"address": contract, "calldata": get, "value": -1, "on": "accepted"}},
            "out of range")
    refused("deploy_contract_salt_too_big", "salt_nonce fits in 256 bits",
            {"DeployContract": {"calldata": {}, "code": b"", "value": 0, "on": "accepted",
                                "salt_nonce": 2**256}}, "out of range")
    refused("web_render_bad_wait", "wait_after_loaded is \"<n>ms\" or \"<n>s\"",
            {"WebRender": {"mode": "html", "url": "u", "wait_after_loaded": "2 minutes"}}, "invalid value")
    refused("web_request_lowercase_method", "HTTP methods are upper-case",
            {"WebRequest": {"method": "get", "url": "u", "headers": {}, "body": None, "sign": False}},
            "unknown variant")
    refused("web_request_header_as_string", "header values are bytes",
            {"WebRequest": {"method": "GET", "url": "u", "headers": {"A": "b"}, "body": None,
                            "sign": False}}, "invalid type")
    refused("exec_prompt_unknown_field", "the host rejects unknown fields",
            {"ExecPrompt": {"response_format": "text", "prompt": "p", "images": [], "model": "x"}},
            "unknown field")
    refused("emit_event_too_many_topics", "at most event_max_topics (4) topics",
            {"EmitEvent": {"topics": [TOPIC_A] * 5, "blob": {}}}, "too many topics: 5, at most 4")
    refused("emit_event_short_topic", "a topic is 32 bytes",
            {"EmitEvent": {"topics": [TOPIC_A, b"\x01" * 31], "blob": {}}}, "a topic is 32 bytes, not 31")
    refused("emit_event_topic_as_string", "a topic is bytes",
            {"EmitEvent": {"topics": ["t" * 32], "blob": {}}}, "invalid type")
    refused("exec_prompt_too_many_images", "at most 2 images",
            {"ExecPrompt": {"response_format": "text", "prompt": "p", "images": [b"1", b"2", b"3"]}},
            "too many images: 3, at most 2")
    refused("trace_runtime_as_string", "v0.2 reads RuntimeMicroSec only as a one-key map",
            {"Trace": "RuntimeMicroSec"}, "invalid type")
    refused("user_error", "UserError is v0.3's; v0.2 ends with Rollback", {"UserError": "no"},
            "unknown variant")


def build():
    vectors = []
    v0_2(Vectors("v0.2", "", vectors))
    names = [v["name"] for v in vectors]
    assert len(names) == len(set(names)), "vector names are unique"
    return vectors


def main():
    write_or_check(OUT, {"format": "genvm-host-call-vectors", "version": 2, "vectors": build()})


if __name__ == "__main__":
    main()
