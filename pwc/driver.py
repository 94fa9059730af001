"""Source -> wasm: parse, check, lower, link, assemble, validate.

Each stage is a pure function from one data structure to the next; this
module only sequences them, stops after the first stage that reported errors,
and measures how long each took.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from pwc import toolchain
from pwc.check import check_program
from pwc.check.loader import load_program
from pwc.diagnostics import CompileError, Diagnostics
from pwc.link import link
from pwc.lower import lower_program
from pwc.resources import stdlib_dir
from pwc.sources import read_source


class InternalError(Exception):
    """A bug in pwc (never the user's fault); the CLI asks for a report."""


@dataclass(frozen=True)
class CompileResult:
    wasm: bytes
    wat: str
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds


def compile_file(path: str | Path) -> CompileResult:
    p = Path(path)
    return compile_source(read_source(p), p)


def compile_source(source: str, path: str | Path) -> CompileResult:
    """Compile one program; raises CompileError with every diagnostic found."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    diags = Diagnostics()
    modules = load_program(Path(path), source, diags)
    lap("parse")
    if diags.has_errors:
        raise CompileError(diags)
    program = check_program(modules, diags)
    lap("check")
    if diags.has_errors:
        raise CompileError(diags)
    linked = lower_program(program)
    lap("lower")
    wat = link(linked)
    lap("link")
    try:
        wasm = toolchain.assemble(wat)
    except toolchain.ToolchainError as e:
        raise InternalError(f"the generated WAT does not assemble: {e}") from e
    lap("assemble")
    contract = None
    if "proxywasm" in modules:
        contract = toolchain.load_contract(stdlib_dir() / "proxywasm" / "contract.json")
    problems = toolchain.validate(wasm, contract)
    lap("validate")
    if problems:
        raise InternalError("the module breaks the host contract: " + "; ".join(problems))
    return CompileResult(wasm, wat, timings)
