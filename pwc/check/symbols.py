"""Symbol tables: what the checker knows about modules, functions, classes, globals.

These are the checker's working state (filled in declaration order), not
its output; the output is the TIR in tir.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from pwc.check.types import Type
from pwc.diagnostics import Span
from pwc.syntax import ast


@dataclass
class ParamInfo:
    name: str
    type: Type
    default: ast.Expr | None
    keyword_only: bool
    span: Span


@dataclass
class FuncInfo:
    symbol: str  # "module.f" or "module.Class.m"
    name: str
    module: str
    node: ast.FunctionDef
    cls: str | None = None  # owning class qualname for methods
    params: list[ParamInfo] = field(default_factory=list)  # self excluded for methods
    ret: Type | None = None
    host_import: tuple[str, str] | None = None
    export: str | None = None
    # Export only if some class overrides one of these (class qualname, method).
    export_if_overridden: tuple[tuple[str, str], ...] = ()
    # Export only if the program can call one of these functions.
    export_if_reachable: tuple[str, ...] = ()
    wasm_i32_params: tuple[bool, ...] = ()
    wasm_i32_ret: bool = False


@dataclass
class ClassInfo:
    qualname: str
    name: str
    module: str
    node: ast.ClassDef
    base: str | None = None
    is_enum: bool = False
    enum_members: dict[str, int] = field(default_factory=dict)
    fields: dict[str, Type] = field(default_factory=dict)  # own fields, declaration order
    field_spans: dict[str, Span] = field(default_factory=dict)
    field_defaults: dict[str, ast.Expr] = field(default_factory=dict)
    methods: dict[str, FuncInfo] = field(default_factory=dict)
    # Class constants: (type, value).  A literal's type is known when declared;
    # any other value is held in a module variable named "<qualname>.<NAME>",
    # set where the class statement runs, and its type is None until inferred.
    consts: dict[str, tuple[Type | None, ast.Expr]] = field(default_factory=dict)
    is_exception: bool = False
    is_dataclass: bool = False


@dataclass
class GlobalInfo:
    symbol: str
    type: Type | None  # None until its first assignment has been checked
    span: Span


@dataclass(frozen=True)
class ModuleRef:
    name: str


@dataclass(frozen=True)
class FuncRef:
    symbol: str


@dataclass(frozen=True)
class ClassRef:
    qualname: str


@dataclass(frozen=True)
class GlobalRef:
    symbol: str


@dataclass(frozen=True)
class SpecialRef:
    """A name with a meaning built into the compiler: `Optional`, `IntEnum`,
    `export`, `len`, `int`, ... (`name` is "module.name", e.g. "typing.Optional")."""

    name: str


@dataclass(frozen=True)
class DeferredImport:
    """`from m import x` before m's own names are declared (resolved right after)."""

    module: str
    name: str
    span: Span


Symbol = Union[ModuleRef, FuncRef, ClassRef, GlobalRef, SpecialRef, DeferredImport]


@dataclass
class ModuleInfo:
    name: str
    path: str
    tree: ast.Module
    is_stdlib: bool
    scope: dict[str, Symbol] = field(default_factory=dict)
    imports: list[str] = field(default_factory=list)  # modules this one imports

    @property
    def location_prefix(self) -> str | None:
        """The file name run-time error locations give for this module's
        functions; None for pwc's library (the prelude, the SDK, std), whose
        frames are not shown: an error raised there is located at the line of
        the program that called into it.  (Recording the library's frames
        cost 0.9-2 KB per plugin, in names and line bookkeeping, for the rare
        error that reaches no frame of the program.)"""
        return None if self.is_stdlib else self.path.rsplit("/", 1)[-1]


@dataclass
class Tables:
    modules: dict[str, ModuleInfo] = field(default_factory=dict)
    funcs: dict[str, FuncInfo] = field(default_factory=dict)
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    globals: dict[str, GlobalInfo] = field(default_factory=dict)

    def base_first(self) -> list[ClassInfo]:
        """Every class, each after its base."""
        out: list[ClassInfo] = []
        done: set[str] = set()

        def visit(c: ClassInfo) -> None:
            if c.qualname in done:
                return
            done.add(c.qualname)
            if c.base is not None:
                visit(self.classes[c.base])
            out.append(c)

        for c in self.classes.values():
            visit(c)
        return out

    def overridden(self, methods: tuple[tuple[str, str], ...]) -> bool:
        """Whether a subclass of a (class, method) pair's class defines the method."""
        return any(method in self.classes[sub].methods
                   for cls, method in methods for sub in self.subclasses(cls))

    def subclasses(self, qualname: str) -> list[str]:
        """Strict subclasses of a class, transitively."""
        out: list[str] = []
        for c in self.classes.values():
            b = c.base
            while b is not None:
                if b == qualname:
                    out.append(c.qualname)
                    break
                b = self.classes[b].base
        return out

    def mro(self, qualname: str) -> list[ClassInfo]:
        out: list[ClassInfo] = []
        q: str | None = qualname
        while q is not None:
            info = self.classes[q]
            out.append(info)
            q = info.base
        return out

    def find_method(self, qualname: str, name: str) -> FuncInfo | None:
        for c in self.mro(qualname):
            if name in c.methods:
                return c.methods[name]
        return None

    def find_field(self, qualname: str, name: str) -> tuple[ClassInfo, Type] | None:
        for c in self.mro(qualname):
            if name in c.fields:
                return c, c.fields[name]
        return None

    def find_const(self, qualname: str,
                   name: str) -> tuple[ClassInfo, Type | None, ast.Expr] | None:
        """A class-level value: a constant, or a field's class-body default."""
        for c in self.mro(qualname):
            if name in c.consts:
                t, value = c.consts[name]
                return c, t, value
            if name in c.field_defaults:
                return c, c.fields[name], c.field_defaults[name]
        return None

    def is_subclass(self, sub: str, sup: str) -> bool:
        q: str | None = sub
        while q is not None:
            if q == sup:
                return True
            q = self.classes[q].base
        return False
