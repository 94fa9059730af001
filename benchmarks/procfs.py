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
    user_ticks: int
    system_ticks: int

    @property
    def seconds(self) -> float:
        return (self.user_ticks + self.system_ticks) / CLOCK_TICKS_PER_SECOND


def cpu_time(pid: int) -> CpuTime:
    """utime + stime of every thread of `pid`, from /proc/PID/stat."""
    text = _read(Path(f"/proc/{pid}/stat"))
    # Fields after the command name, which is in parentheses and may itself
    # contain spaces or parentheses: utime and stime are fields 14 and 15.
    fields = text[text.rindex(")") + 2 :].split()
    return CpuTime(user_ticks=int(fields[11]), system_ticks=int(fields[12]))


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
