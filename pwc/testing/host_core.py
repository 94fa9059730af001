"""The host model's state and the machinery every host call shares: contexts
and their ids, the stack of running callbacks with their effective
contexts, Envoy's restricted phases, logging, time and ticks.

`host.HostModel` is the whole model; this base holds what the groups of
host calls (`host_services`, `host`) have in common.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from pwc.testing.abi import ALLOWED_DURING_START, ALLOWED_IN_ALLOCATOR, LogLevel, Status
from pwc.testing.callouts import CalloutResponse, HttpCall
from pwc.testing.errors import EmulatorError, RestrictedCallError, StatusError
from pwc.testing.http_stream import HttpStream, decode_text
from pwc.testing.properties import PropertyPath
from pwc.testing.shared import MetricType, Process
from pwc.testing.tcp_stream import TcpConnection

_echo = logging.getLogger("pwc.testing.plugin")
_ECHO_LEVELS = {
    LogLevel.TRACE: logging.DEBUG,
    LogLevel.DEBUG: logging.DEBUG,
    LogLevel.INFO: logging.INFO,
    LogLevel.WARN: logging.WARNING,
    LogLevel.ERROR: logging.ERROR,
    LogLevel.CRITICAL: logging.CRITICAL,
}


class Phase(Enum):
    """What the module is doing, for Envoy's restricted phases."""

    IDLE = "idle"
    START = "start functions"
    CALLBACK = "callback"
    ALLOCATOR = "allocator"


@dataclass(frozen=True)
class LogEntry:
    level: LogLevel
    message: str
    context_id: int


@dataclass
class RootContext:
    """A plugin (root) context: one per plugin configuration.

    `name` and `root_id` are the plugin's `config.name` and `config.root_id`
    (the plugin_name and plugin_root_id properties)."""

    context_id: int
    plugin_configuration: bytes
    name: str = ""
    root_id: str = ""
    tick_period_ms: int = 0
    vm_started: bool = False
    configured: bool = False
    # on_done returned False: the host waits for proxy_done.
    done_pending: bool = False
    # proxy_done was called: on_delete follows once the callback returns.
    done_requested: bool = False
    deleted: bool = False
    # The callout answer being delivered to this root, and proxy_get_status.
    callout_response: CalloutResponse | None = None
    last_callout_status: tuple[int, str] = (0, "")


@dataclass
class Frame:
    """One running callback."""

    context_id: int
    callback: str
    args: tuple[int, ...]
    effective_context_id: int


@dataclass
class HostCore:
    vm_configuration: bytes = b""
    clock_ns: Callable[[], int] = time.time_ns
    vm_id: str = ""
    # Envoy drops plugin log lines below its level (and reports it).
    log_level: LogLevel = LogLevel.TRACE
    process: Process = field(default_factory=Process)
    # Properties seeded for every context (path -> Envoy-encoded value).
    properties: dict[PropertyPath, bytes] = field(default_factory=dict)
    foreign_functions: dict[str, Callable[[bytes], bytes]] = field(default_factory=dict)
    # The cluster names callouts may use; None accepts any name.
    clusters: frozenset[str] | None = None
    logs: list[LogEntry] = field(default_factory=list)
    roots: dict[int, RootContext] = field(default_factory=dict)
    streams: dict[int, HttpStream] = field(default_factory=dict)
    connections: dict[int, TcpConnection] = field(default_factory=dict)
    # Every callout dispatched (by token), and the tokens still unanswered.
    http_calls: dict[int, HttpCall] = field(default_factory=dict)
    pending_http_calls: list[int] = field(default_factory=list)
    # proxy_on_queue_ready notifications posted and not delivered yet:
    # (receiving context id, queue token).
    pending_queue_ready: list[tuple[int, int]] = field(default_factory=list)
    # This instance's metric handles: id -> the stat it names.
    metric_handles: dict[int, tuple[MetricType, str]] = field(default_factory=dict)
    phase: Phase = Phase.IDLE
    frames: list[Frame] = field(default_factory=list)
    _last_context_id: int = 0
    _last_callout_index: int = 0
    _metric_counts: dict[MetricType, int] = field(default_factory=dict)

    # --- contexts ---------------------------------------------------------

    def new_root(
        self, plugin_configuration: bytes, name: str = "", root_id: str = ""
    ) -> RootContext:
        root = RootContext(self._next_context_id(), plugin_configuration, name, root_id)
        self.roots[root.context_id] = root
        return root

    def new_http_stream(self, plugin_context_id: int) -> HttpStream:
        stream = HttpStream(self._next_context_id(), plugin_context_id)
        self.streams[stream.context_id] = stream
        return stream

    def new_tcp_connection(self, plugin_context_id: int) -> TcpConnection:
        connection = TcpConnection(self._next_context_id(), plugin_context_id)
        self.connections[connection.context_id] = connection
        return connection

    def _next_context_id(self) -> int:
        # Ids are per instance, from 1, never reused (abi.md §2.2).
        self._last_context_id += 1
        return self._last_context_id

    def stream(self, context_id: int) -> HttpStream:
        stream = self.streams.get(context_id)
        if stream is None:
            raise EmulatorError(
                f"there is no HTTP stream with context id {context_id} "
                "(use the id init_http_stream() returned)"
            )
        return stream

    def connection(self, context_id: int) -> TcpConnection:
        connection = self.connections.get(context_id)
        if connection is None:
            raise EmulatorError(
                f"there is no TCP connection with context id {context_id} "
                "(use the id init_tcp_stream() returned)"
            )
        return connection

    def root(self, context_id: int) -> RootContext:
        root = self.roots.get(context_id)
        if root is None:
            raise EmulatorError(
                f"there is no plugin context with id {context_id} "
                "(use plugin_context_id or the id add_plugin_context() returned)"
            )
        return root

    def root_of(self, context_id: int) -> RootContext | None:
        """The plugin context of a stream, connection or plugin context."""
        stream = self.streams.get(context_id)
        if stream is not None:
            context_id = stream.plugin_context_id
        connection = self.connections.get(context_id)
        if connection is not None:
            context_id = connection.plugin_context_id
        return self.roots.get(context_id)

    def is_live_context(self, context_id: int) -> bool:
        """Whether Envoy still knows the context (set_effective_context)."""
        root = self.roots.get(context_id)
        if root is not None:
            return not root.deleted
        stream = self.streams.get(context_id)
        if stream is not None:
            return not stream.completed
        connection = self.connections.get(context_id)
        return connection is not None and not connection.completed

    # --- callback bookkeeping ---------------------------------------------

    def begin_callback(self, context_id: int, callback: str, args: tuple[int, ...]) -> None:
        self.frames.append(Frame(context_id, callback, args, context_id))
        self.phase = Phase.CALLBACK

    def end_callback(self) -> None:
        self.frames.pop()
        self.phase = Phase.CALLBACK if self.frames else Phase.IDLE

    def current_frame(self) -> Frame | None:
        return self.frames[-1] if self.frames else None

    def current_context_id(self) -> int:
        """The context host calls act on: the running callback's, or the one
        it switched to with set_effective_context; 0 outside callbacks."""
        frame = self.current_frame()
        return 0 if frame is None else frame.effective_context_id

    def _current_stream(self) -> HttpStream | None:
        return self.streams.get(self.current_context_id())

    def _current_connection(self) -> TcpConnection | None:
        return self.connections.get(self.current_context_id())

    def require_allowed(self, import_name: str) -> None:
        """Trap like Envoy when a host function is called in a restricted phase."""
        if self.phase is Phase.START and import_name not in ALLOWED_DURING_START:
            raise RestrictedCallError(
                f"the plugin called {import_name} while its start functions (module-level "
                "code) ran; Envoy allows only proxy_log there and traps with "
                "restricted_callback"
            )
        if self.phase is Phase.ALLOCATOR and import_name not in ALLOWED_IN_ALLOCATOR:
            raise RestrictedCallError(
                f"the plugin called {import_name} inside its allocator export; Envoy allows "
                "only proxy_log, fd_write, clock_time_get and poll_oneoff there and traps"
            )

    # --- logging and time ---------------------------------------------------

    def log(self, level: int, message: bytes) -> None:
        self.require_allowed("proxy_log")
        if not 0 <= level <= 5:
            raise StatusError(Status.BAD_ARGUMENT, f"log level {level}")
        self.record_log(LogLevel(level), decode_text(message))

    def record_log(self, level: LogLevel, message: str) -> None:
        if level < self.log_level:
            return  # Envoy's logger drops it
        entry = LogEntry(level, message, self.current_context_id())
        self.logs.append(entry)
        _echo.log(_ECHO_LEVELS[level], "proxy_%s_log: %s", level.name.lower(), message)

    def get_log_level(self) -> int:
        self.require_allowed("proxy_get_log_level")
        return self.log_level

    def get_current_time_nanoseconds(self) -> int:
        self.require_allowed("proxy_get_current_time_nanoseconds")
        return self.clock_ns()

    def set_tick_period_milliseconds(self, period_ms: int) -> None:
        self.require_allowed("proxy_set_tick_period_milliseconds")
        # Always OK in Envoy; sets the timer of the current context's root.
        root = self.root_of(self.current_context_id())
        if root is not None:
            root.tick_period_ms = period_ms

    # --- context switching ---------------------------------------------------

    def set_effective_context(self, context_id: int) -> None:
        self.require_allowed("proxy_set_effective_context")
        frame = self.current_frame()
        if frame is None or not self.is_live_context(context_id):
            raise StatusError(Status.BAD_ARGUMENT, f"unknown context id {context_id}")
        frame.effective_context_id = context_id
