"""Per-function checking state: declared locals, narrowed types, temporaries."""

from __future__ import annotations

from dataclasses import dataclass, field

from pwc.check.types import Type


@dataclass
class FunctionScope:
    """What the body checker knows while it walks one function (or module init)."""

    symbol: str
    ret: Type | None  # None for module init
    params: list[tuple[str, Type]] = field(default_factory=list)
    locals: dict[str, Type] = field(default_factory=dict)  # declared type of each local
    local_order: list[str] = field(default_factory=list)
    # Narrowed types of locals and of `name.attr` paths, valid at the current point.
    narrowed: dict[str, Type] = field(default_factory=dict)
    # Narrowed attribute paths and module variables ("<global>name") a call
    # may have changed since they were narrowed (a method setting
    # `self.conn = None`, a function with `global`): mypy keeps the
    # narrowing, so pwc keeps it too, but checks it where it is read
    # (ExprChecker.checked_narrowing).
    stale: set[str] = field(default_factory=set)
    assigned_names: frozenset[str] = frozenset()  # names assigned anywhere in the body
    global_names: frozenset[str] = frozenset()  # names of its `global` statements
    loop_depth: int = 0
    handler_stack: list[str] = field(default_factory=list)  # locals holding caught exceptions
    # `except E as e` binds `e` for the handler only: e -> that handler's own local.
    renames: dict[str, str] = field(default_factory=dict)
    decl_lines: dict[str, int] = field(default_factory=dict)  # where each local was declared
    _temps: int = 0

    def resolve(self, name: str) -> str:
        return self.renames.get(name, name)

    def declare(self, name: str, t: Type) -> None:
        if name not in self.locals and all(name != p for p, _ in self.params):
            self.locals[name] = t
            self.local_order.append(name)

    def type_of(self, name: str) -> Type | None:
        name = self.resolve(name)
        for p, t in self.params:
            if p == name:
                return t
        return self.locals.get(name)

    def temp(self, t: Type, hint: str = "t") -> str:
        self._temps += 1
        name = f"${hint}{self._temps}"
        self.declare(name, t)
        return name

    def calls_made(self) -> None:
        """Code that may change fields and module variables ran: every
        narrowing of one becomes stale (locals cannot change behind our back)."""
        self.stale.update(k for k in self.narrowed if "." in k or k.startswith("<global>"))

    def narrow(self, narrowings: dict[str, Type], fresh: bool) -> None:
        """Narrow these paths; `fresh`: nothing ran since the test that proved
        them (a test without calls, an assignment)."""
        self.narrowed.update(narrowings)
        if fresh:
            self.stale.difference_update(narrowings)

    def invalidate(self, path: str) -> None:
        """Forget narrowings of `path` and of every attribute path under it."""
        for key in [k for k in self.narrowed if k == path or k.startswith(path + ".")]:
            del self.narrowed[key]
