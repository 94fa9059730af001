"""TCP (network filter) contexts through the SDK (abi.md §2.5, §3.2, §3.5):
callback order and arguments, data buffers and their edits, pausing and
resuming, closing, the failure policy.  Every test runs compiled and under
CPython."""

from __future__ import annotations

from pathlib import Path

import pytest
from proxywasm import Action, PeerType

from pwc.testing import Backend, Emulator, EmulatorError

PLUGIN = Path(__file__).parent / "plugins" / "tcp.py"


def opened(backend: Backend) -> tuple[Emulator, int]:
    emulator = Emulator(PLUGIN, backend)
    assert emulator.start_plugin()
    connection = emulator.init_tcp_stream()
    assert emulator.call_on_new_connection(connection) == Action.CONTINUE
    return emulator, connection


def test_callbacks_arrive_in_envoys_order(emulator_backend: Backend) -> None:
    emulator, connection = opened(emulator_backend)
    emulator.call_on_downstream_data(connection, b"hello")
    emulator.call_on_upstream_data(connection, b"hi", end_of_stream=True)
    emulator.close_downstream(connection, PeerType.REMOTE)
    emulator.complete_tcp_stream(connection)
    assert emulator.get_info_logs() == [
        f"new_connection {connection}",
        "downstream_data 5 False hello",
        "upstream_data 2 True hi",
        "upstream_close 0",
        "downstream_close 2",
        f"stream_done {connection}",
    ]


def test_completing_an_open_connection_closes_it_first(emulator_backend: Backend) -> None:
    emulator, connection = opened(emulator_backend)
    emulator.complete_tcp_stream(connection)
    assert emulator.get_info_logs()[-2:] == ["downstream_close 2", f"stream_done {connection}"]
    with pytest.raises(EmulatorError, match="complete"):
        emulator.call_on_downstream_data(connection, b"late")


def test_data_edits_reach_the_other_side(emulator_backend: Backend) -> None:
    emulator, connection = opened(emulator_backend)
    emulator.call_on_downstream_data(connection, b"wrap")
    assert emulator.get_current_downstream_data(connection) == b"<wrap>"
    emulator.call_on_downstream_data(connection, b"swap")
    assert emulator.get_forwarded_downstream_data(connection) == b"<wrap>swapped"
    emulator.call_on_upstream_data(connection, b"pong")
    assert emulator.get_forwarded_upstream_data(connection) == b"pong!"


def test_paused_data_accumulates_until_resumed(emulator_backend: Backend) -> None:
    emulator, connection = opened(emulator_backend)
    assert emulator.call_on_downstream_data(connection, b"ab") == Action.CONTINUE
    assert emulator.call_on_downstream_data(connection, b"hold") == Action.PAUSE
    assert emulator.call_on_downstream_data(connection, b"-hold") == Action.PAUSE
    assert emulator.get_forwarded_downstream_data(connection) == b"ab"
    assert emulator.get_current_tcp_stream_action(connection) == Action.PAUSE
    emulator.tick()
    assert emulator.get_current_tcp_stream_action(connection) == Action.CONTINUE
    assert emulator.get_forwarded_downstream_data(connection) == b"abhold-hold"
    assert emulator.get_info_logs()[1:4] == [
        "downstream_data 2 False ab",
        "downstream_data 4 False hold",
        "downstream_data 9 False hold-hold",
    ]
    assert f"continued {connection}" in emulator.get_info_logs()


def test_the_plugin_closes_the_connection(emulator_backend: Backend) -> None:
    emulator, connection = opened(emulator_backend)
    emulator.call_on_downstream_data(connection, b"close")
    assert emulator.was_tcp_connection_closed(connection)
    assert emulator.get_info_logs()[-1] == "downstream_close 1"  # LOCAL
    with pytest.raises(EmulatorError, match="closed"):
        emulator.call_on_downstream_data(connection, b"more")
    emulator.complete_tcp_stream(connection)
    assert emulator.get_info_logs()[-1] == f"stream_done {connection}"


def test_a_buffer_is_readable_only_in_its_own_callback(emulator_backend: Backend) -> None:
    emulator, connection = opened(emulator_backend)
    emulator.call_on_downstream_data(connection, b"peek")
    assert "peek: NotFoundError" in emulator.get_info_logs()


def test_an_exception_closes_the_connection(emulator_backend: Backend) -> None:
    emulator, connection = opened(emulator_backend)
    assert emulator.call_on_downstream_data(connection, b"boom") == Action.PAUSE
    (error,) = emulator.get_error_logs()
    assert error.startswith("ValueError: bad data (tcp.py:")
    assert emulator.was_tcp_connection_closed(connection)
    assert emulator.get_info_logs()[-1] == "downstream_close 1"


def test_end_of_stream_is_delivered(emulator_backend: Backend) -> None:
    emulator, connection = opened(emulator_backend)
    emulator.call_on_downstream_data(connection, b"bye", end_of_stream=True)
    assert "downstream_data 3 True bye" in emulator.get_info_logs()
    with pytest.raises(EmulatorError, match="ended"):
        emulator.call_on_downstream_data(connection, b"more")


def test_an_unopened_connection_gets_no_data(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    connection = emulator.init_tcp_stream()
    with pytest.raises(EmulatorError, match="call_on_new_connection"):
        emulator.call_on_downstream_data(connection, b"x")


def test_several_connections_keep_their_own_buffers(emulator_backend: Backend) -> None:
    emulator, first = opened(emulator_backend)
    second = emulator.init_tcp_stream()
    emulator.call_on_new_connection(second)
    emulator.call_on_downstream_data(first, b"hold")
    emulator.call_on_downstream_data(second, b"wrap")
    assert emulator.get_current_downstream_data(first) == b"hold"
    assert emulator.get_forwarded_downstream_data(second) == b"<wrap>"
    assert emulator.get_forwarded_downstream_data(first) == b""
