"""http_routing: send about half of the requests to a canary cluster by
appending `-canary` to their `:authority`.

A port of the Proxy-Wasm Go SDK's http_routing example (examples.md §5), log
texts included.  Envoy picks the route again after the plugin changed a
request header (pwc modules export proxy_abi_version_0_2_1, for which Envoy
clears the route cache), so the `*-canary` virtual host takes the request.

The plugin configuration is optional and meant for tests: its first byte, if
not zero, replaces the dice (an even value routes to the canary).
"""

from proxywasm import (
    Action,
    HttpContext,
    NotFoundError,
    PluginContext,
    ProxyWasmError,
    VMContext,
    get_current_time_nanoseconds,
    get_http_request_header,
    get_plugin_configuration,
    log_critical,
    log_info,
    replace_http_request_header,
    set_vm_context,
)

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

    def next_uint32(self) -> int:
        """A random integer in [0, 2**32) (two 31-bit draws)."""
        return (self.next31() << 1) ^ self.next31()


class HttpRouting(HttpContext):
    def __init__(self, plugin: "HttpRoutingPlugin") -> None:
        super().__init__()
        self.plugin = plugin

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        value = self.plugin.dice()
        log_info(f"value: {value}\n")
        if value % 2 == 0:
            authority = get_http_request_header(":authority")
            if authority is None:
                log_critical("failed to get request header: ':authority'")
                return Action.PAUSE
            try:
                replace_http_request_header(":authority", authority + "-canary")
            except ProxyWasmError:
                log_critical("failed to set request header: test")
                return Action.PAUSE
        return Action.CONTINUE


class HttpRoutingPlugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.dice_override = 0
        self.random = Random(0)

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        self.random = Random(get_current_time_nanoseconds())
        data = b""
        try:
            data = get_plugin_configuration()
        except NotFoundError:
            pass  # No configuration: roll the dice for every request.
        except ProxyWasmError as e:
            log_critical(f"error reading plugin configuration: {str(e)}")
            return False
        if len(data) > 0:
            self.dice_override = data[0]
        return True

    def dice(self) -> int:
        """The configured override if any, else a random 32-bit value."""
        if self.dice_override != 0:
            return self.dice_override
        return self.random.next_uint32()

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return HttpRouting(self)


class HttpRoutingVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return HttpRoutingPlugin()


set_vm_context(HttpRoutingVM())
