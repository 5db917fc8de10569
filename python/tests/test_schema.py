"""Contract schemas: every vector of spec/vectors/schema.json through
Schema (read or refused, calls, deployments and return values checked,
calls built from loose values), the Python values building takes, and
random input."""

import json
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import genvm_calldata as gc
from support import document

VECTORS = document("schema.json")
CONTRACTS = {name: gc.Schema.from_json(text) for name, text in VECTORS["contracts"].items()}
TOKEN = CONTRACTS["token"]
ALICE = "0x0102030405060708090a0b0c0d0e0f1011121314"


def names(vectors):
    return [v["name"] for v in vectors]


def expect(vector, run):
    """Runs ``run``; the vector's error (kind, path, call_error) or none."""
    if "error" not in vector:
        return run()
    with pytest.raises(gc.SchemaError) as caught:
        run()
    error = caught.value
    assert (error.kind, error.path) == (vector["error"], vector["path"]), str(error)
    assert isinstance(error, ValueError)
    assert str(error) == (f"{error.path}: {error.message}" if error.path else error.message)
    if "call_error" in vector:
        assert isinstance(error.call_error, gc.MethodCallError)
        assert error.call_error.kind == vector["call_error"]
        assert error.__cause__ is error.call_error
    again = pickle.loads(pickle.dumps(error))
    assert (again.kind, again.path, again.message, str(again)) == (error.kind, error.path, error.message, str(error))
    return None


def test_the_error_kinds_are_the_vectors():
    assert len(VECTORS["errors"]) == 24
    assert len(VECTORS["schemas"]) > 40 and len(VECTORS["calls"]) > 40 and len(VECTORS["builds"]) > 40


@pytest.mark.parametrize("vector", VECTORS["schemas"], ids=names(VECTORS["schemas"]))
def test_schema_vector(vector):
    schema = expect(vector, lambda: gc.Schema.from_json(vector["schema"]))
    if schema is not None:
        shown = [str(schema.constructor)] + [str(method) for method in schema.methods.values()]
        assert shown == vector["signatures"]
        assert list(schema.methods) == sorted(schema.methods, key=lambda name: name.encode())
        assert schema.constructor.name is None and schema.constructor.ret is None
        # From #get-schema's calldata too.
        again = gc.Schema.from_calldata(gc.encode(vector["schema"]))
        assert [str(m) for m in again.methods.values()] == vector["signatures"][1:]


@pytest.mark.parametrize("vector", VECTORS["calls"], ids=names(VECTORS["calls"]))
def test_call_vector(vector):
    schema = CONTRACTS[vector["contract"]]
    data = bytes.fromhex(vector["hex"])
    keywords = {"abi": vector["generation"], "strict": vector.get("strict", False)}
    if vector.get("deployment"):
        expect(vector, lambda: schema.check_deployment(data, **keywords))
    else:
        expect(vector, lambda: schema.check_call(bytearray(data), **keywords))


@pytest.mark.parametrize("vector", VECTORS["returns"], ids=names(VECTORS["returns"]))
def test_return_vector(vector):
    schema = CONTRACTS[vector["contract"]]
    expect(vector, lambda: schema.check_return(vector["method"], memoryview(bytes.fromhex(vector["hex"]))))


@pytest.mark.parametrize("vector", VECTORS["builds"], ids=names(VECTORS["builds"]))
def test_build_vector(vector):
    schema = CONTRACTS[vector["contract"]]
    abi, strict = vector["generation"], vector.get("strict", False)
    method, args, kwargs = vector["method"], vector["args"], vector["kwargs"]
    data = expect(vector, lambda: schema.build(method, args, kwargs, abi=abi, strict=strict))
    if data is not None:
        assert data.hex() == vector["hex"]
        if method is None:
            schema.check_deployment(data, abi=abi, strict=strict)
        else:
            schema.check_call(data, abi=abi, strict=strict)
    if not strict and all(name.isidentifier() for name in kwargs):
        # The same through build_call's Python arguments.
        if method is None:
            run = lambda: schema.build_deployment(*args, abi=abi, **kwargs)  # noqa: E731
        else:
            run = lambda: schema.build_call(method, *args, abi=abi, **kwargs)  # noqa: E731
        assert expect(vector, run) == data


def test_methods():
    transfer = TOKEN.methods["transfer"]
    assert transfer.name == "transfer"
    assert transfer.params == (("to", "address"), ("amount", "int"))
    assert transfer.kwparams == (("memo", "string | null"),)
    assert (transfer.readonly, transfer.payable, transfer.ret) == (False, False, "bool")
    assert str(transfer) == transfer.signature == "write transfer(to: address, amount: int, *, memo: string | null) -> bool"
    deposit = TOKEN.methods["deposit"]
    assert deposit.payable and deposit.min_gas_leader is not None
    assert TOKEN.method("#get-schema").ret == "string"
    assert "#get-schema" not in TOKEN.methods and TOKEN.method("nope") is None
    assert TOKEN.constructor.params == (("name", "string"), ("supply", "int"))
    with pytest.raises(TypeError):
        TOKEN.methods["x"] = transfer  # type: ignore[index]
    assert repr(TOKEN).startswith("<Schema of ")


def test_python_values_build_directly():
    schema = gc.Schema.from_json(json.dumps({
        "ctor": {"params": [], "kwparams": {}},
        "methods": {
            "put": {"params": [["data", "bytes"], ["owner", "address"], ["amount", "int"]],
                    "kwparams": {"extra": "any"}, "readonly": False, "payable": False, "ret": "null"},
            "many": {"params": [["items", [{"$rep": "bytes"}]]], "kwparams": {}, "readonly": False,
                     "payable": False, "ret": "null"},
        }}))
    owner = gc.Address(ALICE)
    expected = gc.encode_call("put", [b"\x00\xff", owner, 10**30], {"extra": b"x"})
    assert schema.build_call("put", b"\x00\xff", owner, 10**30, extra=b"x") == expected
    # The same from loose values: hex, a 0x address string, a decimal string.
    assert schema.build_call("put", "0x00ff", ALICE, str(10**30), extra=b"x") == expected
    assert schema.build("put", (bytearray(b"\x00\xff"), owner, 10**30), {"extra": b"x"}) == expected
    assert schema.build_call("many", [b"a", b"b"], abi="v0.3") == gc.encode_call("many", [[b"a", b"b"]], abi="v0.3")
    # Under any, a str stays a str and bytes stay bytes.
    assert gc.decode_call(schema.build_call("put", b"", owner, 1, extra="0x00")).kwargs == {"extra": "0x00"}
    # A value given as calldata must fit as it stands.
    with pytest.raises(gc.SchemaError) as caught:
        schema.build_call("many", [b"a", "0x62"])
    assert (caught.value.kind, caught.value.path) == ("type_mismatch", "args[0][1]")
    with pytest.raises(gc.SchemaError) as caught:
        schema.build_call("put", b"", owner, 1.0)
    assert (caught.value.kind, caught.value.path) == ("bad_value", "args[2]")
    with pytest.raises(TypeError, match=r"float is not a calldata value at args\[0\]\[1\]"):
        schema.build_call("many", [b"a", 1.5])
    with pytest.raises(TypeError, match="args is a sequence"):
        schema.build("put", "abc")
    with pytest.raises(TypeError, match="kwargs is a Mapping"):
        schema.build("put", [], [])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="name is a str"):
        schema.build("put", [], {1: 2})
    with pytest.raises(ValueError, match="abi must be"):
        schema.build_call("put", abi="v9")  # type: ignore[arg-type]


def test_refusals_carry_the_codecs_call_error():
    with pytest.raises(gc.SchemaError) as caught:
        TOKEN.check_call(b"\x80")
    assert caught.value.kind == "not_calldata"
    assert isinstance(caught.value.call_error.calldata_error, gc.CalldataError)
    with pytest.raises(gc.SchemaError) as caught:
        gc.Schema.from_json("{")
    assert (caught.value.kind, caught.value.path, caught.value.call_error) == ("invalid_json", "", None)
    with pytest.raises(gc.SchemaError) as caught:
        gc.Schema.from_calldata(gc.encode(5))
    assert caught.value.kind == "invalid_json"
    with pytest.raises(TypeError):
        gc.Schema.from_json(b"{}")  # type: ignore[arg-type]


# No input crashes anything.


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80) | st.sampled_from(list(VECTORS["contracts"].values())).flatmap(
    lambda text: st.integers(0, len(text)).map(lambda cut: text[:cut])))
def test_random_schema_text_reads_or_raises(text):
    try:
        schema = gc.Schema.from_json(text)
    except gc.SchemaError as error:
        assert error.kind in VECTORS["errors"]
    else:
        for method in schema.methods.values():
            assert str(method)


@settings(max_examples=1000, deadline=None)
@given(st.binary(max_size=48), st.sampled_from(["v0.2", "v0.3"]), st.booleans(),
       st.sampled_from(sorted(TOKEN.methods) + ["#get-schema", "nope"]))
def test_random_bytes_check_or_raise(data, abi, strict, method):
    for check in (lambda: TOKEN.check_call(data, abi=abi, strict=strict),
                  lambda: TOKEN.check_deployment(data, abi=abi, strict=strict),
                  lambda: TOKEN.check_return(method, data, strict=strict)):
        try:
            check()
        except gc.SchemaError as error:
            assert error.kind in VECTORS["errors"]


loose = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=8)
    | st.binary(max_size=4) | st.sampled_from([ALICE, "0x00ff", "AP8=", "5", gc.Address(ALICE)]),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.sampled_from(["to", "amount", "value", "children", "a"]), inner, max_size=3),
    max_leaves=12)


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(sorted(CONTRACTS)), st.data(), st.lists(loose, max_size=4),
       st.dictionaries(st.sampled_from(["memo", "to", "amount", "decimals", "x"]), loose, max_size=2),
       st.sampled_from(["v0.2", "v0.3"]), st.booleans())
def test_random_values_build_or_raise(contract, draw, args, kwargs, abi, strict):
    schema = CONTRACTS[contract]
    method = draw.draw(st.sampled_from(sorted(schema.methods) + [None]))
    try:
        data = schema.build(method, args, kwargs, abi=abi, strict=strict)
    except gc.SchemaError as error:
        assert error.kind in VECTORS["errors"]
    except TypeError as error:
        assert "float is not a calldata value" in str(error)
    else:
        if method is None:
            schema.check_deployment(data, abi=abi, strict=strict)
        else:
            schema.check_call(data, abi=abi, strict=strict)


def nested(levels):
    value = []
    for _ in range(levels - 1):
        value = [value]
    return value


def test_depth_is_bounded_and_refused_as_too_deep():
    import threading

    schema = gc.Schema.from_json(json.dumps({"ctor": {"params": [], "kwparams": {}}, "methods": {
        "m": {"params": [["x", "any"]], "kwparams": {}, "readonly": False, "payable": False, "ret": "null"}}}))
    # The call's map and args hold the argument: 126 more levels fit.
    assert gc.decode_call(schema.build_call("m", nested(126))).args == [nested(126)]
    outcomes = []

    def run():
        for value in (nested(127), nested(5000)):
            try:
                schema.build_call("m", value)
            except (gc.SchemaError, gc.CalldataError) as error:
                outcomes.append(error.kind)
        looped = []
        looped.append(looped)
        try:
            schema.build_call("m", looped)
        except gc.CalldataError as error:
            outcomes.append(error.kind)

    threading.stack_size(256 * 1024)
    try:
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(0)
    assert outcomes == ["too_deep"] * 3
