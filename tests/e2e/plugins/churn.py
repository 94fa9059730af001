"""A plugin that churns memory on every request (e2e test of Envoy's RSS).

Per request it reads every header into a dict and a list, builds strings
from them, keeps a summary line and a per-path counter in its plugin context
(so values are copied into the VM region and replaced, request after
request), and reports the running count in `x-churn-count`.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    add_http_response_header,
    get_http_request_headers,
    set_vm_context,
)


class Stream(HttpContext):
    def __init__(self, plugin: "Plugin") -> None:
        self.plugin = plugin

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        headers = get_http_request_headers()
        table = {name: value for name, value in headers}
        lines = [f"{name}: {value}" for name, value in headers]
        path = table.get(":path", "/").split("?")[0]
        plugin = self.plugin
        plugin.requests += 1
        # About a kilobyte replaced on every request: without compaction the
        # VM region would grow by that much per request.
        plugin.last_request = [line * 8 for line in lines]
        plugin.last_summary = f"{len(lines)} headers, {len(' '.join(lines))} bytes, {path}"
        plugin.per_path[path] = plugin.per_path.get(path, 0) + 1
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        add_http_response_header("x-churn-count", str(self.plugin.requests))
        return Action.CONTINUE


class Plugin(PluginContext):
    def __init__(self) -> None:
        self.requests = 0
        self.last_summary = ""
        self.last_request: list[str] = []
        self.per_path: dict[str, int] = {}

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream(self)


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
