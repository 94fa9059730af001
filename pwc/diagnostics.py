"""Diagnostics: every message pwc gives a user is a Diagnostic with a Span.

One renderer turns them into `path:line:col: error: message`, the source line
and a caret under the span.  Stages never print; they append to a Diagnostics
collection carried by the Compilation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "note"]


@dataclass(frozen=True)
class Span:
    """A region of one source file; lines and columns start at 1."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int  # exclusive

    def to(self, other: Span) -> Span:
        """The span from the start of self to the end of other."""
        return Span(self.path, self.line, self.col, other.end_line, other.end_col)


NO_SPAN = Span("<pwc>", 1, 1, 1, 1)


@dataclass(frozen=True)
class Diagnostic:
    span: Span
    message: str
    hint: str | None = None
    severity: Severity = "error"


@dataclass
class Diagnostics:
    """Collects diagnostics and knows the source text needed to render them."""

    sources: dict[str, str] = field(default_factory=dict)
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, span: Span, message: str, hint: str | None = None) -> None:
        self.items.append(Diagnostic(span, message, hint))

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

    def render(self) -> str:
        seen: set[tuple[str, int, int, str]] = set()
        parts: list[str] = []
        for d in sorted(self.items, key=lambda d: (d.span.path, d.span.line, d.span.col)):
            key = (d.span.path, d.span.line, d.span.col, d.message)
            if key in seen:
                continue
            seen.add(key)
            parts.append(render(d, self.sources.get(d.span.path)))
        return "".join(parts)


def render(d: Diagnostic, source: str | None) -> str:
    s = d.span
    out = f"{s.path}:{s.line}:{s.col}: {d.severity}: {d.message}\n"
    if source is not None:
        # Python's line ends only (str.splitlines also breaks at \f, \x1c, ...).
        lines = re.split(r"\r\n|\r|\n", source)
        if 1 <= s.line <= len(lines):
            text = lines[s.line - 1].expandtabs(1)
            width = (s.end_col - s.col) if s.end_line == s.line else len(text) - s.col + 1
            out += f"    {text}\n    {' ' * (s.col - 1)}{'^' * max(1, width)}\n"
    if d.hint:
        out += f"    hint: {d.hint}\n"
    return out


class CompileError(Exception):
    """Raised by the driver when a stage reported errors; carries them all."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        super().__init__(diagnostics.render())
        self.diagnostics = diagnostics
