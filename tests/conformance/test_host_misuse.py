"""Host misuse the SDK tolerates (docs/sdk.md "Host misuse"), one case at a
time at the raw ABI level; test_abi_fuzz.py mixes them all at random."""

from __future__ import annotations

from pathlib import Path

import pytest

from pwc.testing import compiler_unavailable_reason
from pwc.testing.abi import Callback
from pwc.testing.host import HostModel
from pwc.testing.loading import compile_plugin
from pwc.testing.wasm_backend import WasmPlugin

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _needs_the_compiler() -> None:
    reason = compiler_unavailable_reason()
    if reason is not None:
        pytest.skip(reason)


def test_a_context_id_created_again_replaces_the_stream() -> None:
    """Misuse: proxy_on_context_create for a live stream's id.  The stale
    context is deleted first (its region freed), so memory stays flat."""
    host = HostModel()
    plugin = WasmPlugin(compile_plugin(ROOT / "examples/http_headers/plugin.py"), host)

    def call(callback: str, *args: int) -> int:
        host.begin_callback(args[0], callback, args)
        try:
            return plugin.call(callback, *args)
        finally:
            host.end_callback()

    root = host.new_root(b"")
    call(Callback.CONTEXT_CREATE, root.context_id, 0)
    stream = host.new_http_stream(root.context_id)
    stream.request_headers.set_all([(b":path", b"/")])
    sizes = []
    for _ in range(200):
        call(Callback.CONTEXT_CREATE, stream.context_id, root.context_id)
        assert call(Callback.REQUEST_HEADERS, stream.context_id, 1, 1) == 0
        sizes.append(plugin.memory_size())
    assert sizes[-1] == sizes[10], "each re-creation leaked its predecessor's region"
    assert host.logs[-2].message == "request header --> :path: /"
