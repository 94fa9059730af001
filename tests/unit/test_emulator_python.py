"""The emulator's CPython backend: isolation, start-phase rules, misuse."""

from __future__ import annotations

import sys
from pathlib import Path
from textwrap import dedent

import proxywasm
import pytest

from pwc.testing import Emulator, EmulatorError, PluginLoadError

COUNTING_PLUGIN = """
from proxywasm import PluginContext, VMContext, log_info, set_vm_context
from helper import Tally

TALLY = Tally()


class Plugin(PluginContext):
    def on_tick(self) -> None:
        TALLY.count += 1
        log_info(f"tick {TALLY.count}")


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
"""

HELPER = """
class Tally:
    def __init__(self) -> None:
        self.count = 0
"""


def write_plugin(directory: Path, source: str, helper: str | None = None) -> Path:
    plugin = directory / "plugin.py"
    plugin.write_text(dedent(source))
    if helper is not None:
        (directory / "helper.py").write_text(dedent(helper))
    return plugin


def test_emulators_share_no_state(tmp_path: Path) -> None:
    plugin = write_plugin(tmp_path, COUNTING_PLUGIN, HELPER)
    first = Emulator(plugin, "python")
    second = Emulator(plugin, "python")
    first.tick()
    first.tick()
    second.tick()
    assert first.get_info_logs() == ["tick 1", "tick 2"]
    assert second.get_info_logs() == ["tick 1"]


def test_loading_leaves_sys_modules_as_it_was(tmp_path: Path) -> None:
    plugin = write_plugin(tmp_path, COUNTING_PLUGIN, HELPER)
    before = dict(sys.modules)
    Emulator(plugin, "python")
    assert "helper" not in sys.modules
    assert sys.modules.get("proxywasm") is proxywasm
    assert set(sys.modules) - set(before) <= {
        name for name in sys.modules if name.startswith(("pwc.", "wasmtime"))
    }


def test_module_level_code_may_only_log(tmp_path: Path) -> None:
    plugin = write_plugin(
        tmp_path,
        """
        from proxywasm import get_vm_configuration, log_info

        log_info("loading")
        get_vm_configuration()
        """,
    )
    with pytest.raises(PluginLoadError, match="proxy_get_buffer_bytes.*restricted_callback"):
        Emulator(plugin, "python")


def test_an_exception_at_import_fails_the_load(tmp_path: Path) -> None:
    plugin = write_plugin(tmp_path, "raise ValueError('no')\n")
    with pytest.raises(PluginLoadError, match="ValueError: no"):
        Emulator(plugin, "python")


def test_a_missing_plugin_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PluginLoadError, match="does not exist"):
        Emulator(tmp_path / "absent.py", "python")


def test_a_plugin_without_a_vm_context_passes_everything(tmp_path: Path) -> None:
    plugin = write_plugin(tmp_path, "import proxywasm\n")
    emulator = Emulator(plugin, "python")
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], True) == proxywasm.Action.CONTINUE
    emulator.complete_http_stream(stream)


def test_misuse_is_reported_in_envoy_terms(tmp_path: Path) -> None:
    plugin = write_plugin(tmp_path, "import proxywasm\n")
    with pytest.raises(EmulatorError, match="backend"):
        Emulator(plugin, "python", wasm=b"")
    emulator = Emulator(plugin, "python")
    with pytest.raises(EmulatorError, match="no HTTP stream with context id 7"):
        emulator.call_on_request_headers(7, [], True)
    stream = emulator.init_http_stream()
    emulator.complete_http_stream(stream)
    with pytest.raises(EmulatorError, match="complete"):
        emulator.call_on_response_headers(stream, [], True)


def test_only_the_callbacks_the_compiled_module_would_export_are_offered(
    tmp_path: Path,
) -> None:
    plugin = write_plugin(tmp_path, COUNTING_PLUGIN, HELPER)
    runtime = Emulator(plugin, "python")._runtime
    assert runtime.has_export("proxy_on_tick")  # Plugin overrides on_tick
    assert runtime.has_export("proxy_on_context_create")  # always exported
    assert not runtime.has_export("proxy_on_request_headers")
    assert not runtime.has_export("proxy_on_queue_ready")
