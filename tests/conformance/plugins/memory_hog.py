"""Allocates without bound on demand, to exercise MemoryError at the boundary.

Request header `x-hog` picks how: "list" appends strings to a list, "objects"
makes instances, "doubling" doubles a string, "caught" does as "list" but
catches the MemoryError itself and answers with a header (what it filled
stays allocated until the stream ends: a request body read afterwards finds
no memory for it).  Every request that gets through is marked `x-served:
<path>` in its response, which needs a little memory of its own.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    add_http_response_header,
    get_http_request_body,
    get_http_request_header,
    set_vm_context,
)


class Cell:
    def __init__(self, n: int) -> None:
        self.n = n


def hog_list() -> int:
    kept: list[str] = []
    while True:
        kept.append("x" * 1000)  # list hog
    return len(kept)


def hog_objects() -> int:
    cells: list[Cell] = []
    while True:
        cells.append(Cell(len(cells)))  # objects hog
    return len(cells)


def hog_doubling() -> int:
    s = "ab"
    while True:
        s = s + s  # doubling hog
    return len(s)


class Stream(HttpContext):
    def __init__(self) -> None:
        super().__init__()
        self.path = ""
        self.caught = ""

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        self.path = get_http_request_header(":path") or ""
        hog = get_http_request_header("x-hog")
        if hog == "list":
            hog_list()
        elif hog == "objects":
            hog_objects()
        elif hog == "doubling":
            hog_doubling()
        elif hog == "caught":
            try:
                hog_list()
            except MemoryError as e:
                self.caught = f"{type(e).__name__}: {e}"
        return Action.CONTINUE

    def on_http_request_body(self, body_size: int, end_of_stream: bool) -> Action:
        body = get_http_request_body(0, body_size)  # body read
        self.path += f" {len(body)}"
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        add_http_response_header("x-served", f"{self.path} ({num_headers} headers)")
        if self.caught:
            add_http_response_header("x-caught", self.caught)
        return Action.CONTINUE


class Plugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
