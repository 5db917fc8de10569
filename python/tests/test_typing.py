"""The type stubs and py.typed ship in the wheel, so mypy checks code that
uses the package against them."""

import pathlib
import subprocess
import sys

import genvm_calldata as gc

USES = '''
import array
import typing
import genvm_calldata as gc

data: bytes = gc.encode({"a": [1, gc.Address(b"\\x00" * 20)]})
gc.validate(bytearray(data))
text: str = gc.to_text(memoryview(data))
size: int = gc.encoded_len([1])
raw: bytes = gc.Address("00" * 20).as_bytes
result: gc.Result = gc.decode_result(array.array("B", b"\\x00\\x00"))
value = gc.unpack_result(result)
error: gc.CalldataError = gc.CalldataError("empty", 0)
error_kind: str = error.kind
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
fatal: gc.Result = gc.decode_result(b"\\x04timeout", abi="v0.3", context="subvm")
where: gc.FrameContext = "nondet"
frame: bytes = gc.encode_result(gc.FatalVMError("timeout"), abi="v0.3", context=where)
code = gc.VmErrorCode.parse("exit_code 1 # main")
detail: "str | None" = code.detail
params: "tuple[str | int, ...]" = code.params
matched: bool = code.matches(code.path) and gc.vm_error_matches(str(code), code.public_code)
derived: "str | None" = gc.check_proposed_result(bytearray(b"\\x02timeout"))
text32: str = gc.gvm32_encode(b"\\xff")
raw32: bytes = gc.gvm32_decode(text32)
agrees: bool = gc.validator_verdict(b"\\x00\\x00", b"\\x00\\x10", abi="v0.3",
                                    compare_user_errors=lambda a, b: a == b,
                                    compare_vm_errors=lambda a, b: a.split()[0] == b.split()[0])
host: "tuple[bool, str | None]" = gc.host_verdict(b"\\x00\\x10", abi="v0.2")
kind: gc.ResultKind = "Return"
small: bytes = gc.subvm_small_hash(kind, 5, bytes(32), {})
hashes = gc.SubVmHashes()
hashes.fold(small)
whole: bytes = gc.execution_hash(backtrace=[], data=None, data_fees_consumed=1, data_fees_remaining=2,
                                 emissions=[], kind="VMError", storage_changes=[],
                                 subvm_hashes=hashes.finalize(), wasm_store_hashes={})
errors: "tuple[ValueError, ...]" = (gc.VerdictError("fatal"), gc.Gvm32Error("non_zero_padding"),
                                    gc.VmErrorCodeError("unknown_code"), gc.SchemaError("bad_type", "ret"))
schema = gc.Schema.from_json('{"ctor": {"params": [], "kwparams": {}}, "methods": {}}')
methods: "typing.Mapping[str, gc.Method]" = schema.methods
ctor: gc.Method = schema.constructor
ctor_params: "tuple[tuple[str, str], ...]" = ctor.params
ret: "str | None" = ctor.ret
gas: "int | None" = ctor.min_gas_leader
found: "gc.Method | None" = schema.method("#get-schema")
schema.check_call(b"", abi="v0.3", strict=True)
schema.check_deployment(bytearray(), abi="v0.2")
schema.check_return("#get-schema", memoryview(b""), strict=False)
built: bytes = schema.build_call("transfer", "0x" + "00" * 20, 5, abi="v0.3", memo="rent")
deployed: bytes = schema.build_deployment(1, abi="v0.2")
loose: bytes = schema.build(None, [1], {"a": b"x"}, abi="v0.2", strict=True)
again_schema: gc.Schema = gc.Schema.from_calldata(gc.encode("{}"))
schema_error = gc.SchemaError("not_a_call")
path: str = schema_error.path
its_cause: "gc.MethodCallError | None" = schema_error.call_error
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
gc.decode_result(b"\\x00\\x00", context="inner")
gc.subvm_small_hash("Fatal", 1, bytes(32), {})
index: str = gc.Gvm32Error("invalid_character", "", 1).index
gc.validator_verdict(b"", b"", "v0.3")
gc.Schema.from_json(b"{}")
gc.Schema("{}").check_call(b"", abi="v1")
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
    assert lines == [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17], output
