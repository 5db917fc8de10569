"""Generated from spec/public-abi.json by abi/generate.py; do not edit."""

import enum
import typing


class AbiGeneration(enum.StrEnum):
    """The ABI lines this crate speaks (spec/abi-generations.md); v0_2 is the default."""

    V0_2 = "v0.2"
    V0_3 = "v0.3"


class ResultCode(enum.IntEnum):
    """First byte of a sub-VM result frame (see framing.md)."""

    RETURN = 0
    USER_ERROR = 1
    VM_ERROR = 2
    INTERNAL_ERROR = 3


class StorageType(enum.IntEnum):
    """Which state a cross-contract read sees."""

    DEFAULT = 0
    LATEST_FINAL = 1
    LATEST_NON_FINAL = 2


class EntryKind(enum.IntEnum):
    """How a contract is entered."""

    MAIN = 0
    SANDBOX = 1
    CONSENSUS_STAGE = 2


class MemoryLimiterConsts(enum.IntEnum):
    """Bytes the memory limiter charges per wasm table entry and per file mapping."""

    TABLE_ENTRY = 64
    FILE_MAPPING = 256


class SpecialMethod(enum.StrEnum):
    """Method names reserved by the host."""

    GET_SCHEMA = "#get-schema"
    ERRORED_MESSAGE = "#error"


class VmError(enum.StrEnum):
    """Well-known VM_ERROR messages."""

    TIMEOUT = "timeout"
    VALIDATOR_DISAGREES = "validator_disagrees"
    VERSION_TOO_BIG = "version_too_big"
    OOM = "OOM"
    INVALID_CONTRACT = "invalid_contract"


class CalldataErrorKind(enum.IntEnum):
    """The rule of calldata.md an input breaks; the numbers are the C library's first error codes."""

    TRUNCATED_ULEB = 1
    NON_CANONICAL_ULEB = 2
    RESERVED_TYPE = 3
    INVALID_ATOM = 4
    LENGTH_TOO_LARGE = 5
    LENGTH_PAST_END = 6
    INVALID_UTF8 = 7
    DUPLICATE_KEY = 8
    UNSORTED_KEYS = 9
    TOO_DEEP = 10
    TRAILING_BYTES = 11


EVENT_MAX_TOPICS: typing.Final[int] = 4
"""Most topics one emitted event may carry."""

ABSENT_VERSION: typing.Final[str] = "v0.1.0"
"""Version assumed for a contract that declares none."""

CODE_SLOT_OFFSET: typing.Final[int] = 1
"""Storage slot offset where a contract's code lives."""
