"""Module-level state and print(): each emulator must start from scratch."""

from proxywasm import PluginContext, VMContext, log_info, set_vm_context


class Counter:
    def __init__(self) -> None:
        self.count = 0


STARTS = Counter()
print("loaded")  # module-level code may write to stdout


class Plugin(PluginContext):
    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        STARTS.count += 1
        log_info(f"starts {STARTS.count}")
        return True

    def on_tick(self) -> None:
        print("printed", 42)


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
