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
    v.normalised("web_render_wait_leading_zero", "the host reads \"05ms\" as 5 ms; it is written back \"5ms\"",
                 {"WebRender": {"mode": "html", "url": "u", "wait_after_loaded": "05ms"}},
                 {"WebRender": {"mode": "html", "url": "u", "wait_after_loaded": "5ms"}})
    refused("web_render_wait_with_sign", "the host's u64 parse takes \"+5ms\"; no sender writes it, this crate refuses it",
            {"WebRender": {"mode": "html", "url": "u", "wait_after_loaded": "+5ms"}}, "invalid value")
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


FEE_PARAMS = {"leader_timeunits_allocation": 5, "validator_timeunits_allocation": 5,
              "execution_budget_per_round": 1024, "rotations": [4, 4, 4],
              "max_price_gen_per_time_unit": 2, "storage_fee_max_gas_price": 20,
              "receipt_fee_max_gas_price": 20}
CUSTOM = "custom:" + "0" * 52


def fee_params(**changes):
    return {**FEE_PARAMS, **changes}


def v0_3(v):
    """The v0.3 set (`genvm_abi::HostCallV03`): genvm-manager 02-gl_call.rst at
    main 3b6aea1, as genlayer-py-std sends it and genvm-executor accepts it."""
    call, normalised, refused = v.call, v.normalised, v.refused
    contract = CONTRACT
    get = {"": "get", "args": [1]}
    pay = {"": "pay"}
    post = {"address": contract, "calldata": pay, "value": 10**18, "on": "finalized"}
    deploy = {"calldata": {"args": ["x"]}, "code": b"# v0.3.0\n", "value": 0, "on": "accepted",
              "salt_nonce": 2**256 - 1}
    sandbox = {"data": b"\x80\x04\x95", "runner": "contract", "allow_write_storage": False,
               "allow_send_messages": False, "allow_register_runners": False}
    nondet = {"data_leader": b"\x01\x02", "data_validator": b"\x03"}
    request = {"method": "PUT", "url": "https://api.example.org/v1",
               "headers": {"Content-Type": b"application/json"}, "body": b"{}", "sign": True}
    prompt = {"response_format": "json", "prompt": "Describe", "images": [b"\x89PNG"]}

    # Every request, in the form the guest SDK sends it.
    call("eth_call", "EthCall of an EVM view function",
         {"EthCall": {"address": contract, "calldata": bytes.fromhex("70a08231")}})
    call("call_contract", "CallContract with a v0.3 method call, latest non-final state (2)",
         {"CallContract": {"address": contract, "calldata": get, "state": 2}})
    call("eth_send", "EthSend of EVM calldata with value",
         {"EthSend": {"address": contract, "calldata": bytes.fromhex("a9059cbb"), "value": 5}})
    call("post_message", "PostMessage funded by the sender's pool: use_balance and fee_params left out",
         {"PostMessage": post})
    call("post_message_balance_funded", "PostMessage whose fee comes from the contract's balance",
         {"PostMessage": {**post, "use_balance": True, "fee_params": FEE_PARAMS}})
    call("post_message_fee_bounds", "fee_params at their bounds: counts 2^32 - 1, prices 2^96 - 1",
         {"PostMessage": {**post, "use_balance": True, "fee_params": fee_params(
             leader_timeunits_allocation=2**32 - 1, validator_timeunits_allocation=0,
             rotations=[2**32 - 1, 0], execution_budget_per_round=2**96 - 1,
             max_price_gen_per_time_unit=2**96 - 1, storage_fee_max_gas_price=1,
             receipt_fee_max_gas_price=2**96 - 1)}})
    call("deploy_contract", "DeployContract: a constructor call without a name, a 256-bit salt",
         {"DeployContract": deploy})
    call("deploy_contract_balance_funded", "DeployContract funded by the contract's balance",
         {"DeployContract": {**deploy, "use_balance": True, "fee_params": FEE_PARAMS}})
    call("emit_event", "EmitEvent with two topics and a data map",
         {"EmitEvent": {"topics": [TOPIC_A, TOPIC_B], "blob": {"amount": 3, "to": contract}}})
    call("emit_event_four_topics", "EmitEvent with event_max_topics (4) topics",
         {"EmitEvent": {"topics": [TOPIC_B] * 4, "blob": {}}})
    call("run_nondet", "RunNondet as the guest SDK sends it: runner and custom_runners left out",
         {"RunNondet": nondet})
    call("run_nondet_runner", "RunNondet running a custom runner, granted it",
         {"RunNondet": {**nondet, "runner": CUSTOM, "custom_runners": [CUSTOM]}})
    call("run_nondet_no_custom_runners", "RunNondet granting no custom runner (an empty list, not absent)",
         {"RunNondet": {**nondet, "custom_runners": []}})
    call("sandbox", "Sandbox of the caller's own runner, no permissions", {"Sandbox": sandbox})
    call("sandbox_permissions", "Sandbox allowed to write, send and register, with custom runners",
         {"Sandbox": {**sandbox, "runner": CUSTOM, "allow_write_storage": True, "allow_send_messages": True,
                      "allow_register_runners": True, "custom_runners": [CUSTOM]}})
    call("register_runner", "RegisterRunner of a runner archive",
         {"RegisterRunner": {"code": b"# { \"Seq\": [] }\n"}})
    call("map_file", "MapFile of a directory of a runner",
         {"MapFile": {"runner": "contract", "path_in_runner": "lib/", "path_in_vfs": "/lib/"}})
    call("web_render", "WebRender of a page's HTML after 2 s",
         {"WebRender": {"mode": "html", "url": "https://example.org/", "wait_after_loaded": "2s"}})
    call("web_request", "WebRequest: PUT (v0.3's guest SDK sends it, its host takes it)",
         {"WebRequest": request})
    call("web_request_no_body", "WebRequest without a body: body is null",
         {"WebRequest": {**request, "method": "GET", "body": None, "sign": False}})
    call("exec_prompt", "ExecPrompt asking for JSON, with one image", {"ExecPrompt": prompt})
    call("exec_prompt_two_images", "ExecPrompt with the most images, 2",
         {"ExecPrompt": {**prompt, "response_format": "text", "images": [b"1", b"2"]}})
    call("exec_prompt_template_comparative", "ExecPromptTemplate EqComparative",
         {"ExecPromptTemplate": {"template": "EqComparative", "leader_answer": "4", "validator_answer": "four",
                                 "principle": "same number"}})
    call("exec_prompt_template_validator", "ExecPromptTemplate EqNonComparativeValidator",
         {"ExecPromptTemplate": {"template": "EqNonComparativeValidator", "task": "summarise",
                                 "criteria": "short", "input": "long text", "output": "text"}})
    call("exec_prompt_template_leader", "ExecPromptTemplate EqNonComparativeLeader",
         {"ExecPromptTemplate": {"template": "EqNonComparativeLeader", "task": "summarise",
                                 "criteria": "short", "input": "long text"}})
    call("user_error", "UserError with a message", {"UserError": "not enough funds"})
    call("user_error_data", "UserError carries any value", {"UserError": {"code": 7, "why": [None, b"\x00"]}})
    call("return", "Return of any calldata value", {"Return": [None, True, -1, "ok"]})
    call("trace_message", "Trace of a message", {"Trace": {"Message": "hello \u2615"}})
    call("trace_runtime", "Trace asking for the run time, as the spec and the executor write it",
         {"Trace": "RuntimeMicroSec"})
    call("yield", "Yield, a request without fields, as the executor reads it: its bare name", "Yield")
    call("get_timestamp", "GetTimestamp as its bare name", "GetTimestamp")

    # Forms the host also takes, written back in the guest SDK's form.
    normalised("trace_runtime_as_map", "the guest SDK sends RuntimeMicroSec as a one-key map with null",
               {"Trace": {"RuntimeMicroSec": None}}, {"Trace": "RuntimeMicroSec"})
    normalised("yield_as_map", "the guest SDK and the spec write Yield as {\"Yield\": null}",
               {"Yield": None}, "Yield")
    normalised("get_timestamp_as_map", "the guest SDK and the spec write {\"GetTimestamp\": null}",
               {"GetTimestamp": None}, "GetTimestamp")
    normalised("post_message_use_balance_false", "use_balance false is left out",
               {"PostMessage": {**post, "use_balance": False}}, {"PostMessage": post})
    normalised("deploy_contract_fee_params_null", "fee_params null is left out",
               {"DeployContract": {**deploy, "fee_params": None}}, {"DeployContract": deploy})
    normalised("run_nondet_nulls", "runner and custom_runners null are left out",
               {"RunNondet": {**nondet, "runner": None, "custom_runners": None}}, {"RunNondet": nondet})
    normalised("sandbox_custom_runners_null", "custom_runners null is left out",
               {"Sandbox": {**sandbox, "custom_runners": None}}, {"Sandbox": sandbox})
    normalised("web_request_defaults", "body and sign may be left out: null and false",
               {"WebRequest": {"method": "GET", "url": "u", "headers": {}}},
               {"WebRequest": {"method": "GET", "url": "u", "headers": {}, "body": None, "sign": False}})
    normalised("exec_prompt_default_format", "response_format may be left out: text",
               {"ExecPrompt": {"prompt": "p", "images": []}},
               {"ExecPrompt": {"response_format": "text", "prompt": "p", "images": []}})

    # Unknown fields and requests, named.
    refused("sandbox_v0_2_shape", "v0.2's Sandbox is refused, naming its field",
            {"Sandbox": {"data": b"", "allow_write_ops": False}}, "unknown field `allow_write_ops`")
    refused("sandbox_unknown_field", "unknown fields are refused",
            {"Sandbox": {**sandbox, "extra": 1}}, "unknown field `extra`")
    refused("sandbox_missing_runner", "Sandbox's runner is required", {"Sandbox": {
        k: v for k, v in sandbox.items() if k != "runner"}}, "missing field `runner`")
    refused("fee_params_unknown_field", "fee_params has a closed key set",
            {"PostMessage": {**post, "use_balance": True, "fee_params": fee_params(appeal_rounds=2)}},
            "unknown field `appeal_rounds`")
    refused("fee_params_missing_field", "every fee parameter is required",
            {"PostMessage": {**post, "use_balance": True, "fee_params": {
                k: v for k, v in FEE_PARAMS.items() if k != "rotations"}}}, "missing field `rotations`")
    refused("exec_prompt_template_unknown_field", "a template's fields are closed",
            {"ExecPromptTemplate": {"template": "EqNonComparativeLeader", "task": "t", "criteria": "c",
                                    "input": "i", "output": "o"}}, "unknown field `output`")
    refused("rollback", "v0.3 ends with UserError; Rollback is v0.2's", {"Rollback": "no"}, "unknown variant")
    refused("emit_external_message", "the unmerged fix/vm-fatal-errors branch's name, not main's",
            {"EmitExternalMessage": {"address": contract, "calldata": b"", "value": 0}}, "unknown variant")
    refused("call_contract_storage_view", "fix/vm-fatal-errors's storage_view is not main's",
            {"CallContract": {"address": contract, "calldata": get, "state": 0, "storage_view": "latest"}},
            "unknown field `storage_view`")
    refused("two_requests", "one message holds exactly one request",
            {"Yield": None, "GetTimestamp": None}, "one-key map")

    # 256-bit integers.
    refused("post_message_value_too_big", "value fits in 256 bits",
            {"PostMessage": {**post, "value": 2**256}}, "out of range")
    refused("eth_send_negative_value", "value is unsigned",
            {"EthSend": {"address": contract, "calldata": b"", "value": -1}}, "out of range")
    refused("deploy_contract_salt_too_big", "salt_nonce fits in 256 bits",
            {"DeployContract": {**deploy, "salt_nonce": 2**256}}, "out of range")

    # fee_params' bounds (02-gl_call.rst, "Balance-funded fees").
    def bad_fees(name, description, error, **changes):
        refused(name, description,
                {"PostMessage": {**post, "use_balance": True, "fee_params": fee_params(**changes)}}, error)

    bad_fees("fee_params_count_too_big", "time units are below 2^32", "out of range",
             leader_timeunits_allocation=2**32)
    bad_fees("fee_params_rotation_too_big", "each rotation is below 2^32", "out of range",
             rotations=[1, 2**32])
    bad_fees("fee_params_negative", "fee parameters are not negative", "out of range",
             validator_timeunits_allocation=-1)
    bad_fees("fee_params_price_too_big", "price caps are below 2^96", "out of range",
             storage_fee_max_gas_price=2**96)
    bad_fees("fee_params_budget_too_big", "the budget is below 2^96, even far beyond 128 bits",
             "out of range", execution_budget_per_round=2**200)
    bad_fees("fee_params_no_rotations", "rotations is not empty", "rotations is empty", rotations=[])
    bad_fees("fee_params_zero_price", "a price cap is not zero", "max_price_gen_per_time_unit is zero",
             max_price_gen_per_time_unit=0)

    # The string enums.
    refused("post_message_decided", "on is \"finalized\" or \"accepted\" (\"decided\" is fix/vm-fatal-errors's)",
            {"PostMessage": {**post, "on": "decided"}}, "unknown variant `decided`")
    refused("call_contract_bad_state", "state is a storage_type: 0, 1 or 2",
            {"CallContract": {"address": contract, "calldata": get, "state": 3}}, "invalid value")
    refused("web_render_bad_mode", "mode is text, html or screenshot",
            {"WebRender": {"mode": "pdf", "url": "u", "wait_after_loaded": "0ms"}}, "unknown variant `pdf`")
    refused("web_render_bad_wait", "wait_after_loaded is \"<n>ms\" or \"<n>s\"",
            {"WebRender": {"mode": "text", "url": "u", "wait_after_loaded": "1m"}}, "invalid value")
    normalised("web_render_wait_leading_zero", "\"05ms\" is 5 ms, written back \"5ms\"",
               {"WebRender": {"mode": "text", "url": "u", "wait_after_loaded": "05ms"}},
               {"WebRender": {"mode": "text", "url": "u", "wait_after_loaded": "5ms"}})
    refused("web_render_wait_with_sign", "no sign in a wait (the host's u64 parse would take it)",
            {"WebRender": {"mode": "text", "url": "u", "wait_after_loaded": "+5ms"}}, "invalid value")
    refused("web_request_lowercase_method", "HTTP methods are upper-case",
            {"WebRequest": {**request, "method": "put"}}, "unknown variant `put`")
    refused("web_request_connect", "CONNECT is no method of the host's",
            {"WebRequest": {**request, "method": "CONNECT"}}, "unknown variant `CONNECT`")
    refused("exec_prompt_bad_format", "response_format is text or json",
            {"ExecPrompt": {**prompt, "response_format": "xml"}}, "unknown variant `xml`")
    refused("exec_prompt_template_unknown", "three templates",
            {"ExecPromptTemplate": {"template": "EqStrict", "task": "t"}}, "unknown variant `EqStrict`")
    refused("trace_unknown", "Trace is Message or RuntimeMicroSec", {"Trace": "Elapsed"},
            "unknown variant `Elapsed`")

    # Topics and images.
    refused("emit_event_too_many_topics", "at most event_max_topics (4) topics",
            {"EmitEvent": {"topics": [TOPIC_A] * 5, "blob": {}}}, "too many topics: 5, at most 4")
    refused("emit_event_long_topic", "a topic is 32 bytes",
            {"EmitEvent": {"topics": [b"\x01" * 33], "blob": {}}}, "a topic is 32 bytes, not 33")
    refused("exec_prompt_too_many_images", "at most 2 images",
            {"ExecPrompt": {**prompt, "images": [b"1", b"2", b"3"]}}, "too many images: 3, at most 2")

    # Wrong kinds.
    refused("sandbox_data_as_string", "data is bytes, not a string",
            {"Sandbox": {**sandbox, "data": "abc"}}, "invalid type")
    refused("sandbox_runner_as_bytes", "a runner id is a string",
            {"Sandbox": {**sandbox, "runner": b"contract"}}, "invalid type")
    refused("post_message_use_balance_null", "use_balance is a bool; only absence means false",
            {"PostMessage": {**post, "use_balance": None}}, "invalid type")
    refused("run_nondet_custom_runners_as_string", "custom_runners is an array of strings",
            {"RunNondet": {**nondet, "custom_runners": CUSTOM}}, "invalid type")
    refused("call_contract_address_as_bytes", "an address is its own atom, not 20 bytes",
            {"CallContract": {"address": bytes(20), "calldata": get, "state": 0}}, "address")
    refused("emit_event_blob_as_array", "an event's blob is a map",
            {"EmitEvent": {"topics": [], "blob": [1]}}, "invalid type")
    refused("yield_with_value", "Yield has no fields", {"Yield": 1}, "invalid type")
    refused("return_bare", "Return needs its value", "Return", "invalid type")


def build():
    vectors = []
    v0_2(Vectors("v0.2", "", vectors))
    v0_3(Vectors("v0.3", "v0_3_", vectors))
    names = [v["name"] for v in vectors]
    assert len(names) == len(set(names)), "vector names are unique"
    return vectors


def main():
    write_or_check(OUT, {"format": "genvm-host-call-vectors", "version": 2, "vectors": build()})


if __name__ == "__main__":
    main()
