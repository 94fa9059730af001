"""foreign_call_on_tick: call the host's foreign function `compress` on every tick.

A port of the Proxy-Wasm Go SDK's foreign_call_on_tick example (examples.md
§9), log texts included.  Envoy's `compress` is zlib: on `hello world!` it
returns `789ccb48cdc9c95728cf2fca495104001e89047e`.  Streams pass through
untouched: the plugin context makes no HTTP contexts.
"""

from proxywasm import (
    PluginContext,
    ProxyWasmError,
    VMContext,
    call_foreign_function,
    log_critical,
    log_info,
    set_tick_period_milliseconds,
    set_vm_context,
)

TICK_MILLISECONDS = 1
FUNCTION = "compress"
ARGUMENT = b"hello world!"


class ForeignCallOnTick(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        try:
            set_tick_period_milliseconds(TICK_MILLISECONDS)
        except ProxyWasmError as e:
            log_critical(f"failed to set tick period: {str(e)}")
            return False
        log_info(f"set tick period milliseconds: {TICK_MILLISECONDS}")
        return True

    def on_tick(self) -> None:
        self.calls += 1
        result = b""
        try:
            result = call_foreign_function(FUNCTION, ARGUMENT)
        except ProxyWasmError as e:
            # As in the reference: log, then report the (empty) result anyway.
            log_critical(f"foreign function ({FUNCTION}) failed: {str(e)}")
        log_info(f"foreign function ({FUNCTION}) called: {self.calls}, result: {result.hex()}")


class ForeignCallOnTickVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return ForeignCallOnTick()


set_vm_context(ForeignCallOnTickVM())
