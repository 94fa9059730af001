"""Hands the host, through every SDK call that takes a str, the texts a
request brings, so that a test can check the bytes the host got.

Each request header `x-t-<n>: <text>` (ASCII, other UTF-8, or bytes that
are not UTF-8, which arrive as surrogate escapes) goes to the host as a
header value (added as `x-add-<n>`, replaced as `x-rep-<n>`), inside header
names (`x-k-<text>` added and read back into `x-get-<n>`; `x-r-<text>` added
and removed), a log line, a shared data key (read back into `x-shared-<n>`),
a counter's name (incremented by n + 1), a shared queue's name (registered,
then resolved: `x-queue-<n>: <token> <token>`), a VM id to resolve queue
"q" in (`x-vm-queue-<n>`), a callout's cluster and a foreign function's name
(its answer in `x-foreign-<n>`).

Texts with a lone surrogate (the plugin's own: a host never sends one)
cannot go to a host: each of those calls raises UnicodeEncodeError, whose
message the plugin adds as `x-refused-<call>-<i>`.
"""

from collections.abc import Callable

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    add_http_request_header,
    call_foreign_function,
    define_counter_metric,
    dispatch_http_call,
    get_http_request_header,
    get_http_request_headers,
    get_shared_data,
    log_info,
    register_shared_queue,
    remove_http_request_header,
    replace_http_request_header,
    resolve_shared_queue,
    set_shared_data,
    set_vm_context,
)

# A lone surrogate; an escape then surrogates that are not escapes (CPython
# reports the run from the first of them).
LONE = ["\ud800", "ok\udc80\udfff\ud800!"]

CALLOUT_HEADERS = [(":method", "GET"), (":path", "/"), (":authority", "example")]


def ignore_answer(num_headers: int, body_size: int, num_trailers: int) -> None:
    pass


def send(n: int, text: str) -> None:
    add_http_request_header(f"x-add-{n}", text)
    replace_http_request_header(f"x-rep-{n}", text)
    add_http_request_header(f"x-k-{text}", str(n))
    found = get_http_request_header(f"x-k-{text}")
    add_http_request_header(f"x-get-{n}", "absent" if found is None else found)
    add_http_request_header(f"x-r-{text}", str(n))
    remove_http_request_header(f"x-r-{text}")
    log_info(text)
    set_shared_data(text, str(n).encode(), 0)
    add_http_request_header(f"x-shared-{n}", get_shared_data(text)[0].decode())
    define_counter_metric(text).increment(n + 1)
    registered = register_shared_queue(text)
    add_http_request_header(f"x-queue-{n}", f"{registered} {resolve_shared_queue('', text)}")
    add_http_request_header(f"x-vm-queue-{n}", str(resolve_shared_queue(text, "q")))
    dispatch_http_call(text, CALLOUT_HEADERS, b"", [], 1000, ignore_answer)
    answer = call_foreign_function(text, b"")
    add_http_request_header(f"x-foreign-{n}", answer.decode("utf-8", "surrogateescape"))


def get(text: str) -> None:
    get_http_request_header(text)


def register(text: str) -> None:
    register_shared_queue(text)


def resolve_in(text: str) -> None:
    resolve_shared_queue(text, "q")


def dispatch_to(text: str) -> None:
    dispatch_http_call(text, CALLOUT_HEADERS, b"", [], 1000, ignore_answer)


def call_named(text: str) -> None:
    call_foreign_function(text, b"")


def refuse(call: str, use: Callable[[str], None]) -> None:
    for i, text in enumerate(LONE):
        try:
            use(text)
        except UnicodeEncodeError as e:
            add_http_request_header(f"x-refused-{call}-{i}", str(e))


class Stream(HttpContext):
    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        texts = [value for name, value in get_http_request_headers() if name.startswith("x-t-")]
        for n, text in enumerate(texts):
            send(n, text)
        refuse("add-value", lambda t: add_http_request_header("x-lone", t))
        refuse("add-key", lambda t: add_http_request_header(t, "v"))
        refuse("replace", lambda t: replace_http_request_header("x-lone", t))
        refuse("get", get)
        refuse("remove", lambda t: remove_http_request_header(t))
        refuse("log", lambda t: log_info(t))
        refuse("shared", lambda t: set_shared_data(t, b"", 0))
        refuse("counter", lambda t: define_counter_metric(t).increment(1))
        refuse("queue", register)
        refuse("vm", resolve_in)
        refuse("cluster", dispatch_to)
        refuse("foreign", call_named)
        return Action.CONTINUE


class Plugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
