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
    """The VM context, which contexts are running or being made, and the
    pending callouts."""

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
        # The pending HTTP callouts, made with the first one: until then (in
        # a module that makes none, always) None.
        self.callouts: PendingCallouts | None = None


STATE = DispatchState()

# The context tables, module constants (only their contents change): a
# global is cheaper to reach than a field of STATE, and to create.
PLUGINS: dict[int, PluginContext] = {}
# Stream contexts live in their own regions: the registry's stores must
# not copy them into the VM region.
HTTP_STREAMS: Registry[HttpContext] = Registry()
TCP_STREAMS: Registry[TcpContext] = Registry()
# Streams whose context constructor raised: id -> plugin context id.
FAILED_STREAMS: dict[int, int] = {}


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
    callouts = STATE.callouts
    if callouts is None or scratch not in callouts.held:
        region_free(scratch)


def current_region() -> int:
    here = region_enter(region_of(STATE))
    region_enter(here)
    return here


# --- callouts -----------------------------------------------------------------


class PendingCallouts:
    """The HTTP callouts waiting for their answers.

    Made by the first callout: a module that never makes one creates no
    such tables, and has none of these methods compiled in (no instance,
    no call).  Pending callouts are kept by token: the context that
    dispatched each, and its callback, which stays where it was made (a
    Registry does not copy it).  A stream's lives in the stream's region;
    its entries are removed before that region is freed.  A root
    callback's lives in the callback's scratch region, which is then kept
    ("held") until its last callout is answered, instead of freed on
    return.

    The tables are read with get(k, default) and emptied with
    pop(k, default), never `d[k]` or `del d[k]`: a KeyError would link
    KeyError and repr() into every module that makes callouts.
    """

    def __init__(self) -> None:
        self.contexts: dict[int, int] = {}
        self.callbacks: Registry[Callable[[int, int, int], None]] = Registry()
        # token -> the scratch region it holds; region -> callouts holding it.
        self.regions: dict[int, int] = {}
        self.held: dict[int, int] = {}

    def add(self, token: int, callback: Callable[[int, int, int], None]) -> None:
        """Remember whose callout `token` is, to run `callback` when it answers."""
        # Envoy never hands out a token that is still pending.  A host that
        # did would orphan the earlier callout's hold on its region (a
        # leak): that callout is dropped, its hold released after the new
        # one is taken (it may be on the same region).
        stale = 0
        if token in self.contexts:
            stale = self.untrack(token)
        context_id = STATE.active_context_id
        self.contexts[token] = context_id
        self.callbacks[token] = callback
        if context_id in PLUGINS or context_id == STATE.creating_plugin_id:
            region = current_region()
            if region != region_of(STATE):  # a constructor's is the VM region itself
                self.regions[token] = region
                self.held[region] = self.held.get(region, 0) + 1
        self.release(stale)

    def untrack(self, token: int) -> int:
        """Forget `token`'s entries.  Returns the region it held (0 if none),
        still held: the caller releases it once no code runs in it."""
        self.contexts.pop(token, 0)
        self.callbacks.pop(token, None)
        return self.regions.pop(token, 0)

    def release(self, region: int) -> None:
        """One callout less holds `region` (0: none): free it with the last."""
        if region == 0:
            return
        held = self.held.pop(region, 0) - 1
        if held > 0:
            self.held[region] = held
        else:
            region_free(region)

    def forget_context(self, context_id: int) -> None:
        """Drop the callouts of a context about to be deleted: their answers
        will be ignored (and a stream's callbacks' region is freed)."""
        if len(self.contexts) == 0:
            return  # the usual case: allocate nothing
        # The callers run outside any context's region: collect in a scratch one.
        scratch = region_new(False)
        previous = region_enter(scratch)
        tokens: list[int] = []
        for token, owner in self.contexts.items():
            if owner == context_id:
                tokens.append(token)
        for token in tokens:
            self.release(self.untrack(token))
        region_enter(previous)
        region_free(scratch)


def register_callout(token: int, callback: Callable[[int, int, int], None]) -> None:
    """Remember whose callout `token` is, to run `callback` when it answers."""
    callouts = STATE.callouts
    if callouts is None:
        # Made in the VM region, where STATE is: storing it copies nothing.
        previous = region_enter(region_of(STATE))
        callouts = PendingCallouts()
        STATE.callouts = callouts
        region_enter(previous)
    callouts.add(token, callback)


def forget_callouts_of(context_id: int) -> None:
    """Drop the pending callouts of a context about to be deleted."""
    callouts = STATE.callouts
    if callouts is not None:
        callouts.forget_context(context_id)


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
        if response_started:
            _host.close_stream(_abi.STREAM_HTTP_RESPONSE)
        else:
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

