"""The report of an uncaught exception (the prelude's `_report_uncaught`)."""

from __future__ import annotations

from pathlib import Path

from pwc.driver import compile_source
from pwc.testing.program import run_program


def test_a_message_holding_escaped_host_bytes_is_reported(tmp_path: Path) -> None:
    """The report goes out as the host would see the text: an escaped byte
    as that byte (a strict encode raised inside the report, which then
    printed nothing)."""
    source = ("def main() -> None:\n"
              "    raise ValueError(b'bad \\xff value'.decode('utf-8', 'surrogateescape'))\n"
              "main()\n")
    result = run_program(compile_source(source, tmp_path / "bad.py").wasm)
    assert result.stderr == ("Traceback (most recent call last):\n  bad.py:2 in main\n"
                             "ValueError: bad \udcff value\n")
    assert result.trap is not None  # after the report
