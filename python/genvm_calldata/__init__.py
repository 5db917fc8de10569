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
"""

from ._calls import AbiGeneration, MethodCall, call_key, decode_call, encode_call, migrate_call
from ._errors import CalldataError, MethodCallError
from ._frames import (
    InternalError,
    Result,
    Return,
    UserError,
    VMError,
    decode_result,
    encode_result,
    unpack_result,
)
from ._native import Address, decode, encode, encoded_len, from_text, to_text, validate

__all__ = [
    "AbiGeneration",
    "Address",
    "CalldataError",
    "InternalError",
    "MethodCall",
    "MethodCallError",
    "Result",
    "Return",
    "UserError",
    "VMError",
    "call_key",
    "decode",
    "decode_call",
    "decode_result",
    "encode",
    "encode_call",
    "encode_result",
    "encoded_len",
    "from_text",
    "migrate_call",
    "to_text",
    "unpack_result",
    "validate",
]
