"""Random integer functions built for lower/ranges.py, compiled and run
against CPython: masks, shifts, `%` and `//` by constants, loop counters and
bytes items bound the values, so that many additions, subtractions and
multiplications lose their overflow check, and the rest keep it.

pwc raises OverflowError("integer overflow") past 64 bits; the CPython side
runs the same source with every binary operation wrapped in `c(...)`, which
raises that error where the exact value leaves the range.  A check dropped
where it was needed shows as a wrapped value instead of the exception.
"""

from __future__ import annotations

import ast
import random
import subprocess
import sys
from pathlib import Path

import pytest

from pwc.driver import compile_source
from pwc.testing.program import run_program

pytestmark = pytest.mark.slow

MAX = 2**63 - 1
FUNCTIONS, SEEDS = 60, range(8)
CONSTANTS = [0, 1, 2, 3, 5, 7, 255, 256, 1000, 0xFFFF, 0xFFFFFFFF, 16777619, 2166136261,
             2**31 - 1, 2**32, 2**40, 2**62, MAX, -1, -2, -255, -(2**31), -(2**62)]
MASKS = [1, 255, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, 2**48 - 1, 2**62 - 1]
SHIFTS = [0, 1, 3, 8, 16, 31, 32, 40, 63, 64, 70]
DIVISORS = [1, 2, 3, 7, 255, 256, 1000, 2**32, -1, -3, -1000]
ARGUMENTS = ["0, 0, b''", "1, -1, b'abc'", f"12345, {2**40}, {bytes([255] * 9)!r}",
             f"{MAX}, -{MAX} - 1, b'x'", "-7, 3, b'\\x00\\x80'"]
CHECKED = f"""\
MAX = {MAX}
MIN = -MAX - 1


def c(value: int) -> int:
    if value > MAX or value < MIN:
        raise OverflowError("integer overflow")
    return value


"""


def expression(r: random.Random, names: list[str], depth: int) -> str:
    if depth == 0 or r.random() < 0.25:
        return r.choice(names) if r.random() < 0.6 else f"({r.choice(CONSTANTS)})"
    a = expression(r, names, depth - 1)
    op = r.choice(["+", "-", "*", "+", "*", "&", "&", "|", "^", ">>", "%", "//"])
    if op == ">>":
        return f"({a} >> {r.choice(SHIFTS)})"
    if op in ("%", "//"):
        return f"({a} {op} {r.choice(DIVISORS)})"
    if op == "&" and r.random() < 0.6:
        return f"({a} & {r.choice(MASKS)})"
    return f"({a} {op} {expression(r, names, depth - 1)})"


def function(r: random.Random, k: int) -> str:
    names = ["p", "q"]
    lines = [f"def f{k}(p: int, q: int, data: bytes) -> int:"]
    for local in ("a", "b", "d"):
        lines.append(f"    {local} = {expression(r, names, 3)}")
        names.append(local)
    lines += [f"    for i in range({r.choice([3, 8, 100])}):",
              f"        a = {expression(r, [*names, 'i'], 3)}",
              f"        b = {expression(r, [*names, 'i'], 2)}",
              "    for byte in data:",
              f"        d = {expression(r, [*names, 'byte'], 3)}",
              f"    return {expression(r, names, 2)}"]
    return "\n".join(lines)


def program(seed: int) -> str:
    r = random.Random(seed)
    functions = [function(r, k) for k in range(FUNCTIONS)]
    calls = [f"    try:\n        print({k}, f{k}({args}))\n"
             f"    except (OverflowError, ZeroDivisionError) as e:\n"
             f"        print({k}, type(e).__name__)"
             for k in range(FUNCTIONS) for args in ARGUMENTS]
    return "\n\n\n".join(functions) + "\n\n\ndef main() -> None:\n" + "\n".join(calls) \
        + "\n\n\nmain()\n"


class _Checked(ast.NodeTransformer):
    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        return ast.Call(ast.Name("c", ast.Load()), [node], [])


def checked(source: str) -> str:
    tree = _Checked().visit(ast.parse(source))
    return ast.unparse(ast.fix_missing_locations(tree))


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_integer_functions_match_cpython(seed: int, tmp_path: Path) -> None:
    source = program(seed)
    expected = subprocess.run([sys.executable, "-I", "-X", "utf8", "-c",
                               CHECKED + checked(source)],
                              capture_output=True, text=True, timeout=120, check=True).stdout
    result = run_program(compile_source(CHECKED + source, tmp_path / "prog.py").wasm)
    assert result.trap is None and result.stderr == ""
    for want, got in zip(expected.splitlines(), result.stdout.splitlines(), strict=True):
        k = int(want.split()[0])
        assert got == want, f"f{k} gave {got!r}, CPython {want!r}:\n{functions(source)[k]}"


def functions(source: str) -> list[str]:
    return source.split("\n\n\n")
