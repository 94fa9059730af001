"""Answers /deny locally; logs what its response callbacks see."""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    get_http_request_header,
    get_http_response_body,
    get_http_response_header,
    log_info,
    send_http_response,
    set_vm_context,
)


class Stream(HttpContext):
    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        if get_http_request_header(":path") == "/deny":
            send_http_response(403, [("X-Reason", "test")], b"denied")
            log_info("reply queued")
            return Action.PAUSE
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        status = get_http_response_header(":status")
        if status is not None:
            log_info(f"response {status} {num_headers} {end_of_stream}")
        return Action.CONTINUE

    def on_http_response_body(self, body_size: int, end_of_stream: bool) -> Action:
        body = get_http_response_body(0, body_size)
        log_info(f"response body {body.decode()} {end_of_stream}")
        return Action.CONTINUE


class Plugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
