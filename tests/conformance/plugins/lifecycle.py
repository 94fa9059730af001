"""Logs every callback the SDK delivers, with its arguments."""

from proxywasm import Action, HttpContext, PluginContext, VMContext, log_info, set_vm_context


class Stream(HttpContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        log_info(f"request_headers {self.context_id} {num_headers} {end_of_stream}")
        return Action.CONTINUE

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        log_info(f"request_body {self.context_id} {body_size} {end_of_stream}")
        return Action.CONTINUE if end_of_stream else Action.PAUSE

    def on_http_request_trailers(self, num_trailers: int) -> Action:
        log_info(f"request_trailers {self.context_id} {num_trailers}")
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        log_info(f"response_headers {self.context_id} {num_headers} {end_of_stream}")
        return Action.CONTINUE

    def on_http_response_body(self, body_size: int, end_of_stream: bool) -> Action:
        log_info(f"response_body {self.context_id} {body_size} {end_of_stream}")
        return Action.CONTINUE

    def on_http_response_trailers(self, num_trailers: int) -> Action:
        log_info(f"response_trailers {self.context_id} {num_trailers}")
        return Action.CONTINUE

    def on_http_stream_done(self) -> None:
        log_info(f"stream_done {self.context_id}")


class Plugin(PluginContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id
        log_info(f"new_plugin_context {context_id}")

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        log_info(f"plugin_start {self.context_id} {plugin_configuration_size}")
        return True

    def on_tick(self) -> None:
        log_info(f"tick {self.context_id}")

    def on_plugin_done(self) -> bool:
        log_info(f"plugin_done {self.context_id}")
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        log_info(f"new_http_context {context_id}")
        return Stream(context_id)


class VM(VMContext):
    def on_vm_start(self, vm_configuration_size: int) -> bool:
        log_info(f"vm_start {vm_configuration_size}")
        return True

    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin(context_id)


set_vm_context(VM())
