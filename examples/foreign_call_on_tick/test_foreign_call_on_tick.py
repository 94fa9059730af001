"""Unit tests of foreign_call_on_tick (examples.md §9), run compiled and under CPython."""

from pathlib import Path

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"


def test_on_tick(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    # A stand-in for Envoy's zlib `compress`: the input unchanged.
    emulator.register_foreign_function("compress", lambda data: data)
    assert emulator.start_plugin()
    assert emulator.tick_period_ms == 1
    assert emulator.get_info_logs() == ["set tick period milliseconds: 1"]
    for i in range(1, 10):
        emulator.tick()
        assert (
            f"foreign function (compress) called: {i}, result: 68656c6c6f20776f726c6421"
            in emulator.get_info_logs()
        )


def test_the_function_gets_hello_world(emulator_backend: Backend) -> None:
    arguments: list[bytes] = []

    def compress(data: bytes) -> bytes:
        arguments.append(data)
        return bytes([0x78, 0x9C, 0x00, 0xFF])

    emulator = Emulator(PLUGIN, emulator_backend)
    emulator.register_foreign_function("compress", compress)
    assert emulator.start_plugin()
    emulator.tick()
    assert arguments == [b"hello world!"]
    assert emulator.get_info_logs()[-1] == "foreign function (compress) called: 1, result: 789c00ff"


def test_missing_function_is_logged_and_counted(emulator_backend: Backend) -> None:
    # No `compress` registered: the host answers "not found".
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    emulator.tick()
    emulator.tick()
    critical = emulator.get_critical_logs()
    assert len(critical) == 2
    assert all(line.startswith("foreign function (compress) failed: ") for line in critical)
    assert emulator.get_info_logs()[-2:] == [
        "foreign function (compress) called: 1, result: ",
        "foreign function (compress) called: 2, result: ",
    ]
