"""multiple_dispatches: hold each response while ten callouts complete, then
add a header and release it.

A port of the Proxy-Wasm Go SDK's multiple_dispatches example (examples.md
§10), log texts included.  When the response headers arrive, the plugin sends
ten `GET /` callouts to the cluster `httpbin` and pauses the response; each
answer counts down, and the last one adds `total-dispatched: 10` to the held
response and resumes it.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    add_http_response_header,
    dispatch_http_call,
    log_info,
    resume_http_response,
    set_vm_context,
)

CLUSTER = "httpbin"
TOTAL_DISPATCHES = 10
TIMEOUT_MILLISECONDS = 50000
# Envoy requires the three pseudo-headers in a callout; an empty
# :authority is accepted.
CALLOUT_HEADERS = [(":path", "/"), (":method", "GET"), (":authority", "")]


class MultipleDispatches(HttpContext):
    def __init__(self) -> None:
        super().__init__()
        self.pending = 0

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        for _ in range(TOTAL_DISPATCHES):
            # A refused callout raises: the plugin cannot keep its promise of
            # ten answers, so the stream fails (as the reference's panic).
            dispatch_http_call(
                CLUSTER, CALLOUT_HEADERS, b"", [], TIMEOUT_MILLISECONDS, self.on_dispatch_response
            )
            self.pending += 1
        return Action.PAUSE

    def on_dispatch_response(self, num_headers: int, body_size: int, num_trailers: int) -> None:
        self.pending -= 1
        if self.pending == 0:
            add_http_response_header("total-dispatched", str(TOTAL_DISPATCHES))
            resume_http_response()
            log_info(f"response resumed after processed {TOTAL_DISPATCHES} dispatched request")
        else:
            log_info(f"pending dispatched requests: {self.pending}")


class MultipleDispatchesPlugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return MultipleDispatches()


class MultipleDispatchesVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return MultipleDispatchesPlugin()


set_vm_context(MultipleDispatchesVM())
