"""The HTTP stream callbacks (abi.md §2.4), re-exported by `_dispatch`.

Each runs the stream context's method in the stream's region with the
stream as the active context, and applies the failure policy of `_state`
to an exception.  A callback for a stream without a context (its plugin
made none, or the constructor raised) continues, or fails the stream once.
"""

from pwc_intrinsics import I32, export, region_enter, region_of

from proxywasm._contexts import HttpContext
from proxywasm._state import FAILED_STREAMS, HTTP_STREAMS, activate, fail_http, log_exception
from proxywasm._types import Action


def _unknown_stream(context_id: int) -> Action:
    """A stream callback for an id without a context: either its constructor
    raised (apply the failure policy once) or its plugin wanted no context."""
    # pop(k, 0), not pop(k, None): that would box the int outside any region.
    # 0 is no plugin context's id.
    plugin_context_id = FAILED_STREAMS.pop(context_id, 0)
    if plugin_context_id == 0:
        return Action.CONTINUE
    return fail_http(plugin_context_id, False)


# Which callback `_run` runs (an int, not a bound method: no closure is
# allocated per callback).
_REQUEST_HEADERS = 0
_REQUEST_BODY = 1
_REQUEST_TRAILERS = 2
_RESPONSE_HEADERS = 3
_RESPONSE_BODY = 4
_RESPONSE_TRAILERS = 5


def _run(context_id: int, which: int, size: int, end_of_stream: int) -> Action:
    """Callback `which` of the stream's context, in the stream's region with the
    stream as the active context, under the failure policy."""
    context = HTTP_STREAMS.get(context_id)
    if context is None:
        return _unknown_stream(context_id)
    # Once response data flows, a failure resets the stream instead of
    # replying.  (`which >= _RESPONSE_BODY` written out, not held in a local:
    # the compiler decides it where `which` is a constant, and a plugin with
    # no response body or trailers callback then links no stream reset.)
    if which >= _RESPONSE_BODY:
        context._pwc_response_started = True
    outer = activate(context_id)
    previous = region_enter(region_of(context))
    eos = end_of_stream != 0
    action = Action.CONTINUE
    try:
        if which == _REQUEST_HEADERS:
            action = context.on_http_request_headers(size, eos)
        elif which == _REQUEST_BODY:
            action = context.on_http_request_body(size, eos)
        elif which == _REQUEST_TRAILERS:
            action = context.on_http_request_trailers(size)
        elif which == _RESPONSE_HEADERS:
            action = context.on_http_response_headers(size, eos)
        elif which == _RESPONSE_BODY:
            action = context.on_http_response_body(size, eos)
        else:
            action = context.on_http_response_trailers(size)
    except Exception as e:
        log_exception(e)
        action = fail_http(context._pwc_plugin_context_id, which >= _RESPONSE_BODY)
    region_enter(previous)
    activate(outer)
    return action


@export("proxy_on_request_headers", if_overridden=HttpContext.on_http_request_headers)
def proxy_on_request_headers(context_id: I32, num_headers: I32, end_of_stream: I32) -> I32:
    return _run(context_id, _REQUEST_HEADERS, num_headers, end_of_stream)


@export("proxy_on_request_body", if_overridden=HttpContext.on_http_request_body)
def proxy_on_request_body(context_id: I32, body_size: I32, end_of_stream: I32) -> I32:
    return _run(context_id, _REQUEST_BODY, body_size, end_of_stream)


@export("proxy_on_request_trailers", if_overridden=HttpContext.on_http_request_trailers)
def proxy_on_request_trailers(context_id: I32, num_trailers: I32) -> I32:
    return _run(context_id, _REQUEST_TRAILERS, num_trailers, 0)


@export("proxy_on_response_headers", if_overridden=HttpContext.on_http_response_headers)
def proxy_on_response_headers(context_id: I32, num_headers: I32, end_of_stream: I32) -> I32:
    # Nothing has gone downstream yet: a failure's local reply replaces the response.
    return _run(context_id, _RESPONSE_HEADERS, num_headers, end_of_stream)


@export("proxy_on_response_body", if_overridden=HttpContext.on_http_response_body)
def proxy_on_response_body(context_id: I32, body_size: I32, end_of_stream: I32) -> I32:
    return _run(context_id, _RESPONSE_BODY, body_size, end_of_stream)


@export("proxy_on_response_trailers", if_overridden=HttpContext.on_http_response_trailers)
def proxy_on_response_trailers(context_id: I32, num_trailers: I32) -> I32:
    return _run(context_id, _RESPONSE_TRAILERS, num_trailers, 0)
