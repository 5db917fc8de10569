"""Results of a sub-VM in the guest SDK's own words (``genlayer.vm``):
``Return``, ``UserError``, ``VMError``, plus ``InternalError``, which the
guest SDK has no form for. The frame bytes are read and written by the
native module (``spec/framing.md``)."""

import dataclasses
from typing import Any, Union

from . import _native


@dataclasses.dataclass
class Return:
    """RETURN: the value a sub-VM returned."""

    calldata: Any


class UserError(Exception):
    """USER_ERROR: raised by a contract; ``data`` is a message ``str`` (the
    legacy form) or a calldata value (structured data)."""

    def __init__(self, data: Any, /) -> None:
        super().__init__()
        self.data = data

    def __str__(self) -> str:
        return "UserError(" + repr(self.data) + ")"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UserError) and self.data == other.data

    def __hash__(self) -> int:
        return hash(self.data)


@dataclasses.dataclass
class VMError:
    """VM_ERROR: the VM stopped the sub-VM; ``message`` starts with a code
    such as ``exit_code`` or ``OOM``."""

    message: str


class InternalError(Exception):
    """INTERNAL_ERROR: the host failed. ``unpack_result`` raises it as is."""

    def __init__(self, message: str, /) -> None:
        super().__init__(message)
        self.message = message

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InternalError) and self.message == other.message

    def __hash__(self) -> int:
        return hash(self.message)


Result = Union[Return, UserError, VMError, InternalError]

_KINDS = {
    "return": Return,
    "user_error": UserError,
    "user_error_data": UserError,
    "vm_error": VMError,
    "internal_error": InternalError,
}

# A message starting with these would read back as data (spec/framing.md).
_DATA_PREFIX = "\0\0\0\0"


def decode_result(frame: Any) -> Result:
    """The result a frame (any buffer) carries; ``CalldataError`` if it is
    not a valid frame."""
    kind, payload = _native.decode_frame(frame)
    return _KINDS[kind](payload)


def encode_result(result: Result) -> bytes:
    """The frame of a result. A ``UserError`` whose data is a ``str`` is
    sent as a message, unless it starts with four NUL characters: a message
    cannot (it would read back as data), so that one is sent as data."""
    if isinstance(result, Return):
        return _native.encode_frame("return", result.calldata)
    if isinstance(result, UserError):
        data = result.data
        if isinstance(data, str) and not data.startswith(_DATA_PREFIX):
            return _native.encode_frame("user_error", data)
        return _native.encode_frame("user_error_data", data)
    if isinstance(result, VMError):
        return _native.encode_frame("vm_error", result.message)
    if isinstance(result, InternalError):
        return _native.encode_frame("internal_error", result.message)
    raise TypeError(f"not a result: {type(result).__name__}")


def unpack_result(result: Result) -> Any:
    """The returned value, or the error raised, as ``genlayer.vm.unpack_result``
    does: a ``UserError`` as is, a ``VMError`` as ``UserError("vm error: " +
    message)``; an ``InternalError`` is raised as is."""
    if isinstance(result, (UserError, InternalError)):
        raise result
    if isinstance(result, VMError):
        raise UserError("vm error: " + result.message)
    return result.calldata
