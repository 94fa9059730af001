"""Load generators for the Envoy benchmark: wrk, or a pure-Python fallback.

wrk is preferred (it costs little CPU per request, leaving the second core
to Envoy).  When it is missing, the benchmark may install it with
`apt-get install -y wrk` (root, Debian); without network that fails and the
Python generator (benchmarks/pyload.py, in its own process) is used.  Every
target is 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import Protocol

from benchmarks.traffic import BENCH_PATH, CLIENT_HEADERS

APT_TIMEOUT = 180.0
_WRK_TOTAL = re.compile(r"(\d+) requests in ([\d.]+)(us|ms|s|m)\b")
_WRK_NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")
_WRK_SOCKET_ERRORS = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)
_UNIT_SECONDS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


class LoadError(Exception):
    """The load generator failed or reported nonsense."""


@dataclass(frozen=True)
class LoadResult:
    requests: int  # answered with 2xx
    errors: int  # other answers, socket errors, timeouts
    seconds: float


class LoadGenerator(Protocol):
    @property
    def name(self) -> str: ...

    def run(self, port: int, seconds: int) -> LoadResult:
        """Keep 127.0.0.1:port busy for `seconds` with GET /bench."""
        ...


@dataclass(frozen=True)
class Wrk:
    binary: str
    connections: int

    @property
    def name(self) -> str:
        return "wrk"

    def run(self, port: int, seconds: int) -> LoadResult:
        headers = [arg for key, value in CLIENT_HEADERS for arg in ("-H", f"{key}: {value}")]
        command = [
            self.binary, "-t1", f"-c{self.connections}", f"-d{seconds}s", "--timeout", "5s",
            *headers, f"http://127.0.0.1:{port}{BENCH_PATH}",
        ]
        finished = _run(command, timeout=seconds + 30)
        return parse_wrk_output(finished.stdout)


def parse_wrk_output(text: str) -> LoadResult:
    total = _WRK_TOTAL.search(text)
    if total is None:
        raise LoadError(f"cannot read wrk's summary:\n{text.strip()}")
    requests = int(total[1])
    seconds = float(total[2]) * _UNIT_SECONDS[total[3]]
    errors = 0
    if (non_2xx := _WRK_NON_2XX.search(text)) is not None:
        errors += int(non_2xx[1])
    if (socket_errors := _WRK_SOCKET_ERRORS.search(text)) is not None:
        errors += sum(int(count) for count in socket_errors.groups())
    return LoadResult(requests=requests - min(requests, errors), errors=errors, seconds=seconds)


@dataclass(frozen=True)
class PythonLoad:
    connections: int

    @property
    def name(self) -> str:
        return "python (http.client keep-alive, own process)"

    def run(self, port: int, seconds: int) -> LoadResult:
        command = [
            sys.executable, "-m", "benchmarks.pyload", "--port", str(port),
            "--seconds", str(seconds), "--connections", str(self.connections),
        ]
        finished = _run(command, timeout=seconds + 30)
        try:
            report = json.loads(finished.stdout)
            return LoadResult(int(report["requests"]), int(report["errors"]),
                              float(report["seconds"]))
        except (ValueError, KeyError, TypeError):
            raise LoadError(f"cannot read pyload's report: {finished.stdout!r}") from None


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    try:
        finished = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise LoadError(f"{command[0]} did not finish within {timeout:g} s") from None
    except OSError as e:
        raise LoadError(f"cannot run {command[0]}: {e}") from None
    if finished.returncode != 0:
        raise LoadError(
            f"{' '.join(command)} exited with {finished.returncode}:\n{finished.stderr.strip()}"
        )
    return finished


def find_wrk(allow_install: bool) -> tuple[str | None, str]:
    """wrk's path (installing it with apt-get if allowed and possible), and a
    note on what happened."""
    found = shutil.which("wrk")
    if found is not None:
        return found, "wrk found on PATH"
    if not allow_install:
        return None, "wrk not installed (installation not allowed)"
    apt_get = shutil.which("apt-get")
    if apt_get is None or os.geteuid() != 0:
        return None, "wrk not installed and apt-get is unavailable (or not root)"
    try:
        finished = subprocess.run(
            [apt_get, "install", "-y", "-q", "wrk"],
            capture_output=True, text=True, timeout=APT_TIMEOUT, check=False,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    except subprocess.TimeoutExpired:
        return None, f"`apt-get install -y wrk` did not finish within {APT_TIMEOUT:g} s"
    found = shutil.which("wrk")
    if finished.returncode != 0 or found is None:
        last = (finished.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"`apt-get install -y wrk` failed ({last})"
    return found, "wrk installed with apt-get"


def choose_load_generator(
    choice: str, allow_install: bool, connections: int
) -> tuple[LoadGenerator, str]:
    """The generator for `choice` ("auto", "wrk" or "python") and a note."""
    match choice:
        case "python":
            return PythonLoad(connections), "Python load generator (asked for)"
        case "wrk" | "auto":
            binary, note = find_wrk(allow_install)
            if binary is not None:
                return Wrk(binary, connections), note
            if choice == "wrk":
                raise LoadError(f"wrk was asked for, but {note}")
            return PythonLoad(connections), f"{note}; using the Python load generator"
    raise LoadError(f"unknown load generator {choice!r}; use auto, wrk or python")
