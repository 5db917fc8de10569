"""The v0.3 results: frames by generation and context (framing.json's
vectors_v0_3), and every vector of results.json and nondet.json through the
package's functions; their refusals and bad inputs."""

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import genvm_calldata as gc
from support import as_reference, document, reference

FRAMING = document("framing.json")
V0_3 = FRAMING["vectors_v0_3"]
CONTEXTS = FRAMING["contexts"]
RESULTS = document("results.json")
NONDET = document("nondet.json")
CLASSES = {"return": gc.Return, "user_error": gc.UserError, "user_error_data": gc.UserError,
           "vm_error": gc.VMError, "internal_error": gc.InternalError, "fatal_vm_error": gc.FatalVMError}


def names(vectors):
    return [v["name"] for v in vectors]


def payload(result):
    if isinstance(result, gc.Return):
        return result.calldata
    if isinstance(result, gc.UserError):
        return result.data
    return result.message


def value(text):
    """The Python value of calldata in its text form."""
    return gc.decode(gc.from_text(text))


def test_the_contexts_are_the_codecs():
    assert CONTEXTS == ["subvm", "nondet", "top_level"]
    assert len(V0_3) > 40


@pytest.mark.parametrize("vector", V0_3, ids=names(V0_3))
def test_v0_3_frame_vector(vector):
    data = bytes.fromhex(vector["hex"])
    context = vector["context"]
    if "kind" in vector:
        for buffer in (data, bytearray(data), memoryview(data)):
            result = gc.decode_result(buffer, abi="v0.3", context=context)
            assert type(result) is CLASSES[vector["kind"]]
            if "text" in vector:
                assert reference.text(as_reference(payload(result))) == vector["text"]
            else:
                assert payload(result) == vector["message"]
            assert gc.encode_result(result, abi="v0.3", context=context) == data
    else:
        with pytest.raises(gc.CalldataError) as caught:
            gc.decode_result(data, abi="v0.3", context=context)
        assert caught.value.kind == vector.get("calldata_error", vector["error"])
        assert caught.value.offset == vector.get("offset", 0)


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("vector", FRAMING["vectors"], ids=names(FRAMING["vectors"]))
def test_v0_2_reads_every_context_alike(vector, context):
    data = bytes.fromhex(vector["hex"])

    def outcome(**keywords):
        try:
            return gc.decode_result(data, **keywords)
        except gc.CalldataError as error:
            return (error.kind, error.offset)

    assert outcome(abi="v0.2", context=context) == outcome()
    if "kind" in vector:
        assert gc.encode_result(outcome(), abi="v0.2", context=context) == data


def test_frames_without_a_form_are_refused():
    cases = [
        (gc.FatalVMError("out_of memory"), "v0.2", "subvm"),
        (gc.FatalVMError("out_of memory"), "v0.3", "nondet"),
        (gc.FatalVMError("out_of memory"), "v0.3", "top_level"),
        (gc.InternalError("host failed"), "v0.3", "subvm"),
    ]
    for result, abi, context in cases:
        with pytest.raises(gc.CalldataError) as caught:
            gc.encode_result(result, abi=abi, context=context)
        assert (caught.value.kind, caught.value.offset) == ("not_allowed", 0)
    # v0.3 user errors are data, a str too; v0.2 sends a str as a message.
    assert gc.encode_result(gc.UserError("no"), abi="v0.3") == b"\x01" + gc.encode("no")
    assert gc.encode_result(gc.UserError("no")) == b"\x01no"
    assert gc.encode_result(gc.FatalVMError("timeout"), abi="v0.3") == b"\x04timeout"
    with pytest.raises(gc.UserError) as caught:
        gc.unpack_result(gc.FatalVMError("timeout"))
    assert caught.value.data == "vm error: timeout"


def test_bad_generation_or_context_names_the_allowed_ones():
    with pytest.raises(ValueError, match='context must be "subvm", "nondet" or "top_level", not "sub"'):
        gc.decode_result(b"\x00\x00", context="sub")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="abi must be"):
        gc.decode_result(b"\x00\x00", abi="v0.4")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="context must be"):
        gc.encode_result(gc.Return(1), context="")  # type: ignore[arg-type]


# results.json


@pytest.mark.parametrize("vector", RESULTS["gvm32"], ids=[v["text"] or "empty" for v in RESULTS["gvm32"]])
def test_gvm32_vector(vector):
    if "error" in vector:
        with pytest.raises(gc.Gvm32Error) as caught:
            gc.gvm32_decode(vector["text"])
        assert caught.value.kind == vector["error"]
        assert isinstance(caught.value, ValueError)
        assert (caught.value.index is None) == (vector["error"] == "non_zero_padding")
    else:
        data = bytes.fromhex(vector["hex"])
        assert gc.gvm32_encode(data) == vector["text"]
        assert gc.gvm32_encode(bytearray(data)) == vector["text"]
        assert gc.gvm32_decode(vector["text"]) == data
        assert gc.gvm32_decode(vector["text"].upper()) == data


def test_gvm32_aliases_and_errors():
    assert gc.gvm32_decode("oO") == b"\x00"
    assert gc.gvm32_decode("0-0") == gc.gvm32_decode("00")
    with pytest.raises(gc.Gvm32Error) as caught:
        gc.gvm32_decode("0u")
    assert (caught.value.kind, caught.value.index) == ("invalid_character", 1)
    assert pickle.loads(pickle.dumps(caught.value)).index == 1
    with pytest.raises(TypeError):
        gc.gvm32_encode("text")  # type: ignore[arg-type]


CODES = RESULTS["vm_error_codes"]


@pytest.mark.parametrize("vector", CODES, ids=[v["text"] or "empty" for v in CODES])
def test_vm_error_code_vector(vector):
    text = vector["text"]
    if "error" in vector:
        with pytest.raises(gc.VmErrorCodeError) as caught:
            gc.VmErrorCode.parse(text)
        assert caught.value.kind == vector["error"]
        assert isinstance(caught.value, ValueError)
        assert (caught.value.path is None) == (vector["error"] == "unknown_code")
        return
    code = gc.VmErrorCode.parse(text)
    assert code.public_code == vector["public_code"]
    assert code.detail == vector["detail"]
    assert code.path == vector["path"]
    assert code.params == (() if vector["param"] is None else (vector["param"],))
    assert str(code) == text
    assert code.matches(code.path) and code.matches(code.public_code)
    assert gc.vm_error_matches(text, code.path)
    assert code == gc.VmErrorCode(text) and hash(code) == hash(gc.VmErrorCode(text))
    assert pickle.loads(pickle.dumps(code)) == code


def test_vm_error_codes():
    code = gc.VmErrorCode.parse("exit_code -3 # from main")
    assert (code.public_code, code.detail, code.path, code.params) == ("exit_code -3", "from main", "exit_code", (-3,))
    assert code.matches("exit_code") and not code.matches("exit")
    assert repr(code) == "VmErrorCode('exit_code -3 # from main')"
    with pytest.raises(gc.VmErrorCodeError) as caught:
        gc.VmErrorCode.parse("exit_code 03")
    assert (caught.value.kind, caught.value.path, caught.value.expected) == ("bad_param", "exit_code", "i32")
    assert pickle.loads(pickle.dumps(caught.value)).expected == "i32"
    assert gc.vm_error_matches("out_of memory wasm_table # x", "out_of memory")
    assert not gc.vm_error_matches("x # out_of memory", "out_of memory")


PROPOSED = RESULTS["proposed"]


@pytest.mark.parametrize("vector", PROPOSED, ids=names(PROPOSED))
def test_proposed_result_vector(vector):
    data = bytes.fromhex(vector["hex"])
    assert gc.check_proposed_result(data) == vector["derived"]
    assert gc.check_proposed_result(memoryview(data)) == vector["derived"]
    if vector["derived"] is not None:
        gc.VmErrorCode.parse(vector["derived"])


@pytest.mark.parametrize("vector", RESULTS["small_hashes"], ids=range(len(RESULTS["small_hashes"])))
def test_small_hash_vector(vector):
    got = gc.subvm_small_hash(vector["kind"], value(vector["result"]), bytes.fromhex(vector["subvm_hashes"]),
                              value(vector["wasm_store_hashes"]))
    assert got.hex() == vector["hash"]


@pytest.mark.parametrize("vector", RESULTS["accumulators"], ids=range(len(RESULTS["accumulators"])))
def test_accumulator_vector(vector):
    accumulator = gc.SubVmHashes()
    for small in vector["small_hashes"]:
        accumulator.fold(bytes.fromhex(small))
    assert accumulator.count == len(vector["small_hashes"])
    assert accumulator.finalize().hex() == vector["finalized"]
    # finalize leaves the state as it was.
    assert accumulator.finalize().hex() == vector["finalized"]
    assert accumulator.copy().finalize().hex() == vector["finalized"]


FIELDS = ["backtrace", "data", "data_fees_consumed", "data_fees_remaining", "emissions", "storage_changes",
          "wasm_store_hashes"]


@pytest.mark.parametrize("vector", RESULTS["execution_hashes"], ids=range(len(RESULTS["execution_hashes"])))
def test_execution_hash_vector(vector):
    fields = {name: value(vector[name]) for name in FIELDS}
    got = gc.execution_hash(kind=vector["kind"], subvm_hashes=bytes.fromhex(vector["subvm_hashes"]), **fields)
    assert got.hex() == vector["hash"]


def test_hash_inputs_are_checked():
    with pytest.raises(ValueError, match='kind must be "Return", "UserError" or "VMError", not "Fatal"'):
        gc.subvm_small_hash("Fatal", 1, bytes(32), {})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="subvm_hashes is 32 bytes, not 31"):
        gc.subvm_small_hash("Return", 1, bytes(31), {})
    with pytest.raises(TypeError, match="at result"):
        gc.subvm_small_hash("Return", 1.5, bytes(32), {})
    with pytest.raises(ValueError, match="32 bytes"):
        gc.SubVmHashes().fold(b"\x00")
    with pytest.raises(TypeError):
        gc.execution_hash(kind="Return")  # type: ignore[call-arg]


# nondet.json

VALIDATOR = NONDET["validator"]
HOST = NONDET["host"]


@pytest.mark.parametrize("vector", VALIDATOR, ids=names(VALIDATOR))
def test_validator_vector(vector):
    leader, answer = bytes.fromhex(vector["leader"]), bytes.fromhex(vector["answer"])
    abi = vector["generation"]
    if "error" in vector:
        with pytest.raises(gc.VerdictError) as caught:
            gc.validator_verdict(leader, answer, abi=abi)
        assert caught.value.kind == vector["error"]
        assert isinstance(caught.value, ValueError)
        assert (caught.value.frame_error is not None) == (vector["error"] == "frame")
    else:
        assert gc.validator_verdict(leader, answer, abi=abi) is vector["verdict"]
        # Python's own comparisons give the same verdicts as the codec's
        # defaults on these vectors (v0.3 VM errors by their public code).
        if abi == "v0.2":
            same_vm = lambda a, b: a == b  # noqa: E731
        else:
            same_vm = lambda a, b: gc.VmErrorCode(a).public_code == gc.VmErrorCode(b).public_code  # noqa: E731
        assert gc.validator_verdict(leader, answer, abi=abi, compare_user_errors=lambda a, b: a == b,
                                    compare_vm_errors=same_vm) is vector["verdict"]


@pytest.mark.parametrize("vector", HOST, ids=names(HOST))
def test_host_vector(vector):
    got = gc.host_verdict(bytes.fromhex(vector["validator"]), abi=vector["generation"])
    assert got == (vector["verdict"] == "agree", vector["vm_error"])


def test_custom_comparisons_get_the_values_and_decide():
    seen = []

    def anything(a, b):
        seen.append((a, b))
        return 1

    leader = gc.encode_result(gc.UserError({"code": 7}), abi="v0.3")
    answer = gc.encode_result(gc.UserError([1, b"\x00"]), abi="v0.3")
    assert gc.validator_verdict(leader, answer, abi="v0.3") is False
    assert gc.validator_verdict(leader, answer, abi="v0.3", compare_user_errors=anything) is True
    assert seen == [({"code": 7}, [1, b"\x00"])]
    assert gc.validator_verdict(b"\x02timeout", b"\x02timeout", abi="v0.3",
                                compare_vm_errors=lambda a, b: seen.append((a, b))) is False
    assert seen[-1] == ("timeout", "timeout")
    # v0.2 message user errors come as str.
    assert gc.validator_verdict(b"\x01no", b"\x01no", compare_user_errors=lambda a, b: seen.append((a, b)) or True)
    assert seen[-1] == ("no", "no")
    # The other comparison stays the codec's default.
    assert gc.validator_verdict(b"\x02timeout", b"\x02timeout", abi="v0.3", compare_user_errors=anything) is True


def test_a_comparison_that_raises_propagates():
    class Boom(Exception):
        pass

    def boom(a, b):
        raise Boom

    with pytest.raises(Boom):
        gc.validator_verdict(b"\x02timeout", b"\x02timeout", compare_vm_errors=boom)

    class Falsy:
        def __bool__(self):
            raise Boom

    with pytest.raises(Boom):
        gc.validator_verdict(b"\x02timeout", b"\x02timeout", compare_vm_errors=lambda a, b: Falsy())
    with pytest.raises(TypeError, match="compare_user_errors is a callable or None, not int"):
        gc.validator_verdict(b"\x00\x10", b"\x00\x10", compare_user_errors=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gc.validator_verdict("00", b"\x00\x10")  # type: ignore[arg-type]


# No input crashes anything.

frames = st.binary(max_size=24) | st.sampled_from([b"\x04", b"\x03", b"\x02", b"\x01\x00\x00\x00\x00"]).flatmap(
    lambda head: st.binary(max_size=12).map(lambda tail: head + tail))


@settings(max_examples=1000, deadline=None)
@given(frames, frames, st.sampled_from(["v0.2", "v0.3"]), st.sampled_from(CONTEXTS))
def test_random_frames_never_crash(data, other, abi, context):
    try:
        result = gc.decode_result(data, abi=abi, context=context)
    except gc.CalldataError:
        pass
    else:
        assert gc.encode_result(result, abi=abi, context=context) == data
    derived = gc.check_proposed_result(data)
    assert derived is None or gc.VmErrorCode.parse(derived).matches("leader_fault nondet_output")
    try:
        assert gc.validator_verdict(data, other, abi=abi) in (True, False)
    except gc.VerdictError as error:
        assert error.kind in ("frame", "no_result", "not_bool", "fatal")
    agree, code = gc.host_verdict(data, abi=abi)
    assert agree == (data == b"\x00\x10") and (code is None) == (agree or abi == "v0.3")
    assert gc.gvm32_decode(gc.gvm32_encode(data)) == data


texts = st.text(max_size=40) | st.sampled_from(["exit_code ", "out_of memory", "leader_fault ", " # "]).flatmap(
    lambda head: st.text(max_size=12).map(lambda tail: head + tail))


@settings(max_examples=1000, deadline=None)
@given(texts, texts)
def test_random_text_never_crashes(text, prefix):
    try:
        code = gc.VmErrorCode.parse(text)
    except gc.VmErrorCodeError as error:
        assert error.kind in ("unknown_code", "bad_param")
    except UnicodeEncodeError:  # a lone surrogate: no str of UTF-8
        return
    else:
        assert str(code) == text and code.matches(code.path)
        assert code.matches(prefix) == gc.vm_error_matches(text, prefix)
    try:
        gc.gvm32_decode(text)
    except gc.Gvm32Error as error:
        assert error.kind in ("invalid_character", "non_zero_padding")
    try:
        gc.vm_error_matches(text, prefix)
    except UnicodeEncodeError:
        pass
