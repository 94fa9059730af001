"""The emulator's core: loading, plugin contexts, logs, and running callbacks
the way Envoy does (one at a time, then whatever the plugin queued: resumes,
local replies, connection closes, a deferred plugin deletion).

The stream drivers (`emulator_http`, `emulator_tcp`) and the VM-wide ones
(`emulator_services`) build on this; `emulator.Emulator` combines them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from proxywasm import Action

from pwc.testing.abi import Callback, LogLevel, PeerType
from pwc.testing.errors import EmulatorError, PluginTrap
from pwc.testing.host import HostModel, RootContext
from pwc.testing.http_stream import HttpStream, LocalResponse
from pwc.testing.loading import Backend, load_runtime
from pwc.testing.properties import PropertyPath, PropertyValue, encode_value
from pwc.testing.shared import Process


class EmulatorCore:
    def __init__(
        self,
        plugin: str | Path | None = None,
        backend: Backend = "python",
        plugin_configuration: bytes = b"",
        vm_configuration: bytes = b"",
        *,
        wasm: bytes | None = None,
        clock_ns: Callable[[], int] = time.time_ns,
        vm_id: str = "",
        plugin_name: str = "",
        root_id: str = "",
        properties: Mapping[PropertyPath, PropertyValue] | None = None,
        clusters: Iterable[str] | None = None,
        log_level: LogLevel = LogLevel.TRACE,
        process: Process | None = None,
        memory_limit: int | None = None,
    ) -> None:
        """Load `plugin` (a source file) with `backend`; for "wasm", `wasm=`
        gives a precompiled module instead of compiling the source.

        `vm_id`, `plugin_name` and `root_id` are Envoy's `vm_config.vm_id`,
        `config.name` and `config.root_id`.  `properties` are readable from
        every context (path tuple -> value; see pwc.testing.properties for
        how Python values are encoded).  `clusters` limits the cluster names
        callouts may use (default: any).  Emulators given the same `process`
        share shared data, queues and metrics like VMs of one Envoy.
        `memory_limit` (bytes, wasm backend only) caps the module's linear
        memory: memory.grow fails beyond it, as when a runtime refuses to grow.
        """
        self.host = HostModel(
            vm_configuration=vm_configuration,
            clock_ns=clock_ns,
            vm_id=vm_id,
            log_level=log_level,
            process=Process() if process is None else process,
            properties={
                tuple(path): encode_value(value) for path, value in (properties or {}).items()
            },
            clusters=None if clusters is None else frozenset(clusters),
        )
        self._trap: str | None = None
        self._runtime = load_runtime(plugin, backend, wasm, self.host, memory_limit)
        self.backend = backend
        self._root: RootContext = self.host.new_root(plugin_configuration, plugin_name, root_id)
        self._invoke(self._root.context_id, Callback.CONTEXT_CREATE, self._root.context_id, 0)

    @property
    def process(self) -> Process:
        """The process-wide stores; pass it to another Emulator to share them."""
        return self.host.process

    # --- plugin contexts ------------------------------------------------------

    @property
    def plugin_context_id(self) -> int:
        """The id of the plugin context created with the emulator (1)."""
        return self._root.context_id

    def add_plugin_context(
        self, plugin_configuration: bytes = b"", *, plugin_name: str = "", root_id: str = ""
    ) -> int:
        """Another plugin in the same VM (a second filter or service with the
        same vm_config): a new root context; its id.  Like the first, it is
        created but not started."""
        root = self.host.new_root(plugin_configuration, plugin_name, root_id)
        self._invoke(root.context_id, Callback.CONTEXT_CREATE, root.context_id, 0)
        return root.context_id

    def start_vm(self, plugin_context_id: int | None = None) -> bool:
        """proxy_on_vm_start (Envoy runs it once per plugin context) with the
        VM configuration's size; its verdict."""
        root = self._plugin(plugin_context_id)
        ok = self._invoke(
            root.context_id, Callback.VM_START, root.context_id, len(self.host.vm_configuration),
            default=1,
        )
        root.vm_started = ok != 0
        self._settle()
        return root.vm_started

    def start_plugin(self, plugin_context_id: int | None = None) -> bool:
        """proxy_on_configure with the plugin configuration's size; its verdict.

        As in Envoy, the VM is started first if it was not (and a VM that
        refuses to start means the plugin does not start either).
        """
        root = self._plugin(plugin_context_id)
        if not root.vm_started and not self.start_vm(root.context_id):
            return False
        ok = self._invoke(
            root.context_id, Callback.CONFIGURE, root.context_id, len(root.plugin_configuration),
            default=1,
        )
        root.configured = ok != 0
        self._settle()
        return root.configured

    def finish_plugin(self, plugin_context_id: int | None = None) -> bool:
        """Tear the plugin down: proxy_on_done, then proxy_on_delete if it said
        done; if it said "not yet", proxy_on_delete follows its plugin_done()."""
        root = self._plugin(plugin_context_id)
        if root.deleted or root.done_pending:
            raise EmulatorError(f"plugin context {root.context_id} is already finishing")
        done = self._invoke(root.context_id, Callback.DONE, root.context_id, default=1) != 0
        if done:
            self._invoke(root.context_id, Callback.DELETE, root.context_id)
            root.deleted = True
        else:
            root.done_pending = True
        self._settle()
        return done

    def is_plugin_deleted(self, plugin_context_id: int | None = None) -> bool:
        """Whether the plugin context got its proxy_on_delete."""
        return self._plugin(plugin_context_id).deleted

    def tick(self, plugin_context_id: int | None = None) -> None:
        """One proxy_on_tick (whether or not the plugin set a tick period)."""
        root = self._plugin(plugin_context_id)
        self._invoke(root.context_id, Callback.TICK, root.context_id)
        self._settle()

    @property
    def tick_period_ms(self) -> int:
        """The tick period the first plugin context set last; 0 when none."""
        return self._root.tick_period_ms

    def get_tick_period_ms(self, plugin_context_id: int | None = None) -> int:
        return self._plugin(plugin_context_id).tick_period_ms

    def _plugin(self, plugin_context_id: int | None) -> RootContext:
        if plugin_context_id is None:
            return self._root
        return self.host.root(plugin_context_id)

    def get_memory_size(self) -> int | None:
        """The compiled plugin's linear memory in bytes (None under CPython):
        after a warm-up it should stay flat however many streams it serves."""
        return self._runtime.memory_size()

    # --- logs -----------------------------------------------------------------

    def get_logs(self, level: LogLevel) -> list[str]:
        """Every message the plugin logged at `level`, in order."""
        return [entry.message for entry in self.host.logs if entry.level == level]

    def get_trace_logs(self) -> list[str]:
        return self.get_logs(LogLevel.TRACE)

    def get_debug_logs(self) -> list[str]:
        return self.get_logs(LogLevel.DEBUG)

    def get_info_logs(self) -> list[str]:
        return self.get_logs(LogLevel.INFO)

    def get_warn_logs(self) -> list[str]:
        return self.get_logs(LogLevel.WARN)

    def get_error_logs(self) -> list[str]:
        return self.get_logs(LogLevel.ERROR)

    def get_critical_logs(self) -> list[str]:
        return self.get_logs(LogLevel.CRITICAL)

    # --- running callbacks ------------------------------------------------------

    def _invoke(self, context_id: int, callback: str, *args: int, default: int = 0) -> int:
        """Run one callback (or return `default` if the plugin lacks it, as Envoy does)."""
        if self._trap is not None:
            raise PluginTrap(
                f"the plugin failed earlier ({self._trap}); Envoy runs no more callbacks "
                "on this instance"
            )
        if not self._runtime.has_export(callback):
            return default
        self.host.begin_callback(context_id, callback, args)
        try:
            return self._runtime.call(callback, *args)
        except PluginTrap as e:
            self._trap = str(e).splitlines()[0]
            raise
        finally:
            self.host.end_callback()

    def _settle(self) -> None:
        """What Envoy does once a callback has returned: resume what the plugin
        resumed, send the local replies it queued, close the connections it
        closed, delete a plugin that called plugin_done()."""
        progressed = True
        while progressed:
            progressed = False
            for stream in list(self.host.streams.values()):
                if stream.completed and stream.pending_local_response is None:
                    continue  # deleted: nothing can be pending on it any more
                for flow in (stream.request, stream.response):
                    if flow.resume_requested:
                        flow.resume_requested = False
                        flow.resume()
                        stream.action = Action.CONTINUE
                if stream.pending_local_response is not None:
                    self._send_local_response(stream, stream.pending_local_response)
                    progressed = True
            for connection in list(self.host.connections.values()):
                if connection.completed:
                    continue
                if connection.resume_requested:
                    connection.resume_requested = False
                    if connection.downstream.buffering:
                        connection.downstream.release()
                    connection.action = Action.CONTINUE
                if connection.close_requested and not connection.downstream.closed:
                    connection.close_requested = False
                    connection.closed_by_plugin = True
                    self._close_downstream(connection.context_id, PeerType.LOCAL)
                    progressed = True
            for root in list(self.host.roots.values()):
                if root.done_requested and not root.deleted:
                    root.done_requested = False
                    root.done_pending = False
                    self._invoke(root.context_id, Callback.DELETE, root.context_id)
                    root.deleted = True
                    progressed = True

    def _close_downstream(self, context_id: int, peer: int) -> None:
        connection = self.host.connection(context_id)
        connection.downstream.closed = True
        self._invoke(context_id, Callback.DOWNSTREAM_CONNECTION_CLOSE, context_id, peer)

    def _send_local_response(self, stream: HttpStream, reply: LocalResponse) -> None:
        """Envoy's local reply (abi.md §6.4): sent instead of the upstream
        response; before the response started it goes through the plugin's
        response callbacks, later it only replaces the response."""
        stream.pending_local_response = None
        stream.local_response = reply
        stream.answered_locally = True
        headers = reply.response_headers()
        stream.response_headers.set_all(headers)
        stream.response.body = reply.body
        if stream.response.headers_seen:
            return
        stream.response.headers_seen = True
        context_id = stream.context_id
        eos = not reply.body
        action = self._invoke(
            context_id, Callback.RESPONSE_HEADERS, context_id, len(headers), int(eos)
        )
        stream.action = action
        if reply.body and stream.pending_local_response is None:
            action = self._invoke(
                context_id, Callback.RESPONSE_BODY, context_id, len(reply.body), 1
            )
            stream.action = action
