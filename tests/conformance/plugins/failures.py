"""Raises from callbacks on demand, to exercise the SDK's failure policy.

Plugin configuration: "open" sets fail_open; "raise" makes on_plugin_start
raise; "raise-stream" makes new_http_context raise.  Request header
`x-raise: request` makes on_http_request_headers raise; `x-raise: response`
makes the last response body callback raise; `x-raise: sdk` makes an SDK
call raise (a shared queue that does not exist) in on_http_request_headers.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    get_http_request_header,
    get_plugin_configuration,
    resolve_shared_queue,
    set_vm_context,
)


class Stream(HttpContext):
    def __init__(self) -> None:
        super().__init__()
        self.raise_in_response = False

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        where = get_http_request_header("x-raise")
        if where == "request":
            raise ValueError("boom")
        if where == "response":
            self.raise_in_response = True
        if where == "sdk":
            resolve_shared_queue("no-such-vm", "no-such-queue")
        return Action.CONTINUE

    def on_http_response_body(self, body_size: int, end_of_stream: bool) -> Action:
        if end_of_stream and self.raise_in_response:
            raise KeyError("late")
        return Action.CONTINUE


class Plugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.raise_in_new_stream = False

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        config = get_plugin_configuration().decode()
        if config == "raise":
            raise RuntimeError("bad config")
        if config == "open":
            self.fail_open = True
        if config == "raise-stream":
            self.raise_in_new_stream = True
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        if self.raise_in_new_stream:
            raise ValueError(f"no context for {context_id}")
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
