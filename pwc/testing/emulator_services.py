"""VM-wide drivers and accessors of the emulator: HTTP callouts, shared
queues, shared data, metrics, properties and foreign functions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from pwc.testing.abi import Callback
from pwc.testing.callouts import TIMEOUT_BODY, TIMEOUT_HEADERS, CalloutResponse, HttpCall
from pwc.testing.emulator_core import EmulatorCore
from pwc.testing.errors import EmulatorError, StatusError
from pwc.testing.http_stream import HeaderMap, encode_text, text_pairs_to_bytes
from pwc.testing.properties import PropertyValue, encode_value
from pwc.testing.shared import MetricType, Stat

T = TypeVar("T")

# proxy_get_status after a callout whose connection was reset (abi.md §3.5).
BROKEN_CONNECTION = 11


class ServiceDrivers(EmulatorCore):
    # --- HTTP callouts ----------------------------------------------------------

    def get_http_calls(self, context_id: int | None = None) -> list[HttpCall]:
        """Every callout the plugin dispatched, in order; with `context_id`,
        only those dispatched from that stream or plugin context."""
        calls = list(self.host.http_calls.values())
        return [c for c in calls if context_id is None or c.context_id == context_id]

    def get_pending_http_calls(self) -> list[HttpCall]:
        """The callouts still waiting for an answer, in dispatch order."""
        return [self.host.http_calls[token] for token in self.host.pending_http_calls]

    def call_on_http_call_response(
        self,
        token: int,
        headers: Sequence[tuple[str, str]] = (),
        body: bytes = b"",
        trailers: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Answer callout `token`: proxy_on_http_call_response on its plugin
        context, with the response readable during the callback."""
        response = CalloutResponse(
            HeaderMap(text_pairs_to_bytes(list(headers))),
            body,
            HeaderMap(text_pairs_to_bytes(list(trailers))),
        )
        self._answer(token, response, len(headers), len(body), len(trailers))

    def time_out_http_call(self, token: int) -> None:
        """Envoy's answer to a callout that timed out: a synthesized 504."""
        self.call_on_http_call_response(token, TIMEOUT_HEADERS, TIMEOUT_BODY)

    def fail_http_call(self, token: int) -> None:
        """The callout's connection was reset: an answer with no headers
        (proxy_get_status then reports BrokenConnection "reset")."""
        response = CalloutResponse(
            HeaderMap(), b"", HeaderMap(), status=BROKEN_CONNECTION, message="reset"
        )
        self._answer(token, response, 0, 0, 0)

    def _answer(
        self, token: int, response: CalloutResponse, headers: int, body: int, trailers: int
    ) -> None:
        if token not in self.host.pending_http_calls:
            raise EmulatorError(
                f"there is no pending callout with token {token} "
                f"(pending: {self.host.pending_http_calls})"
            )
        self.host.pending_http_calls.remove(token)
        call = self.host.http_calls[token]
        root = self.host.root(call.plugin_context_id)
        if root.deleted:
            raise EmulatorError(
                f"callout {token} belongs to plugin context {root.context_id}, which is deleted"
            )
        root.callout_response = response
        root.last_callout_status = (response.status, response.message)
        try:
            self._invoke(root.context_id, Callback.HTTP_CALL_RESPONSE, root.context_id, token,
                         headers, body, trailers)
        finally:
            root.callout_response = None
        self._settle()

    # --- shared queues ----------------------------------------------------------

    def deliver_queue_ready(self) -> int:
        """Deliver the proxy_on_queue_ready notifications posted so far (one
        per enqueue, in order; Envoy runs them after the enqueue, never in
        it); how many were delivered.  Ones posted meanwhile wait for the
        next call."""
        pending = list(self.host.pending_queue_ready)
        self.host.pending_queue_ready.clear()
        for context_id, token in pending:
            if self.host.is_live_context(context_id):
                self._invoke(context_id, Callback.QUEUE_READY, context_id, token)
                self._settle()
        return len(pending)

    def register_shared_queue(self, name: str, vm_id: str | None = None) -> int:
        """A queue registered outside the plugin under test (by a VM with
        `vm_id`, default this emulator's), e.g. for a sender plugin to
        resolve; its id.  Nothing here receives its notifications."""
        return self.process.declare_queue(self.host.vm_id if vm_id is None else vm_id, name)

    def enqueue_shared_queue(self, queue_id: int, data: bytes) -> None:
        """Enqueue as another VM would; the receiver is notified later."""
        self._queue_call(lambda: self.process.enqueue(queue_id, data))

    def dequeue_shared_queue(self, queue_id: int) -> bytes | None:
        """Take the oldest item (what a plugin enqueued); None when empty."""
        queue = self._queue_call(lambda: self.process.queue(queue_id))
        return queue.items.popleft() if queue.items else None

    def get_queue_size(self, queue_id: int) -> int:
        return len(self._queue_call(lambda: self.process.queue(queue_id)).items)

    def _queue_call(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except StatusError as e:
            raise EmulatorError(str(e)) from None

    # --- shared data ------------------------------------------------------------

    def get_shared_data(self, key: str) -> tuple[bytes, int] | None:
        """The value of `key` in this VM's shared data and its CAS, or None."""
        return self.process.shared_data.get((self.host.vm_id, encode_text(key)))

    def set_shared_data(self, key: str, value: bytes) -> None:
        """Write `key` unconditionally, as another VM would."""
        self.process.set_shared_data(self.host.vm_id, encode_text(key), value, 0)

    # --- metrics ----------------------------------------------------------------

    def get_counter_value(self, name: str) -> int:
        return self._stat(MetricType.COUNTER, name).value

    def get_gauge_value(self, name: str) -> int:
        value = self._stat(MetricType.GAUGE, name).value
        return value - (1 << 64) if value >= 1 << 63 else value

    def get_histogram_values(self, name: str) -> list[int]:
        """Every sample recorded, in order (Envoy itself cannot read them back)."""
        return list(self._stat(MetricType.HISTOGRAM, name).samples)

    def _stat(self, kind: MetricType, name: str) -> Stat:
        stat = self.process.stats.get((kind, name))
        if stat is None:
            defined = sorted(n for k, n in self.process.stats if k is kind)
            raise EmulatorError(
                f"no {kind.name.lower()} metric named {name!r} was defined "
                f"(defined: {', '.join(defined) or 'none'})"
            )
        return stat

    # --- properties -------------------------------------------------------------

    def set_property(
        self, path: Sequence[str], value: PropertyValue, context_id: int | None = None
    ) -> None:
        """Seed a property: for every context, or for one stream or connection."""
        key = tuple(path)
        if context_id is None:
            self.host.properties[key] = encode_value(value)
        elif context_id in self.host.streams:
            self.host.streams[context_id].properties[key] = encode_value(value)
        else:
            self.host.connection(context_id).properties[key] = encode_value(value)

    def get_property(self, path: Sequence[str], context_id: int | None = None) -> bytes | None:
        """What get_property(path) would read in `context_id` (default: the
        first plugin context), or None where Envoy answers NOT_FOUND."""
        context = self.plugin_context_id if context_id is None else context_id
        return self.host.property_value(context, tuple(path))

    # --- foreign functions --------------------------------------------------------

    def register_foreign_function(self, name: str, function: Callable[[bytes], bytes]) -> None:
        """Offer `function` to call_foreign_function(name, ...)."""
        self.host.foreign_functions[name] = function
