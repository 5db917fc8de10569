"""Values in and out: what encode takes and refuses, what decode gives,
Address, errors with their kind, offset and path."""

import array
import collections
import enum
import pickle
import types

import pytest

import genvm_calldata as gc
from support import as_reference, reference

ADDRESS = gc.Address("0x" + "ab" * 20)


@pytest.mark.parametrize("value", [
    None, True, False, 0, 1, -1, 127, 128, -128, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64 - 1, 2**64,
    2**127 - 1, 2**127, -(2**127), -(2**127) - 1, 2**128 - 1, 2**128, -(2**128) - 1, 2**300, -(2**300),
    b"", b"\x00\xff", "", "caf\u00e9 \u2615 \U0001f600", "\x7f", [], [1, [2, [3]]], {}, {"b": 1, "a": {"z": None}},
    {"\U0001f600": 1, "\uffff": 2, "é": 3, "z": 4}, ADDRESS,
], ids=repr)
def test_round_trip_matches_the_reference(value):
    data = gc.encode(value)
    assert data == reference.encode(as_reference(value))
    assert gc.decode(data) == value
    assert type(gc.decode(data)) is type(value)


@pytest.mark.parametrize("value", [10**5000, -(2**100000), 2**100000 - 1, -(10**5000) + 1],
                         ids=["10^5000", "-(2^100000)", "2^100000-1", "-(10^5000)+1"])
def test_huge_integers_round_trip(value):
    data = gc.encode(value)
    assert data == reference.encode(value)
    assert gc.decode(data) == value
    assert gc.from_text(gc.to_text(data)) == data


def test_decoded_maps_keep_calldata_order_and_encoding_sorts():
    data = gc.encode({"b": 1, "a": 2, "é": 3, "ab": 4})
    assert list(gc.decode(data)) == ["a", "ab", "b", "é"]
    assert data == gc.encode({"a": 2, "ab": 4, "b": 1, "é": 3})


def test_decoded_types():
    value = gc.decode(gc.encode([b"x", "x", 1, ADDRESS, [], {}]))
    assert [type(item) for item in value] == [bytes, str, int, gc.Address, list, dict]


class Color(enum.IntEnum):
    RED = 7


class Name(str):
    pass


class AddressLike:
    """As genlayer-py's CalldataAddress and the guest SDK's Address."""

    def __init__(self, raw):
        self.raw = raw

    @property
    def as_bytes(self):
        return self.raw


@pytest.mark.parametrize("given,same_as", [
    ((1, "a"), [1, "a"]),
    (bytearray(b"ab"), b"ab"),
    (memoryview(b"ab"), b"ab"),
    (memoryview(array.array("H", [1])), bytes(array.array("H", [1]))),
    (types.MappingProxyType({"b": 1, "a": 2}), {"a": 2, "b": 1}),
    (collections.OrderedDict([("b", 1), ("a", 2)]), {"a": 2, "b": 1}),
    (Color.RED, 7),
    (Name("n"), "n"),
    ({Name("k"): 1}, {"k": 1}),
    (AddressLike(b"\xab" * 20), ADDRESS),
    (AddressLike(bytearray(b"\xab" * 20)), ADDRESS),
    ([True, False], [True, False]),
])
def test_encode_takes_python_and_sdk_values(given, same_as):
    assert gc.encode(given) == gc.encode(same_as)


@pytest.mark.parametrize("value,message", [
    (1.5, "float is not a calldata value at value"),
    ({"a": [1, {2.0}]}, "set is not a calldata value at value[\"a\"][1]"),
    ([{1: 2}], "a map key is str, not int at value[0]"),
    ([None, AddressLike(b"short")], "AddressLike.as_bytes is not 20 bytes at value[1]"),
    (object(), "object is not a calldata value at value"),
])
def test_encode_refuses_other_types_with_the_path(value, message):
    with pytest.raises(TypeError) as caught:
        gc.encode(value)
    assert str(caught.value) == message


def test_lone_surrogates_are_refused_with_the_path():
    with pytest.raises(gc.CalldataError) as caught:
        gc.encode([1, {"k": "\ud800"}])
    assert (caught.value.kind, caught.value.offset) == ("invalid_utf8", 5)
    assert str(caught.value).endswith('at value[1]["k"]')
    with pytest.raises(gc.CalldataError) as caught:
        gc.encode({"\udfff": 1})
    assert caught.value.kind == "invalid_utf8"


def nest(depth):
    value = []
    for _ in range(depth - 1):
        value = [value]
    return value


def test_nesting_stops_at_the_codecs_limit():
    assert gc.decode(gc.encode(nest(128))) == nest(128)
    with pytest.raises(gc.CalldataError) as caught:
        gc.encode(nest(129))
    assert (caught.value.kind, caught.value.offset) == ("too_deep", 128)
    with pytest.raises(gc.CalldataError):
        gc.encode(nest(100_000))


def test_cycles_are_refused_not_a_recursion_error():
    cycle = []
    cycle.append(cycle)
    mapping = {}
    mapping["self"] = [mapping]
    for value in (cycle, mapping):
        with pytest.raises(gc.CalldataError) as caught:
            gc.encode(value)
        assert caught.value.kind == "too_deep"


def test_keys_equal_as_utf8_are_duplicates():
    class Distinct(str):
        __hash__ = object.__hash__
        __eq__ = object.__eq__

    with pytest.raises(gc.CalldataError) as caught:
        gc.encode({Distinct("a"): 1, Distinct("a"): 2})
    assert caught.value.kind == "duplicate_key"


def test_errors_in_python_code_on_the_way_propagate():
    class Broken:
        @property
        def as_bytes(self):
            raise KeyError("boom")

    with pytest.raises(KeyError):
        gc.encode([Broken()])


@pytest.mark.parametrize("function", [gc.decode, gc.validate, gc.to_text])
@pytest.mark.parametrize("data", [1, "00", [0], None, 1.0])
def test_data_is_a_buffer_and_nothing_else(function, data):
    with pytest.raises(TypeError):
        function(data)


def test_text_errors():
    with pytest.raises(gc.CalldataError) as caught:
        gc.from_text("[1,,2]")
    assert (caught.value.kind, caught.value.offset) == ("text_syntax", 3)
    assert "line 1, column 4" in str(caught.value)
    with pytest.raises(gc.CalldataError) as caught:
        gc.from_text('["é", ]')
    assert caught.value.offset == len('["é", '.encode())
    with pytest.raises(TypeError):
        gc.from_text(b"[]")


def test_address():
    raw = bytes(range(20))
    address = gc.Address(raw)
    assert address == gc.Address(raw.hex()) == gc.Address("0x" + raw.hex().upper()[2:].rjust(40, "0"))
    assert address.as_bytes == bytes(address) == raw
    assert str(address) == "0x" + raw.hex()
    assert repr(address) == f"Address('0x{raw.hex()}')"
    assert hash(address) == hash(gc.Address(bytearray(raw)))
    assert len({address, gc.Address(raw), ADDRESS}) == 2
    assert address != raw and address != str(address)
    assert pickle.loads(pickle.dumps(address)) == address
    for bad in (b"\x00" * 19, "0x" + "00" * 21, "zz" * 20, ""):
        with pytest.raises(ValueError):
            gc.Address(bad)
    with pytest.raises(TypeError):
        gc.Address(5)


def test_calldata_error_pickles():
    error = gc.CalldataError("unsorted_keys", 9, "map keys out of order at byte 9")
    again = pickle.loads(pickle.dumps(error))
    assert (again.kind, again.offset, str(again)) == ("unsorted_keys", 9, "map keys out of order at byte 9")


def test_encoded_len():
    value = {"records": [{"id": i, "owner": ADDRESS} for i in range(50)]}
    assert gc.encoded_len(value) == len(gc.encode(value))


def test_user_error_data():
    """A str message is sent as a message, other data as data, and a str
    that starts with four NULs as data (a message cannot)."""
    for data in ("oops", "", {"code": 7}, b"\x00", 5, "\0\0\0\0boom"):
        frame = gc.encode_result(gc.UserError(data))
        assert gc.decode_result(frame) == gc.UserError(data)
        assert frame.startswith(b"\x01\x00\x00\x00\x00") == (not isinstance(data, str) or data.startswith("\0"))
    assert gc.decode_result(gc.encode_result(gc.Return({"a": [1]}))) == gc.Return({"a": [1]})
    assert gc.decode_result(gc.encode_result(gc.InternalError("x"))) == gc.InternalError("x")
    with pytest.raises(TypeError):
        gc.encode_result(gc.Return(1.5))
    with pytest.raises(TypeError):
        gc.encode_result("not a result")


def test_decode_leaves_the_collector_as_it_was():
    import gc as collector

    data = gc.encode([{"a": [i]} for i in range(5000)])
    assert len(data) > 16 * 1024  # long enough for decode to pause the collector
    for enabled in (True, False):
        (collector.enable if enabled else collector.disable)()
        try:
            assert gc.decode(data)[4999] == {"a": [4999]}
            assert collector.isenabled() == enabled
        finally:
            collector.enable()


def test_an_error_late_in_the_input_raises_as_validate_and_leaves_nothing_behind():
    """decode makes objects as it reads: an error found after thousands of
    them is the CalldataError validate raises, and what was built is freed."""
    import gc as collector
    import tracemalloc

    records = [{"name": f"record {i}", "blob": bytes([i % 256]) * 20, "n": 2**100 + i, "to": ADDRESS}
               for i in range(2000)]
    data = gc.encode(records)
    bad = data[:-1]  # the last record cut short
    with pytest.raises(gc.CalldataError) as expected:
        gc.validate(bad)
    assert expected.value.offset > len(data) // 2

    def refused(function, buffer):
        try:
            function(buffer)
        except gc.CalldataError as error:  # `except` leaves no reference cycle, unlike pytest.raises
            return error.kind, error.offset
        pytest.fail("no CalldataError")

    kind, offset = expected.value.kind, expected.value.offset
    assert refused(gc.decode_result, b"\x00" + bad) == (kind, offset + 1)
    assert refused(gc.decode_result, b"\x01\x00\x00\x00\x00" + bad) == (kind, offset + 5)
    tracemalloc.start()
    try:
        refused(gc.decode, bad)
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(20):
            assert refused(gc.decode, bad) == (kind, offset)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # One leaked partial value would be several times the input.
    assert grown < len(data) // 10
    assert collector.isenabled()


def test_maps_of_the_same_keys_in_any_order():
    """Records repeat their key objects; each map is still put in key order
    whatever order it came in."""
    import random

    rng = random.Random(5)
    keys = ["a", "b", "é", "z", "ab", "\U0001f600", "", "m"]
    for _ in range(2000):
        shapes = [rng.sample(keys, rng.randrange(6)) for _ in range(3)]
        value = [{key: rng.choice([1, {"x": 2, "a": 3}, [{"b": 1, "a": 2}]]) for key in rng.choice(shapes)}
                 for _ in range(rng.randrange(8))]
        assert gc.encode(value) == reference.encode(as_reference(value)), value
