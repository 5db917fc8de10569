"""GenVM calldata for Python: a strict, fast codec (a Rust extension module
built on the ``genvm-calldata`` crate).

    >>> import genvm_calldata as gc
    >>> gc.encode({"method": "greet", "args": ["Ann"]}).hex()
    '1604617267730d1c416e6e066d6574686f642c6772656574'
    >>> gc.decode(bytes.fromhex("15090a"))
    [1, -2]

Values: ``None``, ``bool``, ``int`` (any size), ``bytes``, ``str``,
``list``, ``dict`` with ``str`` keys, and :class:`Address`. Refused data
raises :class:`CalldataError` with the error kind and the byte offset.

Method calls of both ABI generations (``"v0.2"``, the default, and
``"v0.3"``): :func:`encode_call`, :func:`decode_call` (a
:class:`MethodCall`), :func:`migrate_call` and :func:`call_key`; calldata
that is not a call raises :class:`MethodCallError`.

Result frames of both generations, in a context: :func:`decode_result`,
:func:`encode_result`. The v0.3 results: :class:`VmErrorCode`,
:func:`check_proposed_result`, :func:`validator_verdict`,
:func:`host_verdict`, GVM32, and the hashes (:func:`subvm_small_hash`,
:class:`SubVmHashes`, :func:`execution_hash`).

Contract schemas (``#get-schema``): :class:`Schema` reads one, checks
calls, deployments and return values against it and builds calls from
loosely typed values; what does not fit raises :class:`SchemaError`.
"""

from ._calls import AbiGeneration, MethodCall, call_key, decode_call, encode_call, migrate_call
from ._errors import CalldataError, Gvm32Error, MethodCallError, SchemaError, VerdictError, VmErrorCodeError
from ._frames import (
    FatalVMError,
    FrameContext,
    InternalError,
    Result,
    Return,
    UserError,
    VMError,
    decode_result,
    encode_result,
    unpack_result,
)
from ._native import Address, SubVmHashes, decode, encode, encoded_len, from_text, to_text, validate
from ._results import (
    ResultKind,
    VmErrorCode,
    check_proposed_result,
    execution_hash,
    gvm32_decode,
    gvm32_encode,
    host_verdict,
    subvm_small_hash,
    validator_verdict,
    vm_error_matches,
)
from ._schema import Method, Schema

__all__ = [
    "AbiGeneration",
    "Address",
    "CalldataError",
    "FatalVMError",
    "FrameContext",
    "Gvm32Error",
    "InternalError",
    "Method",
    "MethodCall",
    "MethodCallError",
    "Result",
    "ResultKind",
    "Return",
    "Schema",
    "SchemaError",
    "SubVmHashes",
    "UserError",
    "VMError",
    "VerdictError",
    "VmErrorCode",
    "VmErrorCodeError",
    "call_key",
    "check_proposed_result",
    "decode",
    "decode_call",
    "decode_result",
    "encode",
    "encode_call",
    "encode_result",
    "encoded_len",
    "execution_hash",
    "from_text",
    "gvm32_decode",
    "gvm32_encode",
    "host_verdict",
    "migrate_call",
    "subvm_small_hash",
    "to_text",
    "unpack_result",
    "validate",
    "validator_verdict",
    "vm_error_matches",
]
