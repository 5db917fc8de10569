"""Method calls as GenVM carries them, in both ABI generations
(``spec/abi-generations.md``): the method name under ``"method"`` (v0.2, the
default) or under the empty key ``""`` (v0.3), with ``"args"`` and
``"kwargs"``. The codec reads, writes and migrates them and derives call
keys (the native module); this file holds the ``MethodCall`` class and the
keyword arguments."""

import collections.abc
import dataclasses
from typing import TYPE_CHECKING, Any, Dict, List, Literal, Mapping, Optional, Sequence

from . import _native

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

AbiGeneration = Literal["v0.2", "v0.3"]
"""The ABI generations: ``"v0.2"`` (the default) and ``"v0.3"``."""


@dataclasses.dataclass(frozen=True)
class MethodCall:
    """A contract call: ``method`` (``None`` for a deployment, or in v0.3 an
    unnamed call), ``args`` and ``kwargs``, values as ``decode`` gives them."""

    method: Optional[str]
    args: List[Any] = dataclasses.field(default_factory=list)
    kwargs: Dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def call_key(self) -> bytes:
        """The 32-byte call key of ``method`` (see :func:`call_key`)."""
        return _native.call_key(self.method)

    def encode(self, *, abi: AbiGeneration = "v0.2") -> bytes:
        """The call's calldata in ``abi`` (see :func:`encode_call`)."""
        return encode_call(self.method, self.args, self.kwargs, abi=abi)


def call_key(name: Optional[str]) -> bytes:
    """The 32-byte big-endian call key of a method name, as the v0.3 line
    derives it (``None``, a deployment, and ``""`` are 32 zero bytes; a name
    shorter than 32 UTF-8 bytes is those bytes then zeros; a longer one its
    keccak256 with the last bit set)."""
    return _native.call_key(name)


def _arguments(args: Sequence[Any]) -> Sequence[Any]:
    if isinstance(args, (list, tuple)):
        return args
    if isinstance(args, (str, bytes, bytearray, memoryview)) or not isinstance(
        args, collections.abc.Sequence
    ):
        raise TypeError(f"args is a sequence of values (list, tuple), not {type(args).__name__}")
    return list(args)


def encode_call(
    method: Optional[str],
    args: Sequence[Any] = (),
    kwargs: Optional[Mapping[str, Any]] = None,
    *,
    abi: AbiGeneration = "v0.2",
) -> bytes:
    """The canonical calldata of a call of ``method`` (``None``: a
    deployment) in the generation ``abi``; values are converted as
    ``encode`` converts them, and empty ``args`` and ``kwargs`` are left
    out. Bad values raise as ``encode`` does, named ``args[0]`` or
    ``kwargs['name']`` (a ``CalldataError``'s offset counts from the start of
    that argument's own encoding)."""
    return _native.encode_call(method, _arguments(args), {} if kwargs is None else kwargs, abi)


def decode_call(data: "ReadableBuffer", *, abi: AbiGeneration = "v0.2", deployment: bool = False) -> MethodCall:
    """The call the calldata ``data`` (any buffer) carries in the generation
    ``abi``; with ``deployment=True`` a constructor call, whose method name
    must be absent. Raises :class:`MethodCallError` for anything else."""
    method, args, kwargs = _native.decode_call(data, abi, deployment)
    return MethodCall(method, args, kwargs)


def migrate_call(data: "ReadableBuffer", *, to: AbiGeneration) -> bytes:
    """The call ``data`` (of either generation) with its method key rewritten
    for ``to``; every other entry keeps its bytes, and a call already in
    ``to``'s shape (or a deployment) comes back unchanged. Raises
    :class:`MethodCallError` unless ``data`` is a call of one generation."""
    return _native.migrate_call(data, to)
