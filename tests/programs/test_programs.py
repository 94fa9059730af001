"""The differential corpus: each program in this directory must print exactly the
same bytes under CPython and compiled by pwc to wasm (see README.md).

CPython is the oracle: expected output is never stored, it is produced by
running the program with the interpreter running these tests.
"""

from __future__ import annotations

import difflib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import pytest

from pwc.diagnostics import CompileError
from pwc.testing.program import ProgramResult, run_program

PROGRAMS_DIR = Path(__file__).parent
# Everything here that pytest would not collect is a program.
PROGRAMS = sorted(p for p in PROGRAMS_DIR.glob("*.py") if not p.name.startswith("test_"))
PROGRAM_PARAMS = [pytest.param(path, id=path.name) for path in PROGRAMS]

# Known differences, each with the issue that removes it.  strict: a program
# that starts passing fails the run, so the entry cannot outlive the fix.
KNOWN_DIFFERENCES: dict[str, str] = {
    # Compiler bugs found by the corpus (issue 3), one minimal program each.
}
COMPILED_PARAMS = [
    pytest.param(path, id=path.name, marks=pytest.mark.xfail(
        reason=KNOWN_DIFFERENCES[path.name], strict=True))
    if path.name in KNOWN_DIFFERENCES else pytest.param(path, id=path.name)
    for path in PROGRAMS
]

CPYTHON_TIMEOUT_SECONDS = 60


class CompiledProgram(Protocol):
    @property
    def wasm(self) -> bytes: ...


CompileFile = Callable[[Path], CompiledProgram]


def run_under_cpython(program: Path) -> subprocess.CompletedProcess[bytes]:
    # -I: no user site, no PYTHON* variables, no script directory on sys.path;
    # -X utf8: stdout is UTF-8 whatever the locale, as fd_write's bytes are.
    return subprocess.run(
        [sys.executable, "-I", "-X", "utf8", str(program)],
        capture_output=True,
        timeout=CPYTHON_TIMEOUT_SECONDS,
    )


def decode(output: bytes) -> str:
    """The same lossless decoding run_program applies to the wasm side."""
    return output.decode("utf-8", errors="surrogateescape")


def load_compile_file() -> CompileFile:
    """pwc.driver.compile_file, or a skip while the driver does not exist yet.

    Only the absence of pwc.driver itself skips: an ImportError raised from
    inside the driver (a broken import in the compiler) fails the test."""
    try:
        from pwc.driver import compile_file  # type: ignore[import-not-found, unused-ignore]
    except ModuleNotFoundError as e:
        if e.name != "pwc.driver":
            raise
        pytest.skip("pwc.driver does not exist yet: only the CPython half of the corpus runs")
    compile_program: CompileFile = compile_file
    return compile_program


@pytest.mark.parametrize("program", PROGRAM_PARAMS)
def test_program_runs_under_cpython(program: Path) -> None:
    run = run_under_cpython(program)
    assert run.returncode == 0, (
        f"{program.name} exited with {run.returncode} under CPython:\n{decode(run.stderr)}"
    )
    assert run.stderr == b"", f"{program.name} wrote to stderr:\n{decode(run.stderr)}"
    assert run.stdout.strip() != b"", f"{program.name} printed nothing: nothing to compare"


def test_programs_pass_mypy_strict(tmp_path: Path) -> None:
    # An empty config and a fresh cache: the programs are checked as plain
    # Python against typeshed, not with the project's settings (whose
    # mypy_path holds pwc's own stdlib), and no earlier run can hide an error.
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n")
    options = ["--strict", "--python-version", "3.11", "--config-file", str(config)]
    options += ["--cache-dir", str(tmp_path / "cache")]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", *options, *(str(p) for p in PROGRAMS)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_program_names_are_not_collected_as_tests() -> None:
    # pytest imports *_test.py too: a program with such a name would run at collection.
    collected = [p.name for p in PROGRAMS if p.name.endswith("_test.py")]
    assert collected == []


@pytest.mark.parametrize("program", COMPILED_PARAMS)
def test_compiled_program_prints_what_cpython_prints(program: Path) -> None:
    compile_file = load_compile_file()
    expected = run_under_cpython(program)
    assert expected.returncode == 0, f"{program.name} fails under CPython itself"
    try:
        compiled = compile_file(program)
    except CompileError as e:
        pytest.fail(f"{program.name} does not compile:\n{e}", pytrace=False)
    actual = run_program(compiled.wasm)
    expected_stdout = decode(expected.stdout)
    if actual != ProgramResult(expected_stdout, "", None):
        pytest.fail(describe_mismatch(program.name, expected_stdout, actual), pytrace=False)


def describe_mismatch(name: str, expected_stdout: str, actual: ProgramResult) -> str:
    parts = [f"{name}: the compiled program's output differs from CPython's"]
    if actual.trap is not None:
        parts.append(f"it trapped: {actual.trap}")
    if actual.stderr:
        parts.append(f"it wrote to stderr:\n{actual.stderr}")
    if actual.stdout != expected_stdout:
        diff = difflib.unified_diff(
            expected_stdout.splitlines(keepends=True),
            actual.stdout.splitlines(keepends=True),
            fromfile=f"{name} (CPython)",
            tofile=f"{name} (compiled)",
        )
        parts.append("stdout diff:\n" + "".join(_visible_line_end(line) for line in diff))
    return "\n".join(parts)


def _visible_line_end(line: str) -> str:
    # A missing final newline would otherwise glue two diff lines together.
    return line if line.endswith("\n") else line + "\n\\ No newline at end of output\n"
