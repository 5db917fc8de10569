"""The type stubs and py.typed ship in the wheel, so mypy checks code that
uses the package against them."""

import pathlib
import subprocess
import sys

import genvm_calldata as gc

USES = '''
import array
import genvm_calldata as gc

data: bytes = gc.encode({"a": [1, gc.Address(b"\\x00" * 20)]})
gc.validate(bytearray(data))
text: str = gc.to_text(memoryview(data))
size: int = gc.encoded_len([1])
raw: bytes = gc.Address("00" * 20).as_bytes
result: gc.Result = gc.decode_result(array.array("B", b"\\x00\\x00"))
value = gc.unpack_result(result)
error: gc.CalldataError = gc.CalldataError("empty", 0)
kind: str = error.kind
call_data: bytes = gc.encode_call("transfer", [1], {"memo": "rent"}, abi="v0.3")
call: gc.MethodCall = gc.decode_call(bytearray(call_data), abi="v0.3", deployment=False)
method: "str | None" = call.method
first = call.args[0]
memo = call.kwargs["memo"]
key: bytes = gc.call_key(call.method)
old: bytes = gc.migrate_call(call_data, to="v0.2")
generation: gc.AbiGeneration = "v0.3"
again: bytes = call.encode(abi=generation)
call_error = gc.MethodCallError("unknown_key", "value")
named: "str | None" = call_error.key
cause: "gc.CalldataError | None" = call_error.calldata_error
'''
MISTAKES = '''
import genvm_calldata as gc

text: str = gc.encode(1)
gc.from_text(b"[]")
gc.validate(5)
offset: str = gc.CalldataError("empty", 0).offset
gc.encode_call("m", abi="v0.4")
gc.migrate_call(b"\\x06")
name: str = gc.decode_call(b"\\x06").method
gc.call_key(b"m")
'''


def mypy(tmp_path, source):
    path = tmp_path / "uses.py"
    path.write_text(source)
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
                         capture_output=True, text=True, cwd=tmp_path)
    return run.returncode, run.stdout


def test_the_package_ships_its_stubs():
    package = pathlib.Path(gc.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_native.pyi").is_file()


def test_mypy_accepts_correct_uses(tmp_path):
    assert mypy(tmp_path, USES) == (0, "Success: no issues found in 1 source file\n")


def test_mypy_finds_the_mistakes(tmp_path):
    status, output = mypy(tmp_path, MISTAKES)
    assert status == 1
    lines = sorted(int(line.split(":")[1]) for line in output.splitlines() if ": error:" in line)
    assert lines == [4, 5, 6, 7, 8, 9, 10, 11], output
