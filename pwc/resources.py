"""Where pwc finds its grammar, runtime and stdlib, installed or from a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def data_root() -> Path:
    """The directory holding grammar/, runtime/ and stdlib/."""
    here = Path(__file__).resolve().parent
    for base in (here.parent, here / "_data"):
        if (base / "grammar" / "pwc.lark").is_file():
            return base
    raise FileNotFoundError("pwc data files (grammar/, runtime/, stdlib/) are missing")


def grammar_file() -> Path:
    return data_root() / "grammar" / "pwc.lark"


def runtime_dir() -> Path:
    return data_root() / "runtime"


def stdlib_dir() -> Path:
    return data_root() / "stdlib"
