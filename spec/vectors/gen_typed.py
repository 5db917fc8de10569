#!/usr/bin/env python3
"""Writes spec/vectors/typed.json: how typed values map onto calldata
(spec/typed-mapping.md), the reference host's serde mapping.

Each vector is {"name", "description", "direction", "type", "value", ...}:
`type` in the notation of spec/typed-mapping.md, `value` the typed value in
JSON as that file describes. "write" vectors go from the value to calldata,
"read" ones from calldata to the value, "both" both ways. Accepted ones
carry "hex" and "text" (the calldata); refused ones "error" (a phrase the
refusal contains), and "hex" too when reading; "reference_accepts" marks
the two reads the reference host's codec lets through and this one refuses
on purpose (spec/typed-mapping.md), and "reference_carries": false the
types its serde cannot carry (addresses, integers beyond 128 bits). The calldata is built by the
independent encoder of gen_calldata.py. `--check` exits 1 if the file
differs from what it would write.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gen_calldata import Address, encode, text, write_or_check  # noqa: E402

OUT = pathlib.Path(__file__).with_name("typed.json")

POINT = "struct Point { y: i64, x: i64 }"
SHAPE = "enum Shape { Dot, Circle(u64), Line(u8, u8), Rect { w: u64, h: u64 } }"


def build():
    vectors = []

    def maps(direction, name, description, type_, value, calldata):
        vectors.append({"name": name, "description": description, "direction": direction, "type": type_,
                        "value": value, "hex": encode(calldata).hex(), "text": text(calldata)})

    def own_type(name, description, type_, value, calldata):
        # A type of this mapping that the reference's serde cannot carry.
        maps("both", name, description, type_, value, calldata)
        vectors[-1]["reference_carries"] = False

    def write_refused(name, description, type_, value, error):
        vectors.append({"name": name, "description": description, "direction": "write", "type": type_,
                        "value": value, "error": error})

    def read_refused(name, description, type_, calldata, error, reference_accepts=False):
        vector = {"name": name, "description": description, "direction": "read", "type": type_,
                  "hex": encode(calldata).hex(), "error": error}
        if reference_accepts:
            vector["reference_accepts"] = True
        vectors.append(vector)

    # Scalars.
    maps("both", "bool", "a bool is its atom", "bool", True, True)
    maps("both", "u8_max", "every integer type is an integer", "u8", 255, 255)
    maps("both", "i8_min", "negative integers too", "i8", -128, -128)
    maps("both", "u64_max", "the largest u64", "u64", 2**64 - 1, 2**64 - 1)
    maps("both", "i64_min", "the smallest i64", "i64", -2**63, -2**63)
    maps("both", "string", "a string is a string", "string", "h\u00e9 \u2615", "h\u00e9 \u2615")
    maps("both", "bytes", "a byte buffer (serde's bytes) is bytes", "bytes", [1, 2, 255], bytes([1, 2, 255]))
    maps("both", "seq_of_u8", "a sequence of u8 is an array of integers, not bytes", "seq<u8>", [1, 2],
         [1, 2])
    maps("both", "unit", "unit is null", "unit", None, None)

    # Floats: integers when whole within +-(2^53 - 1).
    maps("both", "f64_whole", "a whole float is an integer", "f64", 3.0, 3)
    maps("both", "f64_negative_whole", "a negative whole float too", "f64", -7.0, -7)
    # (JSON does not tell 2^53 - 1 from 2^53 - 1.0: these floats are written as integers.)
    maps("both", "f64_largest_safe", "2^53 - 1, the largest integer every float holds exactly", "f64",
         2**53 - 1, 2**53 - 1)
    write_refused("f64_fraction", "a fractional float cannot be calldata", "f64", 2.5, "whole number")
    write_refused("f64_too_large", "2^53 is beyond the exact range", "f64", 2**53, "whole number")
    write_refused("f32_fraction", "f32 follows the same rule", "f32", 0.5, "whole number")
    read_refused("f64_from_too_large_int", "reading 2^53 or more into a float is refused, as writing it is",
                 "f64", 2**53, "2^53", reference_accepts=True)
    read_refused("f64_from_string", "a float is read only from an integer", "f64", "1.5", "invalid type")

    # char is never calldata.
    write_refused("char", "a char cannot be written", "char", "a", "char")
    read_refused("char_from_string", "nor read, even from a one-character string", "char", "a", "char",
                 reference_accepts=True)

    # Integers out of range are refused when reading.
    read_refused("u8_too_large", "300 does not fit u8", "u8", 300, "invalid value")
    read_refused("u8_negative", "-1 does not fit u8", "u8", -1, "invalid value")
    read_refused("u64_from_string", "an integer is not read from a string", "u64", "5", "invalid type")

    read_refused("bool_from_integer", "a bool is read only from its atom", "bool", 1, "invalid type")

    # Bytes and strings stay apart.
    read_refused("bytes_from_string", "bytes are read only from bytes", "bytes", "ab", "invalid type")
    read_refused("string_from_bytes", "a string only from a string", "string", b"ab", "invalid type")
    read_refused("seq_of_u8_from_bytes", "a sequence is not read from bytes", "seq<u8>", b"\x01",
                 "invalid type")

    # Options: None is null, Some(x) is x.
    maps("both", "option_none", "None is null", "option<u8>", None, None)
    maps("both", "option_some", "Some(x) is x", "option<u8>", 5, 5)

    # Structs, tuples and their kin.
    maps("both", "struct_keys_sorted", "a struct is a map: keys sorted, whatever the declaration order",
         POINT, {"y": 1, "x": -2}, {"x": -2, "y": 1})
    maps("both", "struct_keys_by_utf8_bytes",
         "keys sort by their UTF-8 bytes: \"z\" (7a) before \"\u00e9\" (c3 a9), though declared after",
         "struct Accents { \u00e9: u8, z: u8 }", {"\u00e9": 1, "z": 2}, {"\u00e9": 1, "z": 2})
    maps("both", "unit_struct", "a unit struct is null", "struct Marker", None, None)
    maps("both", "newtype_struct", "a newtype struct is its content", "struct Meters(u64)", 7, 7)
    maps("both", "tuple", "a tuple is an array", "(u8, string)", [1, "a"], [1, "a"])
    maps("both", "tuple_struct", "a tuple struct is an array", "struct Pair(u8, string)", [2, "b"], [2, "b"])
    maps("read", "struct_unknown_field_ignored", "a field the type does not have is skipped when reading",
         POINT, {"y": 1, "x": 2}, {"x": 2, "y": 1, "z": 3})
    read_refused("newtype_struct_from_array", "a newtype struct is read from its content, not from an array",
                 "struct Meters(u64)", [7], "invalid type")
    read_refused("struct_missing_field", "a missing field is refused", POINT, {"x": 1}, "missing field")
    maps("read", "struct_from_array", "a struct is also read from an array of its fields in declaration order",
         POINT, {"y": 1, "x": 2}, [1, 2])
    read_refused("tuple_too_long", "a tuple takes exactly its elements", "(u8, string)", [1, "a", 2],
                 "more elements")

    # Maps: string keys only.
    maps("both", "map_sorted", "a map's entries are sorted by key", "map<string, u8>", {"b": 1, "a": 2},
         {"a": 2, "b": 1})
    maps("both", "map_unit_variant_keys", "a unit variant is a string, so it may be a key",
         "map<enum Color { Red, Blue }, u8>", {"Red": 1, "Blue": 2}, {"Blue": 2, "Red": 1})
    write_refused("map_integer_keys", "a map key must be a string", "map<u8, u8>", {"1": 2}, "key")
    write_refused("map_optional_keys", "an optional key is not a string, even when it holds one",
                  "map<option<string>, u8>", {"a": 1}, "key")
    read_refused("map_integer_keys_read", "nor is a string key read as a number", "map<u8, u8>", {"1": 2},
                 "invalid type")

    # Addresses and integers of any size: types of their own, which the
    # reference's serde cannot carry (its own types stop at 128 bits and
    # know no address).
    own_type("address", "an address is the address atom", "address", "0x" + "01" * 20,
             Address(bytes([1] * 20)))
    own_type("int_beyond_128_bits", "an integer of any size is an integer", "int", str(2**200), 2**200)
    own_type("negative_int_beyond_128_bits", "negative ones too", "int", str(-2**200), -2**200)
    read_refused("address_from_bytes", "an address is read only from the address atom, not from 20 bytes",
                 "address", bytes(20), "address")
    vectors[-1]["reference_carries"] = False

    # Enums: a unit variant is its name, any other a one-key map.
    maps("both", "enum_unit_variant", "a unit variant is its name", SHAPE, "Dot", "Dot")
    maps("both", "enum_newtype_variant", "a newtype variant is {name: content}", SHAPE, {"Circle": 5},
         {"Circle": 5})
    maps("both", "enum_tuple_variant", "a tuple variant is {name: array}", SHAPE, {"Line": [1, 2]},
         {"Line": [1, 2]})
    maps("both", "enum_struct_variant", "a struct variant is {name: map}, keys sorted", SHAPE,
         {"Rect": {"w": 3, "h": 4}}, {"Rect": {"h": 4, "w": 3}})
    maps("read", "enum_unit_variant_as_map", "a unit variant is also read from {name: null}", SHAPE, "Dot",
         {"Dot": None})
    read_refused("enum_unit_variant_with_content", "a unit variant's map holds null", SHAPE, {"Dot": 5},
                 "invalid type")
    read_refused("enum_newtype_variant_as_name", "a variant with content is not read from its name alone", SHAPE,
                 "Circle", "invalid type")
    read_refused("enum_struct_variant_from_array", "unlike a struct, a struct variant is read only from a map",
                 SHAPE, {"Rect": [3, 4]}, "invalid type")
    read_refused("enum_unknown_variant", "a name the enum does not have", SHAPE, "Square", "unknown variant")
    read_refused("enum_two_keys", "a variant's map holds one key", SHAPE, {"Circle": 1, "Dot": None},
                 "one-key map")
    read_refused("enum_from_integer", "an enum is a string or a one-key map", SHAPE, 1, "one-key map")
    return vectors


def document():
    vectors = build()
    names = [v["name"] for v in vectors]
    assert len(names) == len(set(names)), "vector names repeat"
    return {"format": "genvm-typed-mapping-vectors", "version": 1, "vectors": vectors}


def main():
    write_or_check(OUT, document())


if __name__ == "__main__":
    main()
