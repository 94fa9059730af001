"""Reads every request header and every request body chunk, and shows what it
read, so that hostile input (huge, many, empty, NUL, not UTF-8) can be
checked for round-trip and corruption, in the emulator and in Envoy.

Request headers whose name starts with the configured prefix (plugin
configuration `{"prefix": "x-h-"}`, the default when empty; anything else
makes the plugin refuse to start) are counted, and their names and values (the
bytes as received) summed and hashed (FNV-1a, 32 bits) into
`x-hostile-headers: <count> <bytes> <hash>`, which goes upstream and into
the response.  With `x-echo: yes` the request also keeps them upstream and
the response gets a copy of each, unchanged; without it they are removed
before the request goes upstream.  Every request body chunk is read and
replaced by itself with each b"a" turned into b"@" (other bytes, UTF-8 or
not, pass unchanged); the response gets `x-body-seen: <bytes> <chunks>`.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    add_http_request_header,
    add_http_response_header,
    get_http_request_body,
    get_http_request_headers,
    get_plugin_configuration,
    json,
    replace_http_request_body,
    replace_http_request_headers,
    set_vm_context,
)

FNV_OFFSET = 2166136261
FNV_PRIME = 16777619


def fnv1a(h: int, data: bytes) -> int:
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & 0xFFFFFFFF
    return h


def raw(text: str) -> bytes:
    """The bytes the host gave (undecodable ones round-trip)."""
    return text.encode("utf-8", "surrogateescape")


class Stream(HttpContext):
    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix
        self.echoed: list[tuple[str, str]] = []
        self.summary = ""
        self.body_bytes = 0
        self.chunks = 0

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        headers = get_http_request_headers()
        echo = ("x-echo", "yes") in headers
        count = 0
        size = 0
        h = FNV_OFFSET
        kept: list[tuple[str, str]] = []
        for name, value in headers:
            if not name.startswith(self.prefix):
                kept.append((name, value))
                continue
            count += 1
            for part in (raw(name), raw(value)):
                size += len(part)
                h = fnv1a(h, part)
            if echo:
                self.echoed.append((name, value))
        self.summary = f"{count} {size} {h:08x}"
        if not echo:
            replace_http_request_headers(kept)
        add_http_request_header("x-hostile-headers", self.summary)
        return Action.CONTINUE

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        chunk = get_http_request_body(0, body_size)
        self.body_bytes += len(chunk)
        self.chunks += 1
        replace_http_request_body(b"@".join(chunk.split(b"a")))
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        for name, value in self.echoed:
            add_http_response_header(name, value)
        add_http_response_header("x-hostile-headers", self.summary)
        add_http_response_header("x-body-seen", f"{self.body_bytes} {self.chunks}")
        return Action.CONTINUE


class Plugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.prefix = "x-h-"

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        configuration = get_plugin_configuration()
        if configuration:
            # Not JSON, not an object, a prefix that is not a string: JsonError.
            prefix = json.parse_bytes(configuration).get("prefix")  # json: parse
            if prefix is not None:
                self.prefix = prefix.as_str()  # json: as_str
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream(self.prefix)


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
