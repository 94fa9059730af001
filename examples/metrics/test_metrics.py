"""Unit tests of metrics (examples.md §15), run compiled and under CPython."""

from pathlib import Path

import pytest
from proxywasm import Action

from pwc.testing import Backend, Emulator, EmulatorError

PLUGIN = Path(__file__).parent / "plugin.py"
FOO_COUNTER = "custom_header_value_counts_value=foo_reporter=wasmgosdk"


def test_metric(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_vm()
    stream = emulator.init_http_stream()
    for _ in range(3):
        action = emulator.call_on_request_headers(
            stream, [("my-custom-header", "foo")], end_of_stream=False
        )
        assert action == Action.CONTINUE
    assert emulator.get_counter_value(FOO_COUNTER) == 3


def test_one_counter_per_header_value(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    for value in ["foo", "bar", "foo", "bar", "bar", "baz"]:
        stream = emulator.init_http_stream()
        emulator.call_on_request_headers(stream, [("my-custom-header", value)], True)
        emulator.complete_http_stream(stream)
    assert emulator.get_counter_value(FOO_COUNTER) == 2
    assert emulator.get_counter_value(
        "custom_header_value_counts_value=bar_reporter=wasmgosdk"
    ) == 3
    assert emulator.get_counter_value(
        "custom_header_value_counts_value=baz_reporter=wasmgosdk"
    ) == 1
    assert emulator.get_info_logs() == []


def test_requests_without_the_header_count_nothing(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [("other", "foo")], True) == Action.CONTINUE
    with pytest.raises(EmulatorError, match="no counter metric"):
        emulator.get_counter_value(FOO_COUNTER)
