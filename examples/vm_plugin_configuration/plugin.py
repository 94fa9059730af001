"""vm_plugin_configuration: log the VM configuration and the plugin
configuration when they are handed over.

A port of the Proxy-Wasm Go SDK's vm_plugin_configuration example
(examples.md §17), log texts included.  Both configurations are logged as
the text they are, unparsed.  The plugin makes no HTTP contexts, so requests
pass through untouched.
"""

from proxywasm import (
    PluginContext,
    ProxyWasmError,
    VMContext,
    get_plugin_configuration,
    get_vm_configuration,
    log_critical,
    log_info,
    set_vm_context,
)


def as_text(data: bytes) -> str:
    """Configuration bytes as log text; bytes that are not UTF-8 pass unchanged."""
    return data.decode("utf-8", "surrogateescape")


class PluginConfigurationLogger(PluginContext):
    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        data = b""
        try:
            data = get_plugin_configuration()
        except ProxyWasmError as e:
            log_critical(f"error reading plugin configuration: {str(e)}")
        log_info(f"plugin config: {as_text(data)}")
        return True


class VMConfigurationLogger(VMContext):
    def on_vm_start(self, vm_configuration_size: int) -> bool:
        data = b""
        try:
            data = get_vm_configuration()
        except ProxyWasmError as e:
            log_critical(f"error reading vm configuration: {str(e)}")
        log_info(f"vm config: {as_text(data)}")
        return True

    def new_plugin_context(self, context_id: int) -> PluginContext:
        return PluginConfigurationLogger()


set_vm_context(VMConfigurationLogger())
