"""The Python package over the C library: every spec vector, compared with
values computed in Python by spec/vectors/gen_calldata.py's own encoder and
printer (which do not use the library)."""

import json
import pathlib
import re
import subprocess
import sys
import unittest

import genvm_calldata as gc

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "spec" / "vectors"))
import gen_calldata as reference  # noqa: E402


def vectors(name):
    return json.loads((ROOT / "spec" / "vectors" / name).read_text())["vectors"]


def as_reference(value):
    """Our value with addresses as the generator's Address type."""
    if isinstance(value, gc.Address):
        return reference.Address(bytes(value))
    if isinstance(value, list):
        return [as_reference(item) for item in value]
    if isinstance(value, dict):
        return {key: as_reference(item) for key, item in value.items()}
    return value


class CalldataVectors(unittest.TestCase):
    def test_valid_vectors_decode_to_values_python_encodes_back(self):
        valid = [v for v in vectors("calldata.json") if "text" in v]
        self.assertGreater(len(valid), 90)
        for vector in valid:
            with self.subTest(vector["name"]):
                data = bytes.fromhex(vector["hex"])
                value = gc.decode(data)
                self.assertEqual(reference.encode(as_reference(value)), data)
                self.assertEqual(reference.text(as_reference(value)), vector["text"])
                self.assertEqual(gc.encode(value), data)
                self.assertEqual(gc.to_text(data), vector["text"])
                self.assertEqual(gc.from_text(vector["text"]), data)
                gc.validate(data)

    def test_invalid_vectors_raise_with_kind_and_offset(self):
        invalid = [v for v in vectors("calldata.json") if "error" in v]
        self.assertGreater(len(invalid), 60)
        for vector in invalid:
            with self.subTest(vector["name"]):
                data = bytes.fromhex(vector["hex"])
                for function in (gc.validate, gc.decode, gc.to_text):
                    with self.assertRaises(gc.CalldataError) as caught:
                        function(data)
                    self.assertEqual(caught.exception.kind, vector["error"])
                    self.assertEqual(caught.exception.offset, vector["offset"])


class FrameVectors(unittest.TestCase):
    def test_frames(self):
        for vector in vectors("framing.json"):
            with self.subTest(vector["name"]):
                data = bytes.fromhex(vector["hex"])
                if "kind" not in vector:
                    with self.assertRaises(gc.CalldataError):
                        gc.frame_decode(data)
                    continue
                frame = gc.frame_decode(data)
                self.assertEqual(frame.kind, vector["kind"])
                if "text" in vector:
                    self.assertEqual(reference.text(as_reference(frame.payload)), vector["text"])
                else:
                    self.assertEqual(frame.payload, vector["message"])
                self.assertEqual(gc.frame_encode(frame.kind, frame.payload), data)

    def test_a_message_that_reads_as_data_is_refused(self):
        with self.assertRaises(gc.CalldataError) as caught:
            gc.frame_encode("user_error", "\0\0\0\0boom")
        self.assertEqual(caught.exception.kind, "message_looks_like_data")


class Values(unittest.TestCase):
    def test_round_trips_computed_in_python(self):
        values = [
            None, True, False, 0, -1, 2**64, -(2**64) - 1, 2**300, b"", b"\x00\xff", "", "caf\u00e9 \u2615",
            [], [1, [2, [3]]], {}, {"b": 1, "a": {"z": None}}, gc.Address("0x" + "ab" * 20),
        ]
        for value in values:
            with self.subTest(value=value):
                data = gc.encode(value)
                self.assertEqual(data, reference.encode(as_reference(value)))
                self.assertEqual(gc.decode(data), value)

    def test_bad_values_are_refused(self):
        with self.assertRaises(TypeError):
            gc.encode({1: 2})
        with self.assertRaises(TypeError):
            gc.encode(1.5)
        with self.assertRaises(UnicodeEncodeError):
            gc.encode("\ud800")
        with self.assertRaises(ValueError):
            gc.Address(b"short")

    def test_text_errors_name_the_position(self):
        with self.assertRaises(gc.CalldataError) as caught:
            gc.from_text("[1,,2]")
        self.assertEqual((caught.exception.kind, caught.exception.offset), ("text_syntax", 3))
        self.assertIn("line 1, column 4", str(caught.exception))


class Header(unittest.TestCase):
    """The hand-written header matches the library it describes."""

    header = (ROOT / "capi" / "include" / "genvm_calldata.h").read_text()

    def test_declared_functions_are_the_exported_ones(self):
        declared = set(re.findall(r"\b(gvc_\w+)\(", self.header))
        nm = subprocess.run(["nm", "-D", "--defined-only", gc._lib._name], capture_output=True, text=True,
                            check=True).stdout
        exported = {line.split()[-1] for line in nm.splitlines() if line.split()[-1].startswith("gvc_")}
        self.assertEqual(declared, exported)

    def test_error_codes_have_the_librarys_names(self):
        codes = re.findall(r"\bGVC_(OK|ERR_\w+) = (\d+)", self.header)
        self.assertEqual(len(codes), 20)
        for name, number in codes:
            expected = "ok" if name == "OK" else name[len("ERR_"):].lower()
            self.assertEqual(gc.error_name(int(number)), expected)


if __name__ == "__main__":
    unittest.main()
