"""How long `proxywasm.json.parse_bytes` takes on a ~10 KB document, compiled
by pwc and run in wasmtime.

    python -m benchmarks.json_parse [--source JSON_PY ...] [--samples N]

Each `--source` is a version of stdlib/proxywasm/json.py (default: the
current one); giving several measures them in the same run, e.g. the file
of an older commit next to the current one (docs/performance.md).  The file
is compiled as a module beside a small driver program, so any version can
be measured without checking it out: json.py imports nothing.

The driver parses the document BATCH times per sample (the clock is read
through a host call, which costs microseconds) and reports nanoseconds per
parse.  The fastest sample is the figure to trust on a shared machine:
other load only ever adds time.  Memory is not freed between parses (the
region intrinsics are the stdlib's), so fresh pages are touched, as by a
plugin's first parse.  The driver also prints `dumps` of its parse, which
must equal CPython's `json.dumps` of the same document, so a parser that
cuts corners cannot look fast.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.stats import median
from benchmarks.subjects import REPO_ROOT
from pwc.driver import compile_file
from pwc.testing.program import run_program

CURRENT_SOURCE = REPO_ROOT / "stdlib" / "proxywasm" / "json.py"
BATCH = 10
DEFAULT_SAMPLES = 30


class ParseBenchmarkError(Exception):
    """The driver did not run, or its parse differs from CPython's."""


@dataclass(frozen=True)
class ParseTiming:
    source: Path
    document_bytes: int
    samples: int
    best_us: float  # per parse
    median_us: float


def document() -> str:
    """A plugin configuration of about 10 KB: routes with nested matches,
    header lists, escaped and non-ASCII strings, ints of every size, bools
    and nulls, pretty-printed as configuration files usually are."""
    routes: list[object] = []
    for i in range(20):
        routes.append({
            "name": f"route-{i}",
            "match": {
                "prefix": f"/api/v{i % 3}/items/{i}",
                "headers": [
                    {"name": "x-tenant", "exact": f"tenant-{i}-café"},
                    {"name": "x-debug", "present": i % 2 == 0},
                ],
            },
            "weight": i * 37 - 200,
            "timeout_ms": 1500 + i * 250,
            "budget": -(2**63) + i if i % 5 == 0 else 2**40 + i,
            "retry": None if i % 4 else {"attempts": 3, "on": ["5xx", "reset"]},
            "note": f"line one\nline \"two\"\t\\path\\{i} ✓ \x07",
            "tags": ["edge", "canary" if i % 3 == 0 else "stable", str(i)],
        })
    config = {"version": 3, "enabled": True, "default_route": None, "routes": routes}
    return json.dumps(config, indent=2, ensure_ascii=False)


def driver_source(data: bytes, samples: int) -> str:
    return f'''"""Times parse_bytes (written by benchmarks/json_parse.py)."""

import time

from json_under_test import dumps, parse_bytes

DOCUMENT: bytes = {data!r}


def sample() -> int:
    """Nanoseconds per parse, over {BATCH} parses."""
    start = time.monotonic_ns()
    for _ in range({BATCH}):
        parse_bytes(DOCUMENT)
    return (time.monotonic_ns() - start) // {BATCH}


for _ in range({samples}):
    print(sample())
print(dumps(parse_bytes(DOCUMENT)))
'''


def measure(source: Path, samples: int = DEFAULT_SAMPLES) -> ParseTiming:
    """Compile `source` (a json.py) with the driver and time it."""
    text = document()
    data = text.encode()
    with tempfile.TemporaryDirectory(prefix="pwc-json-bench-") as tmp:
        directory = Path(tmp)
        (directory / "json_under_test.py").write_text(source.read_text(encoding="utf-8"),
                                                      encoding="utf-8")
        driver = directory / "driver.py"
        driver.write_text(driver_source(data, samples), encoding="utf-8")
        wasm = compile_file(driver).wasm
    result = run_program(wasm, fuel=None)
    if result.trap is not None or result.stderr:
        raise ParseBenchmarkError(f"the driver failed: {result.trap} {result.stderr}")
    lines = result.stdout.splitlines()
    expected = json.dumps(json.loads(text))
    if len(lines) != samples + 1 or lines[-1] != expected:
        raise ParseBenchmarkError(f"{source}: the parse differs from CPython's json")
    per_parse = [int(line) / 1000 for line in lines[:-1]]
    return ParseTiming(source, len(data), samples, min(per_parse), median(per_parse))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.json_parse",
                                     description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, action="append",
                        help="a version of proxywasm/json.py to measure (repeatable; "
                             "default: the current one)")
    parser.add_argument("--samples", type=int, default=DEFAULT_SAMPLES)
    args = parser.parse_args(argv)
    sources: list[Path] = args.source or [CURRENT_SOURCE]
    print("| json.py | document bytes | best µs/parse | median µs/parse |")
    print("|---|---|---|---|")
    for source in sources:
        try:
            timing = measure(source, args.samples)
        except ParseBenchmarkError as e:
            print(e, file=sys.stderr)
            return 1
        print(f"| {source} | {timing.document_bytes} | {timing.best_us:.0f} "
              f"| {timing.median_us:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
