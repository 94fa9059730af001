"""A plugin whose request callback raises on demand (e2e test of the failure policy).

`x-boom: value` raises ValueError (int() of a non-number), `x-boom: deep`
recurses until RecursionError, `x-boom: key` raises KeyError; every request
that gets through is marked with `x-plugin-ran: yes` in the response.
"""

from proxywasm import (
    Action,
    HttpContext,
    PluginContext,
    VMContext,
    add_http_response_header,
    get_http_request_header,
    get_plugin_configuration,
    set_vm_context,
)


def dive(n: int) -> int:
    return dive(n + 1) + 1


class Stream(HttpContext):
    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        boom = get_http_request_header("x-boom")
        if boom == "deep":
            dive(0)
        elif boom == "key":
            table: dict[str, int] = {}
            print(table[boom])
        elif boom is not None:
            print(int(boom))
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        add_http_response_header("x-plugin-ran", "yes")
        return Action.CONTINUE


class Plugin(PluginContext):
    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        # Configuration "fail-open" selects the other policy.
        self.fail_open = get_plugin_configuration().strip() == b"fail-open"
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
