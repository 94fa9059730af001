"""Per-callback cost of a compiled module in wasmtime, and its linear memory.

Harness: pwc.testing's emulator with the wasm backend.  Every callback the
emulator runs goes through a timing wrapper around the backend's runtime, so
a number is the time of one `proxy_on_*` call into wasmtime *including* the
host calls the plugin makes from it (served by the emulator's Python host
model, tens of microseconds each on a loaded machine) and the allocator
calls those make, but not the emulator's own bookkeeping between callbacks.
Absolute values are far above Envoy's (V8 and a C++ host); they compare
modules with each other.  Two numbers keep the harness out of the picture:
`fuel` is the wasm work of a callback (wasmtime fuel, about one unit per
instruction, the allocator included, the host excluded; it does not depend
on the machine's load), and `empty_call_ns` is what calling an export that
does nothing costs through the same path.

Scenario, repeated per iteration (after a warm-up): one HTTP stream as
Envoy drives it (context create, request headers of a GET with eos, response
headers, response body, log/done/delete), answering any callout the plugin
makes with a 200, and ticking once when the request stays paused, so that a
plugin that holds requests lets them go on; a TCP connection instead for a
network-only plugin; plus one tick when the module exports proxy_on_tick.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from proxywasm import Action

from benchmarks.stats import median
from benchmarks.traffic import RESPONSE_BODY, RESPONSE_HEADERS, request_headers
from pwc.testing import Emulator, EmulatorError, PluginLoadError, PluginTrap, Process
from pwc.testing.abi import Callback
from pwc.testing.wasm_backend import CALLBACK_FUEL, WasmPlugin

HARNESS = "pwc.testing emulator, wasm backend (wasmtime; host calls served in Python)"

HTTP_CALLBACKS = frozenset({
    Callback.REQUEST_HEADERS, Callback.REQUEST_BODY, Callback.REQUEST_TRAILERS,
    Callback.RESPONSE_HEADERS, Callback.RESPONSE_BODY, Callback.RESPONSE_TRAILERS,
})
TCP_CALLBACKS = frozenset({
    Callback.NEW_CONNECTION, Callback.DOWNSTREAM_DATA, Callback.UPSTREAM_DATA,
    Callback.DOWNSTREAM_CONNECTION_CLOSE, Callback.UPSTREAM_CONNECTION_CLOSE,
})

CALLOUT_RESPONSE_HEADERS = ((":status", "200"), ("content-type", "application/json"))
CALLOUT_RESPONSE_BODY = b"{}"
TCP_REQUEST = b"GET /bench HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n"
TCP_RESPONSE = b"HTTP/1.1 200 OK\r\ncontent-length: 13\r\n\r\nexample body\n"
MIN_ITERATIONS = 10
EMPTY_EXPORT = "proxy_abi_version_0_2_1"  # `(func)`, never called by Envoy
EMPTY_CALLS = 200
WASM_PAGE_BYTES = 65536


@dataclass(frozen=True)
class CallbackCosts:
    harness: str
    scenario: str  # "http", "tcp", or "none" (the plugin did not start)
    started: bool
    iterations: int
    per_callback_ns: dict[str, int] = field(default_factory=dict)  # export -> median
    per_callback_fuel: dict[str, int] = field(default_factory=dict)  # export -> median
    per_stream_ns: int | None = None  # median sum over one stream's callbacks
    pages_started: int = 0  # linear memory after plugin start
    pages_warm: int = 0  # after the warm-up
    pages_end: int = 0  # after the measured iterations and the soak
    soak_iterations: int = 0  # untimed iterations after the measured ones
    empty_call_ns: int | None = None  # the harness's own cost of one call
    notes: tuple[str, ...] = ()


class TimedRuntime:
    """The emulator's wasm runtime, timing every callback it runs."""

    def __init__(self, inner: WasmPlugin) -> None:
        self.inner = inner
        self.samples: dict[str, list[int]] = {}  # callback -> ns per call
        self.fuel: dict[str, list[int]] = {}  # callback -> fuel per call
        self.total_ns = 0

    def has_export(self, name: str) -> bool:
        return self.inner.has_export(name)

    def call(self, name: str, *args: int) -> int:
        start = time.perf_counter_ns()
        try:
            return self.inner.call(name, *args)  # refuels the store to CALLBACK_FUEL first
        finally:
            elapsed = time.perf_counter_ns() - start
            self.samples.setdefault(name, []).append(elapsed)
            self.fuel.setdefault(name, []).append(CALLBACK_FUEL - self.inner.store.get_fuel())
            self.total_ns += elapsed

    def forget_samples(self) -> None:
        self.samples = {}
        self.fuel = {}

    def empty_call_ns(self, calls: int) -> int | None:
        """Median time of calling an export that does nothing, if there is one."""
        if not self.inner.has_export(EMPTY_EXPORT):
            return None
        times: list[int] = []
        for _ in range(calls):
            start = time.perf_counter_ns()
            self.inner.call(EMPTY_EXPORT)
            times.append(time.perf_counter_ns() - start)
        return round(median(times))

    def memory_size(self) -> int | None:
        return self.inner.memory_size()


def _memory_pages(emulator: Emulator) -> int:
    size = emulator.get_memory_size()
    if size is None:
        raise TypeError("the callback benchmark needs the emulator's wasm backend")
    return size // WASM_PAGE_BYTES


def _attach_timer(emulator: Emulator) -> TimedRuntime:
    # Emulator has no public hook for timing its callbacks; swapping its
    # private runtime is confined to this function.
    runtime = emulator._runtime
    if not isinstance(runtime, WasmPlugin):
        raise TypeError("the callback benchmark needs the emulator's wasm backend")
    timed = TimedRuntime(runtime)
    emulator._runtime = timed
    return timed


class _Driver:
    """Runs iterations of the scenario on one emulator, collecting notes."""

    def __init__(self, emulator: Emulator, timer: TimedRuntime) -> None:
        self.emulator = emulator
        self.timer = timer
        self.notes: dict[str, None] = {}  # insertion-ordered set
        self.scenario = self._choose_scenario()
        self.ticks = timer.has_export(Callback.TICK)

    def _choose_scenario(self) -> str:
        exports = {name for name in HTTP_CALLBACKS | TCP_CALLBACKS if self.timer.has_export(name)}
        if exports and exports <= TCP_CALLBACKS:
            return "tcp"
        return "http"

    def iterate(self) -> int:
        """One iteration; the time spent in the stream's callbacks (ns)."""
        before = self.timer.total_ns
        if self.scenario == "tcp":
            self._tcp_connection()
        else:
            self._http_stream()
        stream_ns = self.timer.total_ns - before
        if self.ticks:
            self.emulator.tick()
            self._answer_callouts()
        return stream_ns

    def _http_stream(self) -> None:
        emulator = self.emulator
        stream = emulator.init_http_stream()
        try:
            emulator.call_on_request_headers(stream, request_headers(), True)
            self._answer_callouts()
            if self.ticks and emulator.get_current_http_stream_action(stream) == Action.PAUSE:
                emulator.tick()  # a plugin may resume held requests from its tick
                self._answer_callouts()
            if emulator.get_sent_local_response(stream) is None:
                if emulator.get_current_http_stream_action(stream) == Action.PAUSE:
                    self.notes["the request stayed paused; no response was delivered"] = None
                else:
                    emulator.call_on_response_headers(stream, list(RESPONSE_HEADERS), False)
                    self._answer_callouts()
                    if emulator.get_sent_local_response(stream) is None:
                        emulator.call_on_response_body(stream, RESPONSE_BODY, True)
                        self._answer_callouts()
        except EmulatorError as e:
            self.notes[str(e).splitlines()[0]] = None
        emulator.complete_http_stream(stream)

    def _tcp_connection(self) -> None:
        emulator = self.emulator
        connection = emulator.init_tcp_stream()
        try:
            emulator.call_on_new_connection(connection)
            emulator.call_on_downstream_data(connection, TCP_REQUEST)
            emulator.call_on_upstream_data(connection, TCP_RESPONSE)
            self._answer_callouts()
        except EmulatorError as e:
            self.notes[str(e).splitlines()[0]] = None
        emulator.complete_tcp_stream(connection)

    def _answer_callouts(self) -> None:
        for call in self.emulator.get_pending_http_calls():
            self.emulator.call_on_http_call_response(
                call.token, CALLOUT_RESPONSE_HEADERS, CALLOUT_RESPONSE_BODY
            )


@dataclass(frozen=True)
class CompanionVm:
    """Another VM of the example's Envoy, started before the one measured
    (shared_queue's receiver, whose queues the sender resolves)."""

    wasm: bytes
    vm_id: str
    plugin_configurations: tuple[bytes, ...]
    vm_configuration: bytes


def measure_callbacks(
    wasm: bytes,
    plugin_configuration: bytes,
    vm_configuration: bytes,
    iterations: int,
    budget_seconds: float,
    soak: int = 0,
    soak_seconds: float = 0.0,
    vm_id: str = "",
    companions: tuple[CompanionVm, ...] = (),
) -> CallbackCosts:
    """Median cost of each exported callback over up to `iterations`
    iterations (at least MIN_ITERATIONS, then until `budget_seconds`).

    Then up to `soak` more iterations (within `soak_seconds`) only to see
    whether linear memory keeps growing: a runtime that leaks a few dozen
    bytes per stream needs thousands of streams to take another 64 KiB page.
    """
    process = Process()
    try:
        for companion in companions:
            _start_companion(companion, process)
        emulator = Emulator(
            backend="wasm", wasm=wasm, vm_id=vm_id, process=process,
            plugin_configuration=plugin_configuration, vm_configuration=vm_configuration,
        )
        timer = _attach_timer(emulator)
        started = emulator.start_plugin()
    except (PluginLoadError, PluginTrap, EmulatorError) as e:
        return CallbackCosts(HARNESS, "none", False, 0, notes=(f"did not load or start: {e}",))
    if not started:
        return CallbackCosts(
            HARNESS, "none", False, 0, pages_started=_memory_pages(emulator),
            notes=("the plugin refused to start with its configuration",),
        )
    driver = _Driver(emulator, timer)
    pages_started = _memory_pages(emulator)
    stream_totals: list[int] = []
    try:
        for _ in range(max(MIN_ITERATIONS, iterations // 5)):
            driver.iterate()
        pages_warm = _memory_pages(emulator)
        timer.forget_samples()
        deadline = time.monotonic() + budget_seconds
        while len(stream_totals) < iterations and (
            len(stream_totals) < MIN_ITERATIONS or time.monotonic() < deadline
        ):
            stream_totals.append(driver.iterate())
        soaked = _soak(driver, soak, soak_seconds)
    except PluginTrap as e:
        driver.notes[f"trapped: {str(e).splitlines()[0]}"] = None
        pages_warm = _memory_pages(emulator)
        soaked = 0
    return CallbackCosts(
        harness=HARNESS,
        scenario=driver.scenario,
        started=True,
        iterations=len(stream_totals),
        per_callback_ns={
            name: round(median(samples)) for name, samples in sorted(timer.samples.items())
        },
        per_callback_fuel={
            name: round(median(samples)) for name, samples in sorted(timer.fuel.items())
        },
        per_stream_ns=round(median(stream_totals)) if stream_totals else None,
        pages_started=pages_started,
        pages_warm=pages_warm,
        pages_end=_memory_pages(emulator),
        soak_iterations=soaked,
        empty_call_ns=timer.empty_call_ns(EMPTY_CALLS),
        notes=tuple(driver.notes),
    )


def _start_companion(companion: CompanionVm, process: Process) -> Emulator:
    """The companion VM with one started plugin context per configuration."""
    first, *more = companion.plugin_configurations
    emulator = Emulator(
        backend="wasm", wasm=companion.wasm, vm_id=companion.vm_id, process=process,
        plugin_configuration=first, vm_configuration=companion.vm_configuration,
    )
    plugins = [emulator.plugin_context_id, *(emulator.add_plugin_context(c) for c in more)]
    for plugin in plugins:
        if not emulator.start_plugin(plugin):
            raise EmulatorError(f"companion VM {companion.vm_id!r} refused to start")
    return emulator


def _soak(driver: _Driver, iterations: int, seconds: float) -> int:
    """Up to `iterations` more iterations within `seconds`; how many ran."""
    deadline = time.monotonic() + seconds
    done = 0
    while done < iterations and time.monotonic() < deadline:
        driver.iterate()
        done += 1
    return done
