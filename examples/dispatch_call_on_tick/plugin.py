"""dispatch_call_on_tick: from the plugin context, send an HTTP callout on
every tick and log its answer.

A port of the Proxy-Wasm Go SDK's dispatch_call_on_tick example (examples.md
§8), log texts included.  Envoy runs two filters with this module and
identical vm_config, so one VM holds two plugin contexts (ids 1 and 2), each
ticking every 100 ms with its own count of answers.  Each tick asks the
`web_service` cluster for `/ok` or `/fail`, at random.  The plugin makes no
HTTP contexts: requests through the listener pass untouched.
"""

from proxywasm import (
    NotFoundError,
    PluginContext,
    ProxyWasmError,
    VMContext,
    dispatch_http_call,
    get_current_time_nanoseconds,
    get_http_call_response_headers,
    get_http_call_response_trailers,
    log_critical,
    log_info,
    set_tick_period_milliseconds,
    set_vm_context,
)

TICK_MILLISECONDS = 100
CLUSTER = "web_service"
TIMEOUT_MILLISECONDS = 5000

# The Park-Miller "minimal standard" generator: every intermediate value fits
# in 64 bits, so it behaves identically compiled and under CPython.
RANDOM_MODULUS = 2147483647
RANDOM_MULTIPLIER = 48271


class Random:
    """A small pseudo-random generator (pwc has no `random` module)."""

    def __init__(self, seed: int) -> None:
        self.state = seed % (RANDOM_MODULUS - 1) + 1

    def coin_flip(self) -> bool:
        self.state = self.state * RANDOM_MULTIPLIER % RANDOM_MODULUS
        # The high bits: the lowest bit of a Lehmer generator is weak.
        return self.state >> 30 == 1


class DispatchCallOnTick(PluginContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id
        self.answers = 0
        self.random = Random(context_id)

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        self.random = Random(get_current_time_nanoseconds() + self.context_id)
        try:
            set_tick_period_milliseconds(TICK_MILLISECONDS)
        except ProxyWasmError as e:
            log_critical(f"failed to set tick period: {str(e)}")
            return False
        log_info(f"set tick period milliseconds: {TICK_MILLISECONDS}")
        return True

    def on_tick(self) -> None:
        path = "/ok" if self.random.coin_flip() else "/fail"
        headers = [
            (":method", "GET"),
            (":authority", "some_authority"),
            ("accept", "*/*"),
            (":path", path),
        ]
        try:
            dispatch_http_call(CLUSTER, headers, b"", [], TIMEOUT_MILLISECONDS, self.on_answer)
        except ProxyWasmError as e:
            log_critical(f"dispatch httpcall failed: {str(e)}")

    def on_answer(self, num_headers: int, body_size: int, num_trailers: int) -> None:
        self.answers += 1
        log_info(f"called {self.answers} for contextID={self.context_id}")
        headers: list[tuple[str, str]] = []
        try:
            headers = get_http_call_response_headers()
        except NotFoundError:
            pass  # No headers (a failed callout): nothing to log.
        for key, value in headers:
            log_info(f"response header for the dispatched call: {key}: {value}")
        trailers: list[tuple[str, str]] = []
        try:
            trailers = get_http_call_response_trailers()
        except NotFoundError:
            pass
        for key, value in trailers:
            log_info(f"response trailer for the dispatched call: {key}: {value}")


class DispatchCallOnTickVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return DispatchCallOnTick(context_id)


set_vm_context(DispatchCallOnTickVM())
