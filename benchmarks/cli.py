"""The `python -m benchmarks` command: options, the order of the parts,
and the output (tables on stdout, progress on stderr, results.json and
results.md in the output directory)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.compile_time import CompileFailed, compile_plugin
from benchmarks.envoy_bench import (
    Configuration,
    EnvoyBenchError,
    EnvoyResult,
    EnvoySettings,
    added_ratio,
    added_ratio_interval,
    run_envoy_benchmark,
)
from benchmarks.envoy_process import envoy_version
from benchmarks.load import LoadError, choose_load_generator
from benchmarks.modules_part import ModuleSettings, measure_modules
from benchmarks.reference import PWC_SOURCE, ReferenceBuildError, assemble_wat_reference
from benchmarks.reference.equivalence import check_equivalence
from benchmarks.report import render
from benchmarks.results import BenchmarkRun, Machine, utc_now, write_results
from benchmarks.subjects import REPO_ROOT, SubjectError, subjects

PARTS = ("modules", "envoy")
DEFAULT_OUTPUT = REPO_ROOT / "build" / "benchmarks"


@dataclass(frozen=True)
class Profile:
    modules: ModuleSettings
    envoy: EnvoySettings


FULL = Profile(
    ModuleSettings(compile_runs=5, fresh_process_for="all", iterations=300, budget_seconds=1.0,
                   soak=3000, soak_seconds=1.5),
    EnvoySettings(rounds=12, round_seconds=1, warmup_seconds=2, startup_samples=4,
                  connections=8, epochs=4),
)
QUICK = Profile(
    ModuleSettings(compile_runs=1, fresh_process_for="reference", iterations=60,
                   budget_seconds=0.2, soak=0, soak_seconds=0.0),
    EnvoySettings(rounds=3, round_seconds=1, warmup_seconds=1, startup_samples=1,
                  connections=8),
)


class UsageError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        run = _run(args)
    except (UsageError, SubjectError, CompileFailed, ReferenceBuildError, EnvoyBenchError,
            LoadError) as e:
        print(f"benchmarks: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("benchmarks: interrupted", file=sys.stderr)
        return 130
    markdown = render(run)
    json_path, markdown_path = write_results(run, markdown, args.output)
    print(markdown)
    _progress(f"wrote {json_path} and {markdown_path}")
    return 0 if run.reference_equivalence == "ok" else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure pwc: module size, compile time, per-callback cost, Envoy overhead.",
    )
    parser.add_argument("--quick", action="store_true",
                        help="a short run (about 40 s): fewer repetitions and rounds")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"comma-separated parts to run, of {', '.join(PARTS)} (default: all)")
    parser.add_argument("--examples", default=None,
                        help="comma-separated example names (default: every examples/*/plugin.py)")
    parser.add_argument("--rounds", type=int, default=None,
                        help="Envoy rounds per epoch (default: 12, quick: 3)")
    parser.add_argument("--epochs", type=int, default=None,
                        help="Envoy epochs, each with freshly started Envoys (default: 4, "
                        "quick: 1)")
    parser.add_argument("--load", choices=("auto", "wrk", "python"), default="auto",
                        help="load generator (default: wrk if available, else Python)")
    parser.add_argument("--no-install", action="store_true",
                        help="do not try `apt-get install -y wrk` when wrk is missing")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="directory for results.json and results.md "
                        f"(default: {DEFAULT_OUTPUT})")
    return parser


def _run(args: argparse.Namespace) -> BenchmarkRun:
    started = time.monotonic()
    started_at = utc_now()
    machine = Machine.describe()
    parts = _parts(args.parts)
    profile = QUICK if args.quick else FULL
    envoy_settings = profile.envoy
    for option in ("rounds", "epochs"):
        value = getattr(args, option)
        if value is not None:
            if value < 1:
                raise UsageError(f"--{option} must be at least 1")
            envoy_settings = dataclasses.replace(envoy_settings, **{option: value})
    selected = None if args.examples is None else [n for n in args.examples.split(",") if n]
    chosen = subjects(selected)

    # The reference builds first: compiling hdr.py also warms pwc's caches
    # for the compile timings, and nothing is measured unless both behave.
    _progress("building the reference plugins and checking they behave the same")
    wat_wasm = assemble_wat_reference()
    pwc_wasm = compile_plugin(PWC_SOURCE).wasm
    problems = check_equivalence(wat_wasm, pwc_wasm)
    if problems:
        return BenchmarkRun(
            started_at, args.quick, parts, machine, time.monotonic() - started,
            reference_equivalence="; ".join(problems),
            notes=("nothing was measured: the two reference plugins behave differently",),
        )

    modules = None
    if "modules" in parts:
        modules = tuple(measure_modules(chosen, profile.modules, _progress))
    envoy = None
    notes: list[str] = []
    if "envoy" in parts:
        envoy = _run_envoy(envoy_settings, args, wat_wasm, pwc_wasm)
    if args.quick and modules is not None:
        notes.append("quick run: `python -m pwc` fresh-process time for the reference only; "
                     "no memory soak")
    if args.quick and envoy is not None:
        notes.append(f"quick run: {envoy.settings.rounds} Envoy rounds; per-round noise is "
                     "several µs, so the added µs and the ratio are indicative only")
    return BenchmarkRun(
        started_at, args.quick, parts, machine, time.monotonic() - started,
        reference_equivalence="ok", modules=modules, envoy=envoy, notes=tuple(notes),
    )


def _run_envoy(
    settings: EnvoySettings, args: argparse.Namespace, wat_wasm: bytes, pwc_wasm: bytes
) -> EnvoyResult:
    load, load_note = choose_load_generator(args.load, not args.no_install, settings.connections)
    _progress(f"envoy: load from {load.name} ({load_note})")
    configurations = [
        Configuration("baseline", "no plugin", None),
        Configuration("wat", "hand-written WAT (hdr.wat)", wat_wasm),
        Configuration("wat_lifecycle", "hdr.wat + empty context_create, delete",
                      assemble_wat_reference(with_lifecycle_exports=True)),
        Configuration("pwc", "pwc (hdr.py)", pwc_wasm),
    ]
    results = run_envoy_benchmark(configurations, settings, load, _progress)
    return EnvoyResult(
        envoy_version=envoy_version(),
        load_generator=load.name,
        load_note=load_note,
        settings=settings,
        configurations=tuple(results),
        ratio_pwc_to_wat=added_ratio(results, "pwc", "wat"),
        ratio_pwc_to_wat_interval=added_ratio_interval(results, "pwc", "wat"),
        ratio_pwc_to_wat_lifecycle=added_ratio(results, "pwc", "wat_lifecycle"),
    )


def _parts(text: str) -> tuple[str, ...]:
    parts = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [part for part in parts if part not in PARTS]
    if unknown or not parts:
        raise UsageError(f"unknown part(s) {unknown or [text]}; choose from {', '.join(PARTS)}")
    return parts


def _progress(message: str) -> None:
    print(f"[benchmarks] {message}", file=sys.stderr, flush=True)
