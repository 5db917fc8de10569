"""CalldataError, the one exception for refused data, and MethodCallError
for calldata that is not a method call (raised by the native module, so
they live apart from the package's ``__init__``)."""

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
