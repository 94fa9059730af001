"""Transforms every request body chunk as it passes (upper case, `a` -> `@`)
and keeps a running digest of what it saw in the stream context and a count
of chunks in the plugin context."""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    get_http_request_body,
    log_info,
    replace_http_request_body,
    set_vm_context,
)


class Stream(HttpContext):
    def __init__(self, plugin: "Plugin") -> None:
        self.plugin = plugin
        self.digest = 0
        self.chunks = 0
        self.last = ""

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        chunk = get_http_request_body(0, body_size)
        text = chunk.decode().upper().replace("A", "@")
        for c in text:
            self.digest = (self.digest * 31 + ord(c)) % 1_000_000_007
        self.chunks += 1
        self.last = text[-8:]
        self.plugin.chunks += 1
        replace_http_request_body(text.encode())
        if end_of_stream:
            log_info(f"{self.chunks} chunks, digest {self.digest}, last {self.last}")
        return Action.CONTINUE


class Plugin(PluginContext):
    def __init__(self) -> None:
        self.chunks = 0

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream(self)


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
