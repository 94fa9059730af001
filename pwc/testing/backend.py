"""What the emulator needs from a way of running a plugin."""

from __future__ import annotations

from typing import Protocol


class PluginRuntime(Protocol):
    """A loaded plugin whose `proxy_on_*` callbacks the emulator can call.

    Both backends implement it: the wasm one calls the module's exports, the
    CPython one calls the SDK's dispatch functions of the same names.  Host
    calls made during a call go to the HostModel the runtime was built with.
    """

    def has_export(self, name: str) -> bool:
        """Whether the plugin offers the callback `name` (Envoy skips missing ones)."""
        ...

    def call(self, name: str, *args: int) -> int:
        """Run callback `name` with u32 arguments; its i32 result as u32 (0 if none).

        Raises PluginTrap when the plugin fails hard.
        """
        ...

    def memory_size(self) -> int | None:
        """The plugin's linear memory in bytes (wasm), or None (CPython)."""
        ...
