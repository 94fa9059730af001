"""http_headers: log every request and response header, set a request header,
and add two response headers (one fixed, one from the plugin configuration).

A port of the Proxy-Wasm Go SDK's http_headers example (examples.md §2), log
texts included.  The plugin configuration is a JSON object
`{"header": "<name>", "value": "<value>"}`; without one, only the fixed
header is added.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    add_http_response_header,
    get_http_request_headers,
    get_http_response_headers,
    get_plugin_configuration,
    log_critical,
    log_debug,
    log_info,
    replace_http_request_header,
    set_vm_context,
)
from proxywasm.json import JsonError, JsonValue, parse_bytes

INVALID_CONFIGURATION = (
    'invalid configuration format; expected {"header": "<header name>", '
    '"value": "<header value>"}'
)


def string_member(config: JsonValue, name: str) -> str:
    """Member `name` if it is a string, else "" (like gjson's `.Str`)."""
    member = config.get(name)
    if member is None:
        return ""
    if not member.is_string():
        return ""
    return member.as_str()


class HttpHeaders(HttpContext):
    def __init__(self, context_id: int, header_name: str, header_value: str) -> None:
        super().__init__()
        self.context_id = context_id
        self.header_name = header_name
        self.header_value = header_value

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        try:
            replace_http_request_header("test", "best")
        except ProxyWasmError:
            log_critical("failed to set request header: test")
        headers: list[tuple[str, str]] = []
        try:
            headers = get_http_request_headers()
        except ProxyWasmError as e:
            log_critical(f"failed to get request headers: {str(e)}")
        for key, value in headers:
            log_info(f"request header --> {key}: {value}")
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        log_info(f"adding header: {self.header_name}={self.header_value}")
        try:
            add_http_response_header("x-proxy-wasm-go-sdk-example", "http_headers")
        except ProxyWasmError as e:
            log_critical(f"failed to set response constant header: {str(e)}")
        if self.header_name != "":
            try:
                add_http_response_header(self.header_name, self.header_value)
            except ProxyWasmError as e:
                log_critical(f"failed to set response headers: {str(e)}")
        headers: list[tuple[str, str]] = []
        try:
            headers = get_http_response_headers()
        except ProxyWasmError as e:
            log_critical(f"failed to get response headers: {str(e)}")
        for key, value in headers:
            log_info(f"response header <-- {key}: {value}")
        return Action.CONTINUE

    def on_http_stream_done(self) -> None:
        log_info(f"{self.context_id} finished")


class HttpHeadersPlugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.header_name = ""
        self.header_value = ""

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        log_debug("loading plugin config")
        data = b""
        try:
            data = get_plugin_configuration()
        except ProxyWasmError as e:
            log_critical(f"error reading plugin configuration: {str(e)}")
            return False
        if len(data) == 0:
            return True
        name = ""
        value = ""
        try:
            config = parse_bytes(data)
            name = string_member(config, "header").strip()
            value = string_member(config, "value").strip()
        except JsonError:
            log_critical(INVALID_CONFIGURATION)
            return False
        if name == "" or value == "":
            log_critical(INVALID_CONFIGURATION)
            return False
        self.header_name = name
        self.header_value = value
        log_info(f"header from config: {name} = {value}")
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return HttpHeaders(context_id, self.header_name, self.header_value)


class HttpHeadersVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return HttpHeadersPlugin()


set_vm_context(HttpHeadersVM())
