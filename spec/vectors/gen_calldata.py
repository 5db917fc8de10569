#!/usr/bin/env python3
"""Writes spec/vectors/calldata.json: conformance vectors for GenVM calldata.

An encoder and text printer of its own (independent of the Rust crate) build
the valid vectors; invalid ones are spelled out byte by byte with the error
kind and offset of spec/calldata.md. Deterministic: `--check` exits 1 if the
file differs from what it would write.
"""
import json
import pathlib
import sys

OUT = pathlib.Path(__file__).with_name("calldata.json")
ERROR_KINDS = ["truncated_uleb", "non_canonical_uleb", "reserved_type", "invalid_atom", "length_too_large",
               "length_past_end", "invalid_utf8", "duplicate_key", "unsorted_keys", "too_deep", "trailing_bytes"]
MAX_DEPTH = 128


class Address(bytes):
    """20 raw bytes, its own atom."""


def uleb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def header(tag, arg):
    return uleb(arg << 3 | tag)


def encode(value):
    if value is None:
        return b"\x00"
    if value is False:
        return b"\x08"
    if value is True:
        return b"\x10"
    if isinstance(value, Address):
        assert len(value) == 20
        return b"\x18" + value
    if isinstance(value, int):
        return header(1, value) if value >= 0 else header(2, -value - 1)
    if isinstance(value, bytes):
        return header(3, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return header(4, len(raw)) + raw
    if isinstance(value, list):
        return header(5, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict):
        items = sorted((k.encode("utf-8"), v) for k, v in value.items())
        return header(6, len(items)) + b"".join(uleb(len(k)) + k + encode(v) for k, v in items)
    raise TypeError(value)


def quote(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        short = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
        if ch in short:
            out.append(short[ch])
        elif 0x20 <= code <= 0x7E:
            out.append(ch)
        elif code > 0xFFFF:
            code -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
        else:
            out.append("\\u%04x" % code)
    out.append('"')
    return "".join(out)


def text(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Address):
        return "addr#" + value.hex()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, bytes):
        return "b#" + value.hex()
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, list):
        return "[" + ",".join(text(v) for v in value) + "]"
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: kv[0].encode("utf-8"))
        return "{" + ",".join(quote(k) + ":" + text(v) for k, v in items) + "}"
    raise TypeError(value)


VECTORS = []


def valid(name, description, value):
    VECTORS.append({"name": name, "description": description, "hex": encode(value).hex(), "text": text(value)})


def invalid(name, description, data, error, offset):
    assert error in ERROR_KINDS, error
    VECTORS.append({"name": name, "description": description, "hex": bytes(data).hex(), "error": error,
                    "offset": offset})


def nested(depth, innermost, wrap):
    value = innermost
    for _ in range(depth - 1):
        value = wrap(value)
    return value


def build():
    # Atoms.
    valid("null", "the null atom is the single byte 00", None)
    valid("false", "false is atom 1: header 08", False)
    valid("true", "true is atom 2: header 10", True)
    valid("address_zero", "the address atom 18 is followed by exactly 20 raw bytes", Address(bytes(20)))
    valid("address_ff", "an address of all 0xff bytes", Address(b"\xff" * 20))
    valid("address_counting", "an address with distinct bytes, printed as lowercase hex",
          Address(bytes(range(0xA0, 0xB4))))

    # Integers at every header boundary.
    for n in [0, 1, 2, 15, 16, 127, 128, 1023, 1024, 2**31 - 1, 2**31, 2**32, 2**53 - 1, 2**60, 2**61 - 1,
              2**61, 2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**125 - 1, 2**125, 2**127, 2**128 - 1, 2**128,
              2**255, 2**256 - 1, 2**256]:
        valid(f"int_{n}" if n < 2**20 else f"int_2pow{n.bit_length() - 1}" + ("_minus_1" if n & (n - 1) else ""),
              f"non-negative integer {n} (type 1, header {len(header(1, n))} bytes)", n)
    for n in [1, 2, 16, 17, 128, 129, 2**31, 2**53, 2**63, 2**63 + 1, 2**64, 2**64 + 1, 2**127, 2**128,
              2**128 + 1, 2**256, 2**256 + 1]:
        exp = n.bit_length() - 1
        label = f"{n}" if n < 2**20 else f"2pow{exp}" + ("" if n == 2**exp else f"_plus_{n - 2**exp}")
        valid(f"int_minus_{label}", f"negative integer -{n} (type 2, argument {n - 1})", -n)
    big = int("9" * 1205)  # just over 4000 bits
    assert big.bit_length() > 4000
    valid("int_4000_bits", "a positive integer of over 4000 bits: unbounded, and so is its header", big)
    valid("int_minus_4000_bits", "a negative integer of over 4000 bits", -big)

    # Bytes.
    valid("bytes_empty", "empty bytes: header 03", b"")
    valid("bytes_one", "one byte", b"\x00")
    valid("bytes_15", "15 bytes: the longest with a one-byte header", bytes(range(15)))
    valid("bytes_16", "16 bytes: the shortest with a two-byte header", bytes(range(16)))
    valid("bytes_300", "300 bytes", bytes(i % 256 for i in range(300)))

    # Strings.
    valid("str_empty", "the empty string: header 04", "")
    valid("str_ascii", "plain ASCII", "hello, world")
    valid("str_15", "15 bytes of UTF-8: one-byte header", "a" * 15)
    valid("str_16", "16 bytes of UTF-8: two-byte header", "a" * 16)
    valid("str_300", "300 bytes of ASCII", "xyz" * 100)
    valid("str_escapes", "quote, backslash and the controls with short escapes", "\"\\\n\r\t\b\f")
    valid("str_controls", "other control characters print as \\u00XX (lowercase hex)", "\x00\x01\x1f")
    valid("str_del", "U+007F is escaped as \\u007f, as json.dumps does", "a\x7fb")
    valid("str_space_and_tilde", "the printable ASCII edges", " ~")
    valid("str_two_byte_utf8", "2-byte UTF-8 prints as \\u00e9", "é")
    valid("str_three_byte_utf8", "3-byte UTF-8 prints as \\u20ac", "€")
    valid("str_bmp_max", "U+FFFF, the last BMP code point", "\uffff")
    valid("str_non_bmp", "4-byte UTF-8 prints as a surrogate pair", "😀")
    valid("str_max_code_point", "U+10FFFF, the last code point", "\U0010ffff")
    valid("str_mixed", "ASCII, 2-, 3- and 4-byte characters mixed", "aé€😀z")
    valid("str_looks_like_json", "text that looks like other values stays a string", "null")

    # Arrays.
    valid("array_empty", "the empty array: header 05", [])
    valid("array_one", "one element: header 0d", [None])
    valid("array_mixed", "every scalar type in one array",
          [None, True, False, -1, 0, b"\x01", "s", Address(bytes(20))])
    valid("array_nested", "arrays in arrays", [[], [[]], [[[1]]]])
    valid("array_16", "16 elements: two-byte header", list(range(16)))

    # Maps and key order.
    valid("map_empty", "the empty map: header 06", {})
    valid("map_one", "one entry: key length, key bytes, value", {"a": 1})
    valid("map_empty_key", "the empty key sorts first", {"": 0, "a": 1})
    valid("map_prefix_keys", "a key sorts before its extensions", {"a": 1, "ab": 2, "abc": 3})
    valid("map_case", "uppercase sorts before lowercase (byte order)", {"B": 1, "a": 2, "b": 3, "A": 4})
    valid("map_digits", "digits sort before letters", {"1": 1, "a": 2, "0": 0})
    valid("map_non_ascii", "non-ASCII keys sort by UTF-8 bytes", {"z": 1, "é": 2, "€": 3, "😀": 4})
    valid("map_utf8_not_utf16", "U+FF61 sorts before U+1F600 in UTF-8 (but not in UTF-16)",
          {"\uff61": 1, "😀": 2})
    valid("map_nested", "maps in maps in arrays", {"a": {"b": {"c": []}}, "d": [{"e": None}]})
    valid("map_escaped_key", "keys print with the string escapes", {"\n": 1, "\"": 2})
    valid("contract_call", "a method call", {"method": "transfer", "args": [Address(b"\x11" * 20), 100],
                                             "kwargs": {}})

    # Depth.
    valid("depth_128_arrays", "128 nested arrays: the limit, accepted", nested(MAX_DEPTH, [], lambda v: [v]))
    valid("depth_128_maps", "128 nested maps: accepted", nested(MAX_DEPTH, {}, lambda v: {"": v}))
    valid("depth_128_mixed", "128 containers alternating arrays and maps: accepted",
          nested(MAX_DEPTH, [], lambda v: {"k": v} if isinstance(v, list) else [v]))
    valid("depth_128_with_siblings", "a 128-deep chain whose innermost array holds scalars",
          nested(MAX_DEPTH, [1, "x", None], lambda v: [v, 2]))

    deep = lambda wrap, empty, depth: encode(nested(depth, empty, wrap))
    invalid("too_deep_129_arrays", "129 nested arrays: the innermost is inside 128 others",
            deep(lambda v: [v], [], 129), "too_deep", 128)
    invalid("too_deep_129_arrays_scalar", "129 nested arrays with a scalar inside",
            deep(lambda v: [v], [0], 129), "too_deep", 128)
    invalid("too_deep_129_maps", "129 nested maps",
            deep(lambda v: {"": v}, {}, 129), "too_deep", 128 * 2)
    invalid("too_deep_129_mixed", "129 alternating containers",
            encode(nested(129, [], lambda v: {"k": v} if isinstance(v, list) else [v])), "too_deep",
            len(encode(nested(129, [], lambda v: {"k": v} if isinstance(v, list) else [v]))) - 1)

    # ULEB128 form.
    invalid("empty_input", "no header at all", b"", "truncated_uleb", 0)
    invalid("uleb_truncated", "a continuation bit with nothing after it", b"\x80", "truncated_uleb", 0)
    invalid("uleb_truncated_long", "two continuation bytes and the end", b"\xff\xff", "truncated_uleb", 0)
    invalid("uleb_padded_80_00", "zero padding: 0 written in two bytes", b"\x80\x00", "non_canonical_uleb", 0)
    invalid("uleb_padded_81_00", "1 written in two bytes", b"\x81\x00", "non_canonical_uleb", 0)
    invalid("uleb_padded_three", "a three-byte number ending in 00", b"\xff\x80\x00", "non_canonical_uleb", 0)
    invalid("uleb_padded_int", "an integer header padded to three bytes", b"\x81\x80\x00",
            "non_canonical_uleb", 0)
    invalid("uleb_padded_in_array", "a padded header inside an array", b"\x0d\x89\x00", "non_canonical_uleb", 1)
    invalid("uleb_padded_count", "a padded element count", b"\x8d\x00\x00", "non_canonical_uleb", 0)
    invalid("uleb_padded_key_length", "a padded key length", b"\x0e\x81\x00a\x00", "non_canonical_uleb", 1)
    invalid("map_too_short_for_an_entry", "one entry needs two bytes at least; one is left", b"\x0e\x80",
            "length_past_end", 0)
    invalid("uleb_truncated_key_length", "the input ends inside the second key's length",
            b"\x16\x01a\x00\x80", "truncated_uleb", 4)

    # Type 7 and atoms.
    invalid("reserved_type_07", "type 7 is reserved", b"\x07", "reserved_type", 0)
    invalid("reserved_type_0f", "type 7 with argument 1", b"\x0f", "reserved_type", 0)
    invalid("reserved_type_two_bytes", "type 7 in a two-byte header", b"\x87\x01", "reserved_type", 0)
    invalid("reserved_type_in_map", "type 7 as a map value", b"\x0e\x01a\x07", "reserved_type", 3)
    invalid("atom_4", "atom argument 4 (header 20)", b"\x20", "invalid_atom", 0)
    invalid("atom_31", "atom argument 31 (header f8 00 is padded, so f8 01 = 248 >> 3 = 31)", b"\xf8\x01",
            "invalid_atom", 0)
    invalid("atom_16", "atom argument 16 in a two-byte header (80 01)", b"\x80\x01", "invalid_atom", 0)
    invalid("atom_20", "atom argument 20 (a0 01)", b"\xa0\x01", "invalid_atom", 0)
    invalid("atom_huge", "an atom with a 70-bit argument", b"\x80" * 10 + b"\x01", "invalid_atom", 0)
    invalid("address_19_bytes", "an address with one byte missing", b"\x18" + bytes(19), "length_past_end", 0)
    invalid("address_no_bytes", "an address header alone", b"\x18", "length_past_end", 0)

    # Lengths.
    invalid("bytes_past_end", "bytes claiming 3, holding 2", b"\x1b\x01\x02", "length_past_end", 0)
    invalid("str_past_end", "a string claiming 5, holding 1", b"\x2ca", "length_past_end", 0)
    invalid("bytes_2pow32", "a byte length of 2^32", header(3, 2**32), "length_too_large", 0)
    invalid("str_2pow32", "a string length of 2^32", header(4, 2**32) + b"a", "length_too_large", 0)
    invalid("array_2pow32", "an element count of 2^32", header(5, 2**32) + b"\x00", "length_too_large", 0)
    invalid("map_2pow32", "an entry count of 2^32", header(6, 2**32) + b"\x00\x00", "length_too_large", 0)
    invalid("bytes_2pow31", "a byte length of 2^31 in a few bytes", header(3, 2**31) + b"\x00" * 8,
            "length_past_end", 0)
    invalid("array_2pow31", "2^31 elements claimed by a few bytes", header(5, 2**31) + b"\x00" * 8,
            "length_past_end", 0)
    invalid("array_count_past_end", "3 elements claimed, 2 bytes left", b"\x1d\x00\x00", "length_past_end", 0)
    invalid("array_short_elements", "2 elements claimed and 1 present", b"\x15\x00", "length_past_end", 0)
    invalid("array_missing_element", "2 elements claimed, the second truncated", b"\x15\x00\x80",
            "truncated_uleb", 2)
    invalid("map_count_past_end", "2 entries need at least 4 bytes", b"\x16\x00\x00\x00", "length_past_end", 0)
    invalid("map_key_past_end", "a key claiming 5 bytes", b"\x0e\x05ab", "length_past_end", 1)
    invalid("map_value_missing", "a key with no value after it", b"\x0e\x01a", "truncated_uleb", 3)
    invalid("key_2pow32", "a key length of 2^32", b"\x0e" + uleb(2**32) + b"\x00", "length_too_large", 1)

    # UTF-8.
    invalid("utf8_ff", "0xff is never UTF-8", b"\x0c\xff", "invalid_utf8", 1)
    invalid("utf8_overlong_nul", "overlong NUL c0 80", b"\x14\xc0\x80", "invalid_utf8", 1)
    invalid("utf8_overlong_3", "overlong three-byte form e0 80 80", b"\x1c\xe0\x80\x80", "invalid_utf8", 1)
    invalid("utf8_surrogate", "an encoded surrogate ed a0 80", b"\x1c\xed\xa0\x80", "invalid_utf8", 1)
    invalid("utf8_too_high", "f4 90 80 80 is above U+10FFFF", b"\x24\xf4\x90\x80\x80", "invalid_utf8", 1)
    invalid("utf8_truncated", "a three-byte sequence cut short", b"\x14\xe2\x82", "invalid_utf8", 1)
    invalid("utf8_lone_continuation", "a continuation byte alone", b"\x0c\x80", "invalid_utf8", 1)
    invalid("utf8_in_middle", "valid text, then a bad byte: the offset is the bad byte's",
            b"\x2cab\xffcd", "invalid_utf8", 3)
    invalid("utf8_in_key", "a key that is not UTF-8", b"\x0e\x01\xff\x00", "invalid_utf8", 2)
    invalid("utf8_in_nested_string", "bad UTF-8 inside an array", b"\x0d\x0c\xc3", "invalid_utf8", 2)

    # Key order.
    invalid("keys_unsorted", "b then a", b"\x16\x01b\x00\x01a\x00", "unsorted_keys", 4)
    invalid("keys_duplicate", "a twice", b"\x16\x01a\x00\x01a\x00", "duplicate_key", 4)
    invalid("keys_prefix_after", "ab then a", b"\x16\x02ab\x00\x01a\x00", "unsorted_keys", 5)
    invalid("keys_empty_after", "a then the empty key", b"\x16\x01a\x00\x00\x00", "unsorted_keys", 4)
    invalid("keys_non_ascii_order", "é (c3 a9) then z", b"\x16\x02\xc3\xa9\x00\x01z\x00", "unsorted_keys", 5)
    invalid("keys_utf16_order", "U+1F600 then U+FF61: UTF-16 order, not UTF-8",
            b"\x16" + uleb(4) + "😀".encode() + b"\x00" + uleb(3) + "\uff61".encode() + b"\x00",
            "unsorted_keys", 7)
    invalid("keys_third_unsorted", "a, c, b", b"\x1e\x01a\x00\x01c\x00\x01b\x00", "unsorted_keys", 7)
    invalid("keys_unsorted_nested", "an unsorted map inside a sorted one",
            b"\x0e\x01a\x16\x01y\x00\x01x\x00", "unsorted_keys", 7)
    invalid("keys_duplicate_empty", "the empty key twice", b"\x16\x00\x00\x00\x00", "duplicate_key", 3)

    # Trailing bytes.
    invalid("trailing_after_null", "two values at the top", b"\x00\x00", "trailing_bytes", 1)
    invalid("trailing_after_array", "a byte after a complete array", b"\x0d\x09\x00", "trailing_bytes", 2)
    invalid("trailing_after_int", "a byte after a multi-byte integer", b"\x81\x01\xff", "trailing_bytes", 2)
    invalid("trailing_after_map", "a byte after a complete map", b"\x0e\x01a\x00\x10", "trailing_bytes", 4)


def document():
    VECTORS.clear()
    build()
    names = [v["name"] for v in VECTORS]
    assert len(names) == len(set(names)), "vector names repeat"
    return {"format": "genvm-calldata-vectors", "version": 1, "max_depth": MAX_DEPTH,
            "error_kinds": ERROR_KINDS, "vectors": VECTORS}


def write_or_check(out, document):
    """Writes `document` as JSON to `out`; with `--check`, exits 1 instead
    if `out` does not hold exactly that already."""
    rendered = json.dumps(document, indent=1, ensure_ascii=True) + "\n"
    if "--check" in sys.argv[1:]:
        if not out.exists() or out.read_text() != rendered:
            script = pathlib.Path(sys.argv[0]).name
            sys.exit(f"spec/vectors/{out.name} is out of date: run python3 spec/vectors/{script}")
        return
    out.write_text(rendered)


def main():
    write_or_check(OUT, document())


if __name__ == "__main__":
    main()
