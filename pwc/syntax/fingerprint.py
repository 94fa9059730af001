"""One digest of everything that decides what the front end produces.

The disk cache (disk_cache.py) keys its entries by it, so a cached grammar or
syntax tree can only be read back by a front end that would have built
exactly the same one: the grammar text, the source of every pwc.syntax
module (the tree builders, the AST classes, the LALR tables' layout) and of
pwc.diagnostics (Span), lark's version (its lexer, its tree-building
callbacks, which are pickled) and the Python version (pickle, `re`).

The sources stand in for pwc's version number: they change whenever the
output could, including between releases in a development checkout, and
reading them (~100 KB) is cheaper than importlib.metadata.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from functools import cache
from pathlib import Path

import lark

from pwc import diagnostics
from pwc.resources import grammar_file

_SYNTAX_PACKAGE = Path(__file__).resolve().parent


@cache
def frontend_fingerprint() -> str | None:
    """The hex digest, or None if a source file cannot be read (then nothing is cached)."""
    digest = hashlib.sha256()
    versions = f"lark {lark.__version__}; {sys.implementation.cache_tag}; {sys.version}"
    digest.update(f"{versions}; pickle {pickle.HIGHEST_PROTOCOL}\n".encode())
    files = [grammar_file(), Path(diagnostics.__file__), *sorted(_SYNTAX_PACKAGE.glob("*.py"))]
    try:
        for file in files:
            content = file.read_bytes()
            digest.update(f"{file.name} {len(content)}\n".encode())
            digest.update(content)
    except OSError:
        return None
    return digest.hexdigest()
