"""http_auth_random: authorise each request by calling out to an upstream,
granting or denying by the parity of a hash of its answer.

A port of the Proxy-Wasm Go SDK's http_auth_random example (examples.md §6),
log texts included (the reference's typos too).  Each request is held while
its own headers are sent to the cluster `httpbin`; when the answer arrives,
the 32-bit FNV-1a hash of its body decides: even resumes the request, odd
answers 403 `access forbidden`.  httpbin.org's `/uuid` returns a fresh random
UUID each time, so about half of the requests get through.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    dispatch_http_call,
    get_http_call_response_body,
    get_http_call_response_headers,
    get_http_request_headers,
    log_critical,
    log_error,
    log_info,
    resume_http_request,
    send_http_response,
    set_vm_context,
)

CLUSTER = "httpbin"
TIMEOUT_MILLISECONDS = 50000

FNV32_OFFSET_BASIS = 2166136261
FNV32_PRIME = 16777619


def fnv1a_32(data: bytes) -> int:
    """The 32-bit FNV-1a hash of `data` (Go's hash/fnv New32a)."""
    value = FNV32_OFFSET_BASIS
    for byte in data:
        value = ((value ^ byte) * FNV32_PRIME) & 0xFFFFFFFF
    return value


class HttpAuthRandom(HttpContext):
    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        headers: list[tuple[str, str]] = []
        try:
            headers = get_http_request_headers()
        except ProxyWasmError as e:
            log_critical(f"failed to get request headers: {str(e)}")
            return Action.CONTINUE
        for key, value in headers:
            log_info(f"request header: {key}: {value}")
        # The callout carries the request's own headers (:method, :path, ...).
        try:
            dispatch_http_call(
                CLUSTER, headers, b"", [], TIMEOUT_MILLISECONDS, self.on_auth_response
            )
        except ProxyWasmError as e:
            log_critical(f"dipatch httpcall failed: {str(e)}")
            return Action.CONTINUE
        log_info(f"http call dispatched to {CLUSTER}")
        return Action.PAUSE

    def on_auth_response(self, num_headers: int, body_size: int, num_trailers: int) -> None:
        headers: list[tuple[str, str]] = []
        try:
            headers = get_http_call_response_headers()
        except ProxyWasmError as e:
            log_critical(f"failed to get response body: {str(e)}")
            return
        for key, value in headers:
            log_info(f"response header from {CLUSTER}: {key}: {value}")
        body = b""
        try:
            body = get_http_call_response_body(0, body_size)
        except ProxyWasmError as e:
            log_critical(f"failed to get response body: {str(e)}")
            resume_http_request()
            return
        if fnv1a_32(body) % 2 == 0:
            log_info("access granted")
            resume_http_request()
            return
        log_info("access forbidden")
        try:
            send_http_response(
                403, [("powered-by", "proxy-wasm-go-sdk!!")], b"access forbidden"
            )
        except ProxyWasmError as e:
            log_error(f"failed to send local response: {str(e)}")
            resume_http_request()


class HttpAuthRandomPlugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return HttpAuthRandom()


class HttpAuthRandomVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return HttpAuthRandomPlugin()


set_vm_context(HttpAuthRandomVM())
