"""hdr: the benchmark plugin, in pwc's Python (benchmarks/reference/hdr.wat
is the same plugin written by hand).

* The plugin configuration is JSON: {"header": "<name>", "value": "<value>"}
  (read with proxywasm.json; an invalid document rejects the plugin).
* Request headers: read them all, find `:path`; a path that starts with
  `/deny` gets a local 403 with the body `denied`.
* Response headers: add the configured header (when there is one), then
  `x-bench: 1`.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    add_http_response_header,
    get_http_request_headers,
    get_plugin_configuration,
    send_http_response,
    set_vm_context,
)
from proxywasm.json import JsonError, JsonValue, parse_bytes


def string_member(config: JsonValue, name: str) -> str:
    """Member `name` if it is a string, else ""."""
    member = config.get(name)
    if member is None or not member.is_string():
        return ""
    return member.as_str()


class Hdr(HttpContext):
    def __init__(self, header_name: str, header_value: str) -> None:
        super().__init__()
        self.header_name = header_name
        self.header_value = header_value

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        try:
            headers = get_http_request_headers()
        except ProxyWasmError:
            return Action.CONTINUE
        for key, value in headers:
            if key == ":path":
                if value.startswith("/deny"):
                    send_http_response(403, [], b"denied")
                    return Action.PAUSE
                break
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        try:
            if self.header_name != "":
                add_http_response_header(self.header_name, self.header_value)
            add_http_response_header("x-bench", "1")
        except ProxyWasmError:
            pass
        return Action.CONTINUE


class HdrPlugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.header_name = ""
        self.header_value = ""

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        try:
            data = get_plugin_configuration()
        except ProxyWasmError:
            return False
        if len(data) == 0:
            return True
        try:
            config = parse_bytes(data)
        except JsonError:
            return False
        self.header_name = string_member(config, "header")
        self.header_value = string_member(config, "value")
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Hdr(self.header_name, self.header_value)


class HdrVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return HdrPlugin()


set_vm_context(HdrVM())
