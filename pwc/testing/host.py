"""The host model: Envoy's side of the Proxy-Wasm ABI, independent of how the
plugin runs (compiled in wasmtime, or as source under CPython).

Host calls are methods named after the ABI functions (without `proxy_`),
with Python values instead of pointers: bytes in, bytes out, a non-OK status
raised as StatusError.  Each backend adapts them: the wasm backend reads and
writes linear memory, the CPython backend converts statuses into the SDK's
exceptions.  The semantics are Envoy 1.40's as recorded in abi.md (header
availability §6.2, buffers §3.2, local replies §6.4, restricted phases §1.1),
not an idealised host's.

Callbacks are bracketed by `begin_callback`/`end_callback`, which keep the
stack of running callbacks (the host can re-enter the module) and the
effective context of each.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from pwc.testing.abi import (
    ALLOWED_DURING_START,
    ALLOWED_IN_ALLOCATOR,
    BufferType,
    Callback,
    LogLevel,
    MapType,
    Status,
    StreamType,
)
from pwc.testing.errors import EmulatorError, RestrictedCallError, StatusError
from pwc.testing.http_stream import (
    Direction,
    Flow,
    HeaderMap,
    HttpStream,
    LocalResponse,
    decode_text,
)

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
    """A plugin (root) context: one per plugin configuration."""

    context_id: int
    plugin_configuration: bytes
    tick_period_ms: int = 0
    vm_started: bool = False
    configured: bool = False
    deleted: bool = False


@dataclass
class Frame:
    """One running callback."""

    context_id: int
    callback: str
    args: tuple[int, ...]
    effective_context_id: int


class Access(Enum):
    """What a header map allows right now (abi.md §6.2)."""

    READ_WRITE = "read-write"
    READ_ONLY = "read-only"  # on_log
    ADD_ONLY = "add-only"  # trailers from the last body callback
    MISSING = "missing"  # request trailers in on_log: lookups say NOT_FOUND
    GONE = "gone"  # not available: lookups say BAD_ARGUMENT, pairs are empty


@dataclass
class HostModel:
    vm_configuration: bytes = b""
    clock_ns: Callable[[], int] = time.time_ns
    logs: list[LogEntry] = field(default_factory=list)
    roots: dict[int, RootContext] = field(default_factory=dict)
    streams: dict[int, HttpStream] = field(default_factory=dict)
    phase: Phase = Phase.IDLE
    frames: list[Frame] = field(default_factory=list)
    _last_context_id: int = 0

    # --- contexts ---------------------------------------------------------

    def new_root(self, plugin_configuration: bytes) -> RootContext:
        root = RootContext(self._next_context_id(), plugin_configuration)
        self.roots[root.context_id] = root
        return root

    def new_http_stream(self, plugin_context_id: int) -> HttpStream:
        stream = HttpStream(self._next_context_id(), plugin_context_id)
        self.streams[stream.context_id] = stream
        return stream

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

    def root_of(self, context_id: int) -> RootContext | None:
        stream = self.streams.get(context_id)
        if stream is not None:
            context_id = stream.plugin_context_id
        return self.roots.get(context_id)

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
        entry = LogEntry(level, message, self.current_context_id())
        self.logs.append(entry)
        _echo.log(_ECHO_LEVELS[level], "proxy_%s_log: %s", level.name.lower(), message)

    def get_log_level(self) -> int:
        self.require_allowed("proxy_get_log_level")
        return LogLevel.TRACE  # the emulator records every level

    def get_current_time_nanoseconds(self) -> int:
        self.require_allowed("proxy_get_current_time_nanoseconds")
        return self.clock_ns()

    def set_tick_period_milliseconds(self, period_ms: int) -> None:
        self.require_allowed("proxy_set_tick_period_milliseconds")
        # Always OK in Envoy; sets the timer of the current context's root.
        root = self.root_of(self.current_context_id())
        if root is not None:
            root.tick_period_ms = period_ms

    # --- context switching and completion ----------------------------------

    def set_effective_context(self, context_id: int) -> None:
        self.require_allowed("proxy_set_effective_context")
        frame = self.current_frame()
        known = context_id in self.roots or (
            context_id in self.streams and not self.streams[context_id].completed
        )
        if frame is None or not known:
            raise StatusError(Status.BAD_ARGUMENT, f"unknown context id {context_id}")
        frame.effective_context_id = context_id

    def done(self) -> None:
        self.require_allowed("proxy_done")
        # Completing a root that deferred its on_done is not modelled yet;
        # from anywhere else Envoy answers NOT_FOUND.
        raise StatusError(Status.NOT_FOUND, "no root context is waiting to be done")

    # --- buffers (abi.md §3.2) ----------------------------------------------

    def get_buffer_bytes(self, buffer_type: int, start: int, max_size: int) -> bytes:
        self.require_allowed("proxy_get_buffer_bytes")
        data = self._readable_buffer(buffer_type)
        if start >= len(data) or max_size == 0:
            return b""
        return data[start : start + max_size]

    def get_buffer_status(self, buffer_type: int) -> int:
        """The buffer's size (its flags are always 0)."""
        self.require_allowed("proxy_get_buffer_status")
        return len(self._readable_buffer(buffer_type))

    def set_buffer_bytes(self, buffer_type: int, start: int, size: int, data: bytes) -> None:
        self.require_allowed("proxy_set_buffer_bytes")
        flow = self._writable_body(buffer_type)
        current = flow.body
        if start == 0:
            flow.body = data + current[size:]
        elif start >= len(current):
            flow.body = current + data
        else:
            raise StatusError(Status.BAD_ARGUMENT, "Envoy cannot splice into a body")

    def _readable_buffer(self, buffer_type: int) -> bytes:
        match buffer_type:
            case BufferType.VM_CONFIGURATION:
                return self.vm_configuration
            case BufferType.PLUGIN_CONFIGURATION:
                frame = self.current_frame()
                root = self.roots.get(self.current_context_id())
                if frame is None or frame.callback != Callback.CONFIGURE or root is None:
                    raise StatusError(
                        Status.NOT_FOUND, "the plugin configuration is readable in on_configure"
                    )
                return root.plugin_configuration
            case BufferType.HTTP_REQUEST_BODY | BufferType.HTTP_RESPONSE_BODY:
                flow = self._active_body(buffer_type)
                # The wrong phase reads as an empty body, not as an error.
                return b"" if flow is None else flow.body
        if 0 <= buffer_type <= 8:
            raise StatusError(Status.NOT_FOUND, f"buffer {buffer_type} is not available here")
        raise StatusError(Status.BAD_ARGUMENT, f"no buffer type {buffer_type}")

    def _writable_body(self, buffer_type: int) -> Flow:
        if buffer_type in (BufferType.HTTP_REQUEST_BODY, BufferType.HTTP_RESPONSE_BODY):
            flow = self._active_body(buffer_type)
            if flow is not None:
                return flow
        raise StatusError(Status.BAD_ARGUMENT, f"buffer {buffer_type} is not writable here")

    def _active_body(self, buffer_type: int) -> Flow | None:
        """The body flow if its callbacks are running (or it is paused in them)."""
        stream = self._current_stream()
        frame = self.current_frame()
        if stream is None or frame is None:
            return None
        if buffer_type == BufferType.HTTP_REQUEST_BODY:
            direction = Direction.REQUEST
            callbacks = (Callback.REQUEST_BODY, Callback.REQUEST_TRAILERS)
        else:
            direction = Direction.RESPONSE
            callbacks = (Callback.RESPONSE_BODY, Callback.RESPONSE_TRAILERS)
        flow = stream.flow(direction)
        running_here = frame.callback in callbacks and frame.context_id == stream.context_id
        return flow if running_here or flow.buffering_body else None

    # --- header maps (abi.md §3.4, §6.2) ------------------------------------

    def get_header_map_pairs(self, map_type: int) -> list[tuple[bytes, bytes]]:
        self.require_allowed("proxy_get_header_map_pairs")
        header_map, access = self._header_map(map_type)
        if header_map is None or access in (Access.GONE, Access.MISSING):
            return []  # never an error
        return list(header_map.entries)

    def get_header_map_value(self, map_type: int, key: bytes) -> bytes:
        self.require_allowed("proxy_get_header_map_value")
        header_map, access = self._header_map(map_type)
        if header_map is None or access is Access.GONE:
            raise StatusError(Status.BAD_ARGUMENT, f"header map {map_type} is not available now")
        value = None if access is Access.MISSING else header_map.get(key)
        if value is None:
            raise StatusError(Status.NOT_FOUND, f"no header {decode_text(key)!r}")
        return value

    def get_header_map_size(self, map_type: int) -> int:
        self.require_allowed("proxy_get_header_map_size")
        return self._mutable_map(map_type, Access.READ_WRITE).byte_size()

    def set_header_map_pairs(self, map_type: int, pairs: list[tuple[bytes, bytes]]) -> None:
        self.require_allowed("proxy_set_header_map_pairs")
        self._mutable_map(map_type, Access.READ_WRITE).set_all(pairs)

    def add_header_map_value(self, map_type: int, key: bytes, value: bytes) -> None:
        self.require_allowed("proxy_add_header_map_value")
        self._mutable_map(map_type, Access.ADD_ONLY).add(key, value)

    def replace_header_map_value(self, map_type: int, key: bytes, value: bytes) -> None:
        self.require_allowed("proxy_replace_header_map_value")
        self._mutable_map(map_type, Access.READ_WRITE).replace(key, value)

    def remove_header_map_value(self, map_type: int, key: bytes) -> None:
        self.require_allowed("proxy_remove_header_map_value")
        self._mutable_map(map_type, Access.READ_WRITE).remove(key)

    def _mutable_map(self, map_type: int, needed: Access) -> HeaderMap:
        header_map, access = self._header_map(map_type)
        allowed = access is Access.READ_WRITE or (
            needed is Access.ADD_ONLY and access is Access.ADD_ONLY
        )
        if header_map is None or not allowed:
            raise StatusError(Status.BAD_ARGUMENT, f"header map {map_type} is not writable now")
        return header_map

    def _header_map(self, map_type: int) -> tuple[HeaderMap | None, Access]:
        if not 0 <= map_type <= 7:
            raise StatusError(Status.BAD_ARGUMENT, f"no header map type {map_type}")
        stream = self._current_stream()
        frame = self.current_frame()
        if stream is None or frame is None:
            return None, Access.GONE
        in_own_callback = frame.context_id == stream.context_id
        callback = frame.callback if in_own_callback else ""
        match map_type:
            case MapType.HTTP_REQUEST_HEADERS:
                return stream.request_headers, _headers_access(
                    callback, Callback.REQUEST_HEADERS, stream.request.paused_at_headers
                )
            case MapType.HTTP_RESPONSE_HEADERS:
                return stream.response_headers, _headers_access(
                    callback, Callback.RESPONSE_HEADERS, stream.response.paused_at_headers
                )
            case MapType.HTTP_REQUEST_TRAILERS:
                if callback == Callback.LOG:
                    return stream.request_trailers, Access.MISSING
                return stream.request_trailers, _trailers_access(
                    frame, callback, Callback.REQUEST_TRAILERS, Callback.REQUEST_BODY,
                    stream.request.paused_at_trailers,
                )
            case MapType.HTTP_RESPONSE_TRAILERS:
                if callback == Callback.LOG:
                    return stream.response_trailers, Access.READ_ONLY
                return stream.response_trailers, _trailers_access(
                    frame, callback, Callback.RESPONSE_TRAILERS, Callback.RESPONSE_BODY,
                    stream.response.paused_at_trailers,
                )
        # gRPC metadata and callout maps exist only in their own callbacks.
        return None, Access.GONE

    # --- HTTP flow (abi.md §3.5, §6.3, §6.4) --------------------------------

    def continue_stream(self, stream_type: int) -> None:
        self.require_allowed("proxy_continue_stream")
        if stream_type == StreamType.UPSTREAM:
            raise StatusError(Status.UNIMPLEMENTED, "the upstream cannot be resumed")
        if stream_type > StreamType.UPSTREAM:
            raise StatusError(Status.BAD_ARGUMENT, f"no stream type {stream_type}")
        stream = self._current_stream()
        # Takes effect when the callback returns; a root context is a no-op.
        if stream is not None and stream_type == StreamType.HTTP_REQUEST:
            stream.request.resume_requested = True
        elif stream is not None and stream_type == StreamType.HTTP_RESPONSE:
            stream.response.resume_requested = True

    def close_stream(self, stream_type: int) -> None:
        self.require_allowed("proxy_close_stream")
        if stream_type > StreamType.UPSTREAM:
            raise StatusError(Status.BAD_ARGUMENT, f"no stream type {stream_type}")
        stream = self._current_stream()
        if stream is not None and stream_type <= StreamType.HTTP_RESPONSE:
            stream.reset = True

    def send_local_response(
        self,
        status_code: int,
        details: bytes,
        body: bytes,
        headers: list[tuple[bytes, bytes]],
        grpc_status: int,
    ) -> None:
        self.require_allowed("proxy_send_local_response")
        stream = self._current_stream()
        if stream is None:
            raise StatusError(Status.BAD_ARGUMENT, "a local reply needs an HTTP stream")
        reply = LocalResponse(
            status_code,
            decode_text(details),
            body,
            tuple(HeaderMap(headers).as_text()),
            grpc_status if 0 <= grpc_status <= 16 else -1,
        )
        pending = stream.pending_local_response
        if pending is not None:
            # Envoy sends the first reply, with the details of the last call.
            reply = LocalResponse(
                pending.status_code, reply.details, pending.body, pending.headers,
                pending.grpc_status,
            )
        stream.pending_local_response = reply


def _headers_access(callback: str, own_callback: str, paused_here: bool) -> Access:
    if callback == own_callback or paused_here:
        return Access.READ_WRITE
    if callback == Callback.LOG:
        return Access.READ_ONLY
    return Access.GONE


def _trailers_access(
    frame: Frame, callback: str, own_callback: str, body_callback: str, paused_here: bool
) -> Access:
    if callback == own_callback or paused_here:
        return Access.READ_WRITE
    # Trailers can be added from the last body callback (end_of_stream set).
    if callback == body_callback and len(frame.args) == 3 and frame.args[2] != 0:
        return Access.ADD_ONLY
    return Access.GONE
