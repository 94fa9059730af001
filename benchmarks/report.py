"""The run as Markdown tables (printed, and written beside the JSON)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from benchmarks.callbacks import HARNESS, CallbackCosts
from benchmarks.envoy_bench import EnvoyResult
from benchmarks.modules_part import ModuleResult
from benchmarks.results import BenchmarkRun
from benchmarks.stats import median
from pwc.testing.abi import Callback

MIB = 1024 * 1024
DASH = "—"


def render(run: BenchmarkRun) -> str:
    parts = [
        f"# pwc benchmarks ({'quick' if run.quick else 'full'} run, {run.started_at})",
        "",
        f"Machine: {run.machine.platform}, Python {run.machine.python}, "
        f"{run.machine.cpus} CPUs, load average at start "
        f"{' / '.join(f'{x:.2f}' for x in run.machine.load_average_at_start)}. "
        f"Run took {run.seconds:.0f} s.",
        "",
        f"Reference equivalence (emulator, wasm backend): {run.reference_equivalence}",
    ]
    if run.modules is not None:
        parts += ["", *render_modules(run.modules)]
    if run.envoy is not None:
        parts += ["", *render_envoy(run.envoy)]
    if run.notes:
        parts += ["", "Notes:", *(f"- {note}" for note in run.notes)]
    return "\n".join(parts) + "\n"


def render_modules(modules: Sequence[ModuleResult]) -> list[str]:
    lines = [
        "## Modules",
        "",
        f"Per-callback cost: median ns of one call through the {HARNESS}; "
        "`fuel` = wasm instructions executed (host excluded, load-independent). "
        "Compile: median of in-process `compile_file` runs (wall / CPU incl. wat2wasm); "
        "fresh = one `python -m pwc` process.",
        "",
        _row(["module", "bytes", "proxy_on_* exports", "compile ms wall / CPU",
              "fresh s wall / CPU", "request headers ns (fuel)",
              "response headers ns (fuel)", "stream ns", "pages start→warm→end (soak)"]),
        _row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ]
    for module in modules:
        if module.error is not None:
            first_line = module.error.splitlines()[0]
            lines.append(_row([module.name, f"error: {first_line}", *([""] * 7)]))
            continue
        costs = module.callbacks
        lines.append(_row([
            module.name,
            _int(module.module_bytes),
            str(len(module.exported_callbacks)),
            DASH if module.compile is None
            else f"{module.compile.wall_ms:.0f} / {module.compile.cpu_ms:.0f}",
            DASH if module.fresh_process is None
            else f"{module.fresh_process.wall_ms / 1000:.2f} / "
                 f"{module.fresh_process.cpu_ms / 1000:.2f}",
            _callback(module, Callback.REQUEST_HEADERS),
            _callback(module, Callback.RESPONSE_HEADERS),
            DASH if costs is None else _int(costs.per_stream_ns),
            _pages(costs),
        ]))
    floors = [m.callbacks.empty_call_ns for m in modules
              if m.callbacks is not None and m.callbacks.empty_call_ns is not None]
    if floors:
        lines += ["", f"The harness's own cost of calling an empty export: about "
                      f"{round(median(floors)):,} ns (included in every number above)."]
    lines += ["", "Every exported callback (median ns, fuel):", ""]
    for module in modules:
        costs = module.callbacks
        if costs is None:
            continue
        measured = ", ".join(
            f"{name.removeprefix('proxy_on_')} {ns:,} ({costs.per_callback_fuel.get(name, 0):,})"
            for name, ns in costs.per_callback_ns.items()
        ) or "none called"
        extra = "; ".join(note for note in (*costs.notes, module.configuration_note) if note)
        lines.append(f"- {module.name} [{costs.scenario}, {costs.iterations} iterations]: "
                     f"{measured}{f'. Notes: {extra}' if extra else ''}")
    return lines


def render_envoy(envoy: EnvoyResult) -> list[str]:
    settings = envoy.settings
    lines = [
        "## Envoy overhead",
        "",
        f"Envoy {envoy.envoy_version}, --concurrency 1, "
        f"{len(envoy.configurations)} Envoys up at once; "
        f"{settings.epochs} epochs (Envoys started afresh) x {settings.rounds} rounds x "
        f"{settings.round_seconds} s per Envoy (order rotating), "
        f"{settings.connections} connections from {envoy.load_generator} "
        f"({envoy.load_note}); Envoy CPU = its threads' time on a CPU "
        "(/proc/PID/task/*/schedstat, ns) over the requests it answered.",
        "",
        _row(["configuration", "module bytes", "Envoy CPU µs/request", "added µs",
              "ratio to WAT", "requests/s", "start→ready s", "RSS warm MiB",
              "RSS added MiB", "RSS growth in rounds MiB", "errors"]),
        _row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:",
              "---:"]),
    ]
    by_name = {c.name: c for c in envoy.configurations}
    baseline = envoy.configurations[0]
    wat = by_name.get("wat")
    for config in envoy.configurations:
        ratio = DASH
        if config.added_us is not None and wat is not None and wat.added_us:
            ratio = f"{config.added_us / wat.added_us:.2f}"
        lines.append(_row([
            config.label,
            _int(config.module_bytes),
            f"{config.cpu_us_per_request:.1f}",
            DASH if config.added_us is None else f"{config.added_us:+.1f}",
            ratio,
            f"{config.requests_per_second:,.0f}",
            f"{config.startup_seconds:.2f}",
            f"{config.rss_warm_bytes / MIB:.1f}",
            DASH if config is baseline
            else f"{(config.rss_warm_bytes - baseline.rss_warm_bytes) / MIB:+.1f}",
            f"{(config.rss_end_bytes - config.rss_warm_bytes) / MIB:+.1f}",
            str(config.errors),
        ]))
    if envoy.ratio_pwc_to_wat is not None:
        interval = envoy.ratio_pwc_to_wat_interval
        bounds = "" if interval is None else (
            f"{interval[0]:.2f}-{interval[1]:.2f}" if math.isfinite(interval[1])
            else f"{interval[0]:.2f} and up (the WAT's added cost is not above 0 in over "
                 "2.5% of the resamples)")
        noise = bounds and (f"; 95% bootstrap interval over the rounds {bounds}: "
                            "what this machine's noise allows")
        lines += ["", f"Added CPU per request, pwc / WAT: **{envoy.ratio_pwc_to_wat:.2f}** "
                      f"(target: within 1.1{noise})."]
    if envoy.ratio_pwc_to_wat_lifecycle is not None:
        lines += ["", "pwc / the WAT with empty proxy_on_context_create and proxy_on_delete "
                      "exports (what pwc's memory model makes Envoy call): "
                      f"**{envoy.ratio_pwc_to_wat_lifecycle:.2f}**."]
    lines += ["", "Per-round CPU µs/request:", ""]
    lines += [f"- {c.label}: {', '.join(f'{x:.1f}' for x in c.rounds_us)}"
              for c in envoy.configurations]
    return lines


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _int(value: int | None) -> str:
    return DASH if value is None else f"{value:,}"


def _pages(costs: CallbackCosts | None) -> str:
    if costs is None or not costs.started:
        return DASH
    soak = f" ({costs.soak_iterations:,} more streams)" if costs.soak_iterations else ""
    return f"{costs.pages_started}→{costs.pages_warm}→{costs.pages_end}{soak}"


def _callback(module: ModuleResult, name: str) -> str:
    costs = module.callbacks
    if costs is None or name not in costs.per_callback_ns:
        return DASH
    return f"{costs.per_callback_ns[name]:,} ({costs.per_callback_fuel.get(name, 0):,})"
