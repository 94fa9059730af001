"""What Linux says about a process: CPU time used and resident memory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

CLOCK_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


class ProcessGoneError(Exception):
    """The process exited (its /proc entry is gone)."""


@dataclass(frozen=True)
class CpuTime:
    nanoseconds: int

    @property
    def seconds(self) -> float:
        return self.nanoseconds / 1e9


def cpu_time(pid: int) -> CpuTime:
    """CPU time of every thread of `pid`: the sum of its threads' time on a
    CPU in /proc/PID/task/*/schedstat, in nanoseconds.  /proc/PID/stat's
    utime + stime count clock ticks (10 ms): over a 1 s round of ~10,000
    requests that is ~1 µs per request of quantization at each end, as much
    as the difference being measured.  Falls back to the ticks where the
    kernel has no schedstat.  (Envoy's threads live as long as it does, so
    none leaves the sum between two readings.)"""
    total = 0
    tasks = Path(f"/proc/{pid}/task")
    try:
        threads = list(tasks.iterdir())
    except (FileNotFoundError, ProcessLookupError):
        raise ProcessGoneError(f"{tasks} is gone: the process exited") from None
    for thread in threads:
        try:
            total += int((thread / "schedstat").read_text(encoding="ascii").split()[0])
        except FileNotFoundError:
            if not thread.exists():
                continue  # a thread that just ended
            return _ticks(pid)  # no schedstat in this kernel
        except ProcessLookupError:
            continue
    return CpuTime(total)


def _ticks(pid: int) -> CpuTime:
    """utime + stime of every thread of `pid`, from /proc/PID/stat."""
    text = _read(Path(f"/proc/{pid}/stat"))
    # Fields after the command name, which is in parentheses and may itself
    # contain spaces or parentheses: utime and stime are fields 14 and 15.
    fields = text[text.rindex(")") + 2 :].split()
    ticks = int(fields[11]) + int(fields[12])
    return CpuTime(ticks * 1_000_000_000 // CLOCK_TICKS_PER_SECOND)


def resident_bytes(pid: int) -> int:
    """VmRSS of `pid`, from /proc/PID/status."""
    for line in _read(Path(f"/proc/{pid}/status")).splitlines():
        if line.startswith("VmRSS:"):
            value, unit = line.split()[1:3]
            if unit != "kB":
                raise ValueError(f"unexpected VmRSS unit {unit!r} for pid {pid}")
            return int(value) * 1024
    raise ValueError(f"no VmRSS for pid {pid} (a kernel thread?)")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace")
    except (FileNotFoundError, ProcessLookupError):
        raise ProcessGoneError(f"{path} is gone: the process exited") from None
