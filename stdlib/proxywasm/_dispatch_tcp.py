"""The TCP (network filter) callbacks (abi.md §2.5), re-exported by `_dispatch`.

Envoy's order: new_connection, then downstream and upstream data
interleaved, upstream close (when the upstream data ends), downstream close,
then on_done, on_log (on_stream_done here) and on_delete.  An exception in a
data or new-connection callback closes the connection unless the plugin
fails open; one in a close callback is only logged (the connection is
closing anyway).
"""

from pwc_intrinsics import I32, export, region_enter, region_of

from proxywasm._contexts import TcpContext
from proxywasm._state import (
    FAILED_STREAMS,
    TCP_STREAMS,
    activate,
    fail_tcp,
    log_exception,
)
from proxywasm._types import Action, PeerType


def _unknown_connection(context_id: int) -> Action:
    """A callback for a connection without a context: its constructor raised
    (apply the failure policy once) or its plugin wanted no context."""
    # pop(k, 0), not pop(k, None): that would box the int outside any region.
    # 0 is no plugin context's id.
    plugin_context_id = FAILED_STREAMS.pop(context_id, 0)
    if plugin_context_id == 0:
        return Action.CONTINUE
    return fail_tcp(plugin_context_id)


def _peer_type(value: int) -> PeerType:
    if value == 1:
        return PeerType.LOCAL
    if value == 2:
        return PeerType.REMOTE
    return PeerType.UNKNOWN


_NEW_CONNECTION = 0
_DOWNSTREAM_DATA = 1
_UPSTREAM_DATA = 2


def _run(context_id: int, which: int, size: int, end_of_stream: int) -> Action:
    """Callback `which` of the connection's context, in its region, as the
    active context; an exception closes the connection (or fails open)."""
    context = TCP_STREAMS.get(context_id)
    if context is None:
        return _unknown_connection(context_id)
    outer = activate(context_id)
    previous = region_enter(region_of(context))
    action = Action.CONTINUE
    try:
        if which == _NEW_CONNECTION:
            action = context.on_new_connection()
        elif which == _DOWNSTREAM_DATA:
            action = context.on_downstream_data(size, end_of_stream != 0)
        else:
            action = context.on_upstream_data(size, end_of_stream != 0)
    except Exception as e:
        log_exception(e)
        action = fail_tcp(context._pwc_plugin_context_id)
    region_enter(previous)
    activate(outer)
    return action


@export("proxy_on_new_connection", if_overridden=TcpContext.on_new_connection)
def proxy_on_new_connection(context_id: I32) -> I32:
    return _run(context_id, _NEW_CONNECTION, 0, 0)


@export("proxy_on_downstream_data", if_overridden=TcpContext.on_downstream_data)
def proxy_on_downstream_data(context_id: I32, data_size: I32, end_of_stream: I32) -> I32:
    return _run(context_id, _DOWNSTREAM_DATA, data_size, end_of_stream)


@export("proxy_on_upstream_data", if_overridden=TcpContext.on_upstream_data)
def proxy_on_upstream_data(context_id: I32, data_size: I32, end_of_stream: I32) -> I32:
    return _run(context_id, _UPSTREAM_DATA, data_size, end_of_stream)


@export("proxy_on_downstream_connection_close", if_overridden=TcpContext.on_downstream_close)
def proxy_on_downstream_connection_close(context_id: I32, peer_type: I32) -> None:
    _closed(context_id, peer_type, False)


@export("proxy_on_upstream_connection_close", if_overridden=TcpContext.on_upstream_close)
def proxy_on_upstream_connection_close(context_id: I32, peer_type: I32) -> None:
    _closed(context_id, peer_type, True)


def _closed(context_id: int, peer_type: int, upstream: bool) -> None:
    """One side of the connection closed: tell its context, in its region."""
    context = TCP_STREAMS.get(context_id)
    if context is None:
        return
    outer = activate(context_id)
    previous = region_enter(region_of(context))
    try:
        if upstream:
            context.on_upstream_close(_peer_type(peer_type))
        else:
            context.on_downstream_close(_peer_type(peer_type))
    except Exception as e:
        log_exception(e)
    region_enter(previous)
    activate(outer)
