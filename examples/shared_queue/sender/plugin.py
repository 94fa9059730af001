"""shared_queue sender: put request headers, response headers and hashes of
TCP data on the receiver's shared queues.

Half of the Proxy-Wasm Go SDK's shared_queue example (examples.md §14), log
texts included; the receiver (../receiver/plugin.py) registers the queues in
the VM `receiver` and logs what arrives.  Envoy loads this module (vm_id
`sender`) as an HTTP filter configured `http` and as a network filter
configured `tcp`; one VM per worker serves both, each plugin context making
only its own kind of stream context.

Messages: each header as `{"key": "<key>","value": "<value>"}` (the
reference's spacing, no escaping), each chunk of upstream TCP data as the
lower-case hex of its 128-bit FNV-1a hash.
"""

from proxywasm import (
    Action,
    HttpContext,
    NotFoundError,
    PluginContext,
    ProxyWasmError,
    TcpContext,
    VMContext,
    enqueue_shared_queue,
    get_http_request_headers,
    get_http_response_headers,
    get_plugin_configuration,
    get_upstream_data,
    log_critical,
    log_info,
    resolve_shared_queue,
    set_vm_context,
)

RECEIVER_VM_ID = "receiver"
REQUEST_HEADERS_QUEUE = "http_request_headers"
RESPONSE_HEADERS_QUEUE = "http_response_headers"
TCP_DATA_HASHES_QUEUE = "tcp_data_hashes"

# FNV-1a, 128 bits: the state is eight 16-bit limbs, least significant first,
# so that every intermediate product fits in pwc's 64-bit int.
FNV128_OFFSET_BASIS = [0xC58D, 0x6295, 0x2175, 0x62B8, 0x0142, 0x07BB, 0x272E, 0x6C62]
FNV128_PRIME_LOW = 0x13B  # the prime is 2**88 + 0x13B


def fnv128_multiply(limbs: list[int]) -> list[int]:
    """`limbs` times the FNV-128 prime, modulo 2**128."""
    product = [limb * FNV128_PRIME_LOW for limb in limbs]
    # Plus limbs * 2**88: five limbs up and 8 bits more; what lands at or
    # above 2**128 (from limbs 3..7) is dropped.
    for i in range(3):
        product[i + 5] += limbs[i] << 8
    carry = 0
    for i in range(8):
        value = product[i] + carry
        product[i] = value & 0xFFFF
        carry = value >> 16
    return product


def fnv1a_128_hex(data: bytes) -> str:
    """The 128-bit FNV-1a hash of `data` as 32 lower-case hex digits (Go's
    hash/fnv New128a, hex-encoded)."""
    limbs = list(FNV128_OFFSET_BASIS)
    for byte in data:
        limbs[0] ^= byte
        limbs = fnv128_multiply(limbs)
    digest = bytes([part for limb in reversed(limbs) for part in [limb >> 8, limb & 0xFF]])
    return digest.hex()


def header_message(key: str, value: str) -> str:
    return f'{{"key": "{key}","value": "{value}"}}'


def resolve_queue(name: str) -> int:
    """The id of the receiver's queue `name`; 0 (no queue) if it cannot be resolved."""
    try:
        return resolve_shared_queue(RECEIVER_VM_ID, name)
    except ProxyWasmError as e:
        log_critical(f"error resolving queue id: {str(e)}")
        return 0


class SenderHttp(HttpContext):
    def __init__(self, context_id: int, request_queue: int, response_queue: int) -> None:
        super().__init__()
        self.context_id = context_id
        self.request_queue = request_queue
        self.response_queue = response_queue

    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        headers: list[tuple[str, str]] = []
        try:
            headers = get_http_request_headers()
        except ProxyWasmError as e:
            log_critical(f"error getting request headers: {str(e)}")
        for key, value in headers:
            message = header_message(key, value)
            try:
                enqueue_shared_queue(self.request_queue, message.encode())
            except ProxyWasmError as e:
                log_critical(f"error queueing: {str(e)}")
                continue
            log_info(f"enqueued data: {message}")
        return Action.CONTINUE

    def on_http_response_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        headers: list[tuple[str, str]] = []
        try:
            headers = get_http_response_headers()
        except ProxyWasmError as e:
            log_critical(f"error getting response headers: {str(e)}")
        for key, value in headers:
            message = header_message(key, value)
            try:
                enqueue_shared_queue(self.response_queue, message.encode())
            except ProxyWasmError as e:
                log_critical(f"error queueing: {str(e)}")
                continue
            log_info(f"(contextID={self.context_id}) enqueued data: {message}")
        return Action.CONTINUE


class SenderTcp(TcpContext):
    def __init__(self, context_id: int, data_queue: int) -> None:
        super().__init__()
        self.context_id = context_id
        self.data_queue = data_queue

    def on_upstream_data(self, data_size: int, end_of_stream: bool) -> Action:
        if data_size == 0:
            return Action.CONTINUE
        data = b""
        try:
            data = get_upstream_data(0, data_size)
        except NotFoundError:
            pass
        except ProxyWasmError as e:
            log_critical(str(e))
        message = fnv1a_128_hex(data)
        try:
            enqueue_shared_queue(self.data_queue, message.encode())
        except ProxyWasmError as e:
            log_critical(f"error queueing: {str(e)}")
            return Action.CONTINUE
        log_info(f"(contextID={self.context_id}) enqueued data: {message}")
        return Action.CONTINUE


class Sender(PluginContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id
        self.config = ""

    def on_plugin_start(self, plugin_configuration_size: int) -> bool:
        try:
            self.config = get_plugin_configuration().decode("utf-8", "surrogateescape")
        except ProxyWasmError as e:
            # The reference panics; refusing to start is Envoy's same outcome.
            log_critical(f"failed to get plugin config: {str(e)}")
            return False
        log_info(f"contextID={self.context_id} is configured for {self.config}")
        return True

    def new_http_context(self, context_id: int) -> HttpContext | None:
        if self.config != "http":
            return None
        return SenderHttp(
            context_id, resolve_queue(REQUEST_HEADERS_QUEUE), resolve_queue(RESPONSE_HEADERS_QUEUE)
        )

    def new_tcp_context(self, context_id: int) -> TcpContext | None:
        if self.config != "tcp":
            return None
        return SenderTcp(context_id, resolve_queue(TCP_DATA_HASHES_QUEUE))


class SenderVM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Sender(context_id)


set_vm_context(SenderVM())
