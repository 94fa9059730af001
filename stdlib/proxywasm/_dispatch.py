"""The ABI glue: every `proxy_on_*` export, the context registry, and the
memory and error policies at the boundary (design.md "Memory", "Errors").

The functions are named after their exports, so `pwc.testing` can run the
very same dispatch under CPython.  A callback is exported only if some class
of the program overrides the method behind it (`if_overridden`).

Regions.  Module globals, the VM context and the plugin contexts live in the
long-lived VM region.  Each stream context gets a region of its own when it
is created; every callback of the stream allocates there, and
`proxy_on_delete` frees it wholesale.  Root callbacks (vm start, configure,
tick, done, queue ready) run in a scratch region freed when they return:
what they store into their plugin context is copied into the VM region by
the compiler's store rule.  Every callback restores the caller's region
before returning.

Exceptions.  Nothing escapes an export: an exception from plugin code is
logged at error level as `<Type>: <message> (<file>:<line> in <function>)`,
then a stream fails closed (local 500, or a reset once the response has
started) unless its plugin context set `fail_open`, and a root callback
reports failure.
"""

from pwc_intrinsics import (
    I32,
    Registry,
    alloc,
    exception_location,
    export,
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


class _Dispatch:
    """The SDK's whole state: the VM context and every live context by id."""

    def __init__(self) -> None:
        self.vm_context: VMContext = VMContext()
        self.plugins: dict[int, PluginContext] = {}
        # Stream contexts live in their own regions: the registry's stores must
        # not copy them into the VM region.
        self.http_streams: Registry[HttpContext] = Registry()
        self.tcp_streams: Registry[TcpContext] = Registry()
        # Streams whose context constructor raised: id -> plugin context id.
        self.failed_streams: dict[int, int] = {}


_state = _Dispatch()


def set_vm_context(context: VMContext) -> None:
    """Install the plugin's VM context; call it once, at module level."""
    _state.vm_context = context


# --- error policy -----------------------------------------------------------


def _log_exception(e: Exception) -> None:
    message = str(e)
    if message == "":
        # Like CPython's traceback: no colon after a type without a message.
        _host.log(_abi.LOG_ERROR, f"{type(e).__name__} ({exception_location(e)})")
    else:
        _host.log(_abi.LOG_ERROR, f"{type(e).__name__}: {message} ({exception_location(e)})")


def _fails_open(plugin_context_id: int) -> bool:
    plugin = _state.plugins.get(plugin_context_id)
    if plugin is None:
        return False
    return plugin.fail_open


def _fail_stream(plugin_context_id: int, response_started: bool) -> Action:
    """Apply the plugin's failure policy to the current stream; the action to return."""
    if _fails_open(plugin_context_id):
        return Action.CONTINUE
    try:
        if response_started:
            _host.close_stream(_abi.STREAM_HTTP_RESPONSE)
        else:
            _host.send_local_response(
                FAILURE_STATUS_CODE, FAILURE_DETAILS, b"", [], _abi.GRPC_STATUS_NONE
            )
    except Exception as e:
        _log_exception(e)
    return Action.PAUSE


def _fail_http_stream(context: HttpContext, e: Exception, response_started: bool) -> Action:
    _log_exception(e)
    return _fail_stream(context._pwc_plugin_context_id, response_started)


def _unknown_stream(context_id: int) -> Action:
    """A stream callback for an id without a context: either its constructor
    raised (apply the failure policy once) or its plugin wanted no context."""
    plugin_context_id = _state.failed_streams.get(context_id)
    if plugin_context_id is None:
        return Action.CONTINUE
    del _state.failed_streams[context_id]
    return _fail_stream(plugin_context_id, False)


# --- the module contract (abi.md §1.1) --------------------------------------


@export("proxy_abi_version_0_2_1")
def proxy_abi_version_0_2_1() -> None:
    """The ABI marker: only its presence matters."""
    pass


@export("proxy_on_memory_allocate")
def proxy_on_memory_allocate(size: I32) -> I32:
    """Memory the host fills with a result, in the current callback's region."""
    return alloc(size)


# --- context creation and deletion ------------------------------------------


@export("proxy_on_context_create")
def proxy_on_context_create(context_id: I32, parent_context_id: I32) -> None:
    if parent_context_id == 0:
        _create_plugin_context(context_id)
    else:
        _create_stream_context(context_id, parent_context_id)


def _create_plugin_context(context_id: int) -> None:
    previous = region_enter(region_of(_state))
    try:
        _state.plugins[context_id] = _state.vm_context.new_plugin_context(context_id)
    except Exception as e:
        # Without a plugin context its vm_start/configure report failure, so
        # the host rejects the plugin.
        _log_exception(e)
    region_enter(previous)


def _create_stream_context(context_id: int, plugin_context_id: int) -> None:
    plugin = _state.plugins.get(plugin_context_id)
    if plugin is None:
        return
    region = region_new(False)
    previous = region_enter(region)
    kept = False
    try:
        http = plugin.new_http_context(context_id)
        if http is not None:
            http._pwc_plugin_context_id = plugin_context_id
            _state.http_streams[context_id] = http
            kept = True
        else:
            tcp = plugin.new_tcp_context(context_id)
            if tcp is not None:
                tcp._pwc_plugin_context_id = plugin_context_id
                _state.tcp_streams[context_id] = tcp
                kept = True
    except Exception as e:
        _log_exception(e)
        _state.failed_streams[context_id] = plugin_context_id
    region_enter(previous)
    if not kept:
        region_free(region)


@export("proxy_on_delete", if_overridden=PluginContext.new_http_context)
def proxy_on_delete(context_id: I32) -> None:
    """The last call for a context: forget it, then free its region."""
    http = _state.http_streams.get(context_id)
    if http is not None:
        del _state.http_streams[context_id]
        region_free(region_of(http))
        return
    tcp = _state.tcp_streams.get(context_id)
    if tcp is not None:
        del _state.tcp_streams[context_id]
        region_free(region_of(tcp))
        return
    if context_id in _state.failed_streams:
        del _state.failed_streams[context_id]
        return
    if context_id in _state.plugins:
        del _state.plugins[context_id]


# --- root callbacks ---------------------------------------------------------


@export("proxy_on_vm_start", if_overridden=VMContext.on_vm_start)
def proxy_on_vm_start(plugin_context_id: I32, vm_configuration_size: I32) -> bool:
    if plugin_context_id not in _state.plugins:
        return False
    previous = region_enter(region_new(False))
    try:
        ok = _state.vm_context.on_vm_start(vm_configuration_size)
    except Exception as e:
        _log_exception(e)
        ok = False
    region_free(region_enter(previous))
    return ok


@export("proxy_on_configure", if_overridden=PluginContext.on_plugin_start)
def proxy_on_configure(plugin_context_id: I32, plugin_configuration_size: I32) -> bool:
    plugin = _state.plugins.get(plugin_context_id)
    if plugin is None:
        return False
    previous = region_enter(region_new(False))
    try:
        ok = plugin.on_plugin_start(plugin_configuration_size)
    except Exception as e:
        _log_exception(e)
        ok = False
    region_free(region_enter(previous))
    return ok


@export("proxy_on_tick", if_overridden=PluginContext.on_tick)
def proxy_on_tick(plugin_context_id: I32) -> None:
    plugin = _state.plugins.get(plugin_context_id)
    if plugin is None:
        return
    previous = region_enter(region_new(False))
    try:
        plugin.on_tick()
    except Exception as e:
        _log_exception(e)
    region_free(region_enter(previous))


@export("proxy_on_queue_ready", if_overridden=PluginContext.on_queue_ready)
def proxy_on_queue_ready(plugin_context_id: I32, queue_id: I32) -> None:
    plugin = _state.plugins.get(plugin_context_id)
    if plugin is None:
        return
    previous = region_enter(region_new(False))
    try:
        plugin.on_queue_ready(queue_id)
    except Exception as e:
        _log_exception(e)
    region_free(region_enter(previous))


@export("proxy_on_done", if_overridden=PluginContext.on_plugin_done)
def proxy_on_done(context_id: I32) -> bool:
    """A root's answer matters (False: it calls plugin_done() later); a
    stream's is ignored by the host."""
    plugin = _state.plugins.get(context_id)
    if plugin is None:
        return True
    previous = region_enter(region_new(False))
    try:
        done = plugin.on_plugin_done()
    except Exception as e:
        _log_exception(e)
        done = True
    region_free(region_enter(previous))
    return done


@export("proxy_on_log", if_overridden=HttpContext.on_http_stream_done)
def proxy_on_log(context_id: I32) -> None:
    """A stream's last callback with its data readable (before on_done for
    HTTP, after it for TCP): where the SDK reports "stream done"."""
    http = _state.http_streams.get(context_id)
    if http is not None:
        previous = region_enter(region_of(http))
        try:
            http.on_http_stream_done()
        except Exception as e:
            _log_exception(e)
        region_enter(previous)
        return
    tcp = _state.tcp_streams.get(context_id)
    if tcp is not None:
        previous = region_enter(region_of(tcp))
        try:
            tcp.on_stream_done()
        except Exception as e:
            _log_exception(e)
        region_enter(previous)


# --- HTTP stream callbacks --------------------------------------------------


@export("proxy_on_request_headers", if_overridden=HttpContext.on_http_request_headers)
def proxy_on_request_headers(context_id: I32, num_headers: I32, end_of_stream: I32) -> I32:
    context = _state.http_streams.get(context_id)
    if context is None:
        return _unknown_stream(context_id)
    previous = region_enter(region_of(context))
    try:
        action: Action = context.on_http_request_headers(num_headers, end_of_stream != 0)
    except Exception as e:
        action = _fail_http_stream(context, e, False)
    region_enter(previous)
    return action


@export("proxy_on_request_body", if_overridden=HttpContext.on_http_request_body)
def proxy_on_request_body(context_id: I32, body_size: I32, end_of_stream: I32) -> I32:
    context = _state.http_streams.get(context_id)
    if context is None:
        return _unknown_stream(context_id)
    previous = region_enter(region_of(context))
    try:
        action: Action = context.on_http_request_body(body_size, end_of_stream != 0)
    except Exception as e:
        action = _fail_http_stream(context, e, False)
    region_enter(previous)
    return action


@export("proxy_on_request_trailers", if_overridden=HttpContext.on_http_request_trailers)
def proxy_on_request_trailers(context_id: I32, num_trailers: I32) -> I32:
    context = _state.http_streams.get(context_id)
    if context is None:
        return _unknown_stream(context_id)
    previous = region_enter(region_of(context))
    try:
        action: Action = context.on_http_request_trailers(num_trailers)
    except Exception as e:
        action = _fail_http_stream(context, e, False)
    region_enter(previous)
    return action


@export("proxy_on_response_headers", if_overridden=HttpContext.on_http_response_headers)
def proxy_on_response_headers(context_id: I32, num_headers: I32, end_of_stream: I32) -> I32:
    context = _state.http_streams.get(context_id)
    if context is None:
        return _unknown_stream(context_id)
    previous = region_enter(region_of(context))
    try:
        action: Action = context.on_http_response_headers(num_headers, end_of_stream != 0)
    except Exception as e:
        # Nothing has gone downstream yet: a local reply replaces the response.
        action = _fail_http_stream(context, e, False)
    region_enter(previous)
    return action


@export("proxy_on_response_body", if_overridden=HttpContext.on_http_response_body)
def proxy_on_response_body(context_id: I32, body_size: I32, end_of_stream: I32) -> I32:
    context = _state.http_streams.get(context_id)
    if context is None:
        return _unknown_stream(context_id)
    previous = region_enter(region_of(context))
    try:
        action: Action = context.on_http_response_body(body_size, end_of_stream != 0)
    except Exception as e:
        action = _fail_http_stream(context, e, True)
    region_enter(previous)
    return action


@export("proxy_on_response_trailers", if_overridden=HttpContext.on_http_response_trailers)
def proxy_on_response_trailers(context_id: I32, num_trailers: I32) -> I32:
    context = _state.http_streams.get(context_id)
    if context is None:
        return _unknown_stream(context_id)
    previous = region_enter(region_of(context))
    try:
        action: Action = context.on_http_response_trailers(num_trailers)
    except Exception as e:
        action = _fail_http_stream(context, e, True)
    region_enter(previous)
    return action
