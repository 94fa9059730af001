"""Out of memory is a MemoryError like any other exception (design.md "Errors
at run time"): a plugin whose memory cannot grow further fails the request
that ran out -- logged with its source line, 500 local reply -- and serves
the next ones normally, every time.  Only the wasm backend has a memory that
can run out (`memory_limit=` caps it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from proxywasm import Action

from pwc.testing import Emulator

pytestmark = pytest.mark.usefixtures("needs_compiler")

PLUGIN = Path(__file__).parent / "plugins" / "memory_hog.py"
LIMIT = 4 << 20


def line_of(text: str) -> int:
    for number, line in enumerate(PLUGIN.read_text().splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} is not in {PLUGIN.name}")


def started() -> Emulator:
    emulator = Emulator(PLUGIN, "wasm", memory_limit=LIMIT)
    assert emulator.start_plugin()
    return emulator


def served(emulator: Emulator, path: str) -> None:
    """A request that needs no more than a little memory gets through."""
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [(":path", path)], True) == Action.CONTINUE
    emulator.call_on_response_headers(stream, [(":status", "200")], True)
    assert ("x-served", f"{path} (1 headers)") in emulator.get_current_response_headers(stream)
    assert emulator.get_sent_local_response(stream) is None
    emulator.complete_http_stream(stream)


def runs_out(emulator: Emulator, how: str) -> None:
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [(":path", "/"), ("x-hog", how)], True)
    assert action == Action.PAUSE
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None
    assert (reply.status_code, reply.details) == (500, "plugin_raised_exception")
    location = f"memory_hog.py:{line_of(f'{how} hog')} in hog_{how}"
    assert emulator.get_error_logs()[-1] == f"MemoryError: out of memory ({location})"
    emulator.complete_http_stream(stream)


@pytest.mark.parametrize("how", ["list", "objects", "doubling"])
def test_running_out_fails_the_request_and_the_vm_keeps_serving(how: str) -> None:
    emulator = started()
    served(emulator, "/before")
    runs_out(emulator, how)
    served(emulator, "/after")
    assert len(emulator.get_error_logs()) == 1


@pytest.mark.slow
def test_every_time() -> None:
    """The memory a failed request held comes back, and so does the reserve
    that lets the next failure be reported."""
    emulator = started()
    for round_ in range(5):
        for how in ("list", "objects", "doubling"):
            runs_out(emulator, how)
            served(emulator, f"/{round_}/{how}")
    assert len(emulator.get_error_logs()) == 15
    assert emulator.get_memory_size() is not None
    assert emulator.get_memory_size() <= LIMIT


def test_the_plugin_can_catch_it() -> None:
    emulator = started()
    stream = emulator.init_http_stream()
    headers = [(":path", "/caught"), ("x-hog", "caught")]
    assert emulator.call_on_request_headers(stream, headers, True) == Action.CONTINUE
    emulator.call_on_response_headers(stream, [(":status", "200")], True)
    response = emulator.get_current_response_headers(stream)
    assert ("x-caught", "MemoryError: out of memory") in response
    assert emulator.get_error_logs() == []
    emulator.complete_http_stream(stream)
    served(emulator, "/after")


def test_no_memory_for_what_the_host_returns_is_a_memory_error_too() -> None:
    """The host's call into the allocator export cannot raise: it gets 0, and
    the host call that wanted the memory (here the body's) raises the
    MemoryError.  Before, the export trapped."""
    emulator = started()
    stream = emulator.init_http_stream()
    headers = [(":path", "/caught"), ("x-hog", "caught")]
    assert emulator.call_on_request_headers(stream, headers, False) == Action.CONTINUE
    assert emulator.call_on_request_body(stream, b"x" * (1 << 20), True) == Action.PAUSE
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None and reply.status_code == 500
    (line,) = emulator.get_error_logs()
    # raised in the allocator, on the host's behalf; located at the plugin's
    # line whose host call needed the memory
    location = f"memory_hog.py:{line_of('# body read')} in on_http_request_body"
    assert line == f"MemoryError: out of memory ({location})"
    emulator.complete_http_stream(stream)
    served(emulator, "/after")


def test_the_python_backend_has_no_memory_limit() -> None:
    from pwc.testing.errors import EmulatorError

    with pytest.raises(EmulatorError, match="memory_limit"):
        Emulator(PLUGIN, "python", memory_limit=LIMIT)
