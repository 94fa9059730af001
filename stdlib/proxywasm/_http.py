"""HTTP stream host calls: headers, trailers, bodies, flow control, local replies.

They act on the stream whose callback is running (or the effective context).
Envoy's availability rules apply (abi.md §6.2): request headers can be read
and changed in on_http_request_headers and, later, only while the request is
still paused there; once the request continued they are gone.  Keys are
case-insensitive (the host lower-cases them).
"""

from proxywasm import _abi, _host

# --- request headers ---


def get_http_request_headers() -> list[tuple[str, str]]:
    """Every request header in order; empty when they are not available."""
    return _host.get_map(_abi.MAP_HTTP_REQUEST_HEADERS)


def replace_http_request_headers(headers: list[tuple[str, str]]) -> None:
    """Replace all request headers with `headers`."""
    _host.set_map(_abi.MAP_HTTP_REQUEST_HEADERS, headers)


def get_http_request_header(name: str) -> str | None:
    """The first value of the request header `name`, or None if it is absent."""
    return _host.get_map_value(_abi.MAP_HTTP_REQUEST_HEADERS, name)


def add_http_request_header(name: str, value: str) -> None:
    """Add a request header entry (a second one if `name` exists)."""
    _host.add_map_value(_abi.MAP_HTTP_REQUEST_HEADERS, name, value)


def replace_http_request_header(name: str, value: str) -> None:
    """Set the request header `name` to `value`, adding it if absent."""
    _host.replace_map_value(_abi.MAP_HTTP_REQUEST_HEADERS, name, value)


def remove_http_request_header(name: str) -> None:
    """Remove every request header called `name`."""
    _host.remove_map_value(_abi.MAP_HTTP_REQUEST_HEADERS, name)

# --- request trailers ---


def get_http_request_trailers() -> list[tuple[str, str]]:
    """Every request trailer in order; empty when they are not available."""
    return _host.get_map(_abi.MAP_HTTP_REQUEST_TRAILERS)


def replace_http_request_trailers(trailers: list[tuple[str, str]]) -> None:
    """Replace all request trailers with `trailers`."""
    _host.set_map(_abi.MAP_HTTP_REQUEST_TRAILERS, trailers)


def get_http_request_trailer(name: str) -> str | None:
    """The first value of the request trailer `name`, or None if it is absent."""
    return _host.get_map_value(_abi.MAP_HTTP_REQUEST_TRAILERS, name)


def add_http_request_trailer(name: str, value: str) -> None:
    """Add a request trailer entry (a second one if `name` exists)."""
    _host.add_map_value(_abi.MAP_HTTP_REQUEST_TRAILERS, name, value)


def replace_http_request_trailer(name: str, value: str) -> None:
    """Set the request trailer `name` to `value`, adding it if absent."""
    _host.replace_map_value(_abi.MAP_HTTP_REQUEST_TRAILERS, name, value)


def remove_http_request_trailer(name: str) -> None:
    """Remove every request trailer called `name`."""
    _host.remove_map_value(_abi.MAP_HTTP_REQUEST_TRAILERS, name)

# --- response headers ---


def get_http_response_headers() -> list[tuple[str, str]]:
    """Every response header in order; empty when they are not available."""
    return _host.get_map(_abi.MAP_HTTP_RESPONSE_HEADERS)


def replace_http_response_headers(headers: list[tuple[str, str]]) -> None:
    """Replace all response headers with `headers`."""
    _host.set_map(_abi.MAP_HTTP_RESPONSE_HEADERS, headers)


def get_http_response_header(name: str) -> str | None:
    """The first value of the response header `name`, or None if it is absent."""
    return _host.get_map_value(_abi.MAP_HTTP_RESPONSE_HEADERS, name)


def add_http_response_header(name: str, value: str) -> None:
    """Add a response header entry (a second one if `name` exists)."""
    _host.add_map_value(_abi.MAP_HTTP_RESPONSE_HEADERS, name, value)


def replace_http_response_header(name: str, value: str) -> None:
    """Set the response header `name` to `value`, adding it if absent."""
    _host.replace_map_value(_abi.MAP_HTTP_RESPONSE_HEADERS, name, value)


def remove_http_response_header(name: str) -> None:
    """Remove every response header called `name`."""
    _host.remove_map_value(_abi.MAP_HTTP_RESPONSE_HEADERS, name)

# --- response trailers ---


def get_http_response_trailers() -> list[tuple[str, str]]:
    """Every response trailer in order; empty when they are not available."""
    return _host.get_map(_abi.MAP_HTTP_RESPONSE_TRAILERS)


def replace_http_response_trailers(trailers: list[tuple[str, str]]) -> None:
    """Replace all response trailers with `trailers`."""
    _host.set_map(_abi.MAP_HTTP_RESPONSE_TRAILERS, trailers)


def get_http_response_trailer(name: str) -> str | None:
    """The first value of the response trailer `name`, or None if it is absent."""
    return _host.get_map_value(_abi.MAP_HTTP_RESPONSE_TRAILERS, name)


def add_http_response_trailer(name: str, value: str) -> None:
    """Add a response trailer entry (a second one if `name` exists)."""
    _host.add_map_value(_abi.MAP_HTTP_RESPONSE_TRAILERS, name, value)


def replace_http_response_trailer(name: str, value: str) -> None:
    """Set the response trailer `name` to `value`, adding it if absent."""
    _host.replace_map_value(_abi.MAP_HTTP_RESPONSE_TRAILERS, name, value)


def remove_http_response_trailer(name: str) -> None:
    """Remove every response trailer called `name`."""
    _host.remove_map_value(_abi.MAP_HTTP_RESPONSE_TRAILERS, name)

# --- request body ---


def get_http_request_body(start: int, max_size: int) -> bytes:
    """Up to `max_size` bytes of the buffered request body from `start`."""
    return _host.get_buffer(_abi.BUFFER_HTTP_REQUEST_BODY, start, max_size)


def append_http_request_body(data: bytes) -> None:
    """Add `data` after the buffered request body."""
    _host.set_buffer(_abi.BUFFER_HTTP_REQUEST_BODY, _abi.WHOLE_BUFFER, 0, data)


def prepend_http_request_body(data: bytes) -> None:
    """Add `data` before the buffered request body."""
    _host.set_buffer(_abi.BUFFER_HTTP_REQUEST_BODY, 0, 0, data)


def replace_http_request_body(data: bytes) -> None:
    """Replace the whole buffered request body with `data`."""
    _host.set_buffer(_abi.BUFFER_HTTP_REQUEST_BODY, 0, _abi.WHOLE_BUFFER, data)

# --- response body ---


def get_http_response_body(start: int, max_size: int) -> bytes:
    """Up to `max_size` bytes of the buffered response body from `start`."""
    return _host.get_buffer(_abi.BUFFER_HTTP_RESPONSE_BODY, start, max_size)


def append_http_response_body(data: bytes) -> None:
    """Add `data` after the buffered response body."""
    _host.set_buffer(_abi.BUFFER_HTTP_RESPONSE_BODY, _abi.WHOLE_BUFFER, 0, data)


def prepend_http_response_body(data: bytes) -> None:
    """Add `data` before the buffered response body."""
    _host.set_buffer(_abi.BUFFER_HTTP_RESPONSE_BODY, 0, 0, data)


def replace_http_response_body(data: bytes) -> None:
    """Replace the whole buffered response body with `data`."""
    _host.set_buffer(_abi.BUFFER_HTTP_RESPONSE_BODY, 0, _abi.WHOLE_BUFFER, data)

# --- flow control ---


def resume_http_request() -> None:
    """Continue a request paused earlier, once the current callback returns."""
    _host.continue_stream(_abi.STREAM_HTTP_REQUEST)


def resume_http_response() -> None:
    """Continue a response paused earlier, once the current callback returns."""
    _host.continue_stream(_abi.STREAM_HTTP_RESPONSE)


def send_http_response(
    status_code: int, headers: list[tuple[str, str]], body: bytes, grpc_status: int = -1
) -> None:
    """Answer the request locally instead of forwarding it.

    The reply is sent after the current callback returns (return
    Action.PAUSE from it); it then goes through this plugin's response
    callbacks.  `grpc_status` -1 means "not a gRPC reply".
    """
    _host.send_local_response(status_code, "", body, headers, grpc_status)
