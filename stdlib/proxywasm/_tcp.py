"""TCP (network filter) host calls: the data buffers and the connection.

The downstream buffer holds the bytes the client sent and is readable and
writable only in on_downstream_data; the upstream buffer, the bytes the
backend sent, only in on_upstream_data (elsewhere they raise NotFoundError).
When a data callback returns Action.PAUSE the bytes stay buffered and the
next call sees them followed by the new ones.
"""

from proxywasm import _abi, _host

# --- downstream data (client -> proxy) ---


def get_downstream_data(start: int, max_size: int) -> bytes:
    """Up to `max_size` bytes of the buffered downstream data from `start`."""
    return _host.get_buffer(_abi.BUFFER_DOWNSTREAM_DATA, start, max_size)


def append_downstream_data(data: bytes) -> None:
    """Add `data` after the buffered downstream data."""
    _host.set_buffer(_abi.BUFFER_DOWNSTREAM_DATA, _abi.WHOLE_BUFFER, 0, data)


def prepend_downstream_data(data: bytes) -> None:
    """Add `data` before the buffered downstream data."""
    _host.set_buffer(_abi.BUFFER_DOWNSTREAM_DATA, 0, 0, data)


def replace_downstream_data(data: bytes) -> None:
    """Replace all the buffered downstream data with `data`."""
    _host.set_buffer(_abi.BUFFER_DOWNSTREAM_DATA, 0, _abi.WHOLE_BUFFER, data)

# --- upstream data (backend -> proxy) ---


def get_upstream_data(start: int, max_size: int) -> bytes:
    """Up to `max_size` bytes of the buffered upstream data from `start`."""
    return _host.get_buffer(_abi.BUFFER_UPSTREAM_DATA, start, max_size)


def append_upstream_data(data: bytes) -> None:
    """Add `data` after the buffered upstream data."""
    _host.set_buffer(_abi.BUFFER_UPSTREAM_DATA, _abi.WHOLE_BUFFER, 0, data)


def prepend_upstream_data(data: bytes) -> None:
    """Add `data` before the buffered upstream data."""
    _host.set_buffer(_abi.BUFFER_UPSTREAM_DATA, 0, 0, data)


def replace_upstream_data(data: bytes) -> None:
    """Replace all the buffered upstream data with `data`."""
    _host.set_buffer(_abi.BUFFER_UPSTREAM_DATA, 0, _abi.WHOLE_BUFFER, data)

# --- the connection ---


def continue_tcp_stream() -> None:
    """Resume a connection whose downstream data callback returned Action.PAUSE.

    Envoy resumes reading the downstream side once the current callback
    returns; the upstream side cannot be resumed.
    """
    _host.continue_stream(_abi.STREAM_DOWNSTREAM)


def close_downstream() -> None:
    """Close the client connection (after flushing what was written)."""
    _host.close_stream(_abi.STREAM_DOWNSTREAM)


def close_upstream() -> None:
    """Close the connection from the upstream side of the filter.

    In Envoy both sides of a network filter share the client connection,
    so this closes it as close_downstream does.
    """
    _host.close_stream(_abi.STREAM_UPSTREAM)
