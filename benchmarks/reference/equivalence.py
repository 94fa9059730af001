"""Do the WAT floor and the pwc plugin behave the same?  (In the emulator,
wasm backend, on the cases the benchmark exercises and their edges.)

Each case is checked against the behaviour the plugin is specified to have,
not only WAT against pwc, so two modules that are wrong in the same way
still fail.
"""

from __future__ import annotations

from dataclasses import dataclass

from proxywasm import Action

from benchmarks.reference import (
    BENCH_HEADER,
    CONFIGURED_HEADER,
    DENY_BODY,
    DENY_STATUS,
    PLUGIN_CONFIGURATION,
)
from benchmarks.traffic import RESPONSE_HEADERS, request_headers
from pwc.testing import Emulator, EmulatorError, PluginLoadError, PluginTrap

Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Case:
    name: str
    configuration: bytes
    path: str


@dataclass(frozen=True)
class Outcome:
    """What a client and the upstream would see for one request."""

    started: bool
    request_action: Action
    local_reply: tuple[int, bytes] | None  # (status, body)
    added_response_headers: Headers  # what the plugin added to the response


CASES: tuple[Case, ...] = (
    Case("configured, /bench", PLUGIN_CONFIGURATION, "/bench"),
    Case("configured, /deny", PLUGIN_CONFIGURATION, "/deny"),
    Case("configured, /denyall?x=1", PLUGIN_CONFIGURATION, "/denyall?x=1"),
    Case("configured, /den", PLUGIN_CONFIGURATION, "/den"),
    Case("configured, /x/deny", PLUGIN_CONFIGURATION, "/x/deny"),
    Case("no configuration, /bench", b"", "/bench"),
    Case("no configuration, /deny", b"", "/deny"),
)


def expected(case: Case) -> Outcome:
    """The specified behaviour (benchmarks/reference/hdr.py's docstring)."""
    added = (CONFIGURED_HEADER, BENCH_HEADER) if case.configuration else (BENCH_HEADER,)
    if case.path.startswith("/deny"):
        return Outcome(True, Action.PAUSE, (DENY_STATUS, DENY_BODY), added)
    return Outcome(True, Action.CONTINUE, None, added)


def observe(wasm: bytes, case: Case) -> Outcome:
    """Run `case` through the compiled module in the emulator."""
    emulator = Emulator(backend="wasm", wasm=wasm, plugin_configuration=case.configuration)
    if not emulator.start_plugin():
        return Outcome(False, Action.CONTINUE, None, ())
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, request_headers(case.path), True)
    reply = emulator.get_sent_local_response(stream)
    if reply is None:
        emulator.call_on_response_headers(stream, list(RESPONSE_HEADERS), False)
        before = len(RESPONSE_HEADERS)
    else:
        # Envoy's own headers of a local reply (:status, content-length,
        # content-type) come first; whatever follows the plugin added.
        before = len([k for k, _ in emulator.get_current_response_headers(stream)
                      if k in (":status", "content-length", "content-type")])
    emulator.complete_http_stream(stream)
    added = tuple(emulator.get_current_response_headers(stream)[before:])
    local = None if reply is None else (reply.status_code, reply.body)
    return Outcome(True, action, local, added)


def check_equivalence(wat_wasm: bytes, pwc_wasm: bytes) -> list[str]:
    """Every way the two modules differ from the specification; [] if none."""
    problems: list[str] = []
    for case in CASES:
        want = expected(case)
        for label, wasm in (("hdr.wat", wat_wasm), ("hdr.py", pwc_wasm)):
            try:
                got = observe(wasm, case)
            except (EmulatorError, PluginLoadError, PluginTrap) as e:
                problems.append(f"{label}, {case.name}: {e}")
                continue
            if got != want:
                problems.append(f"{label}, {case.name}: got {got}, expected {want}")
    return problems
