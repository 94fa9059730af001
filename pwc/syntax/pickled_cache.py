"""Front-end objects kept on disk between runs, as pickles in the disk cache.

An entry is found by its name and key inside the directory of the current
front-end fingerprint, and checked by the disk cache to be intact and meant
for that key; so what is unpickled was written by this very front end for
this very input.  The cache directory is the user's own (like their source
files), so unpickling it trusts nothing that running pwc does not already
trust.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TypeVar

from pwc.syntax.disk_cache import cache_root, generation_dir, read_entry, write_entry
from pwc.syntax.fingerprint import frontend_fingerprint

T = TypeVar("T")


def load_cached(name: str, key: str, kind: type[T]) -> T | None:
    """The object stored under name/key, if there is one of type `kind`."""
    location = _location()
    if location is None:
        return None
    directory, fingerprint = location
    payload = read_entry(directory, name, _full_key(fingerprint, name, key))
    if payload is None:
        return None
    try:
        value = pickle.loads(payload)
    # The payload is intact and was written by this front end, so this cannot
    # fail short of a bug; if it does, rebuilding is the right answer, and the
    # set of exceptions unpickling can raise is open-ended.
    except Exception:
        return None
    return value if isinstance(value, kind) else None


def store_cached(name: str, key: str, value: object) -> None:
    """Keep `value` under name/key for later runs, if the cache is usable."""
    location = _location()
    if location is None:
        return
    directory, fingerprint = location
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        # Not picklable (a lark whose callbacks are not, a tree nested too deeply
        # for pickle): it is only slower next time.
        return
    write_entry(directory, name, _full_key(fingerprint, name, key), payload)


def _location() -> tuple[Path, str] | None:
    root = cache_root()
    fingerprint = frontend_fingerprint()
    if root is None or fingerprint is None:
        return None
    return generation_dir(root, fingerprint), fingerprint


def _full_key(fingerprint: str, name: str, key: str) -> bytes:
    return f"{fingerprint}\0{name}\0{key}".encode()
