"""Rebuilds a table of 1,000 entries on every tick and keeps it in the plugin
context; first checks that the previous tick's table is intact."""

from proxywasm import PluginContext, VMContext, log_info, log_warn, set_vm_context


class Plugin(PluginContext):
    def __init__(self) -> None:
        self.table: dict[str, int] = {}
        self.recent: list[str] = []
        self.ticks = 0

    def on_tick(self) -> None:
        expected = sum(i * self.ticks for i in range(1000))
        got = 0
        for key, value in self.table.items():
            if key != f"key-{value // self.ticks if self.ticks else 0}":
                log_warn(f"tick {self.ticks}: entry {key}={value}")
            got += value
        if got != expected:
            log_warn(f"tick {self.ticks}: sum {got}, expected {expected}")
        self.ticks += 1
        table: dict[str, int] = {}
        for i in range(1000):
            table[f"key-{i}"] = i * self.ticks
        self.table = table
        self.recent.append(f"tick {self.ticks}")
        if len(self.recent) > 50:
            self.recent = self.recent[25:]
        if self.ticks % 10_000 == 0:
            log_info(f"{self.recent[-1]}: {len(self.table)} entries, {len(self.recent)} recent")


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
