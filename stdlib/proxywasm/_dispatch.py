"""The ABI glue: the module contract, context creation and deletion, and the
root callbacks; the stream and callout callbacks are in `_dispatch_http`,
`_dispatch_tcp` and `_dispatch_callouts`, re-exported here (design.md
"Memory", "Errors"; the policies are described in `_state`).

The functions are named after their exports, so `pwc.testing` can run the
very same dispatch under CPython.  A callback is exported only if some class
of the program overrides a method behind it (`if_overridden`).

Regions.  Module globals, the VM context and the plugin contexts live in the
long-lived VM region.  Each stream context gets a region of its own when it
is created; every callback of the stream allocates there, and
`proxy_on_delete` frees it wholesale.  Root callbacks (vm start, configure,
tick, done, queue ready, a root's callout answers) run in a scratch region
freed when they return (or, if they dispatched callouts, when the last one
is answered): what they store into their plugin context is copied into the
VM region by the compiler's store rule.  Every callback restores
the caller's region, and the caller's active context, before returning.
"""

from pwc_intrinsics import (
    I32,
    alloc_bare,
    export,
    overridden,
    region_enter,
    region_free,
    region_new,
    region_of,
)

from proxywasm import _state
from proxywasm._contexts import HttpContext, PluginContext, TcpContext, VMContext
from proxywasm._dispatch_callouts import (
    proxy_on_http_call_response as proxy_on_http_call_response,
)
from proxywasm._dispatch_http import proxy_on_request_body as proxy_on_request_body
from proxywasm._dispatch_http import proxy_on_request_headers as proxy_on_request_headers
from proxywasm._dispatch_http import proxy_on_request_trailers as proxy_on_request_trailers
from proxywasm._dispatch_http import proxy_on_response_body as proxy_on_response_body
from proxywasm._dispatch_http import proxy_on_response_headers as proxy_on_response_headers
from proxywasm._dispatch_http import proxy_on_response_trailers as proxy_on_response_trailers
from proxywasm._dispatch_tcp import (
    proxy_on_downstream_connection_close as proxy_on_downstream_connection_close,
)
from proxywasm._dispatch_tcp import proxy_on_downstream_data as proxy_on_downstream_data
from proxywasm._dispatch_tcp import proxy_on_new_connection as proxy_on_new_connection
from proxywasm._dispatch_tcp import (
    proxy_on_upstream_connection_close as proxy_on_upstream_connection_close,
)
from proxywasm._dispatch_tcp import proxy_on_upstream_data as proxy_on_upstream_data
from proxywasm._errors import allocation_failed
from proxywasm._state import (
    FAILED_STREAMS,
    HTTP_STREAMS,
    PLUGINS,
    TCP_STREAMS,
    activate,
    enter_scratch,
    forget_callouts_of,
    leave_scratch,
    log_exception,
)
from proxywasm._state import set_vm_context as set_vm_context

# The highest context id created so far: a higher one is new for sure.
_highest_context_id: int = 0

# --- the module contract (abi.md §1.1) --------------------------------------


@export("proxy_abi_version_0_2_1")
def proxy_abi_version_0_2_1() -> None:
    """The ABI marker: only its presence matters."""
    pass


@export("proxy_on_memory_allocate")
def proxy_on_memory_allocate(size: I32) -> I32:
    """Memory the host fills with a result, in the current callback's region;
    0 when there is none (the host call that wanted it raises MemoryError).
    Not zeroed: the host writes all of it."""
    try:
        return alloc_bare(size)
    except MemoryError as e:
        allocation_failed(e)
        return 0


# --- context creation and deletion ------------------------------------------


@export("proxy_on_context_create")
def proxy_on_context_create(context_id: I32, parent_context_id: I32) -> None:
    # Envoy never reuses a context id.  A host that did would leak the stale
    # context's region, or make one id both a plugin and a stream context,
    # whose callouts would then free the stream's region under it: the stale
    # context is deleted first instead, so the new one replaces it.  Envoy
    # counts ids up, so a new id is above every earlier one: only an id that
    # is not needs the lookups (deleting an id that is no context's changes
    # nothing).
    global _highest_context_id
    if context_id > _highest_context_id:
        _highest_context_id = context_id
    else:
        _delete_context(context_id)
    outer = activate(context_id)
    if parent_context_id == 0:
        _create_plugin_context(context_id)
    elif overridden(PluginContext.new_http_context, PluginContext.new_tcp_context):
        # (A plugin that makes no stream contexts links none of this.)
        _create_stream_context(context_id, parent_context_id)
    activate(outer)


def _create_plugin_context(context_id: int) -> None:
    previous = region_enter(region_of(PLUGINS))
    try:
        vm = _state.vm_context
        # (No set_vm_context: what the base VMContext would make.)
        PLUGINS[context_id] = PluginContext() if vm is None else vm.new_plugin_context(context_id)
    except Exception as e:
        # Without a plugin context its vm_start/configure report failure, so
        # the host rejects the plugin.
        log_exception(e)
    region_enter(previous)


def _create_stream_context(context_id: int, plugin_context_id: int) -> None:
    plugin = PLUGINS.get(plugin_context_id)
    if plugin is None:
        return
    region = region_new(False)
    previous = region_enter(region)
    kept = False
    try:
        http = plugin.new_http_context(context_id)
        if http is not None:
            http._pwc_plugin_context_id = plugin_context_id
            HTTP_STREAMS[context_id] = http
            kept = True
        elif overridden(PluginContext.new_tcp_context):
            # (A plugin making only HTTP streams calls no base method for None.)
            tcp = plugin.new_tcp_context(context_id)
            if tcp is not None:
                tcp._pwc_plugin_context_id = plugin_context_id
                TCP_STREAMS[context_id] = tcp
                kept = True
    except Exception as e:
        log_exception(e)
        FAILED_STREAMS[context_id] = plugin_context_id
    region_enter(previous)
    if not kept:
        # A constructor may have dispatched callouts before it failed.
        forget_callouts_of(context_id)
        region_free(region)


@export(
    "proxy_on_delete",
    if_overridden=(PluginContext.new_http_context, PluginContext.new_tcp_context),
)
def proxy_on_delete(context_id: I32) -> None:
    """The last call for a context: forget it and its pending callouts, then
    free its region."""
    _delete_context(context_id)


def _delete_context(context_id: int) -> None:
    forget_callouts_of(context_id)
    # Each kind's table only where some plugin context makes that kind: a
    # lookup that cannot find anything is not compiled in.
    if overridden(PluginContext.new_http_context):
        http = HTTP_STREAMS.pop(context_id, None)
        if http is not None:
            region_free(region_of(http))
            return
    if overridden(PluginContext.new_tcp_context):
        tcp = TCP_STREAMS.pop(context_id, None)
        if tcp is not None:
            region_free(region_of(tcp))
            return
    # A failed stream's id or a plugin context's (never both).
    FAILED_STREAMS.pop(context_id, 0)
    PLUGINS.pop(context_id, None)


# --- root callbacks ---------------------------------------------------------


@export("proxy_on_vm_start", if_overridden=VMContext.on_vm_start)
def proxy_on_vm_start(plugin_context_id: I32, vm_configuration_size: I32) -> bool:
    # get(), not `in`: the SDK's one membership test would link its own
    # runtime function.
    if PLUGINS.get(plugin_context_id) is None:
        return False
    outer = activate(plugin_context_id)
    previous = enter_scratch()
    try:
        vm = _state.vm_context
        ok = vm is None or vm.on_vm_start(vm_configuration_size)
    except Exception as e:
        log_exception(e)
        ok = False
    leave_scratch(previous)
    activate(outer)
    return ok


# Which root callback _run_root runs.
_CONFIGURE = 0
_TICK = 1
_QUEUE_READY = 2


def _run_root(plugin_context_id: int, which: int, arg: int) -> bool:
    """Callback `which` of the plugin context, in a scratch region with the
    plugin as the active context; an exception is logged (and the answer is
    False).  One body for three callbacks: the compiler keeps the branches
    of the exports the plugin has."""
    plugin = PLUGINS.get(plugin_context_id)
    if plugin is None:
        return False
    outer = activate(plugin_context_id)
    previous = enter_scratch()
    ok = True
    try:
        if which == _CONFIGURE:
            ok = plugin.on_plugin_start(arg)
        elif which == _TICK:
            plugin.on_tick()
        elif which == _QUEUE_READY:
            plugin.on_queue_ready(arg)
    except Exception as e:
        log_exception(e)
        ok = False
    leave_scratch(previous)
    activate(outer)
    return ok


@export("proxy_on_configure", if_overridden=PluginContext.on_plugin_start)
def proxy_on_configure(plugin_context_id: I32, plugin_configuration_size: I32) -> bool:
    return _run_root(plugin_context_id, _CONFIGURE, plugin_configuration_size)


@export("proxy_on_tick", if_overridden=PluginContext.on_tick)
def proxy_on_tick(plugin_context_id: I32) -> None:
    _run_root(plugin_context_id, _TICK, 0)


@export("proxy_on_queue_ready", if_overridden=PluginContext.on_queue_ready)
def proxy_on_queue_ready(plugin_context_id: I32, queue_id: I32) -> None:
    _run_root(plugin_context_id, _QUEUE_READY, queue_id)


@export("proxy_on_done", if_overridden=PluginContext.on_plugin_done)
def proxy_on_done(context_id: I32) -> bool:
    """A root's answer matters (False: it calls plugin_done() later); a
    stream's is ignored by the host."""
    plugin = PLUGINS.get(context_id)
    if plugin is None:
        return True
    outer = activate(context_id)
    previous = enter_scratch()
    try:
        done = plugin.on_plugin_done()
    except Exception as e:
        log_exception(e)
        done = True
    leave_scratch(previous)
    activate(outer)
    return done


@export("proxy_on_log", if_overridden=(HttpContext.on_http_stream_done, TcpContext.on_stream_done))
def proxy_on_log(context_id: I32) -> None:
    """A stream's last callback with its data readable (before on_done for
    HTTP, after it for TCP): where the SDK reports "stream done"."""
    outer = activate(context_id)
    http = HTTP_STREAMS.get(context_id)
    if http is not None:
        previous = region_enter(region_of(http))
        try:
            http.on_http_stream_done()
        except Exception as e:
            log_exception(e)
        region_enter(previous)
    elif overridden(PluginContext.new_tcp_context):
        tcp = TCP_STREAMS.get(context_id)
        if tcp is not None:
            previous = region_enter(region_of(tcp))
            try:
                tcp.on_stream_done()
            except Exception as e:
                log_exception(e)
            region_enter(previous)
    activate(outer)
