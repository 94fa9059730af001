"""Rewrites the request headers wholesale, to exercise the map codec."""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    get_http_request_header,
    get_http_request_headers,
    log_info,
    remove_http_request_header,
    replace_http_request_headers,
    replace_http_response_header,
    set_vm_context,
)


class Stream(HttpContext):
    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        rewritten: list[tuple[str, str]] = []
        for key, value in get_http_request_headers():
            rewritten.append((key.upper(), value + value))
        rewritten.append(("x-count", str(num_headers)))
        replace_http_request_headers(rewritten)
        remove_http_request_header("DROP-ME")
        raw = get_http_request_header("raw")
        if raw is not None:
            log_info(f"raw has {len(raw)} characters")
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        replace_http_response_header(":status", "201")
        return Action.CONTINUE


class Plugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
