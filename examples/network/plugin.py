"""network: log the life of TCP connections and their data, read upstream
properties, and count finished connections.

A port of the Proxy-Wasm Go SDK's network example (examples.md §16), log
texts included.  A network filter (before tcp_proxy): each connection logs
its opening, the bytes in both directions, the upstream's address and its
cluster's `location` metadata, its close, and increments the counter
`proxy_wasm_go.connection_counter` when done.

The reference reads the property `cluster_metadata`; Envoy 1.40 serves it
only under its `xds.` name (`xds.cluster_metadata`).
"""

from proxywasm import (
    Action,
    MetricCounter,
    NotFoundError,
    PeerType,
    PluginContext,
    ProxyWasmError,
    TcpContext,
    VMContext,
    define_counter_metric,
    get_downstream_data,
    get_property,
    get_property_map,
    get_upstream_data,
    log_critical,
    log_info,
    log_warn,
    set_vm_context,
)

CONNECTION_COUNTER = "proxy_wasm_go.connection_counter"
UPSTREAM_ADDRESS = ["upstream", "address"]
LOCATION_METADATA = ["xds", "cluster_metadata", "filter_metadata", "location"]


def as_text(data: bytes) -> str:
    """Bytes as log text; bytes that are not UTF-8 reach the log unchanged."""
    return data.decode("utf-8", "surrogateescape")


class Network(TcpContext):
    def __init__(self, counter: MetricCounter) -> None:
        super().__init__()
        self.counter = counter

    def on_new_connection(self) -> Action:
        log_info("new connection!")
        return Action.CONTINUE

    def on_downstream_data(self, data_size: int, end_of_stream: bool) -> Action:
        if data_size == 0:
            return Action.CONTINUE
        data = b""
        try:
            data = get_downstream_data(0, data_size)
        except NotFoundError:
            pass
        except ProxyWasmError as e:
            log_critical(f"failed to get downstream data: {str(e)}")
            return Action.CONTINUE
        log_info(f">>>>>> downstream data received >>>>>>\n{as_text(data)}")
        return Action.CONTINUE

    def on_downstream_close(self, peer_type: PeerType) -> None:
        log_info("downstream connection close!")

    def on_upstream_data(self, data_size: int, end_of_stream: bool) -> Action:
        if data_size == 0:
            return Action.CONTINUE
        address = b""
        try:
            address = get_property(UPSTREAM_ADDRESS)
        except ProxyWasmError as e:
            log_warn(f"failed to get upstream remote address: {str(e)}")
        log_info(f"remote address: {as_text(address)}")
        location: list[tuple[str, str]] = []
        try:
            location = get_property_map(LOCATION_METADATA)
        except ProxyWasmError as e:
            log_warn(f"failed to get upstream location metadata: {str(e)}")
        for key, value in location:
            log_info(f"upstream cluster metadata location[{key}]={value}")
        data = b""
        try:
            data = get_upstream_data(0, data_size)
        except NotFoundError:
            pass
        except ProxyWasmError as e:
            log_critical(str(e))
        log_info(f"<<<<<< upstream data received <<<<<<\n{as_text(data)}")
        return Action.CONTINUE

    def on_stream_done(self) -> None:
        self.counter.increment(1)
        log_info("connection complete!")


class NetworkPlugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        # Defined when the plugin context is created, before it starts.
        self.counter = define_counter_metric(CONNECTION_COUNTER)

    def new_tcp_context(self, context_id: int) -> TcpContext | None:
        return Network(self.counter)


class NetworkVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return NetworkPlugin()


set_vm_context(NetworkVM())
