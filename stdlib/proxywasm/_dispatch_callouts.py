"""The answer to an HTTP callout (abi.md §3.6), re-exported by `_dispatch`.

Envoy delivers every answer on the root context of the dispatching context.
The SDK finds the token's pending entry (`_state.register_callout`), makes
the dispatching context active again (the effective context for host calls,
its region for allocations) and runs the callback there, so a resume or a
local reply inside it acts on the waiting stream.  An answer whose stream
is gone (its entries were dropped at proxy_on_delete) is ignored, as is an
unknown token.  A callback that raises fails its stream as a stream
callback would; a root's is logged.
"""

from typing import Callable  # noqa: UP035 (the pwc dialect's spelling)

from pwc_intrinsics import I32, export, region_enter, region_of

from proxywasm import _host
from proxywasm._callouts import dispatch_http_call
from proxywasm._contexts import HttpContext, TcpContext
from proxywasm._errors import ProxyWasmError
from proxywasm._state import (
    HTTP_STREAMS,
    PLUGINS,
    STATE,
    TCP_STREAMS,
    enter_scratch,
    fail_http,
    fail_tcp,
    leave_scratch,
    log_exception,
)


# Exported only by programs that can make a callout at all.
@export("proxy_on_http_call_response", if_reachable=dispatch_http_call)
def proxy_on_http_call_response(
    plugin_context_id: I32, token: I32, num_headers: I32, body_size: I32, num_trailers: I32
) -> None:
    callouts = STATE.callouts
    if callouts is None:
        return
    callback = callouts.callbacks.get(token)
    if callback is None:
        return
    # get(k, default), not get(k): that would box the int outside any region.
    context_id = callouts.contexts.get(token, 0)
    # No longer pending while its callback runs; the region it holds (a root
    # callback's scratch region, where `callback` lives) is released after.
    held = callouts.untrack(token)
    if context_id in PLUGINS:
        _answer_root(context_id, callback, num_headers, body_size, num_trailers)
    else:
        http = HTTP_STREAMS.get(context_id)
        if http is not None:
            _answer_http(http, context_id, callback, num_headers, body_size, num_trailers)
        else:
            tcp = TCP_STREAMS.get(context_id)
            if tcp is not None:
                _answer_tcp(tcp, context_id, callback, num_headers, body_size, num_trailers)
    callouts.release(held)


def _switch_to(context_id: int) -> bool:
    """Make the waiting stream the effective context for host calls."""
    try:
        _host.set_effective_context(context_id)
    except ProxyWasmError:
        return False  # the host no longer knows the stream: drop the answer
    return True


def _answer_root(
    context_id: int,
    callback: Callable[[int, int, int], None],
    num_headers: int,
    body_size: int,
    num_trailers: int,
) -> None:
    outer = STATE.active_context_id
    STATE.active_context_id = context_id
    previous = enter_scratch()
    try:
        callback(num_headers, body_size, num_trailers)
    except Exception as e:
        log_exception(e)
    leave_scratch(previous)
    STATE.active_context_id = outer


def _answer_http(
    context: HttpContext,
    context_id: int,
    callback: Callable[[int, int, int], None],
    num_headers: int,
    body_size: int,
    num_trailers: int,
) -> None:
    outer = STATE.active_context_id
    STATE.active_context_id = context_id
    previous = region_enter(region_of(context))
    if _switch_to(context_id):
        try:
            callback(num_headers, body_size, num_trailers)
        except Exception as e:
            log_exception(e)
            fail_http(context._pwc_plugin_context_id, context._pwc_response_started)
    region_enter(previous)
    STATE.active_context_id = outer


def _answer_tcp(
    context: TcpContext,
    context_id: int,
    callback: Callable[[int, int, int], None],
    num_headers: int,
    body_size: int,
    num_trailers: int,
) -> None:
    outer = STATE.active_context_id
    STATE.active_context_id = context_id
    previous = region_enter(region_of(context))
    if _switch_to(context_id):
        try:
            callback(num_headers, body_size, num_trailers)
        except Exception as e:
            log_exception(e)
            fail_tcp(context._pwc_plugin_context_id)
    region_enter(previous)
    STATE.active_context_id = outer
