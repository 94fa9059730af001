"""http_body: append to, prepend to or replace the request or the response body,
chosen per request by headers; a second instance of the same module, configured
with `echo`, answers every request with its own body.

A port of the Proxy-Wasm Go SDK's http_body example (examples.md §3), log
texts included.  The plugin configuration is plain text: `echo` makes the
plugin an echo server, anything else (the main instance gets `body-set`) makes
it edit bodies as the request headers say:

    buffer-replace-at: response   edit the response body (default: the request's)
    buffer-operation: <op>        append, prepend or replace (anything else: replace)
"""

from typing import Callable  # noqa: UP035 (the pwc dialect's spelling)

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    append_http_request_body,
    append_http_response_body,
    get_http_request_body,
    get_http_request_header,
    get_http_response_body,
    get_plugin_configuration,
    log_critical,
    log_error,
    log_info,
    prepend_http_request_body,
    prepend_http_response_body,
    remove_http_request_header,
    remove_http_response_header,
    replace_http_request_body,
    replace_http_response_body,
    send_http_response,
    set_vm_context,
)

APPENDED = b"[this is appended body]"
PREPENDED = b"[this is prepended body]"
REPLACED = b"[this is replaced body]"
OPERATIONS = ["append", "prepend", "replace"]


def as_text(body: bytes) -> str:
    """A body as log text; bytes that are not UTF-8 reach the log unchanged."""
    return body.decode("utf-8", "surrogateescape")


def edit_body(
    operation: str,
    append: Callable[[bytes], None],
    prepend: Callable[[bytes], None],
    replace: Callable[[bytes], None],
) -> None:
    """Apply `operation` to a body through its append/prepend/replace calls."""
    if operation == "append":
        append(APPENDED)
    elif operation == "prepend":
        prepend(PREPENDED)
    elif operation == "replace":
        replace(REPLACED)


class SetBody(HttpContext):
    """Edits the request body, or the response body, once it is complete."""

    def __init__(self) -> None:
        super().__init__()
        self.modify_response = False
        self.buffer_operation = ""

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        if get_http_request_header("buffer-replace-at") == "response":
            self.modify_response = True
        if get_http_request_header("content-length") is None:
            send_http_response(400, [], b"content must be provided")
            return Action.PAUSE
        # The body is about to change size: the original length would be wrong.
        remove_http_request_header("content-length")
        operation = get_http_request_header("buffer-operation")
        if operation is None or operation not in OPERATIONS:
            operation = "replace"
        self.buffer_operation = operation
        return Action.CONTINUE

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        if self.modify_response:
            return Action.CONTINUE
        if not end_of_stream:
            # Pause until the whole body is buffered, then edit it at once.
            return Action.PAUSE
        original = b""
        try:
            original = get_http_request_body(0, body_size)
        except ProxyWasmError as e:
            log_error(f"failed to get request body: {str(e)}")
            return Action.CONTINUE
        log_info(f"original request body: {as_text(original)}")
        try:
            edit_body(
                self.buffer_operation,
                append_http_request_body,
                prepend_http_request_body,
                replace_http_request_body,
            )
        except ProxyWasmError as e:
            log_error(f"failed to {self.buffer_operation} request body: {str(e)}")
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        if self.modify_response:
            remove_http_response_header("content-length")
        return Action.CONTINUE

    def on_http_response_body(self, body_size: int, end_of_stream: bool) -> Action:
        if not self.modify_response:
            return Action.CONTINUE
        if not end_of_stream:
            return Action.PAUSE
        original = b""
        try:
            original = get_http_response_body(0, body_size)
        except ProxyWasmError as e:
            log_error(f"failed to get response body: {str(e)}")
            return Action.CONTINUE
        log_info(f"original response body: {as_text(original)}")
        try:
            edit_body(
                self.buffer_operation,
                append_http_response_body,
                prepend_http_response_body,
                replace_http_response_body,
            )
        except ProxyWasmError as e:
            log_error(f"failed to {self.buffer_operation} response body: {str(e)}")
        return Action.CONTINUE


class EchoBody(HttpContext):
    """Answers the request with its own body (200, no extra headers)."""

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        if not end_of_stream:
            return Action.PAUSE
        body = b""
        try:
            body = get_http_request_body(0, body_size)
        except ProxyWasmError:
            pass  # As the reference does: an unreadable body is echoed as empty.
        send_http_response(200, [], body)
        return Action.PAUSE


class HttpBodyPlugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.echo = False

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        try:
            self.echo = get_plugin_configuration() == b"echo"
        except ProxyWasmError as e:
            log_critical(f"error reading plugin configuration: {str(e)}")
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        if self.echo:
            return EchoBody()
        return SetBody()


class HttpBodyVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return HttpBodyPlugin()


set_vm_context(HttpBodyVM())
