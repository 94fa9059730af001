"""Unit tests of network (examples.md §16), run compiled and under CPython.

(The Go SDK's emulator could run these natively only; pwc.testing drives TCP
connections in both backends.)
"""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"
LOCATION = {"cloud_provider": "aws", "region": "ap-northeast-1", "az": "ap-northeast-1a"}


def open_connection(emulator: Emulator) -> int:
    connection = emulator.init_tcp_stream()
    assert emulator.call_on_new_connection(connection) == Action.CONTINUE
    return connection


def test_on_new_connection(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    open_connection(emulator)
    assert "new connection!" in emulator.get_info_logs()


def test_on_downstream_close(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    connection = open_connection(emulator)
    emulator.close_downstream(connection)
    assert "downstream connection close!" in emulator.get_info_logs()


def test_on_downstream_data(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    connection = open_connection(emulator)
    action = emulator.call_on_downstream_data(connection, b"this is downstream data")
    assert action == Action.CONTINUE
    assert (
        ">>>>>> downstream data received >>>>>>\nthis is downstream data"
        in emulator.get_info_logs()
    )
    assert emulator.get_forwarded_downstream_data(connection) == b"this is downstream data"


def test_on_upstream_data(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    connection = open_connection(emulator)
    action = emulator.call_on_upstream_data(connection, b"this is upstream data")
    assert action == Action.CONTINUE
    assert (
        "<<<<<< upstream data received <<<<<<\nthis is upstream data" in emulator.get_info_logs()
    )
    # No upstream properties were given: both reads fail, with a warning each.
    warnings = emulator.get_warn_logs()
    assert len(warnings) == 2
    assert warnings[0].startswith("failed to get upstream remote address: ")
    assert warnings[1].startswith("failed to get upstream location metadata: ")


def test_upstream_properties_are_logged(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    connection = emulator.init_tcp_stream(
        properties={
            ("upstream", "address"): "127.0.0.1:8099",
            ("xds", "cluster_metadata"): {"filter_metadata": {"location": LOCATION}},
        }
    )
    emulator.call_on_new_connection(connection)
    emulator.call_on_upstream_data(connection, b"HTTP/1.1 200 OK\r\n\r\n")
    assert emulator.get_warn_logs() == []
    assert emulator.get_info_logs()[1:] == [
        "remote address: 127.0.0.1:8099",
        "upstream cluster metadata location[cloud_provider]=aws",
        "upstream cluster metadata location[region]=ap-northeast-1",
        "upstream cluster metadata location[az]=ap-northeast-1a",
        "<<<<<< upstream data received <<<<<<\nHTTP/1.1 200 OK\r\n\r\n",
    ]


def test_empty_data_is_not_logged(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    connection = open_connection(emulator)
    assert emulator.call_on_downstream_data(connection, b"", end_of_stream=True) == (
        Action.CONTINUE
    )
    assert emulator.call_on_upstream_data(connection, b"", end_of_stream=True) == (
        Action.CONTINUE
    )
    assert emulator.get_info_logs() == ["new connection!"]
    assert emulator.get_warn_logs() == []


def test_counter(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_vm()
    connection = open_connection(emulator)
    emulator.complete_tcp_stream(connection)
    assert "connection complete!" in emulator.get_info_logs()
    assert emulator.get_counter_value("proxy_wasm_go.connection_counter") == 1
    for _ in range(2):
        emulator.complete_tcp_stream(open_connection(emulator))
    assert emulator.get_counter_value("proxy_wasm_go.connection_counter") == 3
