"""Reading source files: Python source is UTF-8; anything else is a compile error."""

from __future__ import annotations

from pathlib import Path

from pwc.diagnostics import CompileError, Diagnostics, Span


def read_source(path: Path) -> str:
    """The text of a source file; bytes that are not UTF-8 are a compile error."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        diags = Diagnostics()
        diags.error(Span(str(path), line, col, line, col + 1),
                    f"the source is not valid UTF-8 (byte 0x{data[e.start]:02x})",
                    "save the file as UTF-8, as Python expects")
        raise CompileError(diags) from None
