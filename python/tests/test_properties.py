"""Property tests (hypothesis): random values round-trip and encode as the
reference does; random bytes never crash and get one verdict."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

import genvm_calldata as gc
from support import as_reference, reference

addresses = st.binary(min_size=20, max_size=20).map(gc.Address)
# Text without lone surrogates (those are refused, test_values.py).
texts = st.text(st.characters(blacklist_categories=["Cs"]))
scalars = st.none() | st.booleans() | st.integers() | st.integers(min_value=-(2**300), max_value=2**300) \
    | st.binary() | texts | addresses
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=6) | st.tuples(inner, inner)
    | st.dictionaries(texts | st.sampled_from(["a", "b", "method", "é"]), inner, max_size=6),
    max_leaves=40,
)


def normal(value):
    """What a value decodes back to: tuples as lists."""
    if isinstance(value, (list, tuple)):
        return [normal(item) for item in value]
    if isinstance(value, dict):
        return {key: normal(item) for key, item in value.items()}
    return value


@settings(max_examples=400, deadline=None)
@given(values)
def test_values_round_trip_as_the_reference_encodes_them(value):
    data = gc.encode(value)
    assert data == reference.encode(as_reference(value))
    assert gc.decode(data) == normal(value)
    assert gc.encoded_len(value) == len(data)
    assert gc.from_text(gc.to_text(data)) == data
    assert gc.to_text(data) == reference.text(as_reference(value))


def verdict(function, data):
    try:
        function(data)
        return None
    except gc.CalldataError as error:
        return error.kind, error.offset


def check_bytes(data):
    verdicts = {verdict(function, data) for function in (gc.validate, gc.decode, gc.to_text)}
    assert len(verdicts) == 1
    if verdicts == {None}:
        assert gc.encode(gc.decode(data)) == data
        assert gc.from_text(gc.to_text(data)) == data


@settings(max_examples=2000, deadline=None)
@given(st.binary(max_size=64))
def test_random_bytes_never_crash_and_get_one_verdict(data):
    check_bytes(data)


@settings(max_examples=500, deadline=None)
@given(values, st.data())
def test_edited_encodings_get_one_verdict(value, draw):
    data = bytearray(gc.encode(value))
    for _ in range(draw.draw(st.integers(1, 3))):
        at = draw.draw(st.integers(0, len(data)))
        edit = draw.draw(st.sampled_from(["set", "insert", "delete", "cut"]))
        byte = draw.draw(st.integers(0, 255))
        if edit == "set" and at < len(data):
            data[at] = byte
        elif edit == "insert":
            data.insert(at, byte)
        elif edit == "delete" and at < len(data):
            del data[at]
        else:
            del data[at:]
    check_bytes(bytes(data))


@settings(max_examples=300, deadline=None)
@given(st.text(string.printable, max_size=40))
def test_random_text_parses_or_raises_calldata_error(text):
    try:
        data = gc.from_text(text)
    except gc.CalldataError as error:
        assert error.kind == "text_syntax"
        assert 0 <= error.offset <= len(text.encode())
    else:
        gc.validate(data)
