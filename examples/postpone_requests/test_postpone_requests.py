"""Unit tests of postpone_requests (examples.md §11), run compiled and under CPython."""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"


def test_request_is_resumed_on_tick(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    assert emulator.tick_period_ms == 1000
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], end_of_stream=False) == Action.PAUSE
    assert emulator.get_current_http_stream_action(stream) == Action.PAUSE
    emulator.tick()
    assert emulator.get_current_http_stream_action(stream) == Action.CONTINUE
    assert emulator.get_info_logs() == [
        f"postpone request with contextID={stream}",
        f"resume request with contextID={stream}",
    ]


def test_first_stream_is_context_2(emulator_backend: Backend) -> None:
    # The e2e test greps for contextID=2: the plugin context is 1.
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    assert stream == 2
    emulator.call_on_request_headers(stream, [], end_of_stream=False)
    emulator.tick()
    assert emulator.get_info_logs() == [
        "postpone request with contextID=2",
        "resume request with contextID=2",
    ]


def test_requests_are_resumed_in_order_once(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    streams = [emulator.init_http_stream() for _ in range(5)]
    for stream in streams:
        assert emulator.call_on_request_headers(stream, [], end_of_stream=False) == Action.PAUSE
    emulator.tick()
    assert all(emulator.get_current_http_stream_action(s) == Action.CONTINUE for s in streams)
    resumed = [line for line in emulator.get_info_logs() if line.startswith("resume")]
    assert resumed == [f"resume request with contextID={stream}" for stream in streams]
    # The queue is empty again: the next tick resumes nothing.
    emulator.tick()
    assert len([line for line in emulator.get_info_logs() if line.startswith("resume")]) == 5


def test_queue_survives_finished_streams(emulator_backend: Backend) -> None:
    # Streams come and go between ticks (their memory is freed); the plugin's
    # queue, filled from their callbacks, must keep every id intact.
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    waiting: list[int] = []
    for round_number in range(3):
        for _ in range(40):
            stream = emulator.init_http_stream()
            emulator.call_on_request_headers(stream, [("x-round", str(round_number))], False)
            waiting.append(stream)
        emulator.tick()
        for stream in waiting:
            assert emulator.get_current_http_stream_action(stream) == Action.CONTINUE
            emulator.complete_http_stream(stream)
        resumed = [line for line in emulator.get_info_logs() if line.startswith("resume")]
        assert resumed[-len(waiting):] == [f"resume request with contextID={s}" for s in waiting]
        waiting = []


def test_stream_gone_before_the_tick_is_skipped(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    gone, kept = emulator.init_http_stream(), emulator.init_http_stream()
    for stream in (gone, kept):
        emulator.call_on_request_headers(stream, [], end_of_stream=False)
    emulator.complete_http_stream(gone)  # e.g. the client hung up
    emulator.tick()
    assert emulator.get_current_http_stream_action(kept) == Action.CONTINUE
    assert f"resume request with contextID={kept}" in emulator.get_info_logs()
    assert emulator.get_error_logs() == []
