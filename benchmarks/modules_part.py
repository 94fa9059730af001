"""The per-module part: size, compile time, per-callback cost and linear
memory of every example and of the two reference builds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import wasmtime

from benchmarks.callbacks import CallbackCosts, CompanionVm, measure_callbacks
from benchmarks.compile_time import (
    CompileFailed,
    FreshProcessTiming,
    InProcessTiming,
    compile_plugin,
    time_fresh_process,
    time_in_process,
)
from benchmarks.reference import ReferenceBuildError, assemble_wat_reference
from benchmarks.subjects import PWC_REFERENCE_NAME, REPO_ROOT, SourceKind, Subject


@dataclass(frozen=True)
class ModuleSettings:
    compile_runs: int  # timed in-process compiles (caches warm)
    fresh_process_for: str  # "all" or "reference": which get a `python -m pwc` timing
    iterations: int  # emulator iterations per module (at most)
    budget_seconds: float  # emulator time per module (after MIN_ITERATIONS)
    soak: int  # untimed iterations afterwards, watching linear memory
    soak_seconds: float  # time limit of the soak per module


@dataclass(frozen=True)
class ModuleResult:
    name: str
    kind: str  # SourceKind value
    source: str  # relative to the repository
    module_bytes: int | None
    exported_callbacks: tuple[str, ...]  # proxy_on_* exports
    compile: InProcessTiming | None
    fresh_process: FreshProcessTiming | None
    callbacks: CallbackCosts | None
    configuration_note: str
    error: str | None


def measure_modules(
    subjects: list[Subject], settings: ModuleSettings, progress: Callable[[str], None]
) -> list[ModuleResult]:
    """Measure each subject in turn.  pwc's caches (the parsed stdlib) must
    already be warm: compile any plugin once before calling this."""
    results: list[ModuleResult] = []
    for subject in subjects:
        progress(f"modules: {subject.name}")
        results.append(_measure_one(subject, settings))
    return results


def _measure_one(subject: Subject, settings: ModuleSettings) -> ModuleResult:
    compile_timing: InProcessTiming | None = None
    fresh: FreshProcessTiming | None = None
    try:
        match subject.kind:
            case SourceKind.WAT:
                wasm = assemble_wat_reference()
            case SourceKind.PWC:
                wasm, compile_timing = time_in_process(subject.source, settings.compile_runs)
                if settings.fresh_process_for == "all" or subject.name == PWC_REFERENCE_NAME:
                    fresh = time_fresh_process(subject.source, REPO_ROOT)
        companions = tuple(
            CompanionVm(compile_plugin(c.source).wasm, c.vm_id, c.plugin_configurations,
                        c.vm_configuration)
            for c in subject.companions
        )
    except (CompileFailed, ReferenceBuildError) as e:
        return _failed(subject, str(e))
    callbacks = measure_callbacks(
        wasm, subject.plugin_configuration, subject.vm_configuration,
        settings.iterations, settings.budget_seconds, settings.soak, settings.soak_seconds,
        subject.vm_id, companions,
    )
    return ModuleResult(
        name=subject.name,
        kind=subject.kind.value,
        source=_relative(subject),
        module_bytes=len(wasm),
        exported_callbacks=exported_callbacks(wasm),
        compile=compile_timing,
        fresh_process=fresh,
        callbacks=callbacks,
        configuration_note=subject.configuration_note,
        error=None,
    )


def exported_callbacks(wasm: bytes) -> tuple[str, ...]:
    module = wasmtime.Module(wasmtime.Engine(), wasm)
    return tuple(sorted(e.name for e in module.exports if e.name.startswith("proxy_on_")))


def _failed(subject: Subject, error: str) -> ModuleResult:
    return ModuleResult(
        name=subject.name, kind=subject.kind.value, source=_relative(subject),
        module_bytes=None, exported_callbacks=(), compile=None, fresh_process=None,
        callbacks=None, configuration_note=subject.configuration_note, error=error,
    )


def _relative(subject: Subject) -> str:
    try:
        return str(subject.source.relative_to(REPO_ROOT))
    except ValueError:
        return str(subject.source)
