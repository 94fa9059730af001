"""One benchmark run as data, and its JSON form."""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.envoy_bench import EnvoyResult
from benchmarks.modules_part import ModuleResult

SCHEMA = "pwc-benchmarks/1"


@dataclass(frozen=True)
class Machine:
    platform: str
    python: str
    cpus: int
    load_average_at_start: tuple[float, float, float]

    @staticmethod
    def describe() -> Machine:
        return Machine(
            platform=platform.platform(),
            python=sys.version.split()[0],
            cpus=os.cpu_count() or 0,
            load_average_at_start=os.getloadavg(),
        )


@dataclass(frozen=True)
class BenchmarkRun:
    started_at: str  # UTC, ISO 8601
    quick: bool
    parts: tuple[str, ...]
    machine: Machine
    seconds: float  # how long the whole run took
    reference_equivalence: str  # "ok", or what differs
    modules: tuple[ModuleResult, ...] | None = None
    envoy: EnvoyResult | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def to_json(run: BenchmarkRun) -> str:
    document: dict[str, Any] = {"schema": SCHEMA, **dataclasses.asdict(run)}
    return json.dumps(document, indent=2, sort_keys=False) + "\n"


def write_results(run: BenchmarkRun, markdown: str, directory: Path) -> tuple[Path, Path]:
    """results.json and results.md in `directory`; their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    json_path = directory / "results.json"
    markdown_path = directory / "results.md"
    json_path.write_text(to_json(run), encoding="utf-8")
    markdown_path.write_text(markdown, encoding="utf-8")
    return json_path, markdown_path
