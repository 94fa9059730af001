"""What the emulator raises.  Every message says what happened in Envoy terms."""

from __future__ import annotations


class EmulatorError(Exception):
    """A test asked for something Envoy would never do, or the plugin cannot run."""


class PluginLoadError(EmulatorError):
    """The module or plugin source cannot be loaded (Envoy would reject it)."""


class PluginTrap(EmulatorError):
    """The plugin failed hard: a wasm trap, or (under CPython) an exception
    that escaped the SDK's dispatch.  In Envoy the instance is dead after
    this; the emulator refuses further callbacks too."""


class RestrictedCallError(PluginTrap):
    """A host call in a phase where Envoy forbids it (start functions,
    allocator): Envoy traps with `restricted_callback`."""


class StatusError(Exception):
    """A host call's non-OK status, inside the host model; each backend turns
    it into what the plugin sees (a return code in wasm, an exception of the
    SDK under CPython)."""

    def __init__(self, status: int, reason: str = "") -> None:
        super().__init__(f"status {status}" + (f": {reason}" if reason else ""))
        self.status = status
