"""http_body_chunk: read the request body chunk by chunk and answer 403 as soon
as a chunk contains the word `pattern`.

A port of the Proxy-Wasm Go SDK's http_body_chunk example (examples.md §4),
log texts included.  Each body callback returns Pause, so Envoy keeps
buffering and `body_size` is the size of everything received so far; the new
chunk is what lies past the bytes already read.  The search is per chunk, as
in the reference: a `pattern` split across two chunks is not found.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    get_http_request_body,
    log_critical,
    log_error,
    log_info,
    resume_http_request,
    send_http_response,
    set_vm_context,
)

PATTERN_TO_BLOCK = b"pattern"


def go_bool(value: bool) -> str:
    """A boolean as Go's %v prints it."""
    return "true" if value else "false"


class BodyChunks(HttpContext):
    def __init__(self) -> None:
        super().__init__()
        self.total_request_body_read_size = 0
        self.received_chunks = 0

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        log_info(
            f"OnHttpRequestBody called. BodySize: {body_size}, "
            f"totalRequestBodyReadSize: {self.total_request_body_read_size}, "
            f"endOfStream: {go_bool(end_of_stream)}"
        )
        chunk_size = body_size - self.total_request_body_read_size
        if chunk_size > 0:
            self.received_chunks += 1
            chunk = b""
            try:
                chunk = get_http_request_body(self.total_request_body_read_size, chunk_size)
            except ProxyWasmError as e:
                log_critical(f"failed to get request body: {str(e)}")
                return Action.CONTINUE
            log_info(f"read chunk size: {len(chunk)}")
            if len(chunk) != chunk_size:
                log_error(
                    f"read data does not match the expected size: {len(chunk)} != {chunk_size}"
                )
            self.total_request_body_read_size += len(chunk)
            if PATTERN_TO_BLOCK in chunk:
                self.block()
                return Action.PAUSE
        if not end_of_stream:
            # Keep buffering: the next call sees this chunk and the next one.
            return Action.PAUSE
        if self.total_request_body_read_size != body_size:
            log_error(
                "read data does not match the expected total size: "
                f"{self.total_request_body_read_size} != {body_size}"
            )
        log_info("pattern not found")
        return Action.CONTINUE

    def block(self) -> None:
        """Answer 403 naming the chunk that held the pattern."""
        pattern_found = f"pattern found in chunk: {self.received_chunks}"
        log_info(pattern_found)
        try:
            send_http_response(
                403, [("powered-by", "proxy-wasm-go-sdk")], pattern_found.encode()
            )
        except ProxyWasmError as e:
            log_critical(f"failed to send local response: {str(e)}")
            try:
                resume_http_request()
            except ProxyWasmError:
                pass  # As in the reference: nothing more can be done for this stream.
            return
        log_info("local 403 response sent")


class BodyChunksPlugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return BodyChunks()


class BodyChunksVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return BodyChunksPlugin()


set_vm_context(BodyChunksVM())
