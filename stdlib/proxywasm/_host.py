"""The typed host interface: the SDK's bottom layer (design.md "two layers").

Everything above this module talks to the host through these functions only,
always as `_host.name(...)` (a module attribute), because under CPython
`pwc.testing` replaces them with its host model.  The bodies here are the
wasm implementation: raw imports from `_abi`, return slots allocated with
`alloc` in the current region, statuses turned into exceptions.

Conventions of every function: a string goes to the host as the bytes
`host_text` locates, the str's own unless it holds surrogate escapes
(surrogateescape, so undecodable bytes round-trip): passed as an `I32`, its
result is the address, and `>> 32` the size.  Results the host wrote are
read with `str_at`/`bytes_at`; a non-OK status raises the ProxyWasmError
subclass named after it.
"""

from pwc_intrinsics import (
    alloc,
    bytes_at,
    bytes_ptr,
    decode_map,
    encode_map,
    host_text,
    load_i32,
    load_i64,
    str_at,
)

from proxywasm import _abi, _errors


def log(level: int, message: str) -> None:
    """Log at `level` (0 trace .. 5 critical); a log call never raises."""
    text = host_text(message)
    _abi.proxy_log(level, text, text >> 32)


def get_current_time_ns() -> int:
    """Wall-clock nanoseconds since the Unix epoch."""
    slot = alloc(8)
    status = _abi.proxy_get_current_time_nanoseconds(slot)
    _errors.check_status(status, "proxy_get_current_time_nanoseconds")
    return load_i64(slot)


def set_tick_period(milliseconds: int) -> None:
    """Tick the current context's root every `milliseconds`; 0 stops ticking."""
    status = _abi.proxy_set_tick_period_milliseconds(milliseconds)
    _errors.check_status(status, "proxy_set_tick_period_milliseconds")


def get_buffer(kind: int, start: int, max_size: int) -> bytes:
    """Up to `max_size` bytes of buffer `kind` from offset `start`."""
    slots = alloc(8)
    status = _abi.proxy_get_buffer_bytes(kind, start, max_size, slots, slots + 4)
    _errors.check_status(status, "proxy_get_buffer_bytes")
    return bytes_at(load_i32(slots), load_i32(slots + 4))


def set_buffer(kind: int, start: int, size: int, data: bytes) -> None:
    """Envoy's buffer edit: start 0 drops the first `size` bytes then prepends
    `data`; start at or past the end appends (abi.md §3.2)."""
    status = _abi.proxy_set_buffer_bytes(kind, start, size, bytes_ptr(data), len(data))
    _errors.check_status(status, "proxy_set_buffer_bytes")


def get_map(kind: int) -> list[tuple[str, str]]:
    """All pairs of header map `kind`, in order (duplicates kept)."""
    data_slot = alloc(8)
    size_slot = data_slot + 4
    status = _abi.proxy_get_header_map_pairs(kind, data_slot, size_slot)
    _errors.check_status(status, "proxy_get_header_map_pairs")
    return decode_map(load_i32(data_slot), load_i32(size_slot))


def set_map(kind: int, pairs: list[tuple[str, str]]) -> None:
    """Replace the whole header map `kind` with `pairs`."""
    encoded = encode_map(pairs)
    status = _abi.proxy_set_header_map_pairs(kind, bytes_ptr(encoded), len(encoded))
    _errors.check_status(status, "proxy_set_header_map_pairs")


def get_map_value(kind: int, key: str) -> str | None:
    """The first value of `key` in map `kind`; None when the key is absent."""
    key_text = host_text(key)
    data_slot = alloc(8)
    size_slot = data_slot + 4
    status = _abi.proxy_get_header_map_value(kind, key_text, key_text >> 32, data_slot, size_slot)
    if status == _abi.STATUS_NOT_FOUND:
        return None
    _errors.check_status(status, "proxy_get_header_map_value")
    return str_at(load_i32(data_slot), load_i32(size_slot))


def add_map_value(kind: int, key: str, value: str) -> None:
    """Append the entry `key: value` (an existing key gets a second entry)."""
    key_text = host_text(key)
    value_text = host_text(value)
    status = _abi.proxy_add_header_map_value(
        kind, key_text, key_text >> 32, value_text, value_text >> 32
    )
    _errors.check_status(status, "proxy_add_header_map_value")


def replace_map_value(kind: int, key: str, value: str) -> None:
    """Set `key` to the single value `value`, adding it if absent."""
    key_text = host_text(key)
    value_text = host_text(value)
    status = _abi.proxy_replace_header_map_value(
        kind, key_text, key_text >> 32, value_text, value_text >> 32
    )
    _errors.check_status(status, "proxy_replace_header_map_value")


def remove_map_value(kind: int, key: str) -> None:
    """Remove every entry of `key` (removing an absent key is not an error)."""
    key_text = host_text(key)
    status = _abi.proxy_remove_header_map_value(kind, key_text, key_text >> 32)
    _errors.check_status(status, "proxy_remove_header_map_value")


def continue_stream(kind: int) -> None:
    """Resume the stream direction `kind` once the current callback returns."""
    status = _abi.proxy_continue_stream(kind)
    _errors.check_status(status, "proxy_continue_stream")


def close_stream(kind: int) -> None:
    """Reset the stream (HTTP) or close the connection side `kind` (TCP)."""
    status = _abi.proxy_close_stream(kind)
    _errors.check_status(status, "proxy_close_stream")


def send_local_response(
    status_code: int,
    details: str,
    body: bytes,
    headers: list[tuple[str, str]] | None,
    grpc_status: int,
) -> None:
    """Answer the current stream locally once the current callback returns.
    `headers` None or [] sends none.  The compiler decides the test where
    every caller passes None or `[]` (the failure policy's reply is in
    every HTTP plugin, and most local replies send no headers): no
    header-map encoder is linked then."""
    encoded = _EMPTY_MAP
    if headers is not None and len(headers) != 0:
        encoded = encode_map(headers)
    details_text = host_text(details)
    status = _abi.proxy_send_local_response(
        status_code,
        details_text,
        details_text >> 32,
        bytes_ptr(body),
        len(body),
        bytes_ptr(encoded),
        len(encoded),
        grpc_status,
    )
    _errors.check_status(status, "proxy_send_local_response")


# A serialized header map of no pairs: its count, 0 (abi.md 5.1).
_EMPTY_MAP = b"\0\0\0\0"


def set_effective_context(context_id: int) -> None:
    """Make later host calls of this callback act on `context_id`."""
    status = _abi.proxy_set_effective_context(context_id)
    _errors.check_status(status, "proxy_set_effective_context")


def switch_effective_context(context_id: int) -> bool:
    """set_effective_context, answering False instead of raising when the host
    no longer knows the context (the one status it returns)."""
    return _abi.proxy_set_effective_context(context_id) == 0


def done() -> None:
    """Tell the host that a root context whose on_done returned False is done."""
    status = _abi.proxy_done()
    _errors.check_status(status, "proxy_done")


def get_log_level() -> int:
    """The level (0 trace .. 5 critical) below which the host drops log lines."""
    slot = alloc(4)
    status = _abi.proxy_get_log_level(slot)
    _errors.check_status(status, "proxy_get_log_level")
    return load_i32(slot)


# --- properties (abi.md §5.2, §5.3) -------------------------------------------


def get_property(path: bytes) -> bytes:
    """The value of the property at `path` (segments joined by NUL bytes)."""
    slots = alloc(8)
    status = _abi.proxy_get_property(bytes_ptr(path), len(path), slots, slots + 4)
    _errors.check_status(status, "proxy_get_property")
    return bytes_at(load_i32(slots), load_i32(slots + 4))


def get_property_map(path: bytes) -> list[tuple[str, str]]:
    """A map-valued property, decoded from its serialized pairs (abi.md §5.1)."""
    slots = alloc(8)
    status = _abi.proxy_get_property(bytes_ptr(path), len(path), slots, slots + 4)
    _errors.check_status(status, "proxy_get_property")
    return decode_map(load_i32(slots), load_i32(slots + 4))


def set_property(path: bytes, value: bytes) -> None:
    """Store `value` under `path` for the current stream."""
    status = _abi.proxy_set_property(bytes_ptr(path), len(path), bytes_ptr(value), len(value))
    _errors.check_status(status, "proxy_set_property")


# --- shared data and queues (abi.md §5.4, §5.5) ---------------------------------


def get_shared_data(key: str) -> tuple[bytes, int]:
    """The value of shared key `key` and its CAS token."""
    key_text = host_text(key)
    slots = alloc(12)
    status = _abi.proxy_get_shared_data(key_text, key_text >> 32, slots, slots + 4, slots + 8)
    _errors.check_status(status, "proxy_get_shared_data")
    return bytes_at(load_i32(slots), load_i32(slots + 4)), load_i32(slots + 8)


def set_shared_data(key: str, value: bytes, cas: int) -> None:
    """Write shared key `key`; a non-zero `cas` must match the stored token."""
    key_text = host_text(key)
    status = _abi.proxy_set_shared_data(key_text, key_text >> 32, bytes_ptr(value), len(value), cas)
    _errors.check_status(status, "proxy_set_shared_data")


def register_shared_queue(name: str) -> int:
    """The token of queue `name` of this VM; this plugin becomes its receiver."""
    name_text = host_text(name)
    slot = alloc(4)
    status = _abi.proxy_register_shared_queue(name_text, name_text >> 32, slot)
    _errors.check_status(status, "proxy_register_shared_queue")
    return load_i32(slot)


def resolve_shared_queue(vm_id: str, name: str) -> int:
    """The token of the queue `name` registered by VM `vm_id`."""
    vm_id_text = host_text(vm_id)
    name_text = host_text(name)
    slot = alloc(4)
    status = _abi.proxy_resolve_shared_queue(
        vm_id_text, vm_id_text >> 32, name_text, name_text >> 32, slot
    )
    _errors.check_status(status, "proxy_resolve_shared_queue")
    return load_i32(slot)


def enqueue_shared_queue(queue_id: int, data: bytes) -> None:
    status = _abi.proxy_enqueue_shared_queue(queue_id, bytes_ptr(data), len(data))
    _errors.check_status(status, "proxy_enqueue_shared_queue")


def dequeue_shared_queue(queue_id: int) -> bytes:
    slots = alloc(8)
    status = _abi.proxy_dequeue_shared_queue(queue_id, slots, slots + 4)
    _errors.check_status(status, "proxy_dequeue_shared_queue")
    return bytes_at(load_i32(slots), load_i32(slots + 4))


# --- metrics (abi.md §3.10) ---------------------------------------------------


def define_metric(kind: int, name: str) -> int:
    """The id of a new handle on the metric `name` of type `kind`."""
    name_text = host_text(name)
    slot = alloc(4)
    status = _abi.proxy_define_metric(kind, name_text, name_text >> 32, slot)
    _errors.check_status(status, "proxy_define_metric")
    return load_i32(slot)


def increment_metric(metric_id: int, offset: int) -> None:
    status = _abi.proxy_increment_metric(metric_id, offset)
    _errors.check_status(status, "proxy_increment_metric")


def record_metric(metric_id: int, value: int) -> None:
    status = _abi.proxy_record_metric(metric_id, value)
    _errors.check_status(status, "proxy_record_metric")


def get_metric(metric_id: int) -> int:
    slot = alloc(8)
    status = _abi.proxy_get_metric(metric_id, slot)
    _errors.check_status(status, "proxy_get_metric")
    return load_i64(slot)


# --- HTTP callouts (abi.md §3.6) -----------------------------------------------


def http_call(
    cluster: str,
    headers: list[tuple[str, str]],
    body: bytes,
    trailers: list[tuple[str, str]],
    timeout_milliseconds: int,
) -> int:
    """Send a request to `cluster`; the token its answer will carry."""
    cluster_text = host_text(cluster)
    encoded_headers = encode_map(headers)
    encoded_trailers = encode_map(trailers)
    slot = alloc(4)
    status = _abi.proxy_http_call(
        cluster_text,
        cluster_text >> 32,
        bytes_ptr(encoded_headers),
        len(encoded_headers),
        bytes_ptr(body),
        len(body),
        bytes_ptr(encoded_trailers),
        len(encoded_trailers),
        timeout_milliseconds,
        slot,
    )
    _errors.check_status(status, "proxy_http_call")
    return load_i32(slot)


# --- foreign functions (abi.md §3.11) -------------------------------------------


def call_foreign_function(name: str, argument: bytes) -> bytes:
    name_text = host_text(name)
    slots = alloc(8)
    status = _abi.proxy_call_foreign_function(
        name_text, name_text >> 32, bytes_ptr(argument), len(argument), slots, slots + 4
    )
    _errors.check_status(status, "proxy_call_foreign_function")
    return bytes_at(load_i32(slots), load_i32(slots + 4))
