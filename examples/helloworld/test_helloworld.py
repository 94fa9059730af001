"""Unit tests of helloworld (examples.md §1), run compiled and under CPython."""

from pathlib import Path

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"


def test_on_tick(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    assert emulator.tick_period_ms == 1000
    emulator.tick()
    logs = emulator.get_info_logs()
    assert "OnTick called" in logs
    assert any(line.startswith("It's ") and ": random value: " in line for line in logs)


def test_on_plugin_start(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    assert "OnPluginStart from Go!" in emulator.get_info_logs()
    assert emulator.tick_period_ms == 1000


def test_ticks_report_the_current_time(emulator_backend: Backend) -> None:
    now = [1_700_000_000_000_000_000]
    emulator = Emulator(PLUGIN, emulator_backend, clock_ns=lambda: now[0])
    assert emulator.start_plugin()
    now[0] += 1_000_000_000
    emulator.tick()
    assert any(line.startswith("It's 1700000001000000000: ") for line in emulator.get_info_logs())
