"""Buffers the request body until its end, then rewrites it."""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    append_http_request_body,
    get_http_request_body,
    log_info,
    prepend_http_request_body,
    replace_http_request_body,
    set_vm_context,
)


class Stream(HttpContext):
    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        if not end_of_stream:
            return Action.PAUSE
        body = get_http_request_body(0, body_size)
        log_info(f"body {body_size} {body.decode()}")
        replace_http_request_body(body.decode().upper().encode())
        prepend_http_request_body(b"<")
        append_http_request_body(b">")
        return Action.CONTINUE


class Plugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
