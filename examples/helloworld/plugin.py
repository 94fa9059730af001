"""helloworld: log on plugin start, then the time and a random number every second.

A port of the Proxy-Wasm Go SDK's helloworld example (examples.md §1), log
texts included.  Streams pass through untouched: the plugin context makes no
HTTP contexts, so the module exports no stream callbacks at all.
"""

from proxywasm import (
    PluginContext,
    ProxyWasmError,
    VMContext,
    get_current_time_nanoseconds,
    log_critical,
    log_info,
    set_tick_period_milliseconds,
    set_vm_context,
)

TICK_MILLISECONDS = 1000

# The Park-Miller "minimal standard" generator: every intermediate value fits
# in 64 bits, so it behaves identically compiled and under CPython.
RANDOM_MODULUS = 2147483647
RANDOM_MULTIPLIER = 48271


class Random:
    """A small pseudo-random generator (pwc has no `random` module)."""

    def __init__(self, seed: int) -> None:
        self.state = seed % (RANDOM_MODULUS - 1) + 1

    def next31(self) -> int:
        self.state = self.state * RANDOM_MULTIPLIER % RANDOM_MODULUS
        return self.state

    def next62(self) -> int:
        """A random integer below 2**62 (two 31-bit draws)."""
        return self.next31() * 2147483648 + self.next31()


class HelloWorld(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.random = Random(0)

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        self.random = Random(get_current_time_nanoseconds())
        log_info("OnPluginStart from Go!")
        try:
            set_tick_period_milliseconds(TICK_MILLISECONDS)
        except ProxyWasmError as e:
            log_critical(f"failed to set tick period: {str(e)}")
        return True

    def on_tick(self) -> None:
        now = get_current_time_nanoseconds()
        log_info(f"It's {now}: random value: {self.random.next62()}")
        log_info("OnTick called")


class HelloWorldVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return HelloWorld()


set_vm_context(HelloWorldVM())
