"""Parsed modules kept on disk between runs, for the stdlib every compile loads.

The prelude and proxywasm (~3,000 lines) are the same in every compile, and
parsing them would be most of the parse stage (~160 ms); unpickling their
trees takes ~20 ms.  An entry is keyed by a digest of the module's
display path (spans hold it) and its full text, inside the directory of the
front-end fingerprint: a changed file, or a changed parser, can only miss.

Only modules that parsed without any diagnostic are kept: a module with
errors returns no tree, and its diagnostics are cheap to find again.
"""

from __future__ import annotations

import hashlib

from pwc.syntax import ast
from pwc.syntax.pickled_cache import load_cached, store_cached


def load_parsed(source: str, path: str) -> ast.Module | None:
    """The tree of an earlier clean parse of exactly this text at this path."""
    name, key = _entry(source, path)
    return load_cached(name, key, ast.Module)


def store_parsed(source: str, path: str, module: ast.Module) -> None:
    name, key = _entry(source, path)
    store_cached(name, key, module)


def _entry(source: str, path: str) -> tuple[str, str]:
    digest = hashlib.sha256(f"{path}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"module-{digest}.pickle", digest
