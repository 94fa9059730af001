"""Float arithmetic and float text in a plugin (e2e test of float in Envoy).

The plugin configuration is a sampling share as text ("0.25").  Each request
may carry `x-latency-ms`; the response gets its value in seconds, the running
mean of every latency seen (kept in the plugin context, which outlives the
stream) and the configured share as a percentage.  A value that is not a
number raises ValueError, which the SDK answers with a 500.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    add_http_response_header,
    get_http_request_header,
    get_plugin_configuration,
    set_vm_context,
)


class Stream(HttpContext):
    def __init__(self, plugin: "Plugin") -> None:
        self.plugin = plugin
        self.latency_ms: float | None = None

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        text = get_http_request_header("x-latency-ms")
        if text is not None:
            ms = float(text)
            self.latency_ms = ms
            self.plugin.count += 1
            self.plugin.total_ms += ms
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        plugin = self.plugin
        if self.latency_ms is not None:
            add_http_response_header("x-latency-s", f"{self.latency_ms / 1000:.4f}")
        if plugin.count > 0:
            add_http_response_header("x-mean-ms", repr(plugin.total_ms / plugin.count))
        add_http_response_header("x-share", f"{plugin.share:.1%}")
        return Action.CONTINUE


class Plugin(PluginContext):
    def __init__(self) -> None:
        self.share = 1.0
        self.count = 0
        self.total_ms = 0.0

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        self.share = float(get_plugin_configuration().decode())
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream(self)


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
