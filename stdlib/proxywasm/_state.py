"""The SDK's state in one VM and the policies applied at the ABI boundary.

The variables below are the only mutable module state of the SDK: the VM
context, every live context by id, the pending HTTP callouts, and which
context's callback is running.  The `_dispatch*` modules read
and update them; nothing else does.

Exceptions.  Nothing escapes an export: an exception from plugin code is
logged at error level as `<Type>: <message> (<file>:<line> in <function>)`,
then an HTTP stream fails closed (local 500, or a reset once the response
has started), a TCP connection is closed, unless the stream's plugin context
set `fail_open`; a root callback reports failure.
"""

from typing import Callable  # noqa: UP035 (the pwc dialect's spelling)

from pwc_intrinsics import (
    Registry,
    exception_location,
    overridden,
    region_enter,
    region_free,
    region_new,
    region_of,
)

from proxywasm import _abi, _host
from proxywasm._contexts import HttpContext, PluginContext, TcpContext, VMContext
from proxywasm._types import Action

# Status of the local reply sent when a stream callback raised.
FAILURE_STATUS_CODE: int = 500
FAILURE_DETAILS: str = "plugin_raised_exception"


# The SDK's scalars and the VM context are module variables, not fields of
# one state object: a global is cheaper to reach than a field, and needs no
# class and no constructor.  Other modules read them as `_state.<name>` and
# change them through the functions below (pwc assigns only a module's own
# variables).

# The plugin's VM context (set_vm_context); None: the plugin set none, and
# its plugin contexts are the base class's.  (Not a base VMContext: an
# instance would make every call on the VM context a virtual call.)
vm_context: VMContext | None = None
# The context whose callback is running (0 outside callbacks).  A callout
# belongs to it, whatever set_effective_context said.
active_context_id: int = 0

# The context tables, module constants (only their contents change).  The
# VM region is theirs: `region_of(PLUGINS)` names it.
PLUGINS: dict[int, PluginContext] = {}
# Stream contexts live in their own regions: the registry's stores must
# not copy them into the VM region.
HTTP_STREAMS: Registry[HttpContext] = Registry()
TCP_STREAMS: Registry[TcpContext] = Registry()
# Streams whose context constructor raised: id -> plugin context id.
FAILED_STREAMS: dict[int, int] = {}


def set_vm_context(context: VMContext) -> None:
    """Install the plugin's VM context; call it once, at module level."""
    global vm_context
    vm_context = context


def activate(context_id: int) -> int:
    """Make `context_id` the active context; the one it replaces, which the
    caller makes active again before it returns."""
    global active_context_id
    outer = active_context_id
    active_context_id = context_id
    return outer


# --- scratch regions of root callbacks ----------------------------------------


def enter_scratch() -> int:
    """Run a root callback in a fresh region; returns the region to go back to."""
    return region_enter(region_new(False))


def leave_scratch(previous: int) -> None:
    """Back to `previous`; the scratch region is freed unless a callout made
    in it is pending (then the last answer frees it)."""
    scratch = region_enter(previous)
    pending = callouts
    # A lone None test, which the compiler decides in a module that makes
    # no callout: it links no `find`.
    if pending is None:
        region_free(scratch)
    elif pending.find(-1, scratch) < 0:
        region_free(scratch)


# --- callouts -----------------------------------------------------------------


class PendingCallouts:
    """The HTTP callouts waiting for their answers, by token.

    A pending callout is a tuple (the context that dispatched it, the
    callback to run when it answers): built inline, it needs no class and
    no constructor.  It is made where its dispatcher runs, as the callback
    is: in a stream's region, in the VM region (a plugin context's
    constructor), or in a root callback's scratch region, which it then
    keeps ("holds") until it is answered or dropped.

    Made by the first callout: a module that never makes one creates no
    such table, and has none of these methods compiled in (no instance,
    no call).  A Registry does not copy its values, so each callout stays
    in the region it was made in; a stream's are removed before that
    region is freed.  Which callouts hold a scratch region is found by
    looking at the few pending ones, not counted.

    The table is read with get(k, default) and emptied with pop(k, default),
    never `d[k]` or `del d[k]`: a KeyError would link KeyError and repr()
    into every module that makes callouts.
    """

    def __init__(self) -> None:
        self.pending: Registry[tuple[int, Callable[[int, int, int], None]]] = Registry()
        # The scratch region of the root callout whose answer is running
        # (0: none): no longer pending, but its callback runs from there.
        self.answering: int = 0

    def release(self, callout: tuple[int, Callable[[int, int, int], None]] | None) -> None:
        """`callout` (None: none) is no longer pending: a root's scratch
        region it was made in is freed with the last callout living there,
        once no answer runs from it (a stream's region is its stream's, the
        VM region stays)."""
        if callout is not None:
            region = region_of(callout)
            if (
                PLUGINS.get(callout[0]) is not None
                and region != region_of(PLUGINS)
                and region != self.answering
                and self.find(-1, region) < 0
            ):
                region_free(region)

    def find(self, context_id: int, region: int) -> int:
        """The token of a pending callout of `context_id` or made in `region`
        (-1 is neither); -1 if there is none.  One loop for both questions:
        each loop over a dict links its own size check."""
        for token, callout in self.pending.items():
            if callout[0] == context_id or region_of(callout) == region:
                return token
        return -1


# The pending callouts; None until the first one (in a module that makes
# none, always).
callouts: PendingCallouts | None = None


def register_callout(token: int, callback: Callable[[int, int, int], None]) -> None:
    """Remember whose callout `token` is, to run `callback` when it answers."""
    global callouts
    pending = callouts
    if pending is None:
        # Made in the VM region, where the tables are: storing it copies nothing.
        previous = region_enter(region_of(PLUGINS))
        pending = PendingCallouts()
        callouts = pending
        region_enter(previous)
    # Envoy never hands out a token that is still pending.  A host that did
    # would orphan the earlier callout (its region held for ever): it is
    # dropped, its hold released once the new one holds its own (it may be
    # the same region).
    stale = pending.pending.pop(token, None)
    pending.pending[token] = (active_context_id, callback)
    pending.release(stale)


def forget_callouts_of(context_id: int) -> None:
    """Drop the pending callouts of a context about to be deleted: their
    answers will be ignored (and the scratch regions only they held are
    freed)."""
    pending = callouts
    if pending is not None:  # (no `return`: the compiler decides only the branch)
        while True:
            token = pending.find(context_id, -1)
            if token < 0:
                break
            pending.release(pending.pending.pop(token, None))


# --- error policy -------------------------------------------------------------


def log_exception(e: Exception) -> None:
    message = str(e)
    if message:
        # Like CPython's traceback: a colon only before a message.
        message = ": " + message
    _host.log(_abi.LOG_ERROR, f"{type(e).__name__}{message} ({exception_location(e)})")


def fails_open(plugin_context_id: int) -> bool:
    plugin = PLUGINS.get(plugin_context_id)
    if plugin is None:
        return False
    return plugin.fail_open


def fail_http(plugin_context_id: int, response_started: bool) -> Action:
    """Apply the plugin's failure policy to the current HTTP stream; the
    action to return."""
    if fails_open(plugin_context_id):
        return Action.CONTINUE
    try:
        # Only a response body or trailers callback starts the response: a
        # plugin with neither links no stream reset.  (Nested, not `and`:
        # the compiler drops a branch only where the test alone is decided.)
        if overridden(HttpContext.on_http_response_body, HttpContext.on_http_response_trailers):
            if response_started:
                _host.close_stream(_abi.STREAM_HTTP_RESPONSE)
                return Action.PAUSE
        _host.send_local_response(
            FAILURE_STATUS_CODE, FAILURE_DETAILS, b"", None, _abi.GRPC_STATUS_NONE
        )
    except Exception as e:
        log_exception(e)
    return Action.PAUSE


def fail_tcp(plugin_context_id: int) -> Action:
    """Apply the plugin's failure policy to the current TCP connection."""
    if fails_open(plugin_context_id):
        return Action.CONTINUE
    try:
        _host.close_stream(_abi.STREAM_DOWNSTREAM)
    except Exception as e:
        log_exception(e)
    return Action.PAUSE

