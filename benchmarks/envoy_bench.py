"""Envoy overhead: what the hdr plugin costs Envoy per request, as the
hand-written WAT floor and as built by pwc, against Envoy with no plugin.

Method (design.md "Performance targets"): the three Envoys (one worker
each, `--concurrency 1`) are up at once, each with the same static-reply
upstream inside it.  After a warm-up, each round loads every Envoy in turn
(the order rotates from round to round) for a fixed time with the same
load generator; Envoy's own CPU time over the load (the time on a CPU of
all its threads, /proc/PID/task/*/schedstat) divided by the requests it answered is that
round's cost per request.  Reported: the median per configuration, the
median of the per-round differences to the baseline (the plugin's added
cost), and added(pwc) / added(WAT).  Also Envoy's start -> ready time and
its resident memory after the warm-up.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.envoy_process import BenchEnvoy, EnvoyNotFoundError, EnvoyStartError
from benchmarks.load import LoadError, LoadGenerator
from benchmarks.procfs import ProcessGoneError, cpu_time, resident_bytes
from benchmarks.reference import BENCH_HEADER, CONFIGURED_HEADER, DENY_STATUS
from benchmarks.stats import median, ratio_interval
from benchmarks.traffic import BENCH_PATH, CLIENT_HEADERS, DENY_PATH
from tests.e2e.config_template import ConfigTemplateError, render_config
from tests.e2e.envoy_harness import free_port

CONFIG_DIR = Path(__file__).resolve().parent / "envoy_configs"
READY_TIMEOUT = 30.0


class EnvoyBenchError(Exception):
    """The Envoy benchmark cannot run or its Envoys misbehave."""


@dataclass(frozen=True)
class Configuration:
    """One Envoy under test: no plugin (wasm None) or a plugin module."""

    name: str  # "baseline", "wat", "pwc"
    label: str
    wasm: bytes | None


@dataclass(frozen=True)
class EnvoySettings:
    rounds: int  # per epoch
    round_seconds: int
    warmup_seconds: int
    startup_samples: int  # start -> ready measurements per configuration
    connections: int
    # Each epoch starts every Envoy afresh: one Envoy process can be a few
    # µs per request faster or slower than another of the same
    # configuration for its whole life (where its memory and threads
    # landed), which rounds within one process cannot average out.
    epochs: int = 1


@dataclass(frozen=True)
class ConfigurationResult:
    name: str
    label: str
    module_bytes: int | None
    cpu_us_per_request: float  # median over rounds
    added_us: float | None  # median of per-round differences to the baseline
    rounds_us: tuple[float, ...]
    requests: int  # over all rounds
    errors: int
    requests_per_second: float  # median over rounds
    startup_seconds: float  # median
    startup_samples: tuple[float, ...]
    rss_warm_bytes: int  # after the warm-up (median over epochs)
    rss_end_bytes: int  # after the rounds: rss_warm_bytes + the median growth in an epoch


@dataclass(frozen=True)
class EnvoyResult:
    envoy_version: str
    load_generator: str
    load_note: str
    settings: EnvoySettings
    configurations: tuple[ConfigurationResult, ...]
    ratio_pwc_to_wat: float | None  # added(pwc) / added(WAT)
    ratio_pwc_to_wat_interval: tuple[float, float] | None  # its 95% bootstrap interval
    # added(pwc) / added(WAT with pwc's two lifecycle exports, empty)
    ratio_pwc_to_wat_lifecycle: float | None = None


@dataclass(frozen=True)
class _Round:
    cpu_us_per_request: float
    requests: int
    errors: int
    requests_per_second: float


def run_envoy_benchmark(
    configurations: list[Configuration],
    settings: EnvoySettings,
    load: LoadGenerator,
    progress: Callable[[str], None],
) -> list[ConfigurationResult]:
    """Measure every configuration; the first must be the no-plugin baseline."""
    if not configurations or configurations[0].wasm is not None:
        raise EnvoyBenchError("the first configuration must be the no-plugin baseline")
    with tempfile.TemporaryDirectory(prefix="pwc-bench-envoy-") as tmp:
        work = Path(tmp)
        # Extra start-ups first, one Envoy at a time; the other samples are
        # the starts of the Envoys that are measured, one per epoch.
        names = [c.name for c in configurations]
        startups: dict[str, list[float]] = {name: [] for name in names}
        for sample in range(settings.startup_samples - settings.epochs):
            for configuration in configurations:
                directory = work / f"startup-{sample}-{configuration.name}"
                with _envoy(configuration, directory) as envoy:
                    startups[configuration.name].append(_startup(envoy))
        rounds: dict[str, list[_Round]] = {name: [] for name in names}
        rss_warm: dict[str, list[int]] = {name: [] for name in names}
        rss_growth: dict[str, list[int]] = {name: [] for name in names}
        for epoch in range(settings.epochs):
            with ExitStack() as stack:
                envoys = {c.name: stack.enter_context(_envoy(c, work / f"{epoch}-{c.name}"))
                          for c in configurations}
                for configuration in configurations:
                    startups[configuration.name].append(_startup(envoys[configuration.name]))
                    _check_behaviour(configuration, envoys[configuration.name])
                progress(f"envoy: epoch {epoch + 1}/{settings.epochs}: {len(envoys)} Envoys up "
                         "and answering as expected; warming up")
                for configuration in configurations:
                    _measure_round(envoys[configuration.name], load, settings.warmup_seconds)
                    rss_warm[configuration.name].append(_rss(envoys[configuration.name]))
                for name, measured in _rounds(configurations, envoys, settings, load,
                                              progress).items():
                    rounds[name].extend(measured)
                for name in names:
                    rss_growth[name].append(_rss(envoys[name]) - rss_warm[name][-1])
        baseline = rounds[names[0]]
        return [
            _summarise(c, rounds[c.name], baseline, startups[c.name],
                       int(median(rss_warm[c.name])), int(median(rss_growth[c.name])))
            for c in configurations
        ]


def _rounds(
    configurations: list[Configuration],
    envoys: dict[str, BenchEnvoy],
    settings: EnvoySettings,
    load: LoadGenerator,
    progress: Callable[[str], None],
) -> dict[str, list[_Round]]:
    """settings.rounds rounds; each loads every Envoy once, the order rotating."""
    rounds: dict[str, list[_Round]] = {c.name: [] for c in configurations}
    for number in range(settings.rounds):
        shift = number % len(configurations)
        for configuration in configurations[shift:] + configurations[:shift]:
            rounds[configuration.name].append(
                _measure_round(envoys[configuration.name], load, settings.round_seconds)
            )
        summary = ", ".join(
            f"{c.name} {rounds[c.name][-1].cpu_us_per_request:.1f} us/req" for c in configurations
        )
        progress(f"envoy: round {number + 1}/{settings.rounds}: {summary}")
    return rounds


def added_ratio(
    results: list[ConfigurationResult], numerator: str, denominator: str
) -> float | None:
    """added_us(numerator) / added_us(denominator), when both are known and
    the denominator is positive."""
    by_name = {r.name: r for r in results}
    top, bottom = by_name[numerator].added_us, by_name[denominator].added_us
    if top is None or bottom is None or bottom <= 0:
        return None
    return top / bottom


def added_ratio_interval(
    results: list[ConfigurationResult], numerator: str, denominator: str
) -> tuple[float, float] | None:
    """The 95% bootstrap interval of added_ratio over the rounds (the first
    result is the baseline): how much of the ratio is the machine's noise."""
    by_name = {r.name: r for r in results}
    baseline = results[0].rounds_us

    def added(name: str) -> list[float]:
        return [mine - base for mine, base in zip(by_name[name].rounds_us, baseline,
                                                  strict=True)]

    return ratio_interval(added(numerator), added(denominator))


@contextmanager
def _envoy(configuration: Configuration, work_dir: Path) -> Iterator[BenchEnvoy]:
    work_dir.mkdir(parents=True, exist_ok=True)
    upstream_port = free_port()
    values: dict[str, str | int] = {
        "listener_port": 0,
        "admin_port": 0,
        "static_reply_port": upstream_port,
        "web_service_port": upstream_port,
    }
    template = CONFIG_DIR / ("baseline.yaml" if configuration.wasm is None else "wasm.yaml")
    if configuration.wasm is not None:
        module = work_dir / "plugin.wasm"
        module.write_bytes(configuration.wasm)
        values["wasm_path"] = str(module)
    try:
        text = render_config(template.read_text(encoding="utf-8"), values, source=str(template))
    except ConfigTemplateError as e:
        raise EnvoyBenchError(str(e)) from None
    envoy = BenchEnvoy(text, work_dir=work_dir, ready_timeout=READY_TIMEOUT)
    try:
        envoy.start()
    except EnvoyNotFoundError as e:
        raise EnvoyBenchError(str(e)) from None
    except EnvoyStartError as e:
        raise EnvoyBenchError(f"Envoy with {configuration.label} did not start:\n{e}") from None
    try:
        yield envoy
    finally:
        envoy.stop()


def _startup(envoy: BenchEnvoy) -> float:
    if envoy.startup_seconds is None:
        raise EnvoyBenchError("Envoy reported ready without a start-up time")
    return envoy.startup_seconds


def _check_behaviour(configuration: Configuration, envoy: BenchEnvoy) -> None:
    """The Envoy serves /bench, and the plugin (if any) does what hdr does."""
    problems: list[str] = []
    ok = envoy.get(BENCH_PATH, headers=dict(CLIENT_HEADERS))
    denied = envoy.get(DENY_PATH, headers=dict(CLIENT_HEADERS))
    if ok.status != 200:
        problems.append(f"GET {BENCH_PATH} answered {ok.status}, expected 200")
    if configuration.wasm is None:
        if denied.status != 200:
            problems.append(f"GET {DENY_PATH} answered {denied.status} without a plugin")
        if ok.header(BENCH_HEADER[0]) is not None:
            problems.append(f"{BENCH_HEADER[0]} is present without a plugin")
    else:
        if denied.status != DENY_STATUS:
            problems.append(f"GET {DENY_PATH} answered {denied.status}, expected {DENY_STATUS}")
        for name, value in (CONFIGURED_HEADER, BENCH_HEADER):
            if ok.header(name) != value:
                problems.append(
                    f"response header {name} is {ok.header(name)!r}, expected {value!r}"
                )
    if problems:
        raise EnvoyBenchError(
            f"Envoy with {configuration.label} misbehaves: {'; '.join(problems)}\n"
            f"log: {envoy.log_path}\n{envoy.log_tail(20)}"
        )


def _measure_round(envoy: BenchEnvoy, load: LoadGenerator, seconds: int) -> _Round:
    try:
        before = cpu_time(envoy.pid)
        outcome = load.run(envoy.port("main"), seconds)
        after = cpu_time(envoy.pid)
    except ProcessGoneError:
        raise EnvoyBenchError(f"Envoy exited during the load\n{envoy.log_tail(20)}") from None
    except LoadError as e:
        raise EnvoyBenchError(str(e)) from None
    if outcome.requests == 0:
        raise EnvoyBenchError(
            f"no request succeeded in {seconds} s ({outcome.errors} errors)\n{envoy.log_tail(20)}"
        )
    cpu_seconds = after.seconds - before.seconds
    return _Round(
        cpu_us_per_request=cpu_seconds * 1e6 / outcome.requests,
        requests=outcome.requests,
        errors=outcome.errors,
        requests_per_second=outcome.requests / outcome.seconds if outcome.seconds else 0.0,
    )


def _rss(envoy: BenchEnvoy) -> int:
    try:
        return resident_bytes(envoy.pid)
    except ProcessGoneError:
        raise EnvoyBenchError(f"Envoy exited\n{envoy.log_tail(20)}") from None


def _summarise(
    configuration: Configuration,
    own: list[_Round],
    baseline: list[_Round],
    startups: list[float],
    rss_warm: int,
    rss_growth: int,
) -> ConfigurationResult:
    added = None
    if configuration.wasm is not None:
        added = median([
            mine.cpu_us_per_request - base.cpu_us_per_request
            for mine, base in zip(own, baseline, strict=True)
        ])
    return ConfigurationResult(
        name=configuration.name,
        label=configuration.label,
        module_bytes=None if configuration.wasm is None else len(configuration.wasm),
        cpu_us_per_request=median([r.cpu_us_per_request for r in own]),
        added_us=added,
        rounds_us=tuple(round(r.cpu_us_per_request, 2) for r in own),
        requests=sum(r.requests for r in own),
        errors=sum(r.errors for r in own),
        requests_per_second=median([r.requests_per_second for r in own]),
        startup_seconds=median(startups),
        startup_samples=tuple(round(s, 4) for s in startups),
        rss_warm_bytes=rss_warm,
        rss_end_bytes=rss_warm + rss_growth,
    )
