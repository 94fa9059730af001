"""The dialect's static types.

Types are frozen values compared by equality.  A class type is named by its
qualified name; its members live in the program's ClassInfo table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

WasmType = Literal["i32", "i64", "f64"]


@dataclass(frozen=True)
class IntType:
    def __str__(self) -> str:
        return "int"


@dataclass(frozen=True)
class BoolType:
    def __str__(self) -> str:
        return "bool"


@dataclass(frozen=True)
class FloatType:
    def __str__(self) -> str:
        return "float"


@dataclass(frozen=True)
class StrType:
    def __str__(self) -> str:
        return "str"


@dataclass(frozen=True)
class BytesType:
    def __str__(self) -> str:
        return "bytes"


@dataclass(frozen=True)
class NoneType:
    def __str__(self) -> str:
        return "None"


@dataclass(frozen=True)
class ListType:
    elem: Type

    def __str__(self) -> str:
        return f"list[{self.elem}]"


@dataclass(frozen=True)
class TupleType:
    items: tuple[Type, ...]

    def __str__(self) -> str:
        return f"tuple[{', '.join(str(t) for t in self.items)}]"


@dataclass(frozen=True)
class DictType:
    key: Type
    value: Type
    # A Registry (pwc_intrinsics): stores skip the copy-on-store rule.
    registry: bool = False

    def __str__(self) -> str:
        return f"dict[{self.key}, {self.value}]"


@dataclass(frozen=True)
class SetType:
    """set[T]: a dict of T to nothing at run time (insertion-ordered)."""

    elem: Type

    def __str__(self) -> str:
        return f"set[{self.elem}]"


@dataclass(frozen=True)
class OptionalType:
    """`T | None`; `inner` is never None or Optional itself."""

    inner: Type

    def __str__(self) -> str:
        return f"{self.inner} | None"


@dataclass(frozen=True)
class ClassType:
    """An instance of a user (or prelude) class, IntEnum subclasses included."""

    qualname: str  # "module.Class"
    is_enum: bool = False

    def __str__(self) -> str:
        return self.qualname.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class ClassObjectType:
    """The class itself used as a value (`Action`, `ValueError` in `except`)."""

    qualname: str

    def __str__(self) -> str:
        return f'type[{self.qualname.rsplit(".", 1)[-1]}]'


@dataclass(frozen=True)
class FuncType:
    params: tuple[Type, ...]
    ret: Type

    def __str__(self) -> str:
        return f"Callable[[{', '.join(str(p) for p in self.params)}], {self.ret}]"


@dataclass(frozen=True)
class ModuleType:
    name: str

    def __str__(self) -> str:
        return f'Module "{self.name}"'


@dataclass(frozen=True)
class AnyObjectType:
    """`object`: accepted only by a few intrinsics (`region_of`)."""

    def __str__(self) -> str:
        return "object"


@dataclass(frozen=True)
class UnknownType:
    """The type of an expression that already had an error: accepted everywhere,
    so that one mistake is reported once, not at every use."""

    def __str__(self) -> str:
        return "<error>"


Type = Union[
    IntType, BoolType, FloatType, StrType, BytesType, NoneType, ListType, TupleType, DictType,
    SetType,
    OptionalType, ClassType, ClassObjectType, FuncType, ModuleType, AnyObjectType, UnknownType,
]

INT = IntType()
BOOL = BoolType()
FLOAT = FloatType()
STR = StrType()
BYTES = BytesType()
NONE = NoneType()
OBJECT = AnyObjectType()
UNKNOWN = UnknownType()


def optional(t: Type) -> Type:
    if isinstance(t, (NoneType, OptionalType)):
        return t
    return OptionalType(t)


def is_scalar(t: Type) -> bool:
    """Held unboxed in a wasm value (so `T | None` of it needs a box)."""
    return isinstance(t, (IntType, BoolType, FloatType)) or (
        isinstance(t, ClassType) and t.is_enum
    )


def is_key(t: Type) -> bool:
    """A type the runtime's dicts and sets can hash: int, str and float
    (runtime/dict.wat compares float keys as floats, so -0.0 == 0.0)."""
    return isinstance(t, (IntType, StrType, FloatType))


def wasm_type(t: Type) -> WasmType:
    match t:
        case IntType():
            return "i64"
        case ClassType(is_enum=True):
            return "i64"
        case FloatType():
            return "f64"
        case _:
            return "i32"


def is_pointer(t: Type) -> bool:
    """Represented as a pointer to a heap or static object (0 for None)."""
    return wasm_type(t) == "i32" and not isinstance(t, (BoolType, NoneType))
