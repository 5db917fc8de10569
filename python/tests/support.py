"""Shared by the tests: the spec's vectors and an independent reference
encoder and printer (spec/vectors/gen_calldata.py, plain Python)."""

import json
import pathlib
import sys

import genvm_calldata as gc

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = ROOT / "spec" / "vectors"
sys.path.insert(0, str(VECTORS))

import gen_calldata as reference  # noqa: E402


def document(name):
    return json.loads((VECTORS / name).read_text())


def vectors(name):
    return document(name)["vectors"]


def hex_vectors(name):
    """Every vector of a file that carries calldata bytes ("hex"): the
    "vectors" list, or method-calls.json's "calls" and "migrations"."""
    whole = document(name)
    keys = ("calls", "migrations") if name == "method-calls.json" else ("vectors",)
    return [v for key in keys for v in whole.get(key, []) if "hex" in v]


def as_reference(value):
    """A value of ours with addresses as the reference's Address type and
    tuples as lists."""
    if isinstance(value, gc.Address):
        return reference.Address(bytes(value))
    if isinstance(value, (list, tuple)):
        return [as_reference(item) for item in value]
    if isinstance(value, dict):
        return {key: as_reference(item) for key, item in value.items()}
    return value
