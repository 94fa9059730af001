"""properties: require a per-route authentication header whose name comes
from the route's metadata.

A port of the Proxy-Wasm Go SDK's properties example (examples.md §12), log
texts included.  A route whose metadata has
`filter_metadata: {envoy.filters.http.wasm: {auth: <header name>}}` admits
only requests carrying that header; others get 401.  Routes without it pass.

The reference reads the property path `route_metadata.filter_metadata...`;
Envoy 1.40 serves route metadata only under its `xds.` name
(`xds.route_metadata`; the old top-level names read as not found).
"""

from proxywasm import (
    Action,
    HttpContext,
    NotFoundError,
    PluginContext,
    ProxyWasmError,
    VMContext,
    get_http_request_headers,
    get_property,
    log_critical,
    log_info,
    send_http_response,
    set_vm_context,
)

AUTH_PROPERTY = ["xds", "route_metadata", "filter_metadata", "envoy.filters.http.wasm", "auth"]
UNAUTHENTICATED = 16  # gRPC status of the 401


class Properties(HttpContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        auth = b""
        try:
            auth = get_property(AUTH_PROPERTY)
        except NotFoundError:
            log_info("no auth header for route")
            return Action.CONTINUE
        except ProxyWasmError as e:
            log_critical(f"failed to read properties: {str(e)}")
        header_name = auth.decode("utf-8", "surrogateescape")
        log_info(f'auth header is "{header_name}"')
        headers: list[tuple[str, str]] = []
        try:
            headers = get_http_request_headers()
        except ProxyWasmError as e:
            log_critical(f"failed to get request headers: {str(e)}")
        for name, _ in headers:
            if name == header_name:
                return Action.CONTINUE
        send_http_response(401, [], b"", UNAUTHENTICATED)
        return Action.PAUSE

    def on_http_stream_done(self) -> None:
        log_info(f"{self.context_id} finished")


class PropertiesPlugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Properties(context_id)


class PropertiesVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return PropertiesPlugin()


set_vm_context(PropertiesVM())
