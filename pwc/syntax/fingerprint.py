"""One digest of everything that decides what the front end produces.

The disk cache (disk_cache.py) keys its entries by it, so a cached grammar or
syntax tree can only be read back by a front end that would have built
exactly the same one: the grammar text, the source of every pwc.syntax
module (the tree builders, the AST classes, the LALR tables' layout) and of
pwc.diagnostics (Span), lark's version (its lexer, its tree-building
callbacks, which are pickled) and the Python version (pickle, `re`,
`unicodedata`).  pwc.syntax imports nothing else from pwc that could change
its output (pwc.resources only finds files); a test keeps it that way.

The sources stand in for pwc's version number: they change whenever the
output could, including between releases in a development checkout, and
reading them (~100 KB, under a millisecond) is cheaper than asking
importlib.metadata for the version.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import lark

from pwc import diagnostics
from pwc.resources import grammar_file

_SYNTAX_PACKAGE = Path(__file__).resolve().parent


@cache
def frontend_fingerprint() -> str | None:
    """The hex digest, or None if a source file cannot be read (then nothing is cached)."""
    versions = (
        f"lark {lark.__version__}; python {sys.version}; {sys.implementation.cache_tag}; "
        f"pickle {pickle.HIGHEST_PROTOCOL}"
    )
    return digest_of(frontend_files(), versions)


def frontend_files() -> list[Path]:
    """The grammar and the Python sources the front end's output depends on."""
    return [grammar_file(), Path(diagnostics.__file__), *sorted(_SYNTAX_PACKAGE.glob("*.py"))]


def digest_of(files: Sequence[Path], versions: str) -> str | None:
    """sha256 over `versions` and each file's name and content; None if one is unreadable."""
    digest = hashlib.sha256(f"{versions}\n".encode())
    try:
        for file in files:
            content = file.read_bytes()
            digest.update(f"{file.name} {len(content)}\n".encode())
            digest.update(content)
    except OSError:
        return None
    return digest.hexdigest()
