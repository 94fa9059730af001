"""shared_data: count requests across every VM with a shared-data counter
updated by compare-and-swap.

A port of the Proxy-Wasm Go SDK's shared_data example (examples.md §13), log
texts included.  The counter lives under `shared_data_key` as 8 bytes,
little-endian unsigned; the empty value means "not initialised".  Every
worker thread runs its own VM, but all of them (same vm_id) see one store,
so the count is global: a read-modify-write that loses a race (CAS mismatch)
is retried.
"""

from proxywasm import (
    Action,
    CasMismatchError,
    HttpContext,
    PluginContext,
    ProxyWasmError,
    VMContext,
    get_shared_data,
    log_info,
    log_warn,
    set_shared_data,
    set_vm_context,
)

SHARED_DATA_KEY = "shared_data_key"


def encode_uint64(value: int) -> bytes:
    """`value` as 8 bytes, little-endian (Go's binary.LittleEndian.PutUint64)."""
    return bytes([(value >> (8 * i)) & 0xFF for i in range(8)])


def decode_uint64(data: bytes) -> int:
    """The little-endian number in the first 8 bytes of `data`."""
    value = 0
    for i in range(min(len(data), 8)):
        value |= data[i] << (8 * i)
    return value


def increment_shared_counter() -> int:
    """Add one to the shared counter in one compare-and-swap; the new value.

    Raises CasMismatchError if another VM wrote the counter in between."""
    value = b""
    cas = 0
    try:
        value, cas = get_shared_data(SHARED_DATA_KEY)
    except ProxyWasmError as e:
        log_warn(f"error getting shared data on OnHttpRequestHeaders: {str(e)}")
        raise
    next_value = 1
    if len(value) > 0:
        next_value = decode_uint64(value) + 1
    try:
        set_shared_data(SHARED_DATA_KEY, encode_uint64(next_value), cas)
    except ProxyWasmError as e:
        log_warn(f"error setting shared data on OnHttpRequestHeaders: {str(e)}")
        raise
    return next_value


class SharedData(HttpContext):
    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:
        while True:
            try:
                log_info(f"shared value: {increment_shared_counter()}")
            except CasMismatchError:
                continue  # Someone counted first: read the new value and retry.
            except ProxyWasmError:
                pass  # Already logged; this request goes uncounted.
            break
        return Action.CONTINUE


class SharedDataPlugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return SharedData()


class SharedDataVM(VMContext):
    def on_vm_start(self, vm_configuration_size: int) -> bool:
        # Create the key empty, unconditionally (cas 0).
        try:
            set_shared_data(SHARED_DATA_KEY, b"", 0)
        except ProxyWasmError as e:
            log_warn(f"error setting shared data on OnVMStart: {str(e)}")
        return True

    def new_plugin_context(self, context_id: int) -> PluginContext:
        return SharedDataPlugin()


set_vm_context(SharedDataVM())
