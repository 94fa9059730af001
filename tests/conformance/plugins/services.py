"""Shared data, shared queues, metrics, foreign functions, the log level and
deferred completion.  Request paths pick what a stream does; a plugin
configured with "receiver" registers queue "q" and drains it when ready, one
configured with "lingering" finishes only on its next tick."""

from proxywasm import (
    Action,
    CasMismatchError,
    EmptyError,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    call_foreign_function,
    define_counter_metric,
    define_gauge_metric,
    define_histogram_metric,
    dequeue_shared_queue,
    enqueue_shared_queue,
    get_http_request_header,
    get_log_level,
    get_plugin_configuration,
    get_shared_data,
    log_info,
    log_warn,
    plugin_done,
    register_shared_queue,
    resolve_shared_queue,
    set_shared_data,
    set_vm_context,
)


def count() -> None:
    """The shared_data example: a counter updated by compare-and-swap."""
    while True:
        value, cas = get_shared_data("counter")
        current = 0 if value == b"" else int(value.decode())
        try:
            set_shared_data("counter", str(current + 1).encode(), cas)
        except CasMismatchError:
            continue
        log_info(f"shared value: {current + 1}")
        return


def stale() -> None:
    value, cas = get_shared_data("counter")
    set_shared_data("counter", b"first", cas)
    try:
        set_shared_data("counter", b"second", cas)
    except CasMismatchError as e:
        log_info(f"stale cas: {type(e).__name__}")
    set_shared_data("fresh", b"1", 12345)
    log_info(f"fresh: {get_shared_data('fresh')[0].decode()}")
    try:
        get_shared_data("missing")
    except ProxyWasmError as e:
        log_info(f"missing: {type(e).__name__}")


class Stream(HttpContext):
    def __init__(self, plugin: "Plugin") -> None:
        super().__init__()
        self.plugin = plugin

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        path = get_http_request_header(":path")
        try:
            self.run("" if path is None else path)
        except ProxyWasmError as e:
            log_info(f"{path}: {type(e).__name__}")
        return Action.CONTINUE

    def run(self, path: str) -> None:
        if path == "/count":
            count()
        elif path == "/stale":
            stale()
        elif path.startswith("/enqueue/"):
            queue_id = resolve_shared_queue("", "q")
            enqueue_shared_queue(queue_id, path.encode())
            log_info(f"enqueued {path} on {queue_id}")
        elif path == "/resolve-other":
            resolve_shared_queue("other", "q")
        elif path == "/metrics":
            self.plugin.metrics()
        elif path == "/ffi":
            log_info(f"ffi: {call_foreign_function('reverse', b'abc').decode()}")
            call_foreign_function("nope", b"")
        elif path == "/level":
            log_warn(f"level {get_log_level()}")
            log_info("hidden below warn")
        elif path == "/done":
            plugin_done()


class Plugin(PluginContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id
        self.role = ""
        self.requests = define_counter_metric("requests")
        self.active = define_gauge_metric("active")
        self.sizes = define_histogram_metric("sizes")

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        self.role = get_plugin_configuration().decode()
        if self.role == "receiver":
            log_info(f"registered q as {register_shared_queue('q')}")
        return True

    def on_queue_ready(self, queue_id: int) -> None:
        while True:
            try:
                item = dequeue_shared_queue(queue_id)
            except EmptyError:
                log_info(f"queue {queue_id} drained by {self.context_id}")
                return
            log_info(f"dequeued {item.decode()}")

    def on_plugin_done(self) -> bool:
        return self.role != "lingering"

    def on_tick(self) -> None:
        plugin_done()
        log_info(f"plugin {self.context_id} done")

    def metrics(self) -> None:
        self.requests.increment(1)
        self.active.add(5)
        self.active.add(-7)
        self.sizes.record(42)
        log_info(f"requests {self.requests.value()} active {self.active.value()}")
        try:
            self.requests.increment(0)
        except ProxyWasmError as e:
            log_info(f"counter increment 0: {type(e).__name__}")
        try:
            self.sizes.value()
        except ProxyWasmError as e:
            log_info(f"histogram value: {type(e).__name__}")

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream(self)


class VM(VMContext):
    def on_vm_start(self, vm_configuration_size: int) -> bool:
        set_shared_data("counter", b"", 0)
        return True

    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin(context_id)


set_vm_context(VM())
