"""The context base classes a plugin subclasses (design.md "The SDK surface").

Every method has a default that does nothing and continues, so a plugin
overrides only what it needs; the compiler exports a `proxy_on_*` callback
only when some class overrides the method behind it.  Subclasses call
`super().__init__()`.
"""

from proxywasm._types import Action, PeerType


class HttpContext:
    """One HTTP request/response stream (one per request and plugin)."""

    def __init__(self) -> None:
        # The plugin context this stream belongs to; set by the SDK's dispatch.
        self._pwc_plugin_context_id: int = 0
        # A response body or trailers callback ran: the response may have
        # gone downstream, so a failure resets the stream instead of replying.
        self._pwc_response_started: bool = False

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        return Action.CONTINUE

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        return Action.CONTINUE

    def on_http_request_trailers(self, num_trailers: int) -> Action:
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        return Action.CONTINUE

    def on_http_response_body(self, body_size: int, end_of_stream: bool) -> Action:
        return Action.CONTINUE

    def on_http_response_trailers(self, num_trailers: int) -> Action:
        return Action.CONTINUE

    def on_http_stream_done(self) -> None:
        """The last call of a stream: its headers are still readable, not writable."""
        pass


class TcpContext:
    """One TCP connection through a network filter."""

    def __init__(self) -> None:
        self._pwc_plugin_context_id: int = 0

    def on_new_connection(self) -> Action:
        return Action.CONTINUE

    def on_downstream_data(self, data_size: int, end_of_stream: bool) -> Action:
        return Action.CONTINUE

    def on_downstream_close(self, peer_type: PeerType) -> None:
        pass

    def on_upstream_data(self, data_size: int, end_of_stream: bool) -> Action:
        return Action.CONTINUE

    def on_upstream_close(self, peer_type: PeerType) -> None:
        pass

    def on_stream_done(self) -> None:
        pass


class PluginContext:
    """A plugin's root context: one per plugin configuration and VM.

    `fail_open` is the plugin's policy for an exception that escapes one of
    its stream callbacks.  False (the default) fails closed: the exception is
    logged and the request is answered with a local 500 (or reset, once the
    response has started).  True logs it and lets the stream continue as if
    the callback had returned Action.CONTINUE.  Set it in `__init__` after
    `super().__init__()`.
    """

    def __init__(self) -> None:
        self.fail_open: bool = False

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        return True

    def on_plugin_done(self) -> bool:
        return True

    def on_queue_ready(self, queue_id: int) -> None:
        pass

    def on_tick(self) -> None:
        pass

    def new_http_context(self, context_id: int) -> HttpContext | None:
        """The context of a new HTTP stream; None lets the stream pass untouched."""
        return None

    def new_tcp_context(self, context_id: int) -> TcpContext | None:
        """The context of a new TCP connection; None lets it pass untouched."""
        return None


class VMContext:
    """The whole VM (one per Wasm instance); the plugin passes one to set_vm_context."""

    def __init__(self) -> None:
        pass

    def on_vm_start(self, vm_configuration_size: int) -> bool:
        return True

    def new_plugin_context(self, context_id: int) -> PluginContext:
        return PluginContext()
