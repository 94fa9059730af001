"""A small on-disk store of byte blobs that can never hand back a wrong one.

The front end keeps its analysed grammar and the parsed stdlib here between
runs (see grammar.py and parse_cache.py).  It is only a speed-up, so every
failure -- no home directory, a read-only disk, a file half written by a
process that died, a file truncated or edited by hand -- reads as "not
cached" and never as an error.

Where: `$PWC_CACHE_DIR`, else `$XDG_CACHE_HOME/pwc`, else `~/.cache/pwc`;
`PWC_NO_CACHE=1` turns the store off.  Inside it, one directory per front-end
fingerprint (fingerprint.py), so a pwc upgrade or an edit to the parser
starts a fresh directory; only the few most recently written ones are kept.

Entry file: MAGIC, the sha256 of the entry's key, the sha256 of the payload,
then the payload.  Reading checks all three, so a file is used only if it is
complete and was written for exactly this key.  Writing goes to a temporary
file in the same directory and is renamed into place, so readers never see a
partial file even when several compiles run at once.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

MAGIC = b"pwc-cache-1\n"
_DIGEST_SIZE = 32
_HEADER_SIZE = len(MAGIC) + 2 * _DIGEST_SIZE
# Fingerprint directories kept; older ones are left behind by upgrades of pwc
# (or, for pwc's developers, by edits to the parser) and would only pile up.
KEPT_GENERATIONS = 4
_GENERATION_NAME = re.compile(r"[0-9a-f]{32}")


def cache_root() -> Path | None:
    """The user's pwc cache directory, or None if caching is off or there is no home."""
    if os.environ.get("PWC_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("PWC_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec says to ignore relative paths
        return Path(xdg) / "pwc"
    try:
        home = Path.home()
    except RuntimeError:  # no home directory can be determined
        return None
    # Without HOME or a passwd entry, Python 3.11 leaves "~" as it is.
    return home / ".cache" / "pwc" if home.is_absolute() else None


def generation_dir(root: Path, fingerprint: str) -> Path:
    """The directory of one front-end fingerprint (a hex digest) inside root."""
    return root / fingerprint[:32]


def read_entry(directory: Path, name: str, key: bytes) -> bytes | None:
    """The payload stored under `name` for `key`, or None if absent or not intact."""
    try:
        data = (directory / name).read_bytes()
    except OSError:
        return None
    if len(data) < _HEADER_SIZE or not data.startswith(MAGIC):
        return None
    key_digest = data[len(MAGIC) : len(MAGIC) + _DIGEST_SIZE]
    payload_digest = data[len(MAGIC) + _DIGEST_SIZE : _HEADER_SIZE]
    payload = data[_HEADER_SIZE:]
    if key_digest != _sha256(key) or payload_digest != _sha256(payload):
        return None
    return payload


def write_entry(directory: Path, name: str, key: bytes, payload: bytes) -> None:
    """Store `payload` under `name` for `key`; silently does nothing if it cannot."""
    try:
        if not directory.is_dir():
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            _prune_generations(directory.parent, keep=directory)
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + _sha256(key) + _sha256(payload))
            out.write(payload)
        os.replace(temporary, directory / name)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _prune_generations(root: Path, keep: Path) -> None:
    """Remove all but the most recently written fingerprint directories.

    Only directories named like a fingerprint are candidates, so a cache
    root that happens to hold anything else loses nothing else.  A process
    still using a removed directory just finds nothing cached.
    """
    try:
        generations = [
            d
            for d in root.iterdir()
            if d != keep and _GENERATION_NAME.fullmatch(d.name) and d.is_dir()
        ]
        generations.sort(key=lambda d: d.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in generations[KEPT_GENERATIONS - 1 :]:
        shutil.rmtree(stale, ignore_errors=True)


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()
