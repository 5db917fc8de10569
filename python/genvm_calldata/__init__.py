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
"""

from ._errors import CalldataError
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
    "Address",
    "CalldataError",
    "InternalError",
    "Result",
    "Return",
    "UserError",
    "VMError",
    "decode",
    "decode_result",
    "encode",
    "encode_result",
    "encoded_len",
    "from_text",
    "to_text",
    "unpack_result",
    "validate",
]
