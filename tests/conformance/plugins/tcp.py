"""A network filter that logs every TCP callback and obeys commands in the
downstream data:

  wrap    surround the data with < and >       swap   replace it with "swapped"
  ...hold pause (resumed on the next tick)     close  close the connection
  boom    raise                                peek   read the upstream buffer here
"""

from proxywasm import (
    Action,
    PeerType,
    PluginContext,
    ProxyWasmError,
    TcpContext,
    VMContext,
    append_downstream_data,
    append_upstream_data,
    close_downstream,
    continue_tcp_stream,
    get_downstream_data,
    get_upstream_data,
    log_info,
    prepend_downstream_data,
    replace_downstream_data,
    set_effective_context,
    set_vm_context,
)


class Connection(TcpContext):
    def __init__(self, context_id: int, plugin: "Plugin") -> None:
        super().__init__()
        self.context_id = context_id
        self.plugin = plugin

    def on_new_connection(self) -> Action:
        log_info(f"new_connection {self.context_id}")
        return Action.CONTINUE

    def on_downstream_data(self, data_size: int, end_of_stream: bool) -> Action:
        command = get_downstream_data(0, data_size).decode()
        log_info(f"downstream_data {data_size} {end_of_stream} {command}")
        if command.endswith("hold"):
            self.plugin.held.append(self.context_id)
            return Action.PAUSE
        if command == "wrap":
            prepend_downstream_data(b"<")
            append_downstream_data(b">")
        elif command == "swap":
            replace_downstream_data(b"swapped")
        elif command == "close":
            close_downstream()
        elif command == "boom":
            raise ValueError("bad data")
        elif command == "peek":
            try:
                get_upstream_data(0, 10)
            except ProxyWasmError as e:
                log_info(f"peek: {type(e).__name__}")
        return Action.CONTINUE

    def on_downstream_close(self, peer_type: PeerType) -> None:
        log_info(f"downstream_close {peer_type.value}")

    def on_upstream_data(self, data_size: int, end_of_stream: bool) -> Action:
        data = get_upstream_data(0, data_size)
        log_info(f"upstream_data {data_size} {end_of_stream} {data.decode()}")
        append_upstream_data(b"!")
        return Action.CONTINUE

    def on_upstream_close(self, peer_type: PeerType) -> None:
        log_info(f"upstream_close {peer_type.value}")

    def on_stream_done(self) -> None:
        log_info(f"stream_done {self.context_id}")


class Plugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.held: list[int] = []

    def on_tick(self) -> None:
        for context_id in self.held:
            set_effective_context(context_id)
            continue_tcp_stream()
            log_info(f"continued {context_id}")
        self.held = []

    def new_tcp_context(self, context_id: int) -> TcpContext | None:
        return Connection(context_id, self)


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
