"""A plugin that defines its contexts but never calls set_vm_context: the
SDK's defaults apply (the VM starts, every plugin context is the base one,
which starts and makes no stream contexts), and none of its classes run."""

from proxywasm import Action, HttpContext, PluginContext, VMContext, log_info


class Stream(HttpContext):
    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        log_info("request_headers")
        return Action.PAUSE


class Plugin(PluginContext):
    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        log_info("plugin_start")
        return False

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def on_vm_start(self, vm_configuration_size: int) -> bool:
        log_info("vm_start")
        return False

    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()
