"""How long `proxywasm.json` takes on a ~10 KB document compiled by pwc and
run in wasmtime: `parse_bytes` (plugin configuration arrives as bytes) and
`dumps`.

    python -m benchmarks.json_parse [--source JSON_PY ...] [--samples N] [--envoy]

Each `--source` is a version of stdlib/proxywasm/json.py (default: the
current one); giving several measures them in the same run, e.g. the file
of an older commit next to the current one (docs/performance.md).  The file
is compiled as a module beside a small driver program, so any version can
be measured without checking it out: json.py imports nothing.

The driver times BATCH calls per sample (the clock is read through a host
call, which costs microseconds) and prints nanoseconds per call.  The
fastest sample is the figure to trust on a shared machine: other load only
ever adds time.  The same module is run a second time with wasmtime fuel
on, reading the fuel left at each clock call: fuel (about one unit per wasm
instruction) does not depend on the load at all.  Memory is not freed
between calls (the region intrinsics are the stdlib's), so fresh pages are
touched, as by a plugin's first parse.  The driver also prints `dumps` of
its parse, which must equal CPython's `json.dumps` of the same document, so
a parser that cuts corners cannot look fast.

With `--envoy`, the current json.py is also timed where it matters: a plugin
given the same document as its configuration parses it in `on_plugin_start`
in the real Envoy (V8) and logs its fastest time per parse.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import wasmtime

from benchmarks.stats import median
from benchmarks.subjects import REPO_ROOT
from pwc.driver import compile_file
from pwc.testing.program import WASI_MODULE, run_program

CURRENT_SOURCE = REPO_ROOT / "stdlib" / "proxywasm" / "json.py"
BATCH = 10
DEFAULT_SAMPLES = 30
OPERATIONS = ("parse", "dumps")


class ParseBenchmarkError(Exception):
    """The driver did not run, or its parse differs from CPython's."""


@dataclass(frozen=True)
class Timing:
    best_us: float  # per call
    median_us: float
    fuel: int  # per call


@dataclass(frozen=True)
class JsonTimings:
    source: Path
    document_bytes: int
    parse: Timing
    dumps: Timing


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
    return f'''"""Times proxywasm.json (written by benchmarks/json_parse.py)."""

import time

from json_under_test import JsonValue, dumps, parse_bytes

DOCUMENT: bytes = {data!r}
VALUE = parse_bytes(DOCUMENT)


def parse_sample() -> int:
    """Nanoseconds per parse_bytes, over {BATCH} calls."""
    start = time.monotonic_ns()
    for _ in range({BATCH}):
        parse_bytes(DOCUMENT)
    return (time.monotonic_ns() - start) // {BATCH}


def dumps_sample(value: JsonValue) -> int:
    """Nanoseconds per dumps, over {BATCH} calls."""
    start = time.monotonic_ns()
    for _ in range({BATCH}):
        dumps(value)
    return (time.monotonic_ns() - start) // {BATCH}


for _ in range({samples}):
    print("parse", parse_sample())
for _ in range({samples}):
    print("dumps", dumps_sample(VALUE))
print(dumps(VALUE))
'''


def measure(source: Path, samples: int = DEFAULT_SAMPLES) -> JsonTimings:
    """Compile `source` (a json.py) with the driver, time it and count its fuel."""
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
        raise ParseBenchmarkError(f"{source}: the driver failed: {result.trap} {result.stderr}")
    *lines, last = result.stdout.splitlines()
    if last != json.dumps(json.loads(text)):
        raise ParseBenchmarkError(f"{source}: the parse differs from CPython's json")
    fuel = _fuel_per_sample(wasm)
    timings: dict[str, Timing] = {}
    for index, operation in enumerate(OPERATIONS):
        nanoseconds = [int(line.split()[1]) for line in lines if line.split()[0] == operation]
        per_call = fuel[index * samples:(index + 1) * samples]
        if len(nanoseconds) != samples or len(per_call) != samples:
            raise ParseBenchmarkError(f"{source}: the driver printed {len(lines)} lines")
        timings[operation] = Timing(min(nanoseconds) / 1000, median(nanoseconds) / 1000,
                                    round(median(per_call)))
    return JsonTimings(source, len(data), timings["parse"], timings["dumps"])


def _fuel_per_sample(wasm: bytes) -> list[float]:
    """Fuel per call of each sample, in the order the driver takes them: the
    fuel left at each clock read, the clock pairs being a sample's ends."""
    config = wasmtime.Config()
    config.consume_fuel = True
    engine = wasmtime.Engine(config)
    module = wasmtime.Module(engine, wasm)
    store = wasmtime.Store(engine)
    budget = 2**62
    store.set_fuel(budget)
    readings: list[int] = []

    def clock_time_get(clock_id: int, precision: int, result: int) -> int:
        readings.append(store.get_fuel())
        return 0  # the time written is whatever the slot held: unused here

    def fd_write(fd: int, iovs: int, iovs_len: int, nwritten: int) -> int:
        return 0  # the timed run has checked the output

    i32, i64 = wasmtime.ValType.i32(), wasmtime.ValType.i64()
    offered = {
        "clock_time_get": wasmtime.Func(store, wasmtime.FuncType([i32, i64, i32], [i32]),
                                        clock_time_get),
        "fd_write": wasmtime.Func(store, wasmtime.FuncType([i32, i32, i32, i32], [i32]),
                                  fd_write),
    }
    imports: list[wasmtime.Func] = []
    for imported in module.imports:
        if imported.module != WASI_MODULE or imported.name not in offered:
            raise ParseBenchmarkError(f"the driver imports {imported.module}.{imported.name}")
        imports.append(offered[imported.name])
    instance = wasmtime.Instance(store, module, imports)
    entry = instance.exports(store)["_initialize"]
    if not isinstance(entry, wasmtime.Func):
        raise ParseBenchmarkError("the driver's _initialize is not a function")
    entry(store)
    return [(readings[i] - readings[i + 1]) / BATCH for i in range(0, len(readings) - 1, 2)]


ENVOY_PLUGIN = f'''"""Times proxywasm.json.parse_bytes of its configuration."""

import time

from proxywasm import PluginContext, VMContext, get_plugin_configuration, log_info, set_vm_context
from proxywasm.json import parse_bytes


class Plugin(PluginContext):
    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        data = get_plugin_configuration()
        best = 0
        for _ in range({DEFAULT_SAMPLES}):
            start = time.monotonic_ns()
            for _ in range({BATCH}):
                parse_bytes(data)
            took = (time.monotonic_ns() - start) // {BATCH}
            if best == 0 or took < best:
                best = took
        log_info(f"json parse ns: {{best}}")
        return True


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
'''


def measure_in_envoy() -> float:
    """Microseconds per parse_bytes of the document in Envoy (fastest sample)."""
    import re

    from benchmarks.envoy_bench import CONFIG_DIR
    from tests.e2e.config_template import render_config
    from tests.e2e.envoy_harness import Envoy, free_port
    from tests.e2e.polling import eventually

    with tempfile.TemporaryDirectory(prefix="pwc-json-envoy-") as tmp:
        directory = Path(tmp)
        plugin = directory / "plugin.py"
        plugin.write_text(ENVOY_PLUGIN, encoding="utf-8")
        module = directory / "plugin.wasm"
        module.write_bytes(compile_file(plugin).wasm)
        port = free_port()
        template = (CONFIG_DIR / "wasm.yaml").read_text(encoding="utf-8")
        # The configuration line of the template holds the document instead
        # (JSON string syntax is YAML's double-quoted syntax).
        template = re.sub(r"value: '\{.*\}'", lambda m: "value: " + json.dumps(document()),
                          template, count=1)
        text = render_config(template, {"listener_port": 0, "admin_port": 0,
                                        "static_reply_port": port, "web_service_port": port,
                                        "wasm_path": str(module)})
        with Envoy(text, work_dir=directory / "envoy") as envoy:
            found: list[int] = []

            def logged() -> None:
                found[:] = [int(n) for n in re.findall(r"json parse ns: (\d+)",
                                                         envoy.log_text())]
                assert found

            eventually(logged)
    return min(found) / 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.json_parse",
                                     description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, action="append",
                        help="a version of proxywasm/json.py to measure (repeatable; "
                             "default: the current one)")
    parser.add_argument("--samples", type=int, default=DEFAULT_SAMPLES)
    parser.add_argument("--envoy", action="store_true",
                        help="also time the current json.py in a real Envoy")
    args = parser.parse_args(argv)
    sources: list[Path] = args.source or [CURRENT_SOURCE]
    print("| json.py | document bytes | parse µs best / median | parse fuel "
          "| dumps µs best / median | dumps fuel |")
    print("|---|---:|---:|---:|---:|---:|")
    for source in sources:
        try:
            t = measure(source, args.samples)
        except ParseBenchmarkError as e:
            print(e, file=sys.stderr)
            return 1
        print(f"| {source} | {t.document_bytes:,} "
              f"| {t.parse.best_us:,.0f} / {t.parse.median_us:,.0f} | {t.parse.fuel:,} "
              f"| {t.dumps.best_us:,.0f} / {t.dumps.median_us:,.0f} | {t.dumps.fuel:,} |")
    if args.envoy:
        print(f"\nIn Envoy (V8): parse_bytes of the {len(document().encode()):,}-byte document "
              f"takes {measure_in_envoy():,.0f} µs (fastest of {DEFAULT_SAMPLES} samples).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
