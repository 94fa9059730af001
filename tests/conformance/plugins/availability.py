"""Reads headers where Envoy does and does not offer them (abi.md §6.2)."""

from proxywasm import (
    Action,
    BadArgumentError,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    add_http_response_header,
    get_http_request_header,
    get_http_request_headers,
    get_plugin_configuration,
    log_info,
    set_vm_context,
)


class Stream(HttpContext):
    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        path = get_http_request_header(":path")
        if path is None:
            log_info("no path")
        else:
            log_info(f"path {path}")
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        try:
            get_http_request_header(":path")
            log_info("request headers readable")
        except BadArgumentError as e:
            log_info(f"request headers gone: {str(e)}")
        log_info(f"request header pairs: {len(get_http_request_headers())}")
        return Action.CONTINUE

    def on_http_stream_done(self) -> None:
        path = get_http_request_header(":path")
        if path is not None:
            log_info(f"done {path}")
        try:
            add_http_response_header("x-late", "1")
        except ProxyWasmError as e:
            log_info(f"read-only: {type(e).__name__}")


class Plugin(PluginContext):
    def on_tick(self) -> None:
        try:
            get_plugin_configuration()
        except ProxyWasmError as e:
            log_info(f"{type(e).__name__}: {str(e)}")

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
