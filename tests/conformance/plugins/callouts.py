"""HTTP callouts from streams (bound methods, lambdas, closures), from the
plugin context on ticks, and from a TCP connection.

Request paths pick the behaviour:
  /auth     dispatch, pause; the answer's body "deny" -> 403, else resume
  /closure  dispatch with a nested function capturing local values
  /lambda   dispatch with a lambda calling a method
  /boom     dispatch; the callback raises
  /nopath   dispatch without :path (Envoy refuses it)
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    TcpContext,
    VMContext,
    dispatch_http_call,
    get_http_call_response_body,
    get_http_call_response_headers,
    get_http_call_response_trailers,
    get_http_request_header,
    get_plugin_configuration,
    log_info,
    resume_http_request,
    send_http_response,
    set_tick_period_milliseconds,
    set_vm_context,
)

CLUSTER = "backend"


def request_headers(path: str) -> list[tuple[str, str]]:
    return [(":method", "GET"), (":path", path), (":authority", "backend")]


class Stream(HttpContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        path = get_http_request_header(":path")
        if path is None:
            return Action.CONTINUE
        try:
            token = self.dispatch(path)
        except ProxyWasmError as e:
            log_info(f"dispatch failed: {type(e).__name__}")
            return Action.CONTINUE
        log_info(f"stream {self.context_id} dispatched {token}")
        return Action.PAUSE

    def dispatch(self, path: str) -> int:
        if path == "/closure":
            prefix = f"closure of {self.context_id}"

            def answered(num_headers: int, body_size: int, num_trailers: int) -> None:
                log_info(f"{prefix}: {num_headers} {body_size} {num_trailers}")
                resume_http_request()

            return dispatch_http_call(CLUSTER, request_headers(path), b"", [], 1000, answered)
        if path == "/lambda":
            return dispatch_http_call(
                CLUSTER, request_headers(path), b"ping", [("t", "1")], 1000,
                lambda h, b, t: self.note(h + b + t),
            )
        if path == "/boom":
            return dispatch_http_call(CLUSTER, request_headers(path), b"", [], 1000, self.explode)
        if path == "/nopath":
            headers = [(":method", "GET"), (":authority", "backend")]
            return dispatch_http_call(CLUSTER, headers, b"", [], 1000, self.on_auth)
        return dispatch_http_call(CLUSTER, request_headers(path), b"", [], 5000, self.on_auth)

    def on_auth(self, num_headers: int, body_size: int, num_trailers: int) -> None:
        log_info(f"stream {self.context_id} answered {num_headers} {body_size} {num_trailers}")
        for name, value in get_http_call_response_headers():
            log_info(f"header {name}: {value}")
        for name, value in get_http_call_response_trailers():
            log_info(f"trailer {name}: {value}")
        body = get_http_call_response_body(0, body_size)
        # The stream is paused in its request headers: they are readable here.
        log_info(f"request path {get_http_request_header(':path')}")
        if body == b"deny":
            send_http_response(403, [("x-denied", "yes")], b"denied")
        else:
            resume_http_request()

    def note(self, total: int) -> None:
        log_info(f"lambda total {total}")
        resume_http_request()

    def explode(self, num_headers: int, body_size: int, num_trailers: int) -> None:
        raise ValueError("callback failed")

    def on_http_stream_done(self) -> None:
        log_info(f"stream {self.context_id} done")


class Connection(TcpContext):
    def on_new_connection(self) -> Action:
        dispatch_http_call(CLUSTER, request_headers("/tcp"), b"", [], 1000, self.on_answer)
        return Action.PAUSE

    def on_answer(self, num_headers: int, body_size: int, num_trailers: int) -> None:
        log_info(f"connection answered {get_http_call_response_body(0, body_size).decode()}")


class Plugin(PluginContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id
        self.answers = 0
        self.tcp = False
        self.twice = False

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        # Configuration "tcp" makes a network filter of it; "twice" sends two
    # callouts per tick.
        configuration = get_plugin_configuration()
        self.tcp = configuration == b"tcp"
        self.twice = configuration == b"twice"
        set_tick_period_milliseconds(100)
        return True

    def on_tick(self) -> None:
        label = f"tick of {self.context_id}"
        dispatch_http_call(
            CLUSTER, request_headers("/tick"), b"", [], 5000,
            lambda h, b, t: self.on_tick_answer(label, h),
        )
        if self.twice:
            # A second callback sharing what the first captured.
            dispatch_http_call(
                CLUSTER, request_headers("/tick"), b"", [], 5000,
                lambda h, b, t: self.on_tick_answer(label + " again", h),
            )

    def on_tick_answer(self, label: str, num_headers: int) -> None:
        self.answers += 1
        log_info(f"{label}: answer {self.answers} with {num_headers} headers")

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return None if self.tcp else Stream(context_id)

    def new_tcp_context(self, context_id: int) -> TcpContext | None:
        return Connection() if self.tcp else None


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin(context_id)


set_vm_context(VM())
