"""metrics: count requests per value of the header `my-custom-header`.

A port of the Proxy-Wasm Go SDK's metrics example (examples.md §15).  A
request with `my-custom-header: <v>` increments the counter
`custom_header_value_counts_value=<v>_reporter=wasmgosdk`; Envoy's tag
extraction rules (envoy.yaml, `stats_config`) turn that name into the
Prometheus series `custom_header_value_counts{value="<v>",reporter="wasmgosdk"}`.
Each counter is defined once per VM, on the first request with its value.
"""

from proxywasm import (
    Action,
    HttpContext,
    MetricCounter,
    PluginContext,
    VMContext,
    define_counter_metric,
    get_http_request_header,
    set_vm_context,
)

CUSTOM_HEADER = "my-custom-header"


def counter_name(header_value: str) -> str:
    return f"custom_header_value_counts_value={header_value}_reporter=wasmgosdk"


class Metrics(HttpContext):
    def __init__(self, plugin: "MetricsPlugin") -> None:
        super().__init__()
        self.plugin = plugin

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        value = get_http_request_header(CUSTOM_HEADER)
        if value is not None:
            self.plugin.counter(value).increment(1)
        return Action.CONTINUE


class MetricsPlugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        # Header value -> its counter, defined on first use.
        self.counters: dict[str, MetricCounter] = {}

    def counter(self, header_value: str) -> MetricCounter:
        counter = self.counters.get(header_value)
        if counter is None:
            counter = define_counter_metric(counter_name(header_value))
            self.counters[header_value] = counter
        return counter

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Metrics(self)


class MetricsVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return MetricsPlugin()


set_vm_context(MetricsVM())
