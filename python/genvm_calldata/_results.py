"""The v0.3 results (``spec/results.md``): VM error codes, proposed-result
validity, GVM32, the non-deterministic verdicts and the result hashes. The
codec decides everything (the native module); this file holds the
``VmErrorCode`` class and the keyword arguments."""

from typing import TYPE_CHECKING, Any, Callable, Literal, Optional, Tuple, Union

from . import _native
from ._calls import AbiGeneration

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

ResultKind = Literal["Return", "UserError", "VMError"]
"""A result's kind as the hashes name it (a fatal VM error is a
``"VMError"``)."""


class VmErrorCode:
    """A v0.3 VM error code, ``public-code [" # " detail]``: the public code
    a path of the fixed tree (``genvm_abi``'s ``VM_ERROR_CODE``) with its
    parameter, if the path takes one, in canonical spelling.

    ``VmErrorCode(text)`` and ``VmErrorCode.parse(text)`` raise
    :class:`VmErrorCodeError` for text that is no code. ``str()`` is the
    text as given; codes compare and hash by it.
    """

    __slots__ = ("_text", "_public_code", "_detail", "_path", "_params")

    def __init__(self, text: str) -> None:
        public_code, detail, path, param = _native.parse_vm_error_code(text)
        self._text = text
        self._public_code = public_code
        self._detail = detail
        self._path = path
        self._params: Tuple[Union[str, int], ...] = () if param is None else (param,)

    @classmethod
    def parse(cls, text: str) -> "VmErrorCode":
        """The code ``text`` spells (see the class)."""
        return cls(text)

    @property
    def public_code(self) -> str:
        """The path and its parameter: the part before ``" # "``."""
        return self._public_code

    @property
    def detail(self) -> Optional[str]:
        """The free text after ``" # "``, or ``None`` when there is none."""
        return self._detail

    @property
    def path(self) -> str:
        """The tree's path this code is, without its parameter
        (``"exit_code"``, ``"out_of memory"``)."""
        return self._path

    @property
    def params(self) -> Tuple[Union[str, int], ...]:
        """The parameter: ``()`` for a path without one, else one ``str`` or
        ``int`` (an ``$i32``)."""
        return self._params

    def matches(self, prefix: str) -> bool:
        """Whether the public code is ``prefix`` or extends it with further
        space-separated components (``"exit_code"`` matches ``"exit_code 1"``,
        ``"exit"`` does not)."""
        return _native.vm_error_matches(self._text, prefix)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"VmErrorCode({self._text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, VmErrorCode) and self._text == other._text

    def __hash__(self) -> int:
        return hash(self._text)

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        return type(self), (self._text,)


def vm_error_matches(message: str, prefix: str) -> bool:
    """Whether the VM error ``message`` (any text, a known code or not)
    matches the known code ``prefix``: its public code (the part before
    ``" # "``) is ``prefix`` or extends it at a space."""
    return _native.vm_error_matches(message, prefix)


def check_proposed_result(frame: "ReadableBuffer") -> Optional[str]:
    """The v0.3 validity of a leader's proposed non-deterministic result
    ``[code][data]``: ``None`` when it is accepted (and used byte for byte),
    else the VM error code derived in its place (``"leader_fault
    nondet_output absent"``, ``"... malformed"``, ``"... uses_this_error
    <digest>"``)."""
    return _native.check_proposed_result(frame)


def gvm32_encode(data: "ReadableBuffer") -> str:
    """The canonical (lowercase, unpadded) GVM32 text of ``data``."""
    return _native.gvm32_encode(data)


def gvm32_decode(text: str) -> bytes:
    """The bytes of GVM32 ``text`` (either case, Crockford's aliases, hyphens
    ignored); :class:`Gvm32Error` if it is not GVM32."""
    return _native.gvm32_decode(text)


def validator_verdict(
    leader: "ReadableBuffer",
    answer: "ReadableBuffer",
    *,
    abi: AbiGeneration = "v0.2",
    compare_user_errors: Optional[Callable[[Any, Any], Any]] = None,
    compare_vm_errors: Optional[Callable[[str, str], Any]] = None,
) -> bool:
    """Whether a validator agrees with the leader, as the guest SDK decides
    (``run_nondet`` in v0.2, ``run_nondet_default`` in v0.3): ``leader`` is
    the leader's proposed frame (read as a non-deterministic block's
    result), ``answer`` the frame of the validator function's sandbox.

    The kinds must match; a return must hold a bool, the verdict; two user
    errors or two VM errors are compared, by default as the codec does
    (user error values by Python's ``==`` on decoded values, VM errors by
    the whole message in v0.2, by the public code in v0.3). A callable
    given replaces one comparison: ``compare_user_errors(leader_data,
    validator_data)`` gets the decoded values, ``compare_vm_errors(leader,
    validator)`` the two messages; what it returns is taken as a bool, and
    what it raises propagates.

    Raises :class:`VerdictError` when the decision is an error instead.
    """
    return _native.validator_verdict(leader, answer, abi, compare_user_errors, compare_vm_errors)


def host_verdict(validator: "ReadableBuffer", *, abi: AbiGeneration = "v0.2") -> Tuple[bool, Optional[str]]:
    """The host's verdict on a validator's result frame: ``(True, None)``
    when it returned ``True``; else ``(False, "validator_disagrees")`` in
    v0.2, whose host ends the block with that VM error, and ``(False,
    None)`` in v0.3, where the validator's own result goes to the vote.
    An unreadable frame disagrees."""
    return _native.host_verdict(validator, abi)


def subvm_small_hash(
    kind: ResultKind, result: Any, subvm_hashes: "ReadableBuffer", wasm_store_hashes: Any
) -> bytes:
    """The small hash of one deterministic sub-VM (32 bytes): SHA3-256 of the
    calldata map of ``kind``, ``result`` (the returned value or user error
    value, or a VM error's code as a ``str``), ``subvm_hashes`` (the
    sub-VM's own finalized :class:`SubVmHashes`, 32 bytes) and
    ``wasm_store_hashes``; values are converted as ``encode`` converts
    them."""
    return _native.subvm_small_hash(kind, result, subvm_hashes, wasm_store_hashes)


def execution_hash(
    *,
    backtrace: Any,
    data: Any,
    data_fees_consumed: Any,
    data_fees_remaining: Any,
    emissions: Any,
    kind: ResultKind,
    storage_changes: Any,
    subvm_hashes: "ReadableBuffer",
    wasm_store_hashes: Any,
) -> bytes:
    """The execution hash (32 bytes): SHA3-256 of the calldata map of the
    fields, ``kind`` written as its result code and ``subvm_hashes`` the
    run's finalized :class:`SubVmHashes` (32 bytes); the other fields are
    values converted as ``encode`` converts them."""
    return _native.execution_hash(
        backtrace=backtrace,
        data=data,
        data_fees_consumed=data_fees_consumed,
        data_fees_remaining=data_fees_remaining,
        emissions=emissions,
        kind=kind,
        storage_changes=storage_changes,
        subvm_hashes=subvm_hashes,
        wasm_store_hashes=wasm_store_hashes,
    )
