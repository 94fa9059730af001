"""The public emulator: play Envoy's role for one plugin in a unit test.

    emulator = Emulator("plugin.py", backend="python", plugin_configuration=b"{...}")
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [(":path", "/")], end_of_stream=True)
    emulator.complete_http_stream(stream)
    assert "..." in emulator.get_info_logs()

One switch selects how the plugin runs: "python" imports its source under
CPython (fresh SDK state per emulator), "wasm" compiles it with pwc and runs
the module in wasmtime (or takes precompiled `wasm=` bytes).  Both drive the
same host model, so one test body checks both.

What the emulator does mirrors Envoy 1.40 (abi.md), including where that is
inconvenient: request headers vanish once the request continued, a local
reply is sent after the callback returns and goes through the plugin's
response callbacks, the plugin configuration is readable only in
on_plugin_start.  A test that drives a stream in a way Envoy never would (a
body while the request is paused in on_request_headers, callbacks after a
local reply or after completion) gets an EmulatorError saying so.

Creating an emulator loads the plugin (its module-level code runs) and
creates its plugin context, id 1; it does not start the VM or the plugin.

Where the Go SDK's emulator departs from Envoy (emulator.md §15), this one
follows Envoy: context ids count from 1 per emulator (streams 2, 3, ...);
adding an existing header adds a second entry; an empty header value is
found (""), values are not trimmed; an empty configuration reads as b"";
a body read past its end is empty, not an error; continue_stream acts when
the callback returns and distinguishes request from response; a local reply
is sent after the callback, through the response callbacks, whatever action
the callback returned.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from proxywasm import Action

from pwc.diagnostics import CompileError
from pwc.testing.abi import Callback, LogLevel
from pwc.testing.backend import PluginRuntime
from pwc.testing.errors import EmulatorError, PluginLoadError, PluginTrap
from pwc.testing.host import HostModel, RootContext
from pwc.testing.http_stream import (
    Direction,
    HttpStream,
    LocalResponse,
    text_pairs_to_bytes,
)

Backend = Literal["python", "wasm"]
BACKENDS: tuple[Backend, ...] = ("python", "wasm")


class Emulator:
    def __init__(
        self,
        plugin: str | Path | None = None,
        backend: Backend = "python",
        plugin_configuration: bytes = b"",
        vm_configuration: bytes = b"",
        *,
        wasm: bytes | None = None,
        clock_ns: Callable[[], int] = time.time_ns,
    ) -> None:
        """Load `plugin` (a source file) with `backend`; for "wasm", `wasm=`
        gives a precompiled module instead of compiling the source."""
        self.host = HostModel(vm_configuration=vm_configuration, clock_ns=clock_ns)
        self._trap: str | None = None
        self._runtime = _load(plugin, backend, wasm, self.host)
        self.backend = backend
        self._root: RootContext = self.host.new_root(plugin_configuration)
        self._invoke(self._root.context_id, Callback.CONTEXT_CREATE, self._root.context_id, 0)

    # --- the plugin ---------------------------------------------------------

    @property
    def plugin_context_id(self) -> int:
        return self._root.context_id

    def start_vm(self) -> bool:
        """proxy_on_vm_start with the VM configuration's size; its verdict."""
        root = self._root
        ok = self._invoke(
            root.context_id, Callback.VM_START, root.context_id, len(self.host.vm_configuration),
            default=1,
        )
        root.vm_started = ok != 0
        self._settle()
        return root.vm_started

    def start_plugin(self) -> bool:
        """proxy_on_configure with the plugin configuration's size; its verdict.

        As in Envoy, the VM is started first if it was not (and a VM that
        refuses to start means the plugin does not start either).
        """
        root = self._root
        if not root.vm_started and not self.start_vm():
            return False
        ok = self._invoke(
            root.context_id, Callback.CONFIGURE, root.context_id, len(root.plugin_configuration),
            default=1,
        )
        root.configured = ok != 0
        self._settle()
        return root.configured

    def finish_plugin(self) -> bool:
        """Tear the plugin down: proxy_on_done, then proxy_on_delete if it said done."""
        root = self._root
        done = self._invoke(root.context_id, Callback.DONE, root.context_id, default=1) != 0
        if done:
            self._invoke(root.context_id, Callback.DELETE, root.context_id)
            root.deleted = True
        return done

    def tick(self) -> None:
        """One proxy_on_tick (whether or not the plugin set a tick period)."""
        self._invoke(self._root.context_id, Callback.TICK, self._root.context_id)
        self._settle()

    @property
    def tick_period_ms(self) -> int:
        """The tick period the plugin set last; 0 when none (or stopped)."""
        return self._root.tick_period_ms

    # --- HTTP streams ---------------------------------------------------------

    def init_http_stream(self) -> int:
        """A new HTTP stream under the plugin (proxy_on_context_create); its id."""
        stream = self.host.new_http_stream(self._root.context_id)
        self._invoke(stream.context_id, Callback.CONTEXT_CREATE, stream.context_id,
                     self._root.context_id)
        return stream.context_id

    def call_on_request_headers(
        self, context_id: int, headers: list[tuple[str, str]], end_of_stream: bool
    ) -> Action:
        return self._headers(context_id, Direction.REQUEST, headers, end_of_stream)

    def call_on_response_headers(
        self, context_id: int, headers: list[tuple[str, str]], end_of_stream: bool
    ) -> Action:
        return self._headers(context_id, Direction.RESPONSE, headers, end_of_stream)

    def call_on_request_body(self, context_id: int, body: bytes, end_of_stream: bool) -> Action:
        """Deliver a body chunk: the plugin sees everything buffered so far
        (chunks it paused on) plus this one."""
        return self._body(context_id, Direction.REQUEST, body, end_of_stream)

    def call_on_response_body(self, context_id: int, body: bytes, end_of_stream: bool) -> Action:
        return self._body(context_id, Direction.RESPONSE, body, end_of_stream)

    def call_on_request_trailers(self, context_id: int, trailers: list[tuple[str, str]]) -> Action:
        return self._trailers(context_id, Direction.REQUEST, trailers)

    def call_on_response_trailers(
        self, context_id: int, trailers: list[tuple[str, str]]
    ) -> Action:
        return self._trailers(context_id, Direction.RESPONSE, trailers)

    def complete_http_stream(self, context_id: int) -> None:
        """End the stream as Envoy does: proxy_on_log, proxy_on_done,
        proxy_on_delete.  Its state stays readable."""
        stream = self._stream(context_id)
        if stream.completed:
            raise EmulatorError(f"stream {context_id} is already complete")
        self._invoke(context_id, Callback.LOG, context_id)
        self._invoke(context_id, Callback.DONE, context_id, default=1)
        self._invoke(context_id, Callback.DELETE, context_id)
        stream.completed = True

    # --- what the plugin did to a stream ----------------------------------------

    def get_current_request_headers(self, context_id: int) -> list[tuple[str, str]]:
        return self._stream(context_id).request_headers.as_text()

    def get_current_response_headers(self, context_id: int) -> list[tuple[str, str]]:
        return self._stream(context_id).response_headers.as_text()

    def get_current_request_trailers(self, context_id: int) -> list[tuple[str, str]]:
        return self._stream(context_id).request_trailers.as_text()

    def get_current_response_trailers(self, context_id: int) -> list[tuple[str, str]]:
        return self._stream(context_id).response_trailers.as_text()

    def get_current_request_body(self, context_id: int) -> bytes:
        return self._stream(context_id).request.body

    def get_current_response_body(self, context_id: int) -> bytes:
        return self._stream(context_id).response.body

    def get_current_http_stream_action(self, context_id: int) -> Action:
        """The action the plugin returned last, or CONTINUE once it resumed."""
        return Action(self._stream(context_id).action)

    def get_sent_local_response(self, context_id: int) -> LocalResponse | None:
        """The local reply the client got, if the plugin sent one."""
        return self._stream(context_id).local_response

    def was_http_stream_reset(self, context_id: int) -> bool:
        """Whether the plugin reset the stream (proxy_close_stream)."""
        return self._stream(context_id).reset

    # --- logs ---------------------------------------------------------------------

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

    # --- driving ------------------------------------------------------------------

    def _stream(self, context_id: int) -> HttpStream:
        return self.host.stream(context_id)

    def _live_stream(self, context_id: int, direction: Direction, what: str) -> HttpStream:
        """The stream, if Envoy could still deliver `what` to it."""
        stream = self._stream(context_id)
        if stream.completed:
            raise EmulatorError(f"stream {context_id} is complete; Envoy delivers nothing more")
        if stream.reset:
            raise EmulatorError(f"the plugin reset stream {context_id}; it receives nothing more")
        if stream.answered_locally:
            raise EmulatorError(
                f"stream {context_id} was answered with a local reply; Envoy delivers no "
                f"{what} after that (complete the stream instead)"
            )
        flow = stream.flow(direction)
        if what != f"{direction.value} headers" and flow.paused_at_headers:
            raise EmulatorError(
                f"the {direction.value} of stream {context_id} is paused in its headers "
                f"callback; Envoy holds back the {what} until the plugin resumes it"
            )
        return stream

    def _headers(
        self, context_id: int, direction: Direction, headers: list[tuple[str, str]], eos: bool
    ) -> Action:
        stream = self._live_stream(context_id, direction, f"{direction.value} headers")
        flow = stream.flow(direction)
        header_map = stream.request_headers if direction is Direction.REQUEST else (
            stream.response_headers
        )
        header_map.set_all(text_pairs_to_bytes(headers))
        flow.headers_seen = True
        flow.end_of_stream = eos
        callback = (
            Callback.REQUEST_HEADERS if direction is Direction.REQUEST
            else Callback.RESPONSE_HEADERS
        )
        action = self._invoke(context_id, callback, context_id, len(headers), int(eos))
        self._record(stream, direction, "headers", action)
        self._settle()
        return Action(action)

    def _body(self, context_id: int, direction: Direction, chunk: bytes, eos: bool) -> Action:
        stream = self._live_stream(context_id, direction, f"{direction.value} body")
        flow = stream.flow(direction)
        flow.body = (flow.body if flow.buffering_body else b"") + chunk
        flow.end_of_stream = eos
        callback = (
            Callback.REQUEST_BODY if direction is Direction.REQUEST else Callback.RESPONSE_BODY
        )
        action = self._invoke(context_id, callback, context_id, len(flow.body), int(eos))
        self._record(stream, direction, "body", action)
        self._settle()
        return Action(action)

    def _trailers(
        self, context_id: int, direction: Direction, trailers: list[tuple[str, str]]
    ) -> Action:
        stream = self._live_stream(context_id, direction, f"{direction.value} trailers")
        trailer_map = stream.request_trailers if direction is Direction.REQUEST else (
            stream.response_trailers
        )
        trailer_map.set_all(text_pairs_to_bytes(trailers))
        stream.flow(direction).end_of_stream = True
        callback = (
            Callback.REQUEST_TRAILERS if direction is Direction.REQUEST
            else Callback.RESPONSE_TRAILERS
        )
        action = self._invoke(context_id, callback, context_id, len(trailers))
        self._record(stream, direction, "trailers", action)
        self._settle()
        return Action(action)

    def _record(self, stream: HttpStream, direction: Direction, part: str, action: int) -> None:
        """Apply the action a stream callback returned (abi.md §6.3)."""
        if action not in (Action.CONTINUE, Action.PAUSE):
            raise EmulatorError(
                f"the plugin returned action {action} from its {direction.value} {part} "
                "callback; Envoy treats values other than 0 (continue) and 1 (pause) "
                "inconsistently (2 continues, others hang the stream): return only 0 or 1"
            )
        if stream.pending_local_response is not None:
            # After a local reply Envoy ignores the action and stops iteration.
            action = Action.PAUSE
        stream.action = action
        flow = stream.flow(direction)
        paused = action == Action.PAUSE
        match part:
            case "headers":
                flow.paused_at_headers = paused
            case "body":
                flow.buffering_body = paused
            case _:
                flow.paused_at_trailers = paused

    def _settle(self) -> None:
        """What Envoy does once a callback has returned: resume what the plugin
        resumed, then send the local replies it queued."""
        progressed = True
        while progressed:
            progressed = False
            for stream in list(self.host.streams.values()):
                for flow in (stream.request, stream.response):
                    if flow.resume_requested:
                        flow.resume_requested = False
                        flow.resume()
                        stream.action = Action.CONTINUE
                if stream.pending_local_response is not None:
                    self._send_local_response(stream, stream.pending_local_response)
                    progressed = True

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


def _load(
    plugin: str | Path | None, backend: Backend, wasm: bytes | None, host: HostModel
) -> PluginRuntime:
    match backend:
        case "python":
            from pwc.testing.python_backend import PythonPlugin

            if wasm is not None:
                raise EmulatorError("wasm= bytes need backend=\"wasm\"")
            if plugin is None:
                raise EmulatorError("the python backend needs the plugin's source file")
            return PythonPlugin(Path(plugin), host, _stdlib_dir())
        case "wasm":
            from pwc.testing.wasm_backend import WasmPlugin

            if wasm is None:
                if plugin is None:
                    raise EmulatorError("the wasm backend needs a plugin source file or wasm=")
                wasm = compile_plugin(Path(plugin))
            return WasmPlugin(wasm, host)
    raise EmulatorError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")


def _stdlib_dir() -> Path:
    from pwc.resources import stdlib_dir

    return stdlib_dir()


def compiler_unavailable_reason() -> str | None:
    """Why the wasm backend cannot compile plugins here (the compiler is not
    installed), or None if it can.  A compiler that exists but fails to
    import is not "unavailable": that error propagates."""
    try:
        importlib.import_module("pwc.driver")
    except ModuleNotFoundError as e:
        if e.name != "pwc.driver":
            raise
        return "the pwc compiler (pwc.driver) is not installed"
    return None


def compile_plugin(path: Path) -> bytes:
    """The plugin compiled by pwc (cached per source text within a test run)."""
    if not path.is_file():
        raise PluginLoadError(f"plugin source {path} does not exist")
    source = path.read_text(encoding="utf-8")
    return _compile_cached(str(path.resolve()), hashlib.sha256(source.encode()).hexdigest())


@functools.lru_cache(maxsize=64)
def _compile_cached(path: str, source_hash: str) -> bytes:
    reason = compiler_unavailable_reason()
    if reason is not None:
        raise EmulatorError(reason)
    driver = importlib.import_module("pwc.driver")
    try:
        result = driver.compile_file(path)
    except CompileError as e:
        raise PluginLoadError(f"pwc could not compile {path}:\n{e}") from None
    wasm = result.wasm
    if not isinstance(wasm, bytes):
        raise PluginLoadError(f"pwc returned no module for {path}")
    return wasm
