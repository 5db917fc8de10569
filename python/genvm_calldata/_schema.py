"""Contract schemas: what a contract's ``#get-schema`` method returns
(``spec/schema.md``). The ``genvm-calldata-schema`` crate reads them, checks
calls, deployments and return values against them and builds calls from
loosely typed values (the native module); this file holds the ``Schema`` and
``Method`` classes and the keyword arguments."""

import dataclasses
import types
from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence, Tuple

from . import _native
from ._calls import AbiGeneration, _arguments

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


@dataclasses.dataclass(frozen=True)
class Method:
    """A method of a :class:`Schema`, or its constructor (``name`` is then
    ``None``). Types are written as signatures write them (``"int"``,
    ``"list[address]"``, ``"{owner: address, amount: int}"``, ``"int |
    null"``); ``str()`` is the whole signature, ``"write transfer(to:
    address, amount: int, *, memo: string | null) -> bool"``."""

    name: Optional[str]
    params: Tuple[Tuple[str, str], ...]
    """The positional parameters in order: (name, type)."""
    kwparams: Tuple[Tuple[str, str], ...]
    """The keyword-only parameters, sorted by name: (name, type)."""
    readonly: bool
    payable: bool
    ret: Optional[str]
    """The return type; ``None`` for the constructor."""
    min_gas_leader: Optional[int]
    min_gas_validator: Optional[int]
    signature: str

    def __str__(self) -> str:
        return self.signature


def _method(parts: Tuple[Any, ...]) -> Method:
    name, signature, params, kwparams, readonly, payable, ret, leader, validator = parts
    return Method(name, tuple(params), tuple(kwparams), readonly, payable, ret, leader, validator, signature)


class Schema:
    """A contract's schema, read strictly: ``Schema.from_json(text)`` (or
    ``Schema(text)``) and ``Schema.from_calldata(data)`` raise
    :class:`SchemaError` with the path of the part at fault.

    ``methods`` maps each public method's name to its :class:`Method`
    (sorted by name; ``#get-schema``, which every contract answers, is not
    among them but :meth:`method` finds it), ``constructor`` is the
    constructor's."""

    __slots__ = ("_native", "_methods", "_constructor")

    def __init__(self, text: str) -> None:
        self._setup(_native.Schema.from_json(text))

    def _setup(self, native: Any) -> None:
        self._native = native
        methods = {method.name: method for method in map(_method, native.methods())}
        self._methods: Mapping[str, Method] = types.MappingProxyType(methods)
        self._constructor = _method(native.constructor())

    @classmethod
    def from_json(cls, text: str) -> "Schema":
        """Reads a schema from its JSON text."""
        return cls(text)

    @classmethod
    def from_calldata(cls, data: "ReadableBuffer") -> "Schema":
        """Reads a schema from the calldata ``#get-schema`` returns (a
        calldata string holding the JSON)."""
        schema = cls.__new__(cls)
        schema._setup(_native.Schema.from_calldata(data))
        return schema

    @property
    def methods(self) -> Mapping[str, Method]:
        """The public methods by name, sorted by name."""
        return self._methods

    @property
    def constructor(self) -> Method:
        """The constructor: its parameters, for deployments."""
        return self._constructor

    def method(self, name: str) -> Optional[Method]:
        """The method named ``name`` (``#get-schema`` too), or ``None``."""
        parts = self._native.method(name)
        return None if parts is None else _method(parts)

    def check_call(self, data: "ReadableBuffer", *, abi: AbiGeneration = "v0.2", strict: bool = False) -> None:
        """Checks a call's calldata (of the generation ``abi``) against its
        method: it must be calldata (``not_calldata``) and a call
        (``not_a_call``), the method must exist (``unknown_method``) and the
        arguments fit it (``too_many_args``, ``type_mismatch``, ...). With
        ``strict``, every parameter and record field must be given."""
        self._native.check_call(data, abi, strict)

    def check_deployment(
        self, data: "ReadableBuffer", *, abi: AbiGeneration = "v0.2", strict: bool = False
    ) -> None:
        """Checks a deployment's calldata (a call without a method name)
        against the constructor."""
        self._native.check_deployment(data, abi, strict)

    def check_return(self, method: str, data: "ReadableBuffer", *, strict: bool = False) -> None:
        """Checks a return value's calldata against ``method``'s return
        type; the error's path starts with ``ret``."""
        self._native.check_return(method, data, strict)

    def build(
        self,
        method: Optional[str],
        args: Sequence[Any] = (),
        kwargs: Optional[Mapping[str, Any]] = None,
        *,
        abi: AbiGeneration = "v0.2",
        strict: bool = False,
    ) -> bytes:
        """The calldata of a call of ``method`` (``None``: a deployment) in
        ``abi``, from loosely typed arguments, each read by its parameter's
        type as the schema crate reads JSON (``spec/schema.md``, "Building
        calls"): ``int`` from an ``int`` or a decimal ``str``, ``address``
        from ``"0x"`` and 40 hex digits, ``bytes`` from ``0x`` hex, base64 or
        a list of byte values, ... An argument holding ``bytes``, an
        :class:`Address` or an ``int`` beyond 64 bits (which JSON has no form
        for) is taken as calldata as it is, converted as ``encode`` converts
        it, and must then fit the type as it stands. The call is checked as
        :meth:`check_call` checks; what does not fit raises
        :class:`SchemaError`."""
        return self._native.build(method, _arguments(args), {} if kwargs is None else kwargs, abi, strict)

    def build_call(self, method: str, /, *args: Any, abi: AbiGeneration = "v0.2", **kwargs: Any) -> bytes:
        """``build(method, args, kwargs, abi=abi)``: a call of ``method``
        with positional and keyword arguments as Python passes them."""
        return self.build(method, args, kwargs, abi=abi)

    def build_deployment(self, *args: Any, abi: AbiGeneration = "v0.2", **kwargs: Any) -> bytes:
        """``build(None, args, kwargs, abi=abi)``: a deployment."""
        return self.build(None, args, kwargs, abi=abi)

    def __repr__(self) -> str:
        return f"<Schema of {len(self._methods)} methods>"
