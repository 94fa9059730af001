"""Pauses every request in its headers and resumes them on the next tick."""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    log_info,
    resume_http_request,
    set_effective_context,
    set_vm_context,
)


class Plugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.postponed: list[int] = []

    def on_tick(self) -> None:
        for context_id in self.postponed:
            set_effective_context(context_id)
            resume_http_request()
            log_info(f"resumed {context_id}")
        self.postponed = []

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream(context_id, self)


class Stream(HttpContext):
    def __init__(self, context_id: int, plugin: Plugin) -> None:
        super().__init__()
        self.context_id = context_id
        self.plugin = plugin

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        self.plugin.postponed.append(self.context_id)
        return Action.PAUSE

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        log_info(f"body {body_size}")
        return Action.CONTINUE


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
