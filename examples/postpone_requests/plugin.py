"""postpone_requests: hold every request until the plugin's next tick, then
resume it from the plugin context.

A port of the Proxy-Wasm Go SDK's postpone_requests example (examples.md §11),
log texts included.  Each request waits between 0 and 1 s: its headers
callback returns Pause and queues the stream's context id; every tick makes
each queued stream the effective context in turn and resumes it.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    log_critical,
    log_info,
    resume_http_request,
    set_effective_context,
    set_tick_period_milliseconds,
    set_vm_context,
)

TICK_MILLISECONDS = 1000


class PostponeRequests(HttpContext):
    def __init__(self, context_id: int, plugin: "PostponeRequestsPlugin") -> None:
        super().__init__()
        self.context_id = context_id
        self.plugin = plugin

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        log_info(f"postpone request with contextID={self.context_id}")
        self.plugin.postponed.append(self.context_id)
        return Action.PAUSE


class PostponeRequestsPlugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        # Context ids of the paused streams, oldest first.
        self.postponed: list[int] = []

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        try:
            set_tick_period_milliseconds(TICK_MILLISECONDS)
        except ProxyWasmError as e:
            log_critical(f"failed to set tick period: {str(e)}")
        return True

    def on_tick(self) -> None:
        postponed = self.postponed
        self.postponed = []
        for context_id in postponed:
            log_info(f"resume request with contextID={context_id}")
            try:
                set_effective_context(context_id)
                resume_http_request()
            except ProxyWasmError:
                # As in the reference: a stream that ended meanwhile (the
                # client went away) is simply dropped.
                pass

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return PostponeRequests(context_id, self)


class PostponeRequestsVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return PostponeRequestsPlugin()


set_vm_context(PostponeRequestsVM())
