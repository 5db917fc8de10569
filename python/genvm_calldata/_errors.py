"""CalldataError: the one exception for refused data (raised by the native
module, so it lives apart from the package's ``__init__``)."""


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
