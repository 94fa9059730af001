"""Host misuse the SDK tolerates (docs/sdk.md "Host misuse"), one case at a
time at the raw ABI level; test_abi_fuzz.py mixes them all at random."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pwc.testing.abi import Callback
from pwc.testing.callouts import CalloutResponse
from pwc.testing.errors import PluginTrap
from pwc.testing.host import HostModel
from pwc.testing.http_stream import HeaderMap, HttpStream
from pwc.testing.loading import compile_plugin
from pwc.testing.wasm_backend import EnvImports, Guest, WasmPlugin
from pwc.testing.wire import encode_map

pytestmark = pytest.mark.usefixtures("needs_compiler")

ROOT = Path(__file__).resolve().parents[2]


class RawPlugin:
    """A plugin compiled, under the emulator's host model (or `host`), called
    at the raw ABI level: a configured plugin context and one live stream."""

    def __init__(
        self, plugin: str = "examples/http_headers/plugin.py", host: HostModel | None = None
    ) -> None:
        self.host = HostModel() if host is None else host
        self.wasm = WasmPlugin(compile_plugin(ROOT / plugin), self.host)
        self.root = self.host.new_root(b"").context_id
        self.call(Callback.CONTEXT_CREATE, self.root, 0)
        self.call(Callback.CONFIGURE, self.root, 0)
        self.stream = self.host.new_http_stream(self.root)
        self.stream.request_headers.set_all([(b":path", b"/")])
        self.call(Callback.CONTEXT_CREATE, self.stream.context_id, self.root)

    def call(self, callback: str, *args: int) -> int:
        if not self.wasm.has_export(callback):
            return 0
        self.host.begin_callback(args[0], callback, args)
        try:
            return self.wasm.call(callback, *args)
        finally:
            self.host.end_callback()

    def request_headers(self) -> int:
        return self.call(Callback.REQUEST_HEADERS, self.stream.context_id, 1, 1)

    def logged(self) -> list[str]:
        return [entry.message for entry in self.host.logs]


def test_a_context_id_created_again_replaces_the_stream() -> None:
    """proxy_on_context_create for a live stream's id: the stale context is
    deleted first (its region freed), so memory stays flat."""
    plugin = RawPlugin()
    sizes = []
    for _ in range(200):
        plugin.call(Callback.CONTEXT_CREATE, plugin.stream.context_id, plugin.root)
        assert plugin.request_headers() == 0
        sizes.append(plugin.wasm.memory_size())
    assert sizes[-1] == sizes[10], "each re-creation leaked its predecessor's region"
    assert plugin.logged()[-2] == "request header --> :path: /"


def test_a_plugin_context_id_created_again_as_a_stream_is_only_a_stream() -> None:
    """A stream created with the id of a live plugin context waits on a
    callout.  Were the id still a plugin context too, the answer would run as
    a root's (not resuming the stream), then free the stream's region under
    it; the next stream would reuse it and the stream's on_log would trap."""
    plugin = RawPlugin("tests/conformance/plugins/callouts.py")
    other_root = plugin.host.new_root(b"").context_id
    plugin.call(Callback.CONTEXT_CREATE, other_root, 0)
    plugin.call(Callback.CONFIGURE, other_root, 0)
    plugin.host.streams[other_root] = stream = HttpStream(other_root, plugin.root)
    stream.request_headers.set_all([(b":path", b"/auth")])
    plugin.call(Callback.CONTEXT_CREATE, other_root, plugin.root)
    assert plugin.call(Callback.REQUEST_HEADERS, other_root, 1, 0) == 1
    stream.request.paused_at_headers = True
    (token,) = plugin.host.pending_http_calls
    plugin.host.roots[plugin.root].callout_response = CalloutResponse(
        HeaderMap([(b":status", b"200")]), b"ok", HeaderMap()
    )
    plugin.call(Callback.HTTP_CALL_RESPONSE, plugin.root, token, 1, 2, 0)
    plugin.host.roots[plugin.root].callout_response = None
    assert stream.request.resume_requested
    plugin.request_headers()  # another stream, allocating
    plugin.call(Callback.LOG, other_root)
    assert plugin.logged()[-1] == f"stream {other_root} done"


class OneToken(HostModel):
    """A host that hands out callout token 4 every time."""

    def http_call(self, *args: object) -> int:
        return 4


def test_a_token_handed_out_again_while_pending_replaces_the_callout() -> None:
    """Two ticks, each dispatching a callout, both given token 4; one answer.
    The first callout is dropped: its hold on its tick's region is released
    instead of leaked, and the answer runs the second one's callback."""
    plugin = RawPlugin("examples/dispatch_call_on_tick/plugin.py", OneToken())
    sizes = []
    for round_ in range(1, 201):
        plugin.call(Callback.TICK, plugin.root)
        plugin.call(Callback.TICK, plugin.root)
        plugin.call(Callback.HTTP_CALL_RESPONSE, plugin.root, 4, 0, 0, 0)
        assert plugin.logged()[-1] == f"called {round_} for contextID={plugin.root}"
        sizes.append(plugin.wasm.memory_size())
    assert sizes[-1] == sizes[10], "each reused token leaked its callout's region"


class ScriptedTokens(HostModel):
    """A host that hands out the callout tokens of `tokens`, in a cycle."""

    def __init__(self, tokens: list[int]) -> None:
        super().__init__()
        self.tokens = tokens
        self.handed_out = 0

    def http_call(self, *args: object) -> int:
        self.handed_out += 1
        return self.tokens[(self.handed_out - 1) % len(self.tokens)]


REDISPATCHING_PLUGIN = """
from proxywasm import PluginContext, VMContext, dispatch_http_call, log_info, set_vm_context

HEADERS = [(":method", "GET"), (":path", "/"), (":authority", "a")]


class Plugin(PluginContext):
    def __init__(self) -> None:
        super().__init__()
        self.ticks = 0

    def on_tick(self) -> None:
        self.ticks += 1
        label = f"tick {self.ticks}"
        dispatch_http_call("c", HEADERS, b"", [], 100, lambda h, b, t: self.first(label))
        dispatch_http_call("c", HEADERS, b"", [], 100, lambda h, b, t: log_info("second"))

    def first(self, label: str) -> None:
        dispatch_http_call("c", HEADERS, b"", [], 100, lambda h, b, t: log_info("third"))
        # Big enough for a chunk of its own: a chunk freed under this
        # callback would be reused here, and overwrite `label`.
        filler = "x" * 20000
        log_info(f"first answer of {label} ({len(filler)})")


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
"""


def test_a_token_handed_out_again_during_an_answer_keeps_the_answers_region(
    tmp_path: Path,
) -> None:
    """A tick dispatches two callouts (tokens 4 and 8) from its region; the
    first one's callback dispatches again and is given 8, still pending.
    The dropped callout was the last other one living in the tick's region,
    but the running callback lives there too: the region is freed once, when
    that callback returns, not under it (and then again)."""
    source = tmp_path / "redispatching.py"
    source.write_text(REDISPATCHING_PLUGIN)
    plugin = RawPlugin(str(source), ScriptedTokens([4, 8, 8]))
    sizes = []
    for round_ in range(1, 201):
        plugin.call(Callback.TICK, plugin.root)
        plugin.call(Callback.HTTP_CALL_RESPONSE, plugin.root, 4, 0, 0, 0)
        plugin.call(Callback.HTTP_CALL_RESPONSE, plugin.root, 8, 0, 0, 0)
        assert plugin.logged()[-2:] == [f"first answer of tick {round_} (20000)", "third"]
        sizes.append(plugin.wasm.memory_size())
    assert sizes[-1] == sizes[10], "the tick regions leaked"


def _answer_pairs_with(monkeypatch: pytest.MonkeyPatch, write: Callable[..., None]) -> None:
    """Make proxy_get_header_map_pairs answer OK after `write(guest, data_slot, size_slot)`."""

    def pairs(self: EnvImports, guest: Guest, kind: int, data_slot: int, size_slot: int) -> None:
        write(guest, data_slot, size_slot)

    monkeypatch.setattr(EnvImports, "get_header_map_pairs", pairs)


def _cut(data: bytes) -> bytes:
    """The last value runs past the end of the block."""
    return data[:-3]


def _huge_value_length(data: bytes) -> bytes:
    """The second value claims 2**32 - 1 bytes: added to anything, it wraps."""
    return data[:16] + (2**32 - 1).to_bytes(4, "little") + data[20:]


# A tiny map is decoded pair by pair, a larger ASCII one carved from one block.
@pytest.mark.parametrize("first, second", [
    ((b"a", b"b"), (b"c", b"d")),
    ((b"x-first-header", b"first value"), (b"x-second-header", b"second value")),
])
@pytest.mark.parametrize("damage", [_cut, _huge_value_length])
def test_a_malformed_header_map_is_read_as_far_as_it_is_consistent(
    monkeypatch: pytest.MonkeyPatch,
    first: tuple[bytes, bytes],
    second: tuple[bytes, bytes],
    damage: Callable[[bytes], bytes],
) -> None:
    """One good pair, then one that does not fit in the block."""
    damaged = damage(encode_map([first, second]))

    def write(guest: Guest, data_slot: int, size_slot: int) -> None:
        guest.give(damaged, data_slot, size_slot)

    _answer_pairs_with(monkeypatch, write)
    plugin = RawPlugin()
    assert plugin.request_headers() == 0
    assert f"request header --> {first[0].decode()}: {first[1].decode()}" in plugin.logged()
    assert not any(f"{second[0].decode()}: " in message for message in plugin.logged())


def test_a_result_outside_memory_is_the_misuse_that_traps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The SDK trusts the address a host call returns with OK: one past the
    end of linear memory traps (memory_out_of_bounds), as documented."""

    def write(guest: Guest, data_slot: int, size_slot: int) -> None:
        guest.write_u32(data_slot, 0xFFFFFF00)
        guest.write_u32(size_slot, 16)

    _answer_pairs_with(monkeypatch, write)
    plugin = RawPlugin()
    with pytest.raises(PluginTrap, match="memory_out_of_bounds"):
        plugin.request_headers()
