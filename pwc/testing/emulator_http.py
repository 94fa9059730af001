"""HTTP stream drivers and accessors of the emulator (emulator.md §4, §5)."""

from __future__ import annotations

from collections.abc import Mapping

from proxywasm import Action

from pwc.testing.abi import Callback
from pwc.testing.emulator_core import EmulatorCore
from pwc.testing.errors import EmulatorError
from pwc.testing.http_stream import Direction, HttpStream, LocalResponse, text_pairs_to_bytes
from pwc.testing.properties import PropertyPath, PropertyValue, encode_value


class HttpDrivers(EmulatorCore):
    def init_http_stream(
        self,
        plugin_context_id: int | None = None,
        *,
        properties: Mapping[PropertyPath, PropertyValue] | None = None,
    ) -> int:
        """A new HTTP stream under the plugin (proxy_on_context_create); its id.

        `properties` are this stream's own (e.g. its route metadata or
        connection attributes); request.* and response.* are computed from
        its headers.
        """
        root = self._plugin(plugin_context_id)
        stream = self.host.new_http_stream(root.context_id)
        for path, value in (properties or {}).items():
            stream.properties[tuple(path)] = encode_value(value)
        self._invoke(stream.context_id, Callback.CONTEXT_CREATE, stream.context_id,
                     root.context_id)
        return stream.context_id

    def call_on_request_headers(
        self, context_id: int, headers: list[tuple[str, str]], end_of_stream: bool
    ) -> Action:
        return self._headers(context_id, Direction.REQUEST, headers, end_of_stream)

    def call_on_response_headers(
        self, context_id: int, headers: list[tuple[str, str]], end_of_stream: bool
    ) -> Action:
        return self._headers(context_id, Direction.RESPONSE, headers, end_of_stream)

    def call_on_request_body(self, context_id: int, body: bytes, end_of_stream: bool) -> Action:
        """Deliver a body chunk: the plugin sees everything buffered so far
        (chunks it paused on) plus this one."""
        return self._body(context_id, Direction.REQUEST, body, end_of_stream)

    def call_on_response_body(self, context_id: int, body: bytes, end_of_stream: bool) -> Action:
        return self._body(context_id, Direction.RESPONSE, body, end_of_stream)

    def call_on_request_trailers(self, context_id: int, trailers: list[tuple[str, str]]) -> Action:
        return self._trailers(context_id, Direction.REQUEST, trailers)

    def call_on_response_trailers(
        self, context_id: int, trailers: list[tuple[str, str]]
    ) -> Action:
        return self._trailers(context_id, Direction.RESPONSE, trailers)

    def complete_http_stream(self, context_id: int) -> None:
        """End the stream as Envoy does: proxy_on_log, proxy_on_done,
        proxy_on_delete.  Its state stays readable."""
        stream = self._stream(context_id)
        if stream.completed:
            raise EmulatorError(f"stream {context_id} is already complete")
        self._invoke(context_id, Callback.LOG, context_id)
        self._invoke(context_id, Callback.DONE, context_id, default=1)
        self._invoke(context_id, Callback.DELETE, context_id)
        stream.completed = True

    # --- what the plugin did to a stream ----------------------------------------

    def get_current_request_headers(self, context_id: int) -> list[tuple[str, str]]:
        return self._stream(context_id).request_headers.as_text()

    def get_current_response_headers(self, context_id: int) -> list[tuple[str, str]]:
        return self._stream(context_id).response_headers.as_text()

    def get_current_request_trailers(self, context_id: int) -> list[tuple[str, str]]:
        return self._stream(context_id).request_trailers.as_text()

    def get_current_response_trailers(self, context_id: int) -> list[tuple[str, str]]:
        return self._stream(context_id).response_trailers.as_text()

    def get_current_request_body(self, context_id: int) -> bytes:
        return self._stream(context_id).request.body

    def get_current_response_body(self, context_id: int) -> bytes:
        return self._stream(context_id).response.body

    def get_current_http_stream_action(self, context_id: int) -> Action:
        """The action the plugin returned last, or CONTINUE once it resumed."""
        return Action(self._stream(context_id).action)

    def get_sent_local_response(self, context_id: int) -> LocalResponse | None:
        """The local reply the client got, if the plugin sent one."""
        return self._stream(context_id).local_response

    def was_http_stream_reset(self, context_id: int) -> bool:
        """Whether the plugin reset the stream (proxy_close_stream)."""
        return self._stream(context_id).reset

    # --- driving ------------------------------------------------------------------

    def _stream(self, context_id: int) -> HttpStream:
        return self.host.stream(context_id)

    def _live_stream(self, context_id: int, direction: Direction, what: str) -> HttpStream:
        """The stream, if Envoy could still deliver `what` to it."""
        stream = self._stream(context_id)
        if stream.completed:
            raise EmulatorError(f"stream {context_id} is complete; Envoy delivers nothing more")
        if stream.reset:
            raise EmulatorError(f"the plugin reset stream {context_id}; it receives nothing more")
        if stream.answered_locally:
            raise EmulatorError(
                f"stream {context_id} was answered with a local reply; Envoy delivers no "
                f"{what} after that (complete the stream instead)"
            )
        flow = stream.flow(direction)
        if what != f"{direction.value} headers" and flow.paused_at_headers:
            raise EmulatorError(
                f"the {direction.value} of stream {context_id} is paused in its headers "
                f"callback; Envoy holds back the {what} until the plugin resumes it"
            )
        return stream

    def _headers(
        self, context_id: int, direction: Direction, headers: list[tuple[str, str]], eos: bool
    ) -> Action:
        stream = self._live_stream(context_id, direction, f"{direction.value} headers")
        flow = stream.flow(direction)
        header_map = stream.request_headers if direction is Direction.REQUEST else (
            stream.response_headers
        )
        header_map.set_all(text_pairs_to_bytes(headers))
        flow.headers_seen = True
        flow.end_of_stream = eos
        callback = (
            Callback.REQUEST_HEADERS if direction is Direction.REQUEST
            else Callback.RESPONSE_HEADERS
        )
        action = self._invoke(context_id, callback, context_id, len(headers), int(eos))
        self._record(stream, direction, "headers", action)
        self._settle()
        return Action(action)

    def _body(self, context_id: int, direction: Direction, chunk: bytes, eos: bool) -> Action:
        stream = self._live_stream(context_id, direction, f"{direction.value} body")
        flow = stream.flow(direction)
        flow.body = (flow.body if flow.buffering_body else b"") + chunk
        flow.end_of_stream = eos
        callback = (
            Callback.REQUEST_BODY if direction is Direction.REQUEST else Callback.RESPONSE_BODY
        )
        action = self._invoke(context_id, callback, context_id, len(flow.body), int(eos))
        self._record(stream, direction, "body", action)
        self._settle()
        return Action(action)

    def _trailers(
        self, context_id: int, direction: Direction, trailers: list[tuple[str, str]]
    ) -> Action:
        stream = self._live_stream(context_id, direction, f"{direction.value} trailers")
        trailer_map = stream.request_trailers if direction is Direction.REQUEST else (
            stream.response_trailers
        )
        trailer_map.set_all(text_pairs_to_bytes(trailers))
        stream.flow(direction).end_of_stream = True
        callback = (
            Callback.REQUEST_TRAILERS if direction is Direction.REQUEST
            else Callback.RESPONSE_TRAILERS
        )
        action = self._invoke(context_id, callback, context_id, len(trailers))
        self._record(stream, direction, "trailers", action)
        self._settle()
        return Action(action)

    def _record(self, stream: HttpStream, direction: Direction, part: str, action: int) -> None:
        """Apply the action a stream callback returned (abi.md §6.3)."""
        if action not in (Action.CONTINUE, Action.PAUSE):
            raise EmulatorError(
                f"the plugin returned action {action} from its {direction.value} {part} "
                "callback; Envoy treats values other than 0 (continue) and 1 (pause) "
                "inconsistently (2 continues, others hang the stream): return only 0 or 1"
            )
        if stream.pending_local_response is not None:
            # After a local reply Envoy ignores the action and stops iteration.
            action = Action.PAUSE
        stream.action = action
        flow = stream.flow(direction)
        paused = action == Action.PAUSE
        match part:
            case "headers":
                flow.paused_at_headers = paused
            case "body":
                flow.buffering_body = paused
            case _:
                flow.paused_at_trailers = paused
