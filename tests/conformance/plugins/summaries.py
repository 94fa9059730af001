"""Per request: every request header read, strings, a dict and a list built
from them, and a summary folded into the plugin context (test_memory_streams).

The summary is counters: ints stored into the plugin context's fields.  With
the plugin configuration `text` it also keeps the last request's line, a str
the store rule copies into the VM region on every request.  The counts are
logged when the plugin is done, so a test can see every request was served.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    get_http_request_headers,
    get_plugin_configuration,
    log_info,
    set_vm_context,
)


class Summarize(HttpContext):
    def __init__(self, plugin: "Summaries") -> None:
        super().__init__()
        self.plugin = plugin

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        by_name: dict[str, str] = {}
        lines: list[str] = []
        for key, value in get_http_request_headers():
            by_name[key] = value
            lines.append(f"{key}: {value}")
        text = "\n".join(lines)
        plugin = self.plugin
        plugin.requests += 1
        plugin.header_bytes += len(text)
        plugin.longest_path = max(plugin.longest_path, len(by_name.get(":path", "")))
        if plugin.keep_text:
            plugin.last_request = f"{by_name.get(':method', '-')} {by_name.get(':path', '-')}"
        return Action.CONTINUE


class Summaries(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.keep_text = False
        self.requests = 0
        self.header_bytes = 0
        self.longest_path = 0
        self.last_request = ""

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        self.keep_text = get_plugin_configuration() == b"text"
        return True

    def on_plugin_done(self) -> bool:
        log_info(f"{self.requests} requests, {self.header_bytes} header bytes, "
                 f"longest path {self.longest_path}")
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Summarize(self)


class SummariesVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Summaries()


set_vm_context(SummariesVM())
