"""Generated from spec/public-abi.json by abi/generate.py; do not edit."""

import enum
import typing


class _EnumGenerations:
    """The ABI generation answers of every enum here (spec/public-abi.md).

    A generation is named by its string, such as "v0.3", or by its
    AbiGeneration member; an unknown one raises ValueError.
    """

    def generations(self) -> tuple[str, ...]:
        """The ABI generations that have this value."""
        return type(self)._value_generations[self.name]

    def in_generation(self, generation: str) -> bool:
        """Whether ABI generation `generation` has this value."""
        return AbiGeneration(generation) in self.generations()

    @classmethod
    def all_in(cls, generation: str) -> tuple[typing.Self, ...]:
        """The values ABI generation `generation` has, in definition order."""
        generation = AbiGeneration(generation)
        return tuple(member for member in cls if generation in member.generations())


class _Constant(int):
    """One named number of a constants group: an int that knows its name and ABI generations."""

    def __new__(cls, group: str, name: str, value: int, generations: tuple[str, ...]) -> "_Constant":
        constant = super().__new__(cls, value)
        constant.group, constant.name, constant._generations = group, name, generations
        return constant

    def __getnewargs__(self) -> tuple[str, str, int, tuple[str, ...]]:
        return (self.group, self.name, int(self), self._generations)

    def __repr__(self) -> str:
        return f"<{self.group}.{self.name}: {int(self)}>"

    __str__ = int.__repr__

    @property
    def value(self) -> int:
        """The raw value."""
        return int(self)

    def generations(self) -> tuple[str, ...]:
        """The ABI generations that have this value."""
        return self._generations

    def in_generation(self, generation: str) -> bool:
        """Whether ABI generation `generation` has this value."""
        return AbiGeneration(generation) in self._generations


class _ConstantGroup:
    """A group of named numbers (two may share a value, so it is not an enum); ALL lists them."""

    ALL: typing.ClassVar[tuple[_Constant, ...]]

    @classmethod
    def all_in(cls, generation: str) -> tuple[_Constant, ...]:
        """The values ABI generation `generation` has, in definition order."""
        generation = AbiGeneration(generation)
        return tuple(constant for constant in cls.ALL if generation in constant.generations())


class AbiGeneration(_EnumGenerations, enum.StrEnum):
    """The ABI lines this crate speaks (spec/abi-generations.md); v0_2 is the default.

    In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation.
    """

    V0_2 = "v0.2"
    V0_3 = "v0.3"

    GENERATIONS = enum.nonmember(("v0.2", "v0.3"))
    _value_generations = enum.nonmember({
        "V0_2": ("v0.2", "v0.3"),
        "V0_3": ("v0.2", "v0.3"),
    })


DEFAULT_ABI_GENERATION: typing.Final[AbiGeneration] = AbiGeneration.V0_2
"""The default AbiGeneration."""


class ResultCode(_EnumGenerations, enum.IntEnum):
    """First byte of a sub-VM result frame (see framing.md).

    In ABI generations v0.2 and v0.3.
    """

    RETURN = 0
    USER_ERROR = 1
    VM_ERROR = 2
    INTERNAL_ERROR = 3  # only in v0.2

    GENERATIONS = enum.nonmember(("v0.2", "v0.3"))
    _value_generations = enum.nonmember({
        "RETURN": ("v0.2", "v0.3"),
        "USER_ERROR": ("v0.2", "v0.3"),
        "VM_ERROR": ("v0.2", "v0.3"),
        "INTERNAL_ERROR": ("v0.2",),
    })


class StorageType(_EnumGenerations, enum.IntEnum):
    """Which state a cross-contract read sees.

    In ABI generations v0.2 and v0.3.
    """

    DEFAULT = 0
    LATEST_FINAL = 1
    LATEST_NON_FINAL = 2

    GENERATIONS = enum.nonmember(("v0.2", "v0.3"))
    _value_generations = enum.nonmember({
        "DEFAULT": ("v0.2", "v0.3"),
        "LATEST_FINAL": ("v0.2", "v0.3"),
        "LATEST_NON_FINAL": ("v0.2", "v0.3"),
    })


class EntryKind(_EnumGenerations, enum.IntEnum):
    """How a contract is entered.

    In ABI generations v0.2 and v0.3.
    """

    MAIN = 0
    SANDBOX = 1
    CONSENSUS_STAGE = 2

    GENERATIONS = enum.nonmember(("v0.2", "v0.3"))
    _value_generations = enum.nonmember({
        "MAIN": ("v0.2", "v0.3"),
        "SANDBOX": ("v0.2", "v0.3"),
        "CONSENSUS_STAGE": ("v0.2", "v0.3"),
    })


class Permissions(_EnumGenerations, enum.IntEnum):
    """Permissions a contract sets in the permissions bitfield of its root storage slot.

    In ABI generation v0.3 only.
    """

    CAN_USE_BALANCE_FOR_MESSAGE_FEES = 1

    GENERATIONS = enum.nonmember(("v0.3",))
    _value_generations = enum.nonmember({
        "CAN_USE_BALANCE_FOR_MESSAGE_FEES": ("v0.3",),
    })


class RootOffsets(_ConstantGroup):
    """Byte offsets of the fields of a contract's root storage slot.

    In ABI generation v0.3 only.
    """

    MAJOR: typing.Final[_Constant] = _Constant("RootOffsets", "MAJOR", 0, ("v0.3",))
    CONTRACT: typing.Final[_Constant] = _Constant("RootOffsets", "CONTRACT", 1, ("v0.3",))
    CODE: typing.Final[_Constant] = _Constant("RootOffsets", "CODE", 2, ("v0.3",))
    LOCKED_SLOTS: typing.Final[_Constant] = _Constant("RootOffsets", "LOCKED_SLOTS", 3, ("v0.3",))
    UPGRADERS: typing.Final[_Constant] = _Constant("RootOffsets", "UPGRADERS", 4, ("v0.3",))
    CODE_SLOT: typing.Final[_Constant] = _Constant("RootOffsets", "CODE_SLOT", 5, ("v0.3",))
    PERMISSIONS: typing.Final[_Constant] = _Constant("RootOffsets", "PERMISSIONS", 37, ("v0.3",))

    ALL: typing.ClassVar[tuple[_Constant, ...]] = (MAJOR, CONTRACT, CODE, LOCKED_SLOTS, UPGRADERS, CODE_SLOT, PERMISSIONS)
    GENERATIONS: typing.Final[tuple[str, ...]] = ("v0.3",)


class MemoryLimiterConsts(_ConstantGroup):
    """Bytes the memory limiter charges: per wasm table entry, per file mapping and (v0.3) per file descriptor, runner load, VM spawn and storage page.

    In ABI generations v0.2 and v0.3. In v0.3 one of GenVM's internal (host-side) constants.
    """

    TABLE_ENTRY: typing.Final[_Constant] = _Constant("MemoryLimiterConsts", "TABLE_ENTRY", 64, ("v0.2", "v0.3"))
    FILE_MAPPING: typing.Final[_Constant] = _Constant("MemoryLimiterConsts", "FILE_MAPPING", 256, ("v0.2", "v0.3"))
    FD_ALLOCATION: typing.Final[_Constant] = _Constant("MemoryLimiterConsts", "FD_ALLOCATION", 96, ("v0.3",))
    RUNNER_LOAD_COST: typing.Final[_Constant] = _Constant("MemoryLimiterConsts", "RUNNER_LOAD_COST", 4096, ("v0.3",))
    VM_SPAWN_COST: typing.Final[_Constant] = _Constant("MemoryLimiterConsts", "VM_SPAWN_COST", 134217728, ("v0.3",))
    NEW_STORAGE_PAGE: typing.Final[_Constant] = _Constant("MemoryLimiterConsts", "NEW_STORAGE_PAGE", 256, ("v0.3",))
    STORAGE_PAGE_INHERITED: typing.Final[_Constant] = _Constant("MemoryLimiterConsts", "STORAGE_PAGE_INHERITED", 128, ("v0.3",))

    ALL: typing.ClassVar[tuple[_Constant, ...]] = (TABLE_ENTRY, FILE_MAPPING, FD_ALLOCATION, RUNNER_LOAD_COST, VM_SPAWN_COST, NEW_STORAGE_PAGE, STORAGE_PAGE_INHERITED)
    GENERATIONS: typing.Final[tuple[str, ...]] = ("v0.2", "v0.3")


class SpecialMethod(_EnumGenerations, enum.StrEnum):
    """Method names reserved by the host.

    In ABI generations v0.2 and v0.3.
    """

    GET_SCHEMA = "#get-schema"
    ERRORED_MESSAGE = "#error"

    GENERATIONS = enum.nonmember(("v0.2", "v0.3"))
    _value_generations = enum.nonmember({
        "GET_SCHEMA": ("v0.2", "v0.3"),
        "ERRORED_MESSAGE": ("v0.2", "v0.3"),
    })


class VmError(_EnumGenerations, enum.StrEnum):
    """Well-known VM_ERROR messages.

    In ABI generations v0.2 and v0.3.
    """

    TIMEOUT = "timeout"
    VALIDATOR_DISAGREES = "validator_disagrees"  # only in v0.2
    VERSION_TOO_BIG = "version_too_big"  # only in v0.2
    OOM = "OOM"  # only in v0.2
    INVALID_CONTRACT = "invalid_contract"

    GENERATIONS = enum.nonmember(("v0.2", "v0.3"))
    _value_generations = enum.nonmember({
        "TIMEOUT": ("v0.2", "v0.3"),
        "VALIDATOR_DISAGREES": ("v0.2",),
        "VERSION_TOO_BIG": ("v0.2",),
        "OOM": ("v0.2",),
        "INVALID_CONTRACT": ("v0.2", "v0.3"),
    })


VM_ERROR_CODE: typing.Final[dict[str, str | None]] = {
    "timeout": None,
    "malformed_entry": None,
    "leader_fault nondet_output absent": None,
    "leader_fault nondet_output malformed": None,
    "leader_fault nondet_output uses_this_error": "str",
    "leader_fault nondet_output extra": "str",
    "exit_code": "i32",
    "wasm_trap": None,
    "wasm_trap unreachable": None,
    "wasm_trap stack_overflow": None,
    "wasm_trap memory_out_of_bounds": None,
    "wasm_trap table_out_of_bounds": None,
    "wasm_trap indirect_call_to_null": None,
    "wasm_trap bad_signature": None,
    "wasm_trap integer_overflow": None,
    "wasm_trap integer_divide_by_zero": None,
    "wasm_trap bad_conversion_to_integer": None,
    "wasm_trap heap_misaligned": None,
    "wasm_trap atomic_wait_non_shared_memory": None,
    "wasm_trap out_of_fuel": None,
    "wasm_trap interrupt": None,
    "wasm_trap nondet_instruction": None,
    "wasm_trap fault": None,
    "out_of memory": None,
    "out_of memory wasm_memory": None,
    "out_of memory wasm_table": None,
    "out_of storage": None,
    "out_of receipt nondet_output": None,
    "out_of receipt message": None,
    "out_of receipt event": None,
    "out_of message_fee total": None,
    "out_of message_fee node": None,
    "out_of vm_recursion": None,
    "out_of nondet_blocks": None,
    "out_of locked_slots": None,
    "out_of upgraders": None,
    "out_of fds": None,
    "fee no_matching_node": None,
    "fee below_minimum": None,
    "fee too_many_rounds": None,
    "forbidden": None,
    "evm reverted": None,
    "invalid_contract": None,
    "invalid_contract runner absent": None,
    "invalid_contract runner malformed": None,
    "invalid_contract not_utf8_text": None,
    "invalid_contract major_mismatch": None,
    "invalid_contract wasm validating": None,
    "invalid_contract wasm linking": None,
    "invalid_contract wasm entrypoint": None,
}
"""The public codes of v0.3 VM errors (a code path and its parameter type, if any) and the known details. In ABI generation v0.3 only.

Code path -> the type of its parameter (None if it takes none). A message is a code's path, then its parameter after one space if the code takes one, then optionally " # " and a detail.
"""

VM_ERROR_CODE_DETAILS: typing.Final[tuple[str, ...]] = ("internal", "external")
"""The details a VM_ERROR_CODE message may end with, after " # "."""

VM_ERROR_CODE_GENERATIONS: typing.Final[tuple[str, ...]] = ("v0.3",)
"""The ABI generations that have VM_ERROR_CODE and VM_ERROR_CODE_DETAILS."""

class CalldataErrorKind(_EnumGenerations, enum.IntEnum):
    """The rule of calldata.md an input breaks; the numbers are the C library's first error codes.

    In ABI generations v0.2 and v0.3. This crate's own definition, not GenVM's: the same in every generation.
    """

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

    GENERATIONS = enum.nonmember(("v0.2", "v0.3"))
    _value_generations = enum.nonmember({
        "TRUNCATED_ULEB": ("v0.2", "v0.3"),
        "NON_CANONICAL_ULEB": ("v0.2", "v0.3"),
        "RESERVED_TYPE": ("v0.2", "v0.3"),
        "INVALID_ATOM": ("v0.2", "v0.3"),
        "LENGTH_TOO_LARGE": ("v0.2", "v0.3"),
        "LENGTH_PAST_END": ("v0.2", "v0.3"),
        "INVALID_UTF8": ("v0.2", "v0.3"),
        "DUPLICATE_KEY": ("v0.2", "v0.3"),
        "UNSORTED_KEYS": ("v0.2", "v0.3"),
        "TOO_DEEP": ("v0.2", "v0.3"),
        "TRAILING_BYTES": ("v0.2", "v0.3"),
    })


EVENT_MAX_TOPICS: typing.Final[int] = 4
"""Most topics one emitted event may carry. In ABI generations v0.2 and v0.3."""

EVENT_MAX_TOPICS_GENERATIONS: typing.Final[tuple[str, ...]] = ("v0.2", "v0.3")
"""The ABI generations that have EVENT_MAX_TOPICS."""

ABSENT_VERSION: typing.Final[str] = "v0.1.0"
"""Version assumed for a contract that declares none. In ABI generation v0.2 only."""

ABSENT_VERSION_GENERATIONS: typing.Final[tuple[str, ...]] = ("v0.2",)
"""The ABI generations that have ABSENT_VERSION."""

CODE_SLOT_OFFSET: typing.Final[int] = 1
"""Storage slot offset where a contract's code lives. In ABI generation v0.2 only."""

CODE_SLOT_OFFSET_GENERATIONS: typing.Final[tuple[str, ...]] = ("v0.2",)
"""The ABI generations that have CODE_SLOT_OFFSET."""
