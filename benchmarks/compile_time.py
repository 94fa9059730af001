"""How long pwc takes to compile a plugin: in-process (warm) and as a fresh
`python -m pwc` process (cold: interpreter start, imports, stdlib parse).

Both wall time and CPU time are kept.  On a shared machine wall time says
as much about the neighbours as about pwc; CPU time (this process plus the
wat2wasm / wasm tools it runs) is the steadier number.
"""

from __future__ import annotations

import atexit
import functools
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from benchmarks.stats import median
from pwc.diagnostics import CompileError
from pwc.driver import CompileResult, InternalError, compile_file

T = TypeVar("T")

FRESH_PROCESS_TIMEOUT = 120.0


class CompileFailed(Exception):
    """pwc rejected or crashed on a plugin; the message has its diagnostics."""


@dataclass(frozen=True)
class Clocked:
    wall_seconds: float
    cpu_seconds: float  # this process and the children it waited for


@dataclass(frozen=True)
class InProcessTiming:
    runs: int
    wall_ms: float  # medians
    cpu_ms: float
    stage_ms: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class FreshProcessTiming:
    wall_ms: float
    cpu_ms: float


def clocked(work: Callable[[], T]) -> tuple[T, Clocked]:
    """Run `work`; its result and how long it took (wall, CPU incl. children)."""
    before_self = time.process_time()
    before_children = _children_cpu()
    start = time.perf_counter()
    result = work()
    wall = time.perf_counter() - start
    cpu = (time.process_time() - before_self) + (_children_cpu() - before_children)
    return result, Clocked(wall, cpu)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compile_plugin(source: Path) -> CompileResult:
    """compile_file, with pwc's errors turned into CompileFailed."""
    try:
        return compile_file(source)
    except CompileError as e:
        rendered = e.diagnostics.render().strip()
        first = rendered.splitlines()[0] if rendered else "no diagnostics"
        raise CompileFailed(f"pwc rejects {source.name}: {first}\n{rendered}") from None
    except InternalError as e:
        raise CompileFailed(f"pwc failed on {source} (internal error): {e}") from None


def time_in_process(source: Path, runs: int) -> tuple[bytes, InProcessTiming]:
    """`runs` timed compiles; the module and the medians.

    pwc's process-wide caches (the parsed stdlib) should be warm already
    (any earlier compile warms them); the plugin's own source is not cached.
    """
    if runs < 1:
        raise ValueError("at least one compile run")
    modules: set[bytes] = set()
    walls: list[float] = []
    cpus: list[float] = []
    stages: dict[str, list[float]] = {}
    for _ in range(runs):
        result, clock = clocked(lambda: compile_plugin(source))
        modules.add(result.wasm)
        walls.append(clock.wall_seconds)
        cpus.append(clock.cpu_seconds)
        for stage, seconds in result.timings.items():
            stages.setdefault(stage, []).append(seconds)
    if len(modules) != 1:
        raise CompileFailed(f"pwc is not deterministic on {source}: compiles differ")
    timing = InProcessTiming(
        runs=runs,
        wall_ms=median(walls) * 1000,
        cpu_ms=median(cpus) * 1000,
        stage_ms={stage: median(values) * 1000 for stage, values in stages.items()},
    )
    return modules.pop(), timing


@functools.cache
def _fresh_environment() -> dict[str, str]:
    """The environment of `python -m pwc` as a user runs it: with pwc's
    bytecode, which pip writes at install (or Python at the first import).
    A PYTHONDONTWRITEBYTECODE=1 in this environment (CI machines set it)
    would have every process compile pwc's ~100 modules from source, about
    0.25 s of the measured time.  The bytecode goes to a cache of this run,
    not into the source tree."""
    cache = tempfile.mkdtemp(prefix="pwc-bench-pycache-")
    atexit.register(shutil.rmtree, cache, ignore_errors=True)
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = cache
    return environment


def time_fresh_process(source: Path, cwd: Path) -> FreshProcessTiming:
    """One `python -m pwc SOURCE -o TMP` from a new interpreter, after an
    untimed one that fills the bytecode cache."""
    with tempfile.TemporaryDirectory(prefix="pwc-bench-") as tmp:
        output = Path(tmp) / "plugin.wasm"
        command = [sys.executable, "-m", "pwc", str(source), "-o", str(output)]

        def run() -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                command, cwd=cwd, capture_output=True, text=True, check=False,
                timeout=FRESH_PROCESS_TIMEOUT, env=_fresh_environment(),
            )

        try:
            run()
            finished, clock = clocked(run)
        except subprocess.TimeoutExpired:
            raise CompileFailed(
                f"`python -m pwc {source}` took over {FRESH_PROCESS_TIMEOUT:g} s"
            ) from None
        if finished.returncode != 0 or not output.is_file():
            raise CompileFailed(
                f"`python -m pwc {source}` exited with {finished.returncode}:\n"
                f"{finished.stderr.strip()}"
            )
    return FreshProcessTiming(wall_ms=clock.wall_seconds * 1000, cpu_ms=clock.cpu_seconds * 1000)
