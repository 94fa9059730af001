"""Unit tests of vm_plugin_configuration (examples.md §17), run compiled and under CPython."""

from pathlib import Path

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"


def test_plugin_configuration_is_logged(emulator_backend: Backend) -> None:
    emulator = Emulator(
        PLUGIN, emulator_backend, plugin_configuration=b"tinygo plugin configuration"
    )
    assert emulator.start_plugin()
    assert "plugin config: tinygo plugin configuration" in emulator.get_info_logs()


def test_vm_configuration_is_logged(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, vm_configuration=b"tinygo vm configuration")
    assert emulator.start_vm()
    assert emulator.get_info_logs() == ["vm config: tinygo vm configuration"]


def test_both_are_logged_verbatim(emulator_backend: Backend) -> None:
    vm_configuration = b'{\n  "name": "vm configuration"\n}\n'
    plugin_configuration = b'{\n  "name": "plugin configuration"\n}\n'
    emulator = Emulator(
        PLUGIN,
        emulator_backend,
        plugin_configuration=plugin_configuration,
        vm_configuration=vm_configuration,
    )
    assert emulator.start_plugin()
    assert emulator.get_info_logs() == [
        "vm config: " + vm_configuration.decode(),
        "plugin config: " + plugin_configuration.decode(),
    ]
    assert emulator.get_critical_logs() == []


def test_empty_configurations_are_logged_empty(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    assert emulator.get_info_logs() == ["vm config: ", "plugin config: "]
    assert emulator.get_critical_logs() == []


def test_requests_pass_untouched(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":path", "/")], end_of_stream=True)
    emulator.complete_http_stream(stream)
    assert emulator.get_current_request_headers(stream) == [(":path", "/")]
