"""Every vector of spec/vectors/*.json through every function."""

import array

import pytest

import genvm_calldata as gc
from support import VECTORS, as_reference, hex_vectors, reference, vectors

CALLDATA = vectors("calldata.json")
VALID = [v for v in CALLDATA if "text" in v]
INVALID = [v for v in CALLDATA if "error" in v]
# Every vector of every file that carries calldata bytes.
ALL_HEX = [(path.name, v) for path in sorted(VECTORS.glob("*.json")) if path.name != "framing.json"
           for v in hex_vectors(path.name)]
FRAMES = vectors("framing.json")


def buffers(data):
    """The same bytes as each kind of buffer decode takes."""
    return [data, bytearray(data), memoryview(data), array.array("B", data)]


def names(vectors):
    return [v["name"] for v in vectors]


def test_the_vectors_are_all_here():
    assert len(VALID) > 90 and len(INVALID) > 60
    # results.json, nondet.json and framing.json's vectors_v0_3 run in
    # test_results.py, schema.json in test_schema.py.
    assert {path.name for path in VECTORS.glob("*.json")} == {
        "calldata.json", "framing.json", "host-calls.json", "method-calls.json", "typed.json",
        "results.json", "nondet.json", "schema.json"}


@pytest.mark.parametrize("vector", VALID, ids=names(VALID))
def test_valid_vector(vector):
    data = bytes.fromhex(vector["hex"])
    for buffer in buffers(data):
        value = gc.decode(buffer)
        gc.validate(buffer)
        assert gc.to_text(buffer) == vector["text"]
    # The reference (plain Python) encodes and prints the decoded value as
    # the vector says, so the value is the right one.
    assert reference.encode(as_reference(value)) == data
    assert reference.text(as_reference(value)) == vector["text"]
    assert gc.encode(value) == data
    assert gc.encoded_len(value) == len(data)
    assert gc.from_text(vector["text"]) == data


@pytest.mark.parametrize("vector", INVALID, ids=names(INVALID))
def test_invalid_vector(vector):
    data = bytes.fromhex(vector["hex"])
    for buffer in buffers(data):
        for function in (gc.validate, gc.decode, gc.to_text):
            with pytest.raises(gc.CalldataError) as caught:
                function(buffer)
            assert (caught.value.kind, caught.value.offset) == (vector["error"], vector["offset"])
            assert isinstance(caught.value, ValueError)
            assert str(caught.value).endswith(f"at byte {vector['offset']}")


@pytest.mark.parametrize("file,vector", ALL_HEX, ids=[f"{f}:{v['name']}" for f, v in ALL_HEX])
def test_every_calldata_vector_gets_one_verdict(file, vector):
    """host-calls.json, method-calls.json and typed.json too: validate,
    decode and to_text agree, and what is valid encodes and prints back to
    its bytes. Only calldata.json and method-calls.json's not_calldata
    vectors hold bytes that are not calldata."""
    data = bytes.fromhex(vector["hex"])
    verdicts = []
    for function in (gc.validate, gc.decode, gc.to_text):
        try:
            function(data)
            verdicts.append(None)
        except gc.CalldataError as error:
            verdicts.append((error.kind, error.offset))
    assert verdicts == [verdicts[0]] * 3
    if verdicts[0] is None:
        assert gc.encode(gc.decode(data)) == data
        assert gc.from_text(gc.to_text(data)) == data
        if "text" in vector:
            assert gc.to_text(data) == vector["text"]
    else:
        assert file == "calldata.json" or vector.get("error") == "not_calldata"


VALID_FRAMES = [v for v in FRAMES if "kind" in v]
BAD_FRAMES = [v for v in FRAMES if "error" in v]
CLASSES = {"return": gc.Return, "user_error": gc.UserError, "user_error_data": gc.UserError,
           "vm_error": gc.VMError, "internal_error": gc.InternalError}


def payload(result):
    if isinstance(result, gc.Return):
        return result.calldata
    if isinstance(result, gc.UserError):
        return result.data
    return result.message


@pytest.mark.parametrize("vector", VALID_FRAMES, ids=names(VALID_FRAMES))
def test_valid_frame(vector):
    data = bytes.fromhex(vector["hex"])
    for buffer in buffers(data):
        result = gc.decode_result(buffer)
        assert type(result) is CLASSES[vector["kind"]]
        if "text" in vector:
            assert reference.text(as_reference(payload(result))) == vector["text"]
        else:
            assert payload(result) == vector["message"]
        assert gc.encode_result(result) == data
    kind = vector["kind"]
    if kind == "return":
        assert gc.unpack_result(result) == payload(result)
    else:
        expected = {"vm_error": gc.UserError, "internal_error": gc.InternalError}.get(kind, gc.UserError)
        with pytest.raises(expected) as caught:
            gc.unpack_result(result)
        if kind == "vm_error":
            assert caught.value.data == "vm error: " + vector["message"]
        else:
            assert caught.value is result


@pytest.mark.parametrize("vector", BAD_FRAMES, ids=names(BAD_FRAMES))
def test_invalid_frame(vector):
    data = bytes.fromhex(vector["hex"])
    with pytest.raises(gc.CalldataError) as caught:
        gc.decode_result(data)
    assert caught.value.kind == vector.get("calldata_error", vector["error"])
    assert caught.value.offset == vector.get("offset", 0)
    if vector["error"] == "unknown_code":
        assert str(caught.value) == f"unknown result code {vector['code']}"
