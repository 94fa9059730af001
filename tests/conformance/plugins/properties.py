"""Reads and writes properties from a plugin context and a stream."""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    get_property,
    get_property_map,
    log_info,
    set_property,
    set_vm_context,
)


def show(path: list[str]) -> None:
    try:
        log_info(f"{'.'.join(path)} = {get_property(path)!r}")
    except ProxyWasmError as e:
        log_info(f"{'.'.join(path)}: {type(e).__name__}")


class Stream(HttpContext):
    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        show(["request", "path"])
        show(["request", "url_path"])
        show(["request", "headers", "x-name"])
        show(["plugin_name"])
        show(["xds", "route_metadata", "filter_metadata", "envoy.filters.http.wasm", "auth"])
        show(["connection", "id"])
        show(["no", "such", "thing"])
        set_property(["my", "key"], b"my value")
        show(["my", "key"])
        show(["my.key"])
        for name, value in get_property_map(["request", "headers"]):
            log_info(f"header {name}={value}")
        try:
            get_property([])
        except ProxyWasmError as e:
            log_info(f"empty path: {type(e).__name__}")
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        show(["response", "code"])
        show(["my", "key"])
        return Action.CONTINUE


class Plugin(PluginContext):
    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        show(["plugin_root_id"])
        show(["plugin_vm_id"])
        show(["request", "path"])
        try:
            set_property(["my", "key"], b"v")
        except ProxyWasmError as e:
            log_info(f"set in root: {type(e).__name__}")
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
