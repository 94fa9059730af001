"""Regions that only grow are compacted (runtime/collect.wat): a plugin
context replacing a big table on every tick, and one stream transforming
thousands of body chunks, run in flat memory; and the memory of a thousand
streams that were open at once is reused by the next thousand.

Each plugin also checks its own data (the digest of every chunk, the
previous tick's table), so a compaction that lost or mixed up an object
fails the test, not only one that leaks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pwc.testing import Emulator

pytestmark = pytest.mark.usefixtures("needs_compiler")

PLUGINS = Path(__file__).parent / "plugins"
TICKS = int(os.environ.get("PWC_COMPACTION_TICKS", "100000"))
CHUNKS = 10_000


def digest_of(chunks: list[bytes]) -> int:
    digest = 0
    for chunk in chunks:
        for c in chunk.decode().upper().replace("A", "@"):
            digest = (digest * 31 + ord(c)) % 1_000_000_007
    return digest


@pytest.mark.slow
def test_a_table_rebuilt_on_every_tick_stays_in_bounded_memory() -> None:
    emulator = Emulator(PLUGINS / "tick_tables.py", "wasm")
    assert emulator.start_plugin()
    sizes = []
    for tick in range(1, TICKS + 1):
        emulator.tick()
        if tick % (TICKS // 10) == 0:
            sizes.append(emulator.get_memory_size())
    assert emulator.get_warn_logs() == []
    assert len(emulator.get_info_logs()) == TICKS // 10_000
    # Ten samples from tick TICKS/10 on: the same memory all along.
    assert len(set(sizes)) == 1, sizes


@pytest.mark.slow
def test_one_stream_of_ten_thousand_body_chunks_stays_in_bounded_memory() -> None:
    emulator = Emulator(PLUGINS / "chunk_rewriter.py", "wasm")
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":method", "POST"), (":path", "/upload")], False)
    sent: list[bytes] = []
    sizes = {}
    for n in range(1, CHUNKS + 1):
        chunk = (f"chunk {n} " + "abcdefgh" * (n % 97 + 8)).encode()
        sent.append(chunk)
        emulator.call_on_request_body(stream, chunk, n == CHUNKS)
        assert emulator.get_current_request_body(stream) == \
            chunk.decode().upper().replace("A", "@").encode()
        if n in (1_000, CHUNKS):
            sizes[n] = emulator.get_memory_size()
    assert emulator.get_info_logs() == [
        f"{CHUNKS} chunks, digest {digest_of(sent)}, "
        f"last {sent[-1].decode().upper().replace('A', '@')[-8:]}"]
    assert sizes[1_000] == sizes[CHUNKS]
    emulator.complete_http_stream(stream)


@pytest.mark.slow
def test_memory_of_a_thousand_closed_streams_is_reused() -> None:
    emulator = Emulator(PLUGINS / "chunk_rewriter.py", "wasm")
    assert emulator.start_plugin()

    def thousand_at_once() -> None:
        streams = [emulator.init_http_stream() for _ in range(1_000)]
        for i, stream in enumerate(streams):
            emulator.call_on_request_headers(stream, [(":path", f"/{i}")], False)
            emulator.call_on_request_body(stream, f"body of stream {i}".encode() * 50, True)
        for stream in streams:
            emulator.complete_http_stream(stream)

    thousand_at_once()
    after_first = emulator.get_memory_size()
    for _ in range(3):
        thousand_at_once()
    assert emulator.get_memory_size() == after_first
    assert len(emulator.get_info_logs()) == 4_000
