"""The report of an uncaught exception (the prelude's `_report_uncaught`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pwc.driver import compile_source
from pwc.testing.program import run_program

CASES = {
    # The innermost location of the program's own code, CPython's last line.
    "location": (
        "prög.py",
        "def ratio(n: int) -> int:\n"
        "    return 10 // n\n"
        "def outer(n: int) -> int:\n"
        "    return ratio(n) + 1\n"
        "print(outer(0))\n",
        "Traceback (most recent call last):\n  prög.py:2 in ratio\n"
        "ZeroDivisionError: integer division or modulo by zero\n",
    ),
    # The report goes out as the host would see the text: an escaped byte as
    # that byte (a strict encode raised inside the report, which then printed
    # nothing).
    "escaped host bytes": (
        "bad.py",
        "def main() -> None:\n"
        "    raise ValueError(b'bad \\xff value'.decode('utf-8', 'surrogateescape'))\n"
        "main()\n",
        "Traceback (most recent call last):\n  bad.py:2 in main\n"
        "ValueError: bad \udcff value\n",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_an_uncaught_exception_is_reported(case: str, tmp_path: Path) -> None:
    name, source, report = CASES[case]
    result = run_program(compile_source(source, tmp_path / name).wasm)
    assert result.stderr == report
    assert result.trap is not None  # after the report
