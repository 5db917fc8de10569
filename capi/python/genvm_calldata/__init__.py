"""GenVM calldata for Python, over the C library ``libgenvm_calldata``
(ctypes; no compiled extension).

    >>> import genvm_calldata as gc
    >>> gc.encode({"method": "greet", "args": ["Ann"]}).hex()
    '1604617267730d1c416e6e066d6574686f642c6772656574'
    >>> gc.decode(bytes.fromhex("15090a"))
    [1, -2]

Values: ``None``, ``bool``, ``int`` (any size), ``bytes``, ``str``, ``list``,
``dict`` with ``str`` keys, and :class:`Address`. Invalid input raises
:class:`CalldataError` with the error kind and byte offset.

The library is found through ``GENVM_CALLDATA_LIB`` (a path), then next to
this package's repository checkout (``target/release`` or ``target/debug``),
then the system's library path.
"""

import ctypes
import ctypes.util
import json
import os
import pathlib
from typing import Any, NamedTuple

__all__ = [
    "Address", "CalldataError", "Frame", "decode", "encode", "validate", "to_text",
    "from_text", "frame_decode", "frame_encode", "version",
]


class _Buf(ctypes.Structure):
    _fields_ = [("ptr", ctypes.POINTER(ctypes.c_uint8)), ("len", ctypes.c_size_t), ("cap", ctypes.c_size_t)]


class _Error(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_int32), ("offset", ctypes.c_uint64), ("message", ctypes.c_char * 256)]


class _Frame(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_int32), ("payload", ctypes.POINTER(ctypes.c_uint8)), ("len", ctypes.c_size_t)]


class _Item(ctypes.Structure):
    _fields_ = [
        ("kind", ctypes.c_int32), ("int_value", ctypes.c_int64), ("count", ctypes.c_uint64),
        ("ptr", ctypes.POINTER(ctypes.c_uint8)), ("len", ctypes.c_size_t),
    ]


def _find_library() -> str:
    explicit = os.environ.get("GENVM_CALLDATA_LIB")
    if explicit:
        return explicit
    root = pathlib.Path(__file__).resolve().parents[3]
    for profile in ("release", "debug"):
        candidate = root / "target" / profile / "libgenvm_calldata.so"
        if candidate.exists():
            return str(candidate)
    found = ctypes.util.find_library("genvm_calldata")
    if not found:
        raise ImportError("libgenvm_calldata not found: build it (cargo build -p genvm-calldata-capi) "
                          "or set GENVM_CALLDATA_LIB")
    return found


_lib = ctypes.CDLL(_find_library())
_bytes_in = [ctypes.c_char_p, ctypes.c_size_t]
for _name, _args, _result in [
    ("gvc_validate", _bytes_in + [ctypes.POINTER(_Error)], ctypes.c_int32),
    ("gvc_to_text", _bytes_in + [ctypes.POINTER(_Buf), ctypes.POINTER(_Error)], ctypes.c_int32),
    ("gvc_from_text", _bytes_in + [ctypes.POINTER(_Buf), ctypes.POINTER(_Error)], ctypes.c_int32),
    ("gvc_frame_decode", _bytes_in + [ctypes.POINTER(_Frame), ctypes.POINTER(_Error)], ctypes.c_int32),
    ("gvc_frame_encode", [ctypes.c_int32] + _bytes_in + [ctypes.POINTER(_Buf), ctypes.POINTER(_Error)],
     ctypes.c_int32),
    ("gvc_reader_new", _bytes_in + [ctypes.POINTER(_Error)], ctypes.c_void_p),
    ("gvc_reader_next", [ctypes.c_void_p, ctypes.POINTER(_Item), ctypes.POINTER(_Error)], ctypes.c_int32),
    ("gvc_reader_free", [ctypes.c_void_p], None),
    ("gvc_buf_free", [ctypes.POINTER(_Buf)], None),
    ("gvc_version", [], ctypes.c_char_p),
    ("gvc_error_name", [ctypes.c_int32], ctypes.c_char_p),
]:
    _function = getattr(_lib, _name)
    _function.argtypes = _args
    _function.restype = _result

# Item kinds and frame kinds, as in genvm_calldata.h.
_NULL, _BOOL, _INT, _BIG_INT, _BYTES, _STR, _ADDRESS, _ARRAY, _MAP, _KEY, _END = range(11)
_FRAME_KINDS = ["return", "user_error", "vm_error", "internal_error", "user_error_data"]
_CALLDATA_FRAMES = {"return", "user_error_data"}


class Address(bytes):
    """A 20-byte address: its own calldata atom, not bytes."""

    def __new__(cls, value):
        if isinstance(value, str):
            value = bytes.fromhex(value[2:] if value.startswith(("0x", "0X")) else value)
        self = super().__new__(cls, value)
        if len(self) != 20:
            raise ValueError(f"an address is 20 bytes, not {len(self)}")
        return self

    def __repr__(self) -> str:
        return f"Address('0x{self.hex()}')"

    def __eq__(self, other) -> bool:
        return isinstance(other, Address) and bytes(self) == bytes(other)

    def __hash__(self) -> int:
        return hash((Address, bytes(self)))


class CalldataError(ValueError):
    """Refused input: ``kind`` is the error name (``"unsorted_keys"``,
    ``"text_syntax"``, ...), ``offset`` the byte it refers to."""

    def __init__(self, code: int, offset: int, message: str):
        super().__init__(message)
        self.code = code
        self.kind = error_name(code)
        self.offset = offset


class Frame(NamedTuple):
    """A ResultCode frame: ``kind`` is ``"return"``, ``"user_error"``,
    ``"user_error_data"``, ``"vm_error"`` or ``"internal_error"``; ``payload``
    a value for ``return``/``user_error_data``, else a message ``str``."""

    kind: str
    payload: Any


def error_name(code: int) -> str:
    """The name of an error code of the C library."""
    name = _lib.gvc_error_name(code)
    return name.decode() if name else f"unknown_{code}"


def version() -> str:
    """The C library's version."""
    return _lib.gvc_version().decode()


def _check(code: int, error: _Error) -> None:
    if code != 0:
        raise CalldataError(code, error.offset, error.message.decode("utf-8", "replace"))


def _take(buf: _Buf) -> bytes:
    try:
        return ctypes.string_at(buf.ptr, buf.len) if buf.len else b""
    finally:
        _lib.gvc_buf_free(ctypes.byref(buf))


def validate(data: bytes) -> None:
    """Raises :class:`CalldataError` unless ``data`` is one canonical value."""
    error = _Error()
    _check(_lib.gvc_validate(data, len(data), ctypes.byref(error)), error)


def to_text(data: bytes) -> str:
    """The text form of calldata, e.g. ``{"a":[1,b#ff]}``."""
    buf, error = _Buf(), _Error()
    _check(_lib.gvc_to_text(data, len(data), ctypes.byref(buf), ctypes.byref(error)), error)
    return _take(buf).decode()


def from_text(text: str) -> bytes:
    """Calldata bytes from the text form."""
    raw = text.encode()  # a lone surrogate raises UnicodeEncodeError
    buf, error = _Buf(), _Error()
    _check(_lib.gvc_from_text(raw, len(raw), ctypes.byref(buf), ctypes.byref(error)), error)
    return _take(buf)


def decode(data: bytes) -> Any:
    """The Python value of calldata (validated strictly first)."""
    data = bytes(data)
    error = _Error()
    reader = _lib.gvc_reader_new(data, len(data), ctypes.byref(error))
    if not reader:
        _check(error.kind, error)
    try:
        item = _Item()

        def next_item():
            _check(_lib.gvc_reader_next(reader, ctypes.byref(item), ctypes.byref(error)), error)
            return item.kind

        def read_value():
            kind = next_item()
            if kind == _NULL:
                return None
            if kind == _BOOL:
                return bool(item.int_value)
            if kind == _INT:
                return item.int_value
            if kind in (_BYTES, _STR, _ADDRESS, _BIG_INT, _KEY):
                raw = ctypes.string_at(item.ptr, item.len) if item.len else b""
                if kind == _BYTES:
                    return raw
                if kind == _ADDRESS:
                    return Address(raw)
                if kind == _BIG_INT:
                    return int(raw)
                return raw.decode()
            if kind == _ARRAY:
                return [read_value() for _ in range(item.count)]
            if kind == _MAP:
                entries = {}
                for _ in range(item.count):
                    next_item()
                    key = ctypes.string_at(item.ptr, item.len).decode() if item.len else ""
                    entries[key] = read_value()
                return entries
            raise CalldataError(27, 0, f"unexpected reader item {kind}")

        return read_value()
    finally:
        _lib.gvc_reader_free(reader)


def _text_of(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, Address):
        return "addr#" + value.hex()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "b#" + bytes(value).hex()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_text_of(item) for item in value) + "]"
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise TypeError(f"calldata map keys are str, not {type(key).__name__}")
        return "{" + ",".join(f"{json.dumps(k, ensure_ascii=False)}:{_text_of(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"{type(value).__name__} is not a calldata value")


def encode(value: Any) -> bytes:
    """Canonical calldata bytes of a Python value (map keys get sorted)."""
    return from_text(_text_of(value))


def frame_decode(data: bytes) -> Frame:
    """Decodes a ResultCode frame."""
    data = bytes(data)
    frame, error = _Frame(), _Error()
    _check(_lib.gvc_frame_decode(data, len(data), ctypes.byref(frame), ctypes.byref(error)), error)
    kind = _FRAME_KINDS[frame.kind]
    payload = ctypes.string_at(frame.payload, frame.len) if frame.len else b""
    return Frame(kind, decode(payload) if kind in _CALLDATA_FRAMES else payload.decode())


def frame_encode(kind: str, payload: Any) -> bytes:
    """Encodes a frame; ``payload`` is a value for ``return`` and
    ``user_error_data``, a message ``str`` otherwise."""
    if kind not in _FRAME_KINDS:
        raise ValueError(f"unknown frame kind {kind!r}; one of {_FRAME_KINDS}")
    raw = encode(payload) if kind in _CALLDATA_FRAMES else payload.encode()
    buf, error = _Buf(), _Error()
    code = _lib.gvc_frame_encode(_FRAME_KINDS.index(kind), raw, len(raw), ctypes.byref(buf), ctypes.byref(error))
    _check(code, error)
    return _take(buf)
