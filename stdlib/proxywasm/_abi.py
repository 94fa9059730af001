# mypy: disable-error-code="empty-body"
"""The raw Proxy-Wasm ABI v0.2.1: host imports and numeric codes (abi.md §3, §4).

Only `proxywasm._host` calls these imports.  Every parameter is a wasm i32
(pointers, sizes, enums); every function returns an i32 status.  Under
CPython the imports are unavailable: `pwc.testing` replaces `_host` instead.
(The first line tells mypy that `...` bodies are declarations, as in a stub.)
"""

from pwc_intrinsics import I32, host_import

# --- status codes (abi.md §4.1) ------------------------------------------------
STATUS_OK: int = 0
STATUS_NOT_FOUND: int = 1
STATUS_BAD_ARGUMENT: int = 2
STATUS_SERIALIZATION_FAILURE: int = 3
STATUS_PARSE_FAILURE: int = 4
STATUS_BAD_EXPRESSION: int = 5
STATUS_INVALID_MEMORY_ACCESS: int = 6
STATUS_EMPTY: int = 7
STATUS_CAS_MISMATCH: int = 8
STATUS_RESULT_MISMATCH: int = 9
STATUS_INTERNAL_FAILURE: int = 10
STATUS_BROKEN_CONNECTION: int = 11
STATUS_UNIMPLEMENTED: int = 12

# --- log levels (§4.3) ---------------------------------------------------------
LOG_TRACE: int = 0
LOG_DEBUG: int = 1
LOG_INFO: int = 2
LOG_WARN: int = 3
LOG_ERROR: int = 4
LOG_CRITICAL: int = 5

# --- header map types (§4.4) ---------------------------------------------------
MAP_HTTP_REQUEST_HEADERS: int = 0
MAP_HTTP_REQUEST_TRAILERS: int = 1
MAP_HTTP_RESPONSE_HEADERS: int = 2
MAP_HTTP_RESPONSE_TRAILERS: int = 3
MAP_HTTP_CALL_RESPONSE_HEADERS: int = 6
MAP_HTTP_CALL_RESPONSE_TRAILERS: int = 7

# --- buffer types (§4.5) -------------------------------------------------------
BUFFER_HTTP_REQUEST_BODY: int = 0
BUFFER_HTTP_RESPONSE_BODY: int = 1
BUFFER_DOWNSTREAM_DATA: int = 2
BUFFER_UPSTREAM_DATA: int = 3
BUFFER_HTTP_CALL_RESPONSE_BODY: int = 4
BUFFER_VM_CONFIGURATION: int = 6
BUFFER_PLUGIN_CONFIGURATION: int = 7

# --- stream types (§4.6) -------------------------------------------------------
STREAM_HTTP_REQUEST: int = 0
STREAM_HTTP_RESPONSE: int = 1
STREAM_DOWNSTREAM: int = 2
STREAM_UPSTREAM: int = 3

# --- metric types (§4.8) -------------------------------------------------------
METRIC_COUNTER: int = 0
METRIC_GAUGE: int = 1
METRIC_HISTOGRAM: int = 2

# Envoy clamps a buffer read to what is there, and a write starting at or past
# the end appends; this is the "whole buffer" size the SDK passes (a u32 that
# stays positive as an i32, in case a host compares signed).
WHOLE_BUFFER: int = 0x7FFFFFFF

# gRPC status "none" for proxy_send_local_response (§4.10).
GRPC_STATUS_NONE: int = -1


@host_import("env", "proxy_log")
def proxy_log(level: I32, message_data: I32, message_size: I32) -> I32:
    ...


@host_import("env", "proxy_get_current_time_nanoseconds")
def proxy_get_current_time_nanoseconds(return_time: I32) -> I32:
    ...


@host_import("env", "proxy_set_tick_period_milliseconds")
def proxy_set_tick_period_milliseconds(period: I32) -> I32:
    ...


@host_import("env", "proxy_get_buffer_bytes")
def proxy_get_buffer_bytes(
    buffer_type: I32, start: I32, max_size: I32, return_data: I32, return_size: I32
) -> I32:
    ...


@host_import("env", "proxy_set_buffer_bytes")
def proxy_set_buffer_bytes(
    buffer_type: I32, start: I32, size: I32, data: I32, data_size: I32
) -> I32:
    ...


@host_import("env", "proxy_get_header_map_pairs")
def proxy_get_header_map_pairs(map_type: I32, return_data: I32, return_size: I32) -> I32:
    ...


@host_import("env", "proxy_set_header_map_pairs")
def proxy_set_header_map_pairs(map_type: I32, data: I32, size: I32) -> I32:
    ...


@host_import("env", "proxy_get_header_map_value")
def proxy_get_header_map_value(
    map_type: I32, key_data: I32, key_size: I32, return_data: I32, return_size: I32
) -> I32:
    ...


@host_import("env", "proxy_add_header_map_value")
def proxy_add_header_map_value(
    map_type: I32, key_data: I32, key_size: I32, value_data: I32, value_size: I32
) -> I32:
    ...


@host_import("env", "proxy_replace_header_map_value")
def proxy_replace_header_map_value(
    map_type: I32, key_data: I32, key_size: I32, value_data: I32, value_size: I32
) -> I32:
    ...


@host_import("env", "proxy_remove_header_map_value")
def proxy_remove_header_map_value(map_type: I32, key_data: I32, key_size: I32) -> I32:
    ...


@host_import("env", "proxy_continue_stream")
def proxy_continue_stream(stream_type: I32) -> I32:
    ...


@host_import("env", "proxy_close_stream")
def proxy_close_stream(stream_type: I32) -> I32:
    ...


@host_import("env", "proxy_send_local_response")
def proxy_send_local_response(
    status_code: I32,
    details_data: I32,
    details_size: I32,
    body_data: I32,
    body_size: I32,
    headers_data: I32,
    headers_size: I32,
    grpc_status: I32,
) -> I32:
    ...


@host_import("env", "proxy_set_effective_context")
def proxy_set_effective_context(context_id: I32) -> I32:
    ...


@host_import("env", "proxy_done")
def proxy_done() -> I32:
    ...


@host_import("env", "proxy_get_log_level")
def proxy_get_log_level(return_level: I32) -> I32:
    ...


@host_import("env", "proxy_get_property")
def proxy_get_property(
    path_data: I32, path_size: I32, return_data: I32, return_size: I32
) -> I32:
    ...


@host_import("env", "proxy_set_property")
def proxy_set_property(path_data: I32, path_size: I32, value_data: I32, value_size: I32) -> I32:
    ...


@host_import("env", "proxy_get_shared_data")
def proxy_get_shared_data(
    key_data: I32, key_size: I32, return_data: I32, return_size: I32, return_cas: I32
) -> I32:
    ...


@host_import("env", "proxy_set_shared_data")
def proxy_set_shared_data(
    key_data: I32, key_size: I32, value_data: I32, value_size: I32, cas: I32
) -> I32:
    ...


@host_import("env", "proxy_register_shared_queue")
def proxy_register_shared_queue(name_data: I32, name_size: I32, return_id: I32) -> I32:
    ...


@host_import("env", "proxy_resolve_shared_queue")
def proxy_resolve_shared_queue(
    vm_id_data: I32, vm_id_size: I32, name_data: I32, name_size: I32, return_id: I32
) -> I32:
    ...


@host_import("env", "proxy_enqueue_shared_queue")
def proxy_enqueue_shared_queue(queue_id: I32, value_data: I32, value_size: I32) -> I32:
    ...


@host_import("env", "proxy_dequeue_shared_queue")
def proxy_dequeue_shared_queue(queue_id: I32, return_data: I32, return_size: I32) -> I32:
    ...


@host_import("env", "proxy_define_metric")
def proxy_define_metric(
    metric_type: I32, name_data: I32, name_size: I32, return_id: I32
) -> I32:
    ...


# The only i64 parameters of the ABI: a plain `int` is a wasm i64.
@host_import("env", "proxy_increment_metric")
def proxy_increment_metric(metric_id: I32, offset: int) -> I32:
    ...


@host_import("env", "proxy_record_metric")
def proxy_record_metric(metric_id: I32, value: int) -> I32:
    ...


@host_import("env", "proxy_get_metric")
def proxy_get_metric(metric_id: I32, return_value: I32) -> I32:
    ...


@host_import("env", "proxy_http_call")
def proxy_http_call(
    cluster_data: I32,
    cluster_size: I32,
    headers_data: I32,
    headers_size: I32,
    body_data: I32,
    body_size: I32,
    trailers_data: I32,
    trailers_size: I32,
    timeout_milliseconds: I32,
    return_token: I32,
) -> I32:
    ...


@host_import("env", "proxy_call_foreign_function")
def proxy_call_foreign_function(
    name_data: I32,
    name_size: I32,
    argument_data: I32,
    argument_size: I32,
    return_data: I32,
    return_size: I32,
) -> I32:
    ...
