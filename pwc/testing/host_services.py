"""Host calls that are not about one stream's data: properties, shared data
and queues, metrics, HTTP callouts, foreign functions, plugin completion
(abi.md §3.6, §3.8-3.11, §5, §6.1), as Envoy 1.40 answers them.
"""

from __future__ import annotations

import functools
import re

from pwc.testing.abi import Status
from pwc.testing.callouts import REQUIRED_CALLOUT_HEADERS, HttpCall
from pwc.testing.errors import StatusError
from pwc.testing.host_core import HostCore
from pwc.testing.http_stream import HeaderMap, HttpStream, decode_text
from pwc.testing.properties import PropertyPath, encode_value, look_up, parse_path
from pwc.testing.shared import MetricType
from pwc.testing.wire import encode_map

_U64 = (1 << 64) - 1
_METRIC_TYPE_BITS = 2


class ServiceCalls(HostCore):
    # --- completion -----------------------------------------------------------

    def done(self) -> None:
        """proxy_done: completes a plugin context whose on_done said "not yet";
        from anywhere else Envoy answers NOT_FOUND."""
        self.require_allowed("proxy_done")
        root = self.roots.get(self.current_context_id())
        if root is None or not root.done_pending:
            raise StatusError(Status.NOT_FOUND, "no plugin context is waiting to be done")
        root.done_requested = True

    # --- properties -----------------------------------------------------------

    def get_property(self, raw_path: bytes) -> bytes:
        self.require_allowed("proxy_get_property")
        path = parse_path(raw_path)
        value = self.property_value(self.current_context_id(), path)
        if value is None:
            raise StatusError(Status.NOT_FOUND, f"no property {'.'.join(path)}")
        return value

    def set_property(self, raw_path: bytes, value: bytes) -> None:
        """Stored for the current stream (Envoy's filter state); a root
        context has none, so Envoy answers NOT_FOUND there."""
        self.require_allowed("proxy_set_property")
        context_id = self.current_context_id()
        store = self._own_properties(context_id)
        if store is None:
            raise StatusError(Status.NOT_FOUND, "properties can be set in stream contexts only")
        store[parse_path(raw_path)] = value

    def property_value(self, context_id: int, path: PropertyPath) -> bytes | None:
        """What get_property(path) reads in `context_id`: the stream's own
        properties, then the seeded ones, then Envoy's computed attributes."""
        own = self._own_properties(context_id)
        for store in (own or {}, self.properties, self._computed_properties(context_id)):
            value = look_up(store, path)
            if value is not None:
                return value
        return None

    def _own_properties(self, context_id: int) -> dict[PropertyPath, bytes] | None:
        stream = self.streams.get(context_id)
        if stream is not None:
            return stream.properties
        connection = self.connections.get(context_id)
        if connection is not None:
            return connection.properties
        return None

    def _computed_properties(self, context_id: int) -> dict[PropertyPath, bytes]:
        computed: dict[PropertyPath, bytes] = {}
        root = self.root_of(context_id)
        if root is not None:
            computed[("plugin_name",)] = encode_value(root.name)
            computed[("plugin_root_id",)] = encode_value(root.root_id)
            computed[("plugin_vm_id",)] = encode_value(self.vm_id)
        stream = self.streams.get(context_id)
        if stream is not None:
            computed.update(_http_attributes(stream))
        return computed

    # --- shared data and queues -----------------------------------------------

    def get_shared_data(self, key: bytes) -> tuple[bytes, int]:
        self.require_allowed("proxy_get_shared_data")
        return self.process.get_shared_data(self.vm_id, key)

    def set_shared_data(self, key: bytes, value: bytes, cas: int) -> None:
        self.require_allowed("proxy_set_shared_data")
        self.process.set_shared_data(self.vm_id, key, value, cas)

    def register_shared_queue(self, name: bytes) -> int:
        """The current context becomes the queue's receiver."""
        self.require_allowed("proxy_register_shared_queue")
        receiver = functools.partial(self.post_queue_ready, self.current_context_id())
        return self.process.register_queue(self.vm_id, decode_text(name), receiver)

    def resolve_shared_queue(self, vm_id: bytes, name: bytes) -> int:
        self.require_allowed("proxy_resolve_shared_queue")
        owner = decode_text(vm_id) or self.vm_id
        return self.process.resolve_queue(owner, decode_text(name))

    def enqueue_shared_queue(self, token: int, data: bytes) -> None:
        self.require_allowed("proxy_enqueue_shared_queue")
        self.process.enqueue(token, data)

    def dequeue_shared_queue(self, token: int) -> bytes:
        self.require_allowed("proxy_dequeue_shared_queue")
        return self.process.dequeue(token)

    def post_queue_ready(self, context_id: int, token: int) -> None:
        """Envoy posts proxy_on_queue_ready to the receiver's thread: it runs
        later, never inside the enqueue (the emulator delivers it on request)."""
        self.pending_queue_ready.append((context_id, token))

    # --- metrics (ids: type in the low 2 bits, a per-type count above) -------

    def define_metric(self, metric_type: int, name: bytes) -> int:
        self.require_allowed("proxy_define_metric")
        if metric_type > MetricType.HISTOGRAM:
            raise StatusError(Status.BAD_ARGUMENT, f"no metric type {metric_type}")
        kind = MetricType(metric_type)
        count = self._metric_counts.get(kind, 0) + 1
        self._metric_counts[kind] = count
        metric_id = (count << _METRIC_TYPE_BITS) | kind
        self.metric_handles[metric_id] = (kind, decode_text(name))
        self.process.stat(kind, decode_text(name))
        return metric_id

    def increment_metric(self, metric_id: int, offset: int) -> None:
        """Counters only grow (offset > 0); gauges move both ways; histograms
        cannot be incremented."""
        self.require_allowed("proxy_increment_metric")
        kind, name = self._metric(metric_id)
        stat = self.process.stat(kind, name)
        if kind is MetricType.HISTOGRAM or (kind is MetricType.COUNTER and offset <= 0):
            raise StatusError(Status.BAD_ARGUMENT, f"cannot increment {name} by {offset}")
        stat.value = (stat.value + offset) & _U64

    def record_metric(self, metric_id: int, value: int) -> None:
        """A counter adds the value, a gauge takes it, a histogram samples it."""
        self.require_allowed("proxy_record_metric")
        kind, name = self._metric(metric_id)
        stat = self.process.stat(kind, name)
        value &= _U64
        match kind:
            case MetricType.COUNTER:
                stat.value = (stat.value + value) & _U64
            case MetricType.GAUGE:
                stat.value = value
            case MetricType.HISTOGRAM:
                stat.samples.append(value)

    def get_metric(self, metric_id: int) -> int:
        """The value as a u64; a histogram cannot be read."""
        self.require_allowed("proxy_get_metric")
        kind, name = self._metric(metric_id)
        if kind is MetricType.HISTOGRAM:
            raise StatusError(Status.BAD_ARGUMENT, f"histogram {name} cannot be read")
        return self.process.stat(kind, name).value

    def _metric(self, metric_id: int) -> tuple[MetricType, str]:
        handle = self.metric_handles.get(metric_id)
        if handle is None:
            raise StatusError(Status.NOT_FOUND, f"no metric with id {metric_id}")
        return handle

    # --- HTTP callouts ----------------------------------------------------------

    def http_call(
        self,
        cluster: bytes,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
        trailers: list[tuple[bytes, bytes]],
        timeout_milliseconds: int,
    ) -> int:
        """Record the callout; tokens are 4, 8, 12, ... per instance."""
        self.require_allowed("proxy_http_call")
        cluster_name = decode_text(cluster)
        if self.clusters is not None and cluster_name not in self.clusters:
            raise StatusError(Status.BAD_ARGUMENT, f"unknown cluster {cluster_name!r}")
        keys = {key.lower() for key, _ in headers}
        for names in REQUIRED_CALLOUT_HEADERS:
            if not keys.intersection(names):
                raise StatusError(
                    Status.BAD_ARGUMENT, f"a callout needs a {decode_text(names[0])} header"
                )
        context_id = self.current_context_id()
        root = self.root_of(context_id)
        if root is None:
            raise StatusError(Status.BAD_ARGUMENT, "a callout needs a plugin or stream context")
        self._last_callout_index += 1
        call = HttpCall(
            token=self._last_callout_index * 4,
            context_id=context_id,
            plugin_context_id=root.context_id,
            cluster=cluster_name,
            headers=_text_pairs(headers),
            body=body,
            trailers=_text_pairs(trailers),
            timeout_milliseconds=timeout_milliseconds,
        )
        self.http_calls[call.token] = call
        self.pending_http_calls.append(call.token)
        return call.token

    def get_status(self) -> tuple[int, str]:
        """proxy_get_status: the last callout answer's status on this root."""
        self.require_allowed("proxy_get_status")
        root = self.root_of(self.current_context_id())
        return (0, "") if root is None else root.last_callout_status

    # --- foreign functions -------------------------------------------------------

    def call_foreign_function(self, name: bytes, argument: bytes) -> bytes:
        self.require_allowed("proxy_call_foreign_function")
        function = self.foreign_functions.get(decode_text(name))
        if function is None:
            raise StatusError(Status.NOT_FOUND, f"no foreign function {decode_text(name)!r}")
        return function(argument)


def _text_pairs(pairs: list[tuple[bytes, bytes]]) -> tuple[tuple[str, str], ...]:
    return tuple((decode_text(k), decode_text(v)) for k, v in pairs)


def _http_attributes(stream: HttpStream) -> dict[PropertyPath, bytes]:
    """Envoy's request.* and response.* attributes of a stream (abi.md §6.1),
    from the headers it has seen so far."""
    attributes: dict[PropertyPath, bytes] = {}
    if stream.request.headers_seen:
        request = stream.request_headers
        path = request.get(b":path") or b""
        url_path, _, query = path.partition(b"?")
        for name, value in (
            ("path", path),
            ("url_path", url_path),
            ("query", query),
            ("host", request.get(b":authority")),
            ("scheme", request.get(b":scheme")),
            ("method", request.get(b":method")),
            ("id", request.get(b"x-request-id")),
            ("referer", request.get(b"referer")),
            ("useragent", request.get(b"user-agent")),
        ):
            if value is not None:
                attributes[("request", name)] = value
        attributes[("request", "headers")] = _map_value(request)
    if stream.response.headers_seen:
        response = stream.response_headers
        status = response.get(b":status")
        if status is not None and status.isdigit():
            attributes[("response", "code")] = encode_value(int(status))
        attributes[("response", "headers")] = _map_value(response)
        attributes[("response", "trailers")] = _map_value(stream.response_trailers)
        reply = stream.local_response
        details = "via_upstream" if reply is None else re.sub(r"\s", "_", reply.details)
        if details:
            attributes[("response", "code_details")] = encode_value(details)
    return attributes


def _map_value(header_map: HeaderMap) -> bytes:
    return encode_map(header_map.entries) if header_map.entries else b"\0\0\0\0"
