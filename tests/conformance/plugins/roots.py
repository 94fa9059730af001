"""Several plugin contexts in one VM.  The configuration gives each its role:

  service  a singleton service: no streams; registers queue "events", logs
           what arrives there, and sends a callout on every tick
  filter   an HTTP filter: forwards each request path to "events", and sends
           a callout on every tick too
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    dequeue_shared_queue,
    dispatch_http_call,
    enqueue_shared_queue,
    get_http_request_header,
    get_plugin_configuration,
    log_info,
    register_shared_queue,
    resolve_shared_queue,
    set_tick_period_milliseconds,
    set_vm_context,
)


class Forwarder(HttpContext):
    def __init__(self, root: "Root") -> None:
        super().__init__()
        self.root = root

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        path = get_http_request_header(":path")
        if path is not None:
            enqueue_shared_queue(resolve_shared_queue("", "events"), path.encode())
        return Action.CONTINUE


class Root(PluginContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id
        self.role = ""
        self.calls = 0

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        self.role = get_plugin_configuration().decode()
        if self.role == "service":
            register_shared_queue("events")
        set_tick_period_milliseconds(100 * self.context_id)
        log_info(f"{self.role} started as {self.context_id}")
        return True

    def on_tick(self) -> None:
        headers = [(":method", "GET"), (":path", "/ok"), (":authority", "x")]
        dispatch_http_call("web", headers, b"", [], 5000, self.on_answer)

    def on_answer(self, num_headers: int, body_size: int, num_trailers: int) -> None:
        self.calls += 1
        log_info(f"called {self.calls} for contextID={self.context_id}")

    def on_queue_ready(self, queue_id: int) -> None:
        log_info(f"{self.role} {self.context_id} got {dequeue_shared_queue(queue_id).decode()}")

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Forwarder(self) if self.role == "filter" else None


class VM(VMContext):
    def on_vm_start(self, vm_configuration_size: int) -> bool:
        log_info("vm_start")
        return True

    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Root(context_id)


set_vm_context(VM())
