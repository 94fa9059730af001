"""The host model: Envoy's side of the Proxy-Wasm ABI, independent of how the
plugin runs (compiled in wasmtime, or as source under CPython).

Host calls are methods named after the ABI functions (without `proxy_`),
with Python values instead of pointers: bytes in, bytes out, a non-OK status
raised as StatusError.  Each backend adapts them: the wasm backend reads and
writes linear memory, the CPython backend converts statuses into the SDK's
exceptions.  The semantics are Envoy 1.40's as recorded in abi.md (header
availability §6.2, buffers §3.2, local replies §6.4, restricted phases §1.1),
not an idealised host's.

The model is layered: `host_core` holds the state and what every call
shares (contexts, the stack of running callbacks with their effective
contexts, phases, logs), `host_services` the calls about the VM as a whole
(properties, shared data, queues, metrics, callouts, foreign functions), and
this module the calls on a stream's data: buffers, header maps, flow.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from pwc.testing.abi import BufferType, Callback, MapType, Status, StreamType
from pwc.testing.errors import StatusError
from pwc.testing.host_core import Frame, HostCore, LogEntry, Phase, RootContext
from pwc.testing.host_services import ServiceCalls
from pwc.testing.http_stream import (
    Direction,
    Flow,
    HeaderMap,
    LocalResponse,
    decode_text,
)
from pwc.testing.tcp_stream import Side

__all__ = ["Access", "Frame", "HostCore", "HostModel", "LogEntry", "Phase", "RootContext"]


class Access(Enum):
    """What a header map allows right now (abi.md §6.2)."""

    READ_WRITE = "read-write"
    READ_ONLY = "read-only"  # on_log
    ADD_ONLY = "add-only"  # trailers from the last body callback
    MISSING = "missing"  # request trailers in on_log: lookups say NOT_FOUND
    GONE = "gone"  # not available: lookups say BAD_ARGUMENT, pairs are empty


class HostModel(ServiceCalls):
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
        current, store = self._writable_buffer(buffer_type)
        if start == 0:
            store(data + current[size:])
        elif start >= len(current):
            store(current + data)
        else:
            raise StatusError(Status.BAD_ARGUMENT, "Envoy cannot splice into a buffer")

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
            case BufferType.DOWNSTREAM_DATA | BufferType.UPSTREAM_DATA:
                data = self._active_tcp_data(buffer_type)
                if data is not None:
                    return data
            case BufferType.HTTP_CALL_RESPONSE_BODY:
                root = self.root_of(self.current_context_id())
                if root is not None and root.callout_response is not None:
                    return root.callout_response.body
        if 0 <= buffer_type <= 8:
            raise StatusError(Status.NOT_FOUND, f"buffer {buffer_type} is not available here")
        raise StatusError(Status.BAD_ARGUMENT, f"no buffer type {buffer_type}")

    def _writable_buffer(self, buffer_type: int) -> tuple[bytes, Callable[[bytes], None]]:
        """The buffer's bytes and how to replace them: only a body or a TCP
        data buffer, while its callback runs (or its body is paused)."""
        if buffer_type in (BufferType.HTTP_REQUEST_BODY, BufferType.HTTP_RESPONSE_BODY):
            flow = self._active_body(buffer_type)
            if flow is not None:
                body_flow = flow

                def store_body(data: bytes) -> None:
                    body_flow.body = data

                return flow.body, store_body
        if buffer_type in (BufferType.DOWNSTREAM_DATA, BufferType.UPSTREAM_DATA):
            connection = self._current_connection()
            if connection is not None and self._active_tcp_data(buffer_type) is not None:
                tcp_flow = connection.flow(_side(buffer_type))

                def store_data(data: bytes) -> None:
                    tcp_flow.data = data

                return tcp_flow.data, store_data
        raise StatusError(Status.BAD_ARGUMENT, f"buffer {buffer_type} is not writable here")

    def _active_tcp_data(self, buffer_type: int) -> bytes | None:
        """A connection's data buffer, if its data callback is running (Envoy
        offers it only there)."""
        connection = self._current_connection()
        frame = self.current_frame()
        if connection is None or frame is None or frame.context_id != connection.context_id:
            return None
        side = _side(buffer_type)
        callback = (
            Callback.DOWNSTREAM_DATA if side is Side.DOWNSTREAM else Callback.UPSTREAM_DATA
        )
        return connection.flow(side).data if frame.callback == callback else None

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
        if map_type in (MapType.HTTP_CALL_RESPONSE_HEADERS, MapType.HTTP_CALL_RESPONSE_TRAILERS):
            # The answer belongs to the root of the current (effective) context.
            root = self.root_of(self.current_context_id())
            response = None if root is None else root.callout_response
            if response is None:
                return None, Access.GONE
            if map_type == MapType.HTTP_CALL_RESPONSE_HEADERS:
                return response.headers, Access.READ_ONLY
            return response.trailers, Access.READ_ONLY
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
        connection = self._current_connection()
        if connection is not None and stream_type == StreamType.DOWNSTREAM:
            connection.resume_requested = True
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
        # Both sides of a network filter are the client connection in Envoy:
        # either closes it once the callback returns.
        connection = self._current_connection()
        if connection is not None and stream_type >= StreamType.DOWNSTREAM:
            connection.close_requested = True

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


def _side(buffer_type: int) -> Side:
    return Side.DOWNSTREAM if buffer_type == BufferType.DOWNSTREAM_DATA else Side.UPSTREAM
