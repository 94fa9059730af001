"""Host calls of a plugin as a whole: configuration, time, ticks, completion,
log level and foreign functions."""

from proxywasm import _abi, _host


def get_vm_configuration() -> bytes:
    """The VM configuration (`vm_config.configuration`); readable from any callback."""
    return _host.get_buffer(_abi.BUFFER_VM_CONFIGURATION, 0, _abi.WHOLE_BUFFER)


def get_plugin_configuration() -> bytes:
    """The plugin configuration (`config.configuration`).

    Envoy offers it only during on_plugin_start; elsewhere this raises
    NotFoundError.  An empty configuration reads as b"".
    """
    return _host.get_buffer(_abi.BUFFER_PLUGIN_CONFIGURATION, 0, _abi.WHOLE_BUFFER)


def get_current_time_nanoseconds() -> int:
    """Wall-clock time in nanoseconds since the Unix epoch (not frozen in a callback)."""
    return _host.get_current_time_ns()


def set_tick_period_milliseconds(ms: int) -> None:
    """Call on_tick of this plugin every `ms` milliseconds; 0 stops the ticks."""
    _host.set_tick_period(ms)


def set_effective_context(context_id: int) -> None:
    """Make the rest of this callback act on the stream `context_id` (e.g. to
    resume it from on_tick).  Raises BadArgumentError for an unknown id."""
    _host.set_effective_context(context_id)


def plugin_done() -> None:
    """Finish a plugin whose on_plugin_done returned False."""
    _host.done()


def get_log_level() -> int:
    """The host's log level for plugins (0 trace .. 5 critical): messages
    below it are dropped, so a plugin can skip building them."""
    return _host.get_log_level()


def call_foreign_function(name: str, param: bytes) -> bytes:
    """Run the host's function `name` (Envoy: compress, uncompress,
    clear_route_cache, ... abi.md §6.9) on `param`; NotFoundError if the
    host has no function of that name."""
    return _host.call_foreign_function(name, param)
