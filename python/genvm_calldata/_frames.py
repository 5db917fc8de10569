"""Results of a sub-VM in the guest SDK's own words (``genlayer.vm``):
``Return``, ``UserError``, ``VMError``, plus ``InternalError``, which the
guest SDK has no form for, and v0.3's ``FatalVMError``. The frame bytes are
read and written by the native module (``spec/framing.md``), by ABI
generation and by the context a frame travels in."""

import dataclasses
from typing import Any, Literal, Union

from . import _native
from ._calls import AbiGeneration

FrameContext = Literal["subvm", "nondet", "top_level"]
"""Where a frame travels: ``"subvm"`` (a sub-VM's result handed to its
parent, the default), ``"nondet"`` (a non-deterministic block's result as
the leader proposes it) or ``"top_level"`` (a run's own result)."""


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


@dataclasses.dataclass
class FatalVMError:
    """A fatal VM error (v0.3, code 4, between nested VMs only): the caller
    cannot catch it and ends with the same error. Hashes count it as a
    VM_ERROR."""

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


Result = Union[Return, UserError, VMError, InternalError, FatalVMError]

_KINDS = {
    "return": Return,
    "user_error": UserError,
    "user_error_data": UserError,
    "vm_error": VMError,
    "internal_error": InternalError,
    "fatal_vm_error": FatalVMError,
}

# A message starting with these would read back as data (spec/framing.md).
_DATA_PREFIX = "\0\0\0\0"


def decode_result(frame: Any, *, abi: AbiGeneration = "v0.2", context: FrameContext = "subvm") -> Result:
    """The result a frame (any buffer) of the generation ``abi`` carries,
    read in ``context``; ``CalldataError`` if it is not a valid frame there
    (kind ``"not_allowed"`` for a v0.3 code the context forbids: 3
    anywhere, 4 outside ``"subvm"``). v0.2 reads every context alike."""
    kind, payload = _native.decode_frame(frame, abi, context)
    return _KINDS[kind](payload)


def encode_result(result: Result, *, abi: AbiGeneration = "v0.2", context: FrameContext = "subvm") -> bytes:
    """The frame of a result in ``abi`` for ``context``. In v0.2 a
    ``UserError`` whose data is a ``str`` is sent as a message, unless it
    starts with four NUL characters: a message cannot (it would read back as
    data), so that one is sent as data; in v0.3 a user error is always data.
    What has no form there (an ``InternalError`` in v0.3, a ``FatalVMError``
    in v0.2 or outside ``"subvm"``) raises ``CalldataError`` with kind
    ``"not_allowed"``."""
    if isinstance(result, Return):
        return _native.encode_frame("return", result.calldata, abi, context)
    if isinstance(result, UserError):
        data = result.data
        if abi == "v0.2" and isinstance(data, str) and not data.startswith(_DATA_PREFIX):
            return _native.encode_frame("user_error", data, abi, context)
        return _native.encode_frame("user_error_data", data, abi, context)
    if isinstance(result, VMError):
        return _native.encode_frame("vm_error", result.message, abi, context)
    if isinstance(result, FatalVMError):
        return _native.encode_frame("fatal_vm_error", result.message, abi, context)
    if isinstance(result, InternalError):
        return _native.encode_frame("internal_error", result.message, abi, context)
    raise TypeError(f"not a result: {type(result).__name__}")


def unpack_result(result: Result) -> Any:
    """The returned value, or the error raised, as ``genlayer.vm.unpack_result``
    does: a ``UserError`` as is, a ``VMError`` (and a ``FatalVMError``) as
    ``UserError("vm error: " + message)``; an ``InternalError`` is raised as
    is."""
    if isinstance(result, (UserError, InternalError)):
        raise result
    if isinstance(result, (VMError, FatalVMError)):
        raise UserError("vm error: " + result.message)
    return result.calldata
