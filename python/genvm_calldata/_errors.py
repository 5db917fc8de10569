"""CalldataError, the one exception for refused data; MethodCallError for
calldata that is not a method call; the errors of the v0.3 results (VM error
codes, GVM32, verdicts). The native module raises them, so they live apart
from the package's ``__init__``."""

from typing import Optional


class CalldataError(ValueError):
    """Bytes, text or a value that is not valid calldata.

    ``kind`` names the broken rule: an error kind of ``spec/calldata.md``
    (``"unsorted_keys"``, ``"too_deep"``, ...), of ``spec/framing.md``
    (``"empty"``, ``"unknown_code"``, ``"invalid_utf8"``), or
    ``"text_syntax"`` for the text form. ``offset`` is the byte it was found
    at: in the input when decoding (counted from a frame's code byte), in the
    text's UTF-8 when parsing text, and where the value would start in the
    output when encoding.
    """

    def __init__(self, kind: str, offset: int, message: str = "") -> None:
        super().__init__(message or f"{kind} at byte {offset}")
        self.kind = kind
        self.offset = offset

    def __reduce__(self):
        return type(self), (self.kind, self.offset, str(self))


class MethodCallError(ValueError):
    """Calldata that is not a method call of the ABI generation asked for.

    ``kind`` is the codec's name for the problem: ``"not_calldata"`` (then
    ``calldata_error`` is the :class:`CalldataError`, also the exception's
    ``__cause__``), ``"not_a_map"``, ``"unknown_key"``, ``"wrong_type"``,
    ``"named_deployment"`` or ``"both_method_keys"``. ``key`` is the
    top-level key named (``"value"``, ``""``, ``"args"``), or ``None``.
    """

    def __init__(
        self,
        kind: str,
        key: Optional[str] = None,
        message: str = "",
        calldata_error: Optional[CalldataError] = None,
    ) -> None:
        super().__init__(message or (kind if key is None else f"{kind}: {key!r}"))
        self.kind = kind
        self.key = key
        self.calldata_error = calldata_error
        if calldata_error is not None:
            self.__cause__ = calldata_error

    def __reduce__(self):
        return type(self), (self.kind, self.key, str(self), self.calldata_error)


class VmErrorCodeError(ValueError):
    """Text that is not a v0.3 VM error code (``VmErrorCode.parse``).

    ``kind`` is ``"unknown_code"`` (the public code is no path of the tree)
    or ``"bad_param"`` (a known path whose parameter is missing or not
    canonically spelled; then ``path`` is that path and ``expected`` the
    parameter's type, ``"i32"`` or ``"str"``; both ``None`` otherwise).
    """

    def __init__(
        self, kind: str, message: str = "", path: Optional[str] = None, expected: Optional[str] = None
    ) -> None:
        super().__init__(message or kind)
        self.kind = kind
        self.path = path
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.kind, str(self), self.path, self.expected)


class Gvm32Error(ValueError):
    """Text that is not GVM32 (``gvm32_decode``).

    ``kind`` is ``"invalid_character"`` (then ``index`` is the character's
    index in the text) or ``"non_zero_padding"`` (``index`` is ``None``).
    """

    def __init__(self, kind: str, message: str = "", index: Optional[int] = None) -> None:
        super().__init__(message or kind)
        self.kind = kind
        self.index = index

    def __reduce__(self):
        return type(self), (self.kind, str(self), self.index)


class VerdictError(ValueError):
    """A validator's decision that is an error instead of a verdict
    (``validator_verdict``); the validator's VM then fails, which the host
    counts as disagreement.

    ``kind`` is the codec's name: ``"frame"`` (a frame is not one of the
    generation; ``frame_error`` is its :class:`CalldataError`, also the
    ``__cause__``), ``"no_result"`` (a code the guest SDK has no result
    for), ``"not_bool"`` (the validator function returned something else
    than a bool) or ``"fatal"`` (its sandbox ended in a fatal VM error).
    """

    def __init__(self, kind: str, message: str = "", frame_error: Optional[CalldataError] = None) -> None:
        super().__init__(message or kind)
        self.kind = kind
        self.frame_error = frame_error
        if frame_error is not None:
            self.__cause__ = frame_error

    def __reduce__(self):
        return type(self), (self.kind, str(self), self.frame_error)


class SchemaError(ValueError):
    """A contract schema that cannot be read, or a call, deployment, return
    value or argument that does not fit one (``spec/schema.md``).

    ``kind`` is the schema crate's name (``"bad_type"``, ``"unknown_method"``,
    ``"type_mismatch"``, ``"bad_value"``, ``"ambiguous"``, ...), ``path``
    where (``"args[1].owner"``, ``"kwargs.memo"``, ``"ret[0]"``, in a schema
    ``"methods.transfer.params[1][1]"``; ``""`` for the whole input) and
    ``message`` what, without the path; ``str()`` is ``path: message``. For
    ``"not_calldata"`` and ``"not_a_call"``, ``call_error`` (also the
    ``__cause__``) is the codec's :class:`MethodCallError`.
    """

    def __init__(
        self,
        kind: str,
        path: str = "",
        message: str = "",
        text: str = "",
        call_error: Optional[MethodCallError] = None,
    ) -> None:
        super().__init__(text or (f"{path}: {message}" if path else message or kind))
        self.kind = kind
        self.path = path
        self.message = message
        self.call_error = call_error
        if call_error is not None:
            self.__cause__ = call_error

    def __reduce__(self):
        return type(self), (self.kind, self.path, self.message, str(self), self.call_error)
