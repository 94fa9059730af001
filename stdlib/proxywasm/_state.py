"""The SDK's state in one VM and the policies applied at the ABI boundary.

`STATE` and the tables below it are the only mutable module state of the
SDK: the VM context, every live context by id, the pending HTTP callouts,
and which context's callback is running.  The `_dispatch*` modules read
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


class DispatchState:
    """The SDK's scalars: which contexts are running or being made."""

    def __init__(self) -> None:
        self.vm_context: VMContext = VMContext()
        # The context whose callback is running (0 outside callbacks).  A
        # callout belongs to it, whatever set_effective_context said.
        self.active_context_id: int = 0
        # The plugin context whose constructor is running (0 when none): it
        # is not in `PLUGINS` yet, but its callouts are a root's.
        self.creating_plugin_id: int = 0
        # The highest context id created so far: a higher one is new for sure.
        self.highest_context_id: int = 0
        # `forget_callouts`, installed by the first callout: reached only
        # through this value, the callout bookkeeping is not compiled into
        # a module that never makes a callout.
        self.forget_callouts: Callable[[int], None] | None = None


STATE = DispatchState()

# The tables, module constants (only their contents change): a global is
# cheaper to reach than a field of STATE, and to create.
PLUGINS: dict[int, PluginContext] = {}
# Stream contexts live in their own regions: the registry's stores must
# not copy them into the VM region.
HTTP_STREAMS: Registry[HttpContext] = Registry()
TCP_STREAMS: Registry[TcpContext] = Registry()
# Streams whose context constructor raised: id -> plugin context id.
FAILED_STREAMS: dict[int, int] = {}
# Pending HTTP callouts by token: the context that dispatched each, and its
# callback, which stays where it was made (a Registry does not copy it).  A
# stream's lives in the stream's region; its entries are removed before that
# region is freed.  A root callback's lives in the callback's scratch region,
# which is then kept ("held") until its last callout is answered, instead of
# freed on return.
CALLOUT_CONTEXTS: dict[int, int] = {}
CALLOUTS: Registry[Callable[[int, int, int], None]] = Registry()
# token -> the scratch region it holds; region -> callouts holding it.
CALLOUT_REGIONS: dict[int, int] = {}
HELD_REGIONS: dict[int, int] = {}


def set_vm_context(context: VMContext) -> None:
    """Install the plugin's VM context; call it once, at module level."""
    STATE.vm_context = context


# --- scratch regions of root callbacks ----------------------------------------


def enter_scratch() -> int:
    """Run a root callback in a fresh region; returns the region to go back to."""
    return region_enter(region_new(False))


def leave_scratch(previous: int) -> None:
    """Back to `previous`; the scratch region is freed unless a callout made
    in it is pending (then the last answer frees it)."""
    scratch = region_enter(previous)
    if scratch not in HELD_REGIONS:
        region_free(scratch)


def current_region() -> int:
    here = region_enter(region_of(STATE))
    region_enter(here)
    return here


# --- callouts -----------------------------------------------------------------


def register_callout(token: int, callback: Callable[[int, int, int], None]) -> None:
    """Remember whose callout `token` is, to run `callback` when it answers."""
    if STATE.forget_callouts is None:
        STATE.forget_callouts = forget_callouts
    # Envoy never hands out a token that is still pending.  A host that did
    # would orphan the earlier callout's hold on its region (a leak): that
    # callout is dropped, its hold released after the new one is taken (it
    # may be on the same region).
    stale = 0
    if token in CALLOUT_CONTEXTS:
        stale = untrack_callout(token)
    context_id = STATE.active_context_id
    CALLOUT_CONTEXTS[token] = context_id
    CALLOUTS[token] = callback
    if context_id in PLUGINS or context_id == STATE.creating_plugin_id:
        region = current_region()
        if region != region_of(STATE):  # a constructor's is the VM region itself
            CALLOUT_REGIONS[token] = region
            HELD_REGIONS[region] = HELD_REGIONS.get(region, 0) + 1
    release_region(stale)


# The SDK's tables are read with get(k, default) and emptied with
# pop(k, default), never `d[k]` or `del d[k]`: a KeyError would link KeyError
# and repr() into every module.


def untrack_callout(token: int) -> int:
    """Forget `token`'s entries.  Returns the region it held (0 if none),
    still held: the caller releases it once no code runs in it."""
    CALLOUT_CONTEXTS.pop(token, 0)
    CALLOUTS.pop(token, None)
    return CALLOUT_REGIONS.pop(token, 0)


def take_callout(token: int) -> None:
    """Forget an abandoned callout and release what it held."""
    release_region(untrack_callout(token))


def release_region(region: int) -> None:
    """One callout less holds `region` (0: none): free it with the last."""
    if region == 0:
        return
    held = HELD_REGIONS.pop(region, 0) - 1
    if held > 0:
        HELD_REGIONS[region] = held
    else:
        region_free(region)


def forget_callouts_of(context_id: int) -> None:
    """Drop the pending callouts of a context about to be deleted: their
    answers will be ignored (and a stream's callbacks' region is freed)."""
    forget = STATE.forget_callouts
    if forget is not None:
        forget(context_id)


def forget_callouts(context_id: int) -> None:
    """forget_callouts_of, once a callout was made."""
    if len(CALLOUT_CONTEXTS) == 0:
        return  # the usual case: allocate nothing
    # The callers run outside any context's region: collect in a scratch one.
    scratch = region_new(False)
    previous = region_enter(scratch)
    tokens: list[int] = []
    for token, owner in CALLOUT_CONTEXTS.items():
        if owner == context_id:
            tokens.append(token)
    for token in tokens:
        take_callout(token)
    region_enter(previous)
    region_free(scratch)


# --- error policy -------------------------------------------------------------


def log_exception(e: Exception) -> None:
    message = str(e)
    if message != "":
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
        if response_started:
            _host.close_stream(_abi.STREAM_HTTP_RESPONSE)
        else:
            _host.send_local_response(
                FAILURE_STATUS_CODE, FAILURE_DETAILS, b"", [], _abi.GRPC_STATUS_NONE
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

