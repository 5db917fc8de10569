"""Method calls of both ABI generations, migration and call keys: every
vector of spec/vectors/method-calls.json, then the Python side (argument
types, paths in errors, depth, pickling, properties)."""

import array
import collections
import dataclasses
import inspect
import pickle
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import genvm_calldata as gc
from genvm_calldata import _native
from support import as_reference, document, reference
from test_properties import normal, texts, values

METHOD_CALLS = document("method-calls.json")
CALLS = METHOD_CALLS["calls"]
MIGRATIONS = METHOD_CALLS["migrations"]
CALL_KEYS = METHOD_CALLS["call_keys"]
# The key each generation carries the method name under (spec/abi-generations.md),
# written out here so the tests do not take it from the code they test.
METHOD_KEY = {"v0.2": "method", "v0.3": ""}


def names(vectors):
    return [v["name"] for v in vectors]


def buffers(data):
    return [data, bytearray(data), memoryview(data), array.array("B", data)]


def test_the_vectors_are_all_here():
    assert len(CALLS) >= 20 and len(MIGRATIONS) >= 10 and len(CALL_KEYS) >= 10
    assert set(METHOD_CALLS["errors"]) == {v["error"] for v in CALLS + MIGRATIONS if "error" in v}


def expected_bytes(method, args, kwargs, abi):
    """The call's calldata by the spec's rule, through the reference encoder:
    the method under its generation's key, empty args and kwargs left out."""
    value = {}
    if method is not None:
        value[METHOD_KEY[abi]] = method
    if args:
        value["args"] = as_reference(args)
    if kwargs:
        value["kwargs"] = as_reference(kwargs)
    return reference.encode(value)


@pytest.mark.parametrize("vector", CALLS, ids=names(CALLS))
def test_call_vector(vector):
    data = bytes.fromhex(vector["hex"])
    abi = vector["generation"]
    deployment = vector.get("deployment", False)
    if "error" in vector:
        for buffer in buffers(data):
            with pytest.raises(gc.MethodCallError) as caught:
                gc.decode_call(buffer, abi=abi, deployment=deployment)
            error = caught.value
            assert isinstance(error, ValueError)
            assert (error.kind, error.key) == (vector["error"], vector.get("key"))
            if error.kind == "not_calldata":
                assert isinstance(error.calldata_error, gc.CalldataError)
                assert error.__cause__ is error.calldata_error
                assert str(error) == "not calldata: " + str(error.calldata_error)
            else:
                assert error.calldata_error is None
        return
    for buffer in buffers(data):
        call = gc.decode_call(buffer, abi=abi, deployment=deployment)
        assert call.method == vector["method"]
        assert type(call.args) is list and type(call.kwargs) is dict
        assert reference.text(as_reference(call.args)) == vector["args"]
        assert reference.text(as_reference(call.kwargs)) == vector["kwargs"]
    written = gc.encode_call(call.method, call.args, call.kwargs, abi=abi)
    assert written == expected_bytes(call.method, call.args, call.kwargs, abi)
    assert written == call.encode(abi=abi)
    assert gc.decode_call(written, abi=abi, deployment=deployment) == call
    value = gc.decode(data)
    if value.get("args") != [] and value.get("kwargs") != {}:
        assert written == data


def test_a_call_decodes_as_decode_gives_its_values():
    data = bytes.fromhex(CALLS[0]["hex"])
    assert CALLS[0]["name"] == "v0_2_full"
    value = gc.decode(data)
    call = gc.decode_call(data)
    assert (call.method, call.args, call.kwargs) == (value["method"], value["args"], value["kwargs"])
    assert type(call.args[0]) is gc.Address


@pytest.mark.parametrize("vector", MIGRATIONS, ids=names(MIGRATIONS))
def test_migration_vector(vector):
    data = bytes.fromhex(vector["hex"])
    for buffer in buffers(data):
        if "error" in vector:
            with pytest.raises(gc.MethodCallError) as caught:
                gc.migrate_call(buffer, to=vector["to"])
            assert caught.value.kind == vector["error"]
        else:
            assert gc.migrate_call(buffer, to=vector["to"]).hex() == vector["output"]


@pytest.mark.parametrize("vector", CALL_KEYS, ids=names(CALL_KEYS))
def test_call_key_vector(vector):
    key = gc.call_key(vector["method"])
    assert type(key) is bytes and key.hex() == vector["key"]
    assert gc.MethodCall(vector["method"]).call_key == key


def test_abi_defaults_to_the_codecs_default():
    assert _native.DEFAULT_ABI == "v0.2"
    assert _native.ABI_GENERATIONS == ("v0.2", "v0.3")
    for function in (gc.encode_call, gc.decode_call, gc.MethodCall.encode):
        assert inspect.signature(function).parameters["abi"].default == _native.DEFAULT_ABI
    assert gc.encode_call("get") == gc.encode({"method": "get"})
    assert gc.decode_call(gc.encode({"method": "get"})) == gc.MethodCall("get")


@pytest.mark.parametrize("call", [
    lambda: gc.encode_call("m", abi="v0.4"),
    lambda: gc.decode_call(b"\x06", abi="0.2"),
    lambda: gc.migrate_call(b"\x06", to="v03"),
])
def test_an_unknown_generation_is_a_value_error_naming_the_allowed_ones(call):
    with pytest.raises(ValueError) as caught:
        call()
    assert type(caught.value) is ValueError
    assert '"v0.2" or "v0.3"' in str(caught.value)


def test_abi_and_to_are_keyword_only():
    with pytest.raises(TypeError):
        gc.decode_call(b"\x06", "v0.3")  # type: ignore[misc]
    with pytest.raises(TypeError):
        gc.migrate_call(b"\x06", "v0.3")  # type: ignore[misc]
    with pytest.raises(TypeError):
        gc.migrate_call(b"\x06")  # type: ignore[call-arg]


def test_encode_call_in_both_generations():
    address = gc.Address(bytes(range(20)))
    old = gc.encode_call("transfer", [address, 10], {"memo": "rent"})
    new = gc.encode_call("transfer", (address, 10), {"memo": "rent"}, abi="v0.3")
    assert old.hex() == CALLS[0]["hex"]
    assert gc.to_text(new) == '{"":"transfer","args":[addr#000102030405060708090a0b0c0d0e0f10111213,10],' \
        '"kwargs":{"memo":"rent"}}'
    assert gc.migrate_call(old, to="v0.3") == new
    assert gc.migrate_call(new, to="v0.2") == old
    assert gc.decode_call(new, abi="v0.3") == gc.MethodCall("transfer", [address, 10], {"memo": "rent"})


def test_deployments_have_no_method():
    data = gc.encode_call(None, [1], abi="v0.3")
    assert gc.to_text(data) == '{"args":[1]}'
    assert gc.decode_call(data, abi="v0.3", deployment=True) == gc.MethodCall(None, [1])
    assert gc.encode_call(None) == b"\x06"
    with pytest.raises(gc.MethodCallError) as caught:
        gc.decode_call(gc.encode_call("init", abi="v0.3"), abi="v0.3", deployment=True)
    assert (caught.value.kind, caught.value.key) == ("named_deployment", None)


def test_encode_call_takes_sequences_and_mappings():
    expected = gc.encode_call("m", [1, 2], {"a": 1})
    assert gc.encode_call("m", (1, 2), {"a": 1}) == expected
    assert gc.encode_call("m", collections.UserList([1, 2]), collections.OrderedDict(a=1)) == expected
    assert gc.encode_call("m", range(1, 3), types.MappingProxyType({"a": 1})) == expected
    assert gc.encode_call("m", [], {}) == gc.encode_call("m") == gc.encode_call("m", kwargs=None)


@pytest.mark.parametrize("method,args,kwargs,message", [
    (1, [], None, "method is a str or None, not int"),
    (b"m", [], None, "method is a str or None, not bytes"),
    ("m", "ab", None, "args is a sequence of values (list, tuple), not str"),
    ("m", b"ab", None, "args is a sequence of values (list, tuple), not bytes"),
    ("m", {"a": 1}, None, "args is a sequence of values (list, tuple), not dict"),
    ("m", iter([1]), None, "args is a sequence of values (list, tuple), not list_iterator"),
    ("m", [], [("a", 1)], "kwargs is a Mapping, not list"),
    ("m", [1, 1.5], None, "float is not a calldata value at args[1]"),
    ("m", [], {"a": [object()]}, "object is not a calldata value at kwargs[\"a\"][0]"),
    ("m", [], {1: 2}, "a map key is str, not int at kwargs"),
])
def test_encode_call_refuses_bad_arguments_with_their_name(method, args, kwargs, message):
    with pytest.raises(TypeError) as caught:
        gc.encode_call(method, args, kwargs)
    assert str(caught.value) == message


def test_lone_surrogates_are_refused_with_their_name():
    for call, path in [
        (lambda: gc.encode_call("\ud800"), "method"),
        (lambda: gc.encode_call("m", ["\udfff"]), "args[0]"),
        (lambda: gc.encode_call("m", [], {"k": "\ud800"}), 'kwargs["k"]'),
    ]:
        with pytest.raises(gc.CalldataError) as caught:
            call()
        assert caught.value.kind == "invalid_utf8"
        assert str(caught.value).endswith(f"at {path}"), str(caught.value)
    with pytest.raises(UnicodeEncodeError):
        gc.call_key("\ud800")


def nested(depth):
    value = []
    for _ in range(depth - 1):
        value = [value]
    return value


@pytest.mark.parametrize("abi", ["v0.2", "v0.3"])
def test_nesting_counts_from_the_calls_map(abi):
    """args and kwargs sit inside the call's map: what encode_call writes,
    decode_call reads, and one level more is refused as too deep."""
    limits = {}
    for part in ("args", "kwargs"):
        accepted = 0
        for depth in range(120, 132):
            argument = {"args": [nested(depth)], "kwargs": {"x": nested(depth)}}[part]
            try:
                data = gc.encode_call("m", **{part: argument}, abi=abi)
            except gc.CalldataError as error:
                assert error.kind == "too_deep"
                assert f"at {part}" in str(error), str(error)
                break
            gc.validate(data)
            gc.decode_call(data, abi=abi)
            accepted = depth
        limits[part] = accepted
    # The call's map, args (or kwargs), then the lists: 128 containers in all.
    assert limits == {"args": 126, "kwargs": 126}


def test_containers_that_hold_themselves_are_refused():
    loop = []
    loop.append(loop)
    with pytest.raises(gc.CalldataError) as caught:
        gc.encode_call("m", [loop])
    assert caught.value.kind == "too_deep"


def test_method_call_is_a_frozen_value():
    call = gc.MethodCall("get")
    assert (call.method, call.args, call.kwargs) == ("get", [], {})
    assert call == gc.MethodCall("get", [], {}) and call != gc.MethodCall("put")
    with pytest.raises(dataclasses.FrozenInstanceError):
        call.method = "put"  # type: ignore[misc]
    assert repr(call) == "MethodCall(method='get', args=[], kwargs={})"
    assert gc.MethodCall(None).call_key == bytes(32)


def test_method_call_error_pickles_and_has_its_fields():
    with pytest.raises(gc.MethodCallError) as caught:
        gc.decode_call(gc.encode({"method": "m", "value": 1}))
    error = caught.value
    assert (error.kind, error.key, str(error)) == ("unknown_key", "value", 'unknown key "value" in a method call')
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.kind, again.key, str(again)) == (gc.MethodCallError, "unknown_key", "value", str(error))
    with pytest.raises(gc.MethodCallError) as caught:
        gc.migrate_call(b"\x0e\x01", to="v0.3")
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.kind == "not_calldata"
    assert (again.calldata_error.kind, again.calldata_error.offset) == (
        caught.value.calldata_error.kind, caught.value.calldata_error.offset)
    assert again.__cause__ is again.calldata_error


def test_data_is_a_buffer_and_nothing_else():
    for function in (lambda data: gc.decode_call(data), lambda data: gc.migrate_call(data, to="v0.3")):
        for data in ("06", 6, [6], None):
            with pytest.raises(TypeError):
                function(data)


calls = st.tuples(
    st.none() | texts,
    st.lists(values, max_size=4),
    st.dictionaries(texts, values, max_size=4),
)


@settings(max_examples=300, deadline=None)
@given(calls)
def test_calls_round_trip_and_migrate_both_ways(call):
    method, args, kwargs = call
    old = gc.encode_call(method, args, kwargs, abi="v0.2")
    new = gc.encode_call(method, args, kwargs, abi="v0.3")
    assert old == expected_bytes(method, args, kwargs, "v0.2")
    assert new == expected_bytes(method, args, kwargs, "v0.3")
    expected = gc.MethodCall(method, normal(args), normal(kwargs))
    assert gc.decode_call(old) == expected
    assert gc.decode_call(new, abi="v0.3") == expected
    assert gc.migrate_call(old, to="v0.3") == new
    assert gc.migrate_call(new, to="v0.2") == old
    assert gc.migrate_call(old, to="v0.2") == old
