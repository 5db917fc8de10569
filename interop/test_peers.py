"""Side-by-side checks against the client SDKs that speak calldata.

genlayer-py (PyPI) and genlayer-js (npm) encode and decode calldata too
(spec/peers.md). Their encoders must write our bytes, their decoders must read
what we accept as we read it, genlayer-py's `to_str` must print our text form
and its receipt reader must read our ResultCode frames as we do. Their
decoders are lax: what they accept beyond the format is listed in
interop/README.md, and `test_report_is_current` keeps that list true.

Run by interop/run.sh, which installs the pinned SDKs; `--report` prints the
README's report section, `--report --write` rewrites it.
"""

import abc
import base64
import collections.abc
import json
import pathlib
import random
import subprocess
import sys
import unittest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent

import genvm_calldata as ours  # noqa: E402  (python/'s wheel, installed by run.sh)

if not hasattr(collections.abc, "Buffer"):
    # genlayer-py declares Python >= 3.8 but names collections.abc.Buffer
    # (new in 3.12) in two annotations, and nowhere else: a stand-in lets it
    # import on 3.11.
    class Buffer(metaclass=abc.ABCMeta):
        """Stand-in for collections.abc.Buffer."""

    collections.abc.Buffer = Buffer

from genlayer_py.abi import calldata as py_peer  # noqa: E402
from genlayer_py.types import CalldataAddress  # noqa: E402
from genlayer_py.utils.jsonifier import result_to_user_friendly_json  # noqa: E402

README = HERE / "README.md"
REPORT_START = "<!-- report: written by `python3 interop/test_peers.py --report --write` -->\n"
REPORT_END = "<!-- end of report -->\n"
RANDOM_VALUES = 1500
MUTATIONS_PER_VALUE = 3


def vectors_document(name="calldata.json"):
    return json.loads((ROOT / "spec" / "vectors" / name).read_text())


def vectors():
    return vectors_document()["vectors"]


def utf8_order(entries):
    return sorted(entries, key=lambda entry: entry[0].encode())


def tagged(value):
    """The tagged JSON form of a Python value (ours or a peer's), maps in key
    order; it tells bytes from addresses, which compare equal as Python bytes."""
    if value is None or value is True or value is False:
        return value
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, (ours.Address, CalldataAddress)):
        return {"addr": bytes(value.as_bytes).hex()}
    if isinstance(value, (bytes, memoryview)):
        return {"bytes": bytes(value).hex()}
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, list):
        return [tagged(item) for item in value]
    if isinstance(value, dict):
        return {"map": [[key, tagged(item)] for key, item in utf8_order(value.items())]}
    raise TypeError(f"not a calldata value: {type(value).__name__}")


def in_key_order(value):
    """A tagged value with its maps' entries put in key order."""
    if isinstance(value, list):
        return [in_key_order(item) for item in value]
    if isinstance(value, dict) and "map" in value:
        return {"map": [[key, in_key_order(item)] for key, item in utf8_order(value["map"])]}
    return value


def for_py_peer(value):
    """Our Python value as genlayer-py takes it: addresses as its
    CalldataAddress, memoryviews as bytes, map keys in order."""
    if isinstance(value, ours.Address):
        return CalldataAddress(bytes(value))
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, list):
        return [for_py_peer(item) for item in value]
    if isinstance(value, dict):
        return {key: for_py_peer(item) for key, item in utf8_order(value.items())}
    return value


# Our results by genlayer-py's names for the same result codes.
SDK_STATUS = {ours.Return: "return", ours.UserError: "rollback", ours.VMError: "contract_error",
              ours.InternalError: "error"}


def js_peer(requests):
    """Answers from genlayer-js (interop/peer.mjs), one per request."""
    lines = "".join(json.dumps(request) + "\n" for request in requests)
    run = subprocess.run(["node", str(HERE / "peer.mjs")], input=lines, capture_output=True, text=True,
                         cwd=HERE, check=True)
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    if len(answers) != len(requests):
        raise AssertionError(f"genlayer-js answered {len(answers)} of {len(requests)}: {run.stderr}")
    return answers


REFUSED = "refused"  # not a tagged value: those are None, booleans, lists and dicts


def py_decode(data):
    """genlayer-py's reading of `data` as tagged JSON, or REFUSED."""
    try:
        return tagged(py_peer.decode(data))
    except Exception:  # it refuses with GenLayerError, AssertionError, IndexError, ...
        return REFUSED


def our_decode(data):
    """Our reading of `data` as tagged JSON, or REFUSED."""
    try:
        return tagged(ours.decode(data))
    except ours.CalldataError:
        return REFUSED


def js_decoded(answer):
    """genlayer-js's reading from its answer, or REFUSED."""
    return in_key_order(answer["value"]) if "value" in answer else REFUSED


KEYS = ["", "a", "ab", "b", "method", "args", "kwargs", "é", "z\u00e9", "\u0100", "\ue000", "\uffff",
        "\U00010000", "\U0001f600", "a\x00", "\x7f", "key with spaces", "\"quoted\""]
INTEGERS = [0, 1, 7, 8, 63, 64, 127, 128, 2**31, 2**53, 2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**128, 2**256,
            2**4000 + 12345]


def random_value(rng, depth=0):
    """A random calldata value in our Python form (maps unsorted)."""
    kinds = ["atom", "integer", "small integer", "bytes", "string", "string", "address"]
    if depth < 4:
        kinds += ["array", "array", "map"]
    kind = rng.choice(kinds)
    if kind == "atom":
        return rng.choice([None, True, False])
    if kind == "integer":
        magnitude = rng.choice(INTEGERS) + rng.choice([0, 0, 1, rng.randrange(1000)])
        return rng.choice([1, -1]) * magnitude
    if kind == "small integer":
        return rng.randrange(-300, 300)
    if kind == "bytes":
        return rng.randbytes(rng.choice([0, 1, 5, 31, 32, 127, 128, 300]))
    if kind == "string":
        return "".join(rng.choice(KEYS) for _ in range(rng.randrange(4)))
    if kind == "address":
        return ours.Address(rng.randbytes(20))
    if kind == "array":
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(5))]
    keys = rng.sample(KEYS, rng.randrange(6))
    return {key: random_value(rng, depth + 1) for key in keys}


def random_values():
    rng = random.Random(20261127)
    return [random_value(rng) for _ in range(RANDOM_VALUES)]


def mutations(data, rng):
    """Inputs one edit away from `data`: a byte changed, inserted or removed, or
    the end cut off."""
    out = []
    for _ in range(MUTATIONS_PER_VALUE):
        at = rng.randrange(len(data) + 1)
        edit = rng.randrange(4)
        if edit == 0 and at < len(data):
            out.append(data[:at] + bytes([rng.randrange(256)]) + data[at + 1:])
        elif edit == 1:
            out.append(data[:at] + bytes([rng.randrange(256)]) + data[at:])
        elif edit == 2 and at < len(data):
            out.append(data[:at] + data[at + 1:])
        else:
            out.append(data[:at])
    return out


def probe_inputs():
    """Every vector, the encodings of the random values and a few thousand
    near-misses of them."""
    rng = random.Random(7)
    inputs = [bytes.fromhex(vector["hex"]) for vector in vectors()]
    for value in random_values():
        data = ours.encode(value)
        inputs.append(data)
        inputs.extend(mutations(data, rng))
    return inputs


class Encoders(unittest.TestCase):
    def test_valid_vectors_encode_to_their_bytes(self):
        valid = [vector for vector in vectors() if "text" in vector]
        values = [ours.decode(bytes.fromhex(vector["hex"])) for vector in valid]
        js = js_peer([{"op": "encode", "value": tagged(value)} for value in values])
        for vector, value, answer in zip(valid, values, js):
            with self.subTest(vector["name"]):
                self.assertEqual(py_peer.encode(for_py_peer(value)).hex(), vector["hex"])
                self.assertEqual(answer, {"hex": vector["hex"]})

    def test_random_values_encode_alike(self):
        values = random_values()
        js = js_peer([{"op": "encode", "value": tagged(value)} for value in values])
        for value, answer in zip(values, js):
            data = ours.encode(value)
            self.assertEqual(py_peer.encode(for_py_peer(value)), data, tagged(value))
            self.assertEqual(answer, {"hex": data.hex()}, tagged(value))
            self.assertEqual(tagged(ours.decode(data)), tagged(value))


class Decoders(unittest.TestCase):
    def test_peers_read_what_we_accept_as_we_read_it(self):
        inputs = probe_inputs()
        js = js_peer([{"op": "decode", "hex": data.hex()} for data in inputs])
        accepted = 0
        for data, answer in zip(inputs, js):
            expected = our_decode(data)
            if expected is REFUSED:
                continue
            accepted += 1
            self.assertEqual(py_decode(data), expected, data.hex())
            self.assertEqual(js_decoded(answer), expected, data.hex())
        self.assertGreater(accepted, RANDOM_VALUES)

    def test_python_sdk_prints_our_text_form(self):
        """On every valid vector and random value, U+007F included."""
        valid = [vector for vector in vectors() if "text" in vector]
        encodings = [ours.encode(value) for value in random_values()]
        cases = [(v["text"], bytes.fromhex(v["hex"])) for v in valid]
        cases += [(ours.to_text(data), data) for data in encodings]
        for text, data in cases:
            printed = py_peer.to_str(for_py_peer(py_peer.decode(data)))
            self.assertEqual(printed, text, data.hex())


class Frames(unittest.TestCase):
    def test_python_sdk_reads_our_frames(self):
        """genlayer-py's receipt reader (`result_to_user_friendly_json`) names
        each kind of frame as we read it, and reads a RETURN's calldata and
        the messages of USER_ERROR and VM_ERROR as we do. It leaves
        INTERNAL_ERROR's message out and reads a USER_ERROR's calldata as
        text (README)."""
        framed = [vector for vector in vectors_document("framing.json")["vectors"] if "kind" in vector]
        results = [ours.decode_result(bytes.fromhex(vector["hex"])) for vector in framed]
        self.assertEqual({type(result) for result in results}, set(SDK_STATUS))
        for vector, result in zip(framed, results):
            with self.subTest(vector["name"]):
                data = bytes.fromhex(vector["hex"])
                read = result_to_user_friendly_json(base64.b64encode(data).decode())
                self.assertEqual(read["status"], SDK_STATUS[type(result)])
                if isinstance(result, ours.Return):
                    self.assertEqual(read["payload"]["readable"], ours.to_text(data[1:]))
                elif isinstance(result, ours.UserError) and isinstance(result.data, str):
                    self.assertEqual(read["payload"], result.data)
                elif isinstance(result, ours.VMError):
                    self.assertEqual(read["payload"], result.message)
                elif isinstance(result, ours.InternalError):
                    self.assertIsNone(read["payload"])


def report():
    """Markdown: how many invalid vectors of each kind each peer's decoder
    accepts, and how often genlayer-js's `toString` prints our text form."""
    document = vectors_document()
    invalid = [vector for vector in document["vectors"] if "error" in vector]
    valid = [vector for vector in document["vectors"] if "text" in vector]
    js_reads = js_peer([{"op": "decode", "hex": vector["hex"]} for vector in invalid])
    js_texts = js_peer([{"op": "text", "hex": vector["hex"]} for vector in valid])
    kinds = {kind: [0, 0, 0] for kind in document["error_kinds"]}
    for vector, answer in zip(invalid, js_reads):
        row = kinds[vector["error"]]
        row[0] += 1
        row[1] += py_decode(bytes.fromhex(vector["hex"])) is not REFUSED
        row[2] += js_decoded(answer) is not REFUSED
    lines = ["| our error | invalid vectors | genlayer-py accepts | genlayer-js accepts |", "|---|---:|---:|---:|"]
    for kind, (count, py, js) in kinds.items():
        lines.append(f"| `{kind}` | {count} | {py} | {js} |")
    total = [sum(row[i] for row in kinds.values()) for i in range(3)]
    lines.append(f"| all | {total[0]} | {total[1]} | {total[2]} |")
    same_text = sum(answer.get("text") == vector["text"] for vector, answer in zip(valid, js_texts))
    lines += ["", f"genlayer-js's `toString` prints our text form for {same_text} of the {len(valid)} valid vectors."]
    return "\n".join(lines) + "\n"


def readme_with(text):
    readme = README.read_text()
    start = readme.index(REPORT_START) + len(REPORT_START)
    end = readme.index(REPORT_END)
    return readme[:start] + text + readme[end:]


class Report(unittest.TestCase):
    def test_report_is_current(self):
        self.assertEqual(README.read_text(), readme_with(report()),
                         "the peers behave otherwise: run python3 interop/test_peers.py --report --write")


if __name__ == "__main__":
    if "--report" in sys.argv:
        if "--write" in sys.argv:
            README.write_text(readme_with(report()))
        else:
            sys.stdout.write(report())
    else:
        unittest.main()
