"""The answer to an HTTP callout (abi.md §3.6), re-exported by `_dispatch`.

Envoy delivers every answer on the root context of the dispatching context.
The SDK finds the token's pending entry (`_state.register_callout`), makes
the dispatching context active again (the effective context for host calls,
its region for allocations) and runs the callback there, so a resume or a
local reply inside it acts on the waiting stream.  An answer whose stream
is gone (its callouts were dropped at proxy_on_delete) is ignored, as is an
unknown token.  A callback that raises fails its stream as a stream
callback would; a root's is logged.
"""

from typing import Callable  # noqa: UP035 (the pwc dialect's spelling)

from pwc_intrinsics import I32, export, overridden, region_enter, region_of

from proxywasm import _host, _state
from proxywasm._callouts import dispatch_http_call
from proxywasm._contexts import PluginContext
from proxywasm._state import (
    HTTP_STREAMS,
    PLUGINS,
    TCP_STREAMS,
    activate,
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
    callouts = _state.callouts
    if callouts is None:
        return
    # No longer pending while its callback runs.
    callout = callouts.pending.pop(token, None)
    if callout is None:
        return
    context_id, callback = callout
    outer = activate(context_id)
    if PLUGINS.get(context_id) is not None:
        # The callback lives in the scratch region of the callback that
        # dispatched it: kept until it returns, then released.
        callouts.answering = region_of(callout)
        previous = enter_scratch()
        _run(callback, num_headers, body_size, num_trailers)
        leave_scratch(previous)
        callouts.answering = 0
        callouts.release(callout)
    else:
        http = HTTP_STREAMS.get(context_id)
        if http is not None:
            previous = region_enter(region_of(http))
            # The waiting stream acts for the host calls; a stream the host
            # no longer knows drops the answer.
            if _host.switch_effective_context(context_id):
                if not _run(callback, num_headers, body_size, num_trailers):
                    fail_http(http._pwc_plugin_context_id, http._pwc_response_started)
            region_enter(previous)
        elif overridden(PluginContext.new_tcp_context):
            tcp = TCP_STREAMS.get(context_id)
            if tcp is not None:
                previous = region_enter(region_of(tcp))
                if _host.switch_effective_context(context_id):
                    if not _run(callback, num_headers, body_size, num_trailers):
                        fail_tcp(tcp._pwc_plugin_context_id)
                region_enter(previous)
    activate(outer)


def _run(
    callback: Callable[[int, int, int], None], num_headers: int, body_size: int, num_trailers: int
) -> bool:
    """Run a callout's callback; False if it raised (the exception is logged)."""
    try:
        callback(num_headers, body_size, num_trailers)
    except Exception as e:
        log_exception(e)
        return False
    return True
