"""The machinery of test_abi_fuzz.py: a chaotic host and a raw-ABI driver.

`ChaosHost` is the emulator's host model with fault injection: each host
call the plugin makes is answered at random either honestly (the model's own
answer, Envoy's semantics) or with an error status, or with a result Envoy
could hand over but plugins rarely see: nothing, a lot, bytes that are not
UTF-8, extreme integers.  Only the answers are chaotic: what reaches the
plugin is still well-formed at the ABI level (a header map is a valid
serialized map, a result lands in the module's return slots), as from any
real host.

`Fuzzer` loads a compiled plugin with the emulator's wasm backend (the same
linking, memory marshalling and trap reporting as every other test) and
drives it with a seeded random sequence of `proxy_on_*` callbacks: contexts
created and deleted in valid and invalid orders, stream callbacks with
random sizes and end_of_stream flags, ticks, queue and callout
notifications for known and unknown tokens.  Every callback it makes is a
"step"; a trap surfaces as PluginTrap, which the test reports with the seed
and the last steps.
"""

from __future__ import annotations

import random
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pwc.testing.abi import Callback, LogLevel, Status
from pwc.testing.callouts import CalloutResponse
from pwc.testing.errors import StatusError
from pwc.testing.host import HostModel
from pwc.testing.http_stream import HeaderMap
from pwc.testing.wasm_backend import WasmPlugin

_U32 = 0xFFFFFFFF
# The largest answer a host call gets (see Chaos.data).
HUGE = 256 << 10

# Every status a host call can fail with, plus one no ABI version defines.
STATUSES = (*(status for status in Status if status != Status.OK), 99)

# Byte strings that are not UTF-8: a lone continuation byte, a truncated
# sequence, an overlong encoding, an encoded surrogate, a code point past
# U+10FFFF, and a NUL in the middle of text.
INVALID_UTF8 = (b"\x80", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"a\x00b")

# How the SDK reports an exception that escaped plugin code (`_state.log_exception`):
# `Type: message (file.py:LINE in function)`, the message possibly empty.
EXCEPTION_REPORT = re.compile(r"^[A-Za-z_]\w*(: .*)? \([^()\s]+:\d+ in [^()\s]+\)$", re.DOTALL)

HTTP_STREAM_CALLBACKS = (
    Callback.REQUEST_HEADERS,
    Callback.REQUEST_BODY,
    Callback.REQUEST_TRAILERS,
    Callback.RESPONSE_HEADERS,
    Callback.RESPONSE_BODY,
    Callback.RESPONSE_TRAILERS,
)
TCP_DATA_CALLBACKS = (Callback.NEW_CONNECTION, Callback.DOWNSTREAM_DATA, Callback.UPSTREAM_DATA)
ROOT_VERDICT_CALLBACKS = (Callback.VM_START, Callback.CONFIGURE)
ACTION_PAUSE = 1


class Chaos:
    """Random values of the shapes host calls return."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def data(self) -> bytes:
        roll = self.rng.random()
        if roll < 0.3:
            return b""
        if roll < 0.5:
            return self.rng.choice(INVALID_UTF8) * self.rng.randint(1, 4)
        if roll < 0.98:
            return self.rng.randbytes(self.rng.randint(1, 64))
        # Huge: random bytes repeated (as random, for a plugin, and cheap to
        # make).  At most 256 KiB: a plugin walking text character by character
        # spends 300 to 1,200 wasm instructions a character, so a MiB would
        # exceed the emulator's per-callback fuel (its infinite-loop watchdog).
        size = self.rng.randint(1 << 16, HUGE)
        return (self.rng.randbytes(256) * (size // 256 + 1))[:size]

    def text(self) -> bytes:
        """Short data, usable as a header name or value."""
        data = self.data()
        return data[:64]

    def pairs(self) -> list[tuple[bytes, bytes]]:
        count = 1000 if self.rng.random() < 0.01 else self.rng.choice((0, 0, 1, 2, 3, 5, 20))
        return [(self.text(), self.text()) for _ in range(count)]

    def u32(self) -> int:
        return self.rng.choice((0, 1, 2, 4, 0x7FFFFFFF, 0x80000000, _U32, self.rng.getrandbits(32)))

    def u64(self) -> int:
        return self.rng.choice((0, 1, (1 << 63) - 1, 1 << 63, (1 << 64) - 1, self.rng.getrandbits(64)))

    def size(self, actual: int) -> int:
        """A size argument of a callback: usually the real one, sometimes not."""
        return self.rng.choice((actual, actual, 0, 1, 0x7FFFFFFF, _U32, self.rng.getrandbits(32)))


# Host call (a HostModel method) -> a random result of its shape; None for
# calls that return nothing.
ANSWERS: dict[str, Callable[[Chaos], Any] | None] = {
    "log": None,
    "get_log_level": Chaos.u32,
    "get_current_time_nanoseconds": Chaos.u64,
    "set_tick_period_milliseconds": None,
    "get_buffer_bytes": Chaos.data,
    "set_buffer_bytes": None,
    "get_buffer_status": Chaos.u32,
    "get_header_map_pairs": Chaos.pairs,
    "set_header_map_pairs": None,
    "get_header_map_value": Chaos.data,
    "get_header_map_size": Chaos.u32,
    "add_header_map_value": None,
    "replace_header_map_value": None,
    "remove_header_map_value": None,
    "continue_stream": None,
    "close_stream": None,
    "send_local_response": None,
    "set_effective_context": None,
    "done": None,
    "get_property": Chaos.data,
    "set_property": None,
    "get_shared_data": lambda chaos: (chaos.data(), chaos.u32()),
    "set_shared_data": None,
    "register_shared_queue": Chaos.u32,
    "resolve_shared_queue": Chaos.u32,
    "enqueue_shared_queue": None,
    "dequeue_shared_queue": Chaos.data,
    "define_metric": Chaos.u32,
    "increment_metric": None,
    "record_metric": None,
    "get_metric": Chaos.u64,
    "http_call": Chaos.u32,
    "get_status": lambda chaos: (chaos.u32(), chaos.data().decode("utf-8", "surrogateescape")),
    "call_foreign_function": Chaos.data,
}

# How often a host call fails with a random status / gets a random result.
ERROR_RATE = 0.2
JUNK_RATE = 0.25


@dataclass
class ChaosHost(HostModel):
    """The host model with every host call's answer injected at random."""

    rng: random.Random = field(default_factory=random.Random)
    # The host calls made by the running callback, in order.
    calls: list[str] = field(default_factory=list)

    @property
    def chaos(self) -> Chaos:
        return Chaos(self.rng)


def _chaotic(name: str, answer: Callable[[Chaos], Any] | None) -> Callable[..., Any]:
    honest = getattr(HostModel, name)

    def call(self: ChaosHost, *args: Any) -> Any:
        self.calls.append(name)
        roll = self.rng.random()
        if roll < ERROR_RATE:
            raise StatusError(self.rng.choice(STATUSES), "injected")
        if answer is not None and roll < ERROR_RATE + JUNK_RATE:
            return answer(self.chaos)
        return honest(self, *args)

    call.__name__ = name
    return call


for _name, _answer in ANSWERS.items():
    setattr(ChaosHost, _name, _chaotic(_name, _answer))

# Envoy runs a few plugin contexts per VM and many streams at once; the
# fuzzer keeps at most this many alive (it ends one to make room).
MAX_LIVE_ROOTS = 4
MAX_LIVE_STREAMS = 32

# The wall clock at step 0 (2026-01-01 UTC), in nanoseconds.
START_NS = 1_767_225_600 * 10**9

# Plugin configurations a root context may get: none, the JSON some examples
# parse, a token other plugins look for, and junk.
CONFIGURATIONS = (
    b"",
    b'{"header": "x-fuzz", "value": "1"}',
    b"{",
    b"twice",
    b"service",
    b"filter",
    b"\xff\xfe",
)


@dataclass
class Fuzzer:
    """Drives one compiled plugin with random callbacks (see the module docstring)."""

    wasm: bytes
    seed: int | str
    rng: random.Random = field(init=False)
    chaos: Chaos = field(init=False)
    host: ChaosHost = field(init=False)
    plugin: WasmPlugin = field(init=False)
    steps: int = 0
    # Exceptions the SDK reported (its log line), and the largest memory seen.
    reports: int = 0
    peak_memory: int = 0
    history: deque[str] = field(default_factory=lambda: deque(maxlen=25))
    roots: list[int] = field(default_factory=list)
    http: list[int] = field(default_factory=list)
    tcp: list[int] = field(default_factory=list)
    gone: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.chaos = Chaos(self.rng)
        # A clock that moves with the steps: plugins seeding randomness from
        # the time behave the same in every run of a seed.
        self.host = ChaosHost(rng=self.rng, clock_ns=lambda: START_NS + self.steps * 1_000_000)
        self.plugin = WasmPlugin(self.wasm, self.host)

    def run(self, steps: int) -> None:
        actions: list[Callable[[], None]] = [
            self.new_root, self.start_root, self.root_event, self.callout_answer,
            self.new_http, self.new_tcp, self.http_event, self.tcp_event,
            self.finish_stream, self.stray_end, self.end_root, self.recreate,
        ]
        weights = [2, 3, 6, 5, 10, 6, 40, 20, 10, 3, 1, 1]
        while self.steps < steps:
            self.rng.choices(actions, weights)[0]()

    # --- choosing contexts ----------------------------------------------------

    def pick(self, live: list[int]) -> int:
        """Mostly one of `live`; else an id that is wrong for this callback:
        deleted, of another kind, never created, 0 or the largest u32."""
        if live and self.rng.random() < 0.85:
            return self.rng.choice(live)
        wrong = [*self.gone[-8:], *self.roots, *self.http[-4:], *self.tcp[-4:]]
        never = self.host._last_context_id + self.rng.randint(1, 1000)
        return self.rng.choice([*wrong, never, 0, _U32])

    # --- actions: each makes at most a few callbacks ----------------------------

    def new_root(self) -> None:
        if len(self.roots) >= MAX_LIVE_ROOTS:
            self.end_root()
            return
        root = self.host.new_root(self.rng.choice(CONFIGURATIONS))
        self.roots.append(root.context_id)
        self.call(Callback.CONTEXT_CREATE, root.context_id, 0)

    def start_root(self) -> None:
        context_id = self.pick(self.roots)
        self.call(Callback.VM_START, context_id, self.chaos.size(0))
        root = self.host.roots.get(context_id)
        size = len(root.plugin_configuration) if root is not None else 0
        self.call(Callback.CONFIGURE, context_id, self.chaos.size(size))

    def root_event(self) -> None:
        context_id = self.pick(self.roots)
        if self.rng.random() < 0.5:
            self.call(Callback.TICK, context_id)
            return
        queued = self.host.pending_queue_ready
        if queued and self.rng.random() < 0.5:
            _, token = queued.pop(0)
        else:
            token = self.chaos.u32()
        self.call(Callback.QUEUE_READY, context_id, token)

    def callout_answer(self) -> None:
        """An answer to a callout the plugin made (its root as Envoy would
        pick it), or to a token it never got, on any id."""
        pending = self.host.pending_http_calls
        if pending and self.rng.random() < 0.7:
            token = pending.pop(self.rng.randrange(len(pending)))
            context_id = self.host.http_calls[token].plugin_context_id
        else:
            token = self.chaos.u32()
            context_id = self.pick(self.roots)
        headers, body, trailers = self.chaos.pairs(), self.chaos.data(), self.chaos.pairs()
        root = self.host.roots.get(context_id)
        if root is not None:
            root.callout_response = CalloutResponse(
                HeaderMap(headers), body, HeaderMap(trailers)
            )
        args = (len(headers), len(body), len(trailers))
        try:
            self.call(
                Callback.HTTP_CALL_RESPONSE, context_id, token,
                *(self.chaos.size(a) for a in args),
            )
        finally:
            if root is not None:
                root.callout_response = None

    def recreate(self) -> None:
        """proxy_on_context_create for an id that is already live."""
        live = self.roots + self.http + self.tcp
        if live:
            parent = self.rng.choice((0, self.pick(self.roots)))
            self.call(Callback.CONTEXT_CREATE, self.rng.choice(live), parent)

    def new_http(self) -> None:
        if len(self.http) + len(self.tcp) >= MAX_LIVE_STREAMS:
            self.finish_stream()
            return
        parent = self.pick(self.roots)
        stream = self.host.new_http_stream(parent)
        self.http.append(stream.context_id)
        self.call(Callback.CONTEXT_CREATE, stream.context_id, parent)

    def new_tcp(self) -> None:
        if len(self.http) + len(self.tcp) >= MAX_LIVE_STREAMS:
            self.finish_stream()
            return
        parent = self.pick(self.roots)
        connection = self.host.new_tcp_connection(parent)
        self.tcp.append(connection.context_id)
        self.call(Callback.CONTEXT_CREATE, connection.context_id, parent)

    def http_event(self) -> None:
        context_id = self.pick(self.http)
        callback = self.rng.choice(HTTP_STREAM_CALLBACKS)
        stream = self.host.streams.get(context_id)
        is_body = callback in (Callback.REQUEST_BODY, Callback.RESPONSE_BODY)
        pairs = [] if is_body else self.chaos.pairs()
        body = self.chaos.data() if is_body else b""
        if stream is not None:
            header_map = {
                Callback.REQUEST_HEADERS: stream.request_headers,
                Callback.REQUEST_TRAILERS: stream.request_trailers,
                Callback.RESPONSE_HEADERS: stream.response_headers,
                Callback.RESPONSE_TRAILERS: stream.response_trailers,
            }.get(callback)
            if header_map is not None:
                header_map.set_all(pairs)
            if callback == Callback.REQUEST_BODY:
                stream.request.body = body
            elif callback == Callback.RESPONSE_BODY:
                stream.response.body = body
        if callback in (Callback.REQUEST_TRAILERS, Callback.RESPONSE_TRAILERS):
            self.call(callback, context_id, self.chaos.size(len(pairs)))
            return
        size = len(body) if is_body else len(pairs)
        self.call(callback, context_id, self.chaos.size(size), self.rng.choice((0, 1, 2)))

    def tcp_event(self) -> None:
        context_id = self.pick(self.tcp)
        connection = self.host.connections.get(context_id)
        roll = self.rng.random()
        if roll < 0.15:
            self.call(Callback.NEW_CONNECTION, context_id)
        elif roll < 0.85:
            data = self.chaos.data()
            downstream = self.rng.random() < 0.5
            if connection is not None:
                (connection.downstream if downstream else connection.upstream).data = data
            callback = Callback.DOWNSTREAM_DATA if downstream else Callback.UPSTREAM_DATA
            self.call(callback, context_id, self.chaos.size(len(data)), self.rng.choice((0, 1)))
        else:
            callback = self.rng.choice(
                (Callback.DOWNSTREAM_CONNECTION_CLOSE, Callback.UPSTREAM_CONNECTION_CLOSE)
            )
            self.call(callback, context_id, self.rng.choice((0, 1, 2, 3, _U32)))

    def finish_stream(self) -> None:
        """Envoy's end of a stream: HTTP log, done, delete; TCP done, log, delete."""
        live = self.http + self.tcp
        if not live:
            return
        context_id = self.rng.choice(live)
        is_http = context_id in self.http
        order = (
            (Callback.LOG, Callback.DONE) if is_http else (Callback.DONE, Callback.LOG)
        )
        for callback in order:
            self.call(callback, context_id)
        self.delete(context_id)

    def stray_end(self) -> None:
        """An end callback out of order: on_log, on_done or on_delete for any
        id (a live stream, a deleted one, a root, one never created)."""
        context_id = self.pick(self.http + self.tcp)
        callback = self.rng.choice((Callback.LOG, Callback.DONE, Callback.DELETE))
        if callback == Callback.DELETE:
            self.delete(context_id)
        else:
            self.call(callback, context_id)

    def end_root(self) -> None:
        context_id = self.pick(self.roots)
        self.call(Callback.DONE, context_id)
        if self.rng.random() < 0.8:
            self.delete(context_id)

    def delete(self, context_id: int) -> None:
        self.call(Callback.DELETE, context_id)
        for live in (self.roots, self.http, self.tcp):
            if context_id in live:
                live.remove(context_id)
                self.gone.append(context_id)
        stream = self.host.streams.get(context_id)
        if stream is not None:
            stream.completed = True
        connection = self.host.connections.get(context_id)
        if connection is not None:
            connection.completed = True
        root = self.host.roots.get(context_id)
        if root is not None:
            root.deleted = True

    # --- one callback -----------------------------------------------------------

    def call(self, callback: str, *args: int) -> None:
        """Run one callback (if exported) and check what it did."""
        if not self.plugin.has_export(callback):
            return
        self.steps += 1
        self.history.append(f"{callback}{args}")
        logged = len(self.host.logs)
        self.host.calls = []
        self.host.begin_callback(args[0], callback, args)
        try:
            result = self.plugin.call(callback, *args)
        finally:
            self.host.end_callback()
        memory = self.plugin.memory_size() or 0
        self.peak_memory = max(self.peak_memory, memory)
        reports = [
            entry.message for entry in self.host.logs[logged:]
            if entry.level == LogLevel.ERROR and EXCEPTION_REPORT.match(entry.message)
        ]
        if reports:
            self.reports += len(reports)
            self.check_policy(callback, result)

    def check_policy(self, callback: str, result: int) -> None:
        """An exception escaped plugin code in this callback: the SDK's
        policy must have been applied (plugins here never fail open)."""
        where = f"{callback} logged an exception"
        if callback in HTTP_STREAM_CALLBACKS:
            assert result == ACTION_PAUSE, f"{where} but returned {result}, not Pause"
            assert {"send_local_response", "close_stream"} & set(self.host.calls), (
                f"{where} but neither replied nor reset: {self.host.calls}"
            )
        elif callback in TCP_DATA_CALLBACKS:
            assert result == ACTION_PAUSE, f"{where} but returned {result}, not Pause"
            assert "close_stream" in self.host.calls, f"{where} but did not close: {self.host.calls}"
        elif callback in ROOT_VERDICT_CALLBACKS:
            assert result == 0, f"{where} but reported success"

    def describe(self) -> str:
        """How to reproduce a failure: the seed and the last callbacks."""
        recent = "\n  ".join(self.history)
        return f"seed {self.seed}, step {self.steps}; the last callbacks:\n  {recent}"
