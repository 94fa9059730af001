"""Numeric codes of the Proxy-Wasm ABI v0.2.1 as the host sees them (abi.md §4)."""

from __future__ import annotations

from enum import IntEnum


class Status(IntEnum):
    OK = 0
    NOT_FOUND = 1
    BAD_ARGUMENT = 2
    SERIALIZATION_FAILURE = 3
    PARSE_FAILURE = 4
    BAD_EXPRESSION = 5
    INVALID_MEMORY_ACCESS = 6
    EMPTY = 7
    CAS_MISMATCH = 8
    RESULT_MISMATCH = 9
    INTERNAL_FAILURE = 10
    BROKEN_CONNECTION = 11
    UNIMPLEMENTED = 12


class LogLevel(IntEnum):
    TRACE = 0
    DEBUG = 1
    INFO = 2
    WARN = 3
    ERROR = 4
    CRITICAL = 5


class MapType(IntEnum):
    HTTP_REQUEST_HEADERS = 0
    HTTP_REQUEST_TRAILERS = 1
    HTTP_RESPONSE_HEADERS = 2
    HTTP_RESPONSE_TRAILERS = 3
    GRPC_CALL_INITIAL_METADATA = 4
    GRPC_CALL_TRAILING_METADATA = 5
    HTTP_CALL_RESPONSE_HEADERS = 6
    HTTP_CALL_RESPONSE_TRAILERS = 7


class BufferType(IntEnum):
    HTTP_REQUEST_BODY = 0
    HTTP_RESPONSE_BODY = 1
    DOWNSTREAM_DATA = 2
    UPSTREAM_DATA = 3
    HTTP_CALL_RESPONSE_BODY = 4
    GRPC_CALL_MESSAGE = 5
    VM_CONFIGURATION = 6
    PLUGIN_CONFIGURATION = 7
    FOREIGN_FUNCTION_ARGUMENTS = 8


class PeerType(IntEnum):
    UNKNOWN = 0
    LOCAL = 1
    REMOTE = 2


class StreamType(IntEnum):
    HTTP_REQUEST = 0
    HTTP_RESPONSE = 1
    DOWNSTREAM = 2
    UPSTREAM = 3


class Callback:
    """Export names of the callbacks the host calls (abi.md §2.6)."""

    CONTEXT_CREATE = "proxy_on_context_create"
    VM_START = "proxy_on_vm_start"
    CONFIGURE = "proxy_on_configure"
    TICK = "proxy_on_tick"
    QUEUE_READY = "proxy_on_queue_ready"
    REQUEST_HEADERS = "proxy_on_request_headers"
    REQUEST_BODY = "proxy_on_request_body"
    REQUEST_TRAILERS = "proxy_on_request_trailers"
    RESPONSE_HEADERS = "proxy_on_response_headers"
    RESPONSE_BODY = "proxy_on_response_body"
    RESPONSE_TRAILERS = "proxy_on_response_trailers"
    LOG = "proxy_on_log"
    DONE = "proxy_on_done"
    DELETE = "proxy_on_delete"
    NEW_CONNECTION = "proxy_on_new_connection"
    DOWNSTREAM_DATA = "proxy_on_downstream_data"
    UPSTREAM_DATA = "proxy_on_upstream_data"
    DOWNSTREAM_CONNECTION_CLOSE = "proxy_on_downstream_connection_close"
    UPSTREAM_CONNECTION_CLOSE = "proxy_on_upstream_connection_close"
    HTTP_CALL_RESPONSE = "proxy_on_http_call_response"


# wasm signatures of the callbacks Envoy checks exactly at load (abi.md §1.1):
# export name -> (number of i32 parameters, has an i32 result).
CALLBACK_SIGNATURES: dict[str, tuple[int, bool]] = {
    "proxy_on_context_create": (2, False),
    "proxy_on_vm_start": (2, True),
    "proxy_on_configure": (2, True),
    "proxy_on_tick": (1, False),
    "proxy_on_new_connection": (1, True),
    "proxy_on_downstream_data": (3, True),
    "proxy_on_upstream_data": (3, True),
    "proxy_on_downstream_connection_close": (2, False),
    "proxy_on_upstream_connection_close": (2, False),
    "proxy_on_request_headers": (3, True),
    "proxy_on_request_body": (3, True),
    "proxy_on_request_trailers": (2, True),
    "proxy_on_response_headers": (3, True),
    "proxy_on_response_body": (3, True),
    "proxy_on_response_trailers": (2, True),
    "proxy_on_done": (1, True),
    "proxy_on_log": (1, False),
    "proxy_on_delete": (1, False),
    "proxy_on_http_call_response": (5, False),
    "proxy_on_grpc_receive_initial_metadata": (3, False),
    "proxy_on_grpc_receive": (3, False),
    "proxy_on_grpc_receive_trailing_metadata": (3, False),
    "proxy_on_grpc_close": (3, False),
    "proxy_on_queue_ready": (2, False),
    "proxy_on_foreign_function": (3, False),
    "proxy_on_memory_allocate": (1, True),
    "malloc": (1, True),
}

ABI_MARKERS = ("proxy_abi_version_0_2_1", "proxy_abi_version_0_2_0")
LEGACY_ABI_MARKER = "proxy_abi_version_0_1_0"

# Host calls allowed while the module's start functions run, and inside its
# allocator (abi.md §1.1 "Restricted phases"); WASI is checked separately.
ALLOWED_DURING_START = frozenset({"proxy_log"})
ALLOWED_IN_ALLOCATOR = frozenset({"proxy_log", "fd_write", "clock_time_get", "poll_oneoff"})
