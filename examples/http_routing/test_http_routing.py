"""Unit tests of http_routing (examples.md §5), run compiled and under CPython."""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"


def route(emulator: Emulator, authority: str) -> list[tuple[str, str]]:
    """The request headers after the plugin saw a request for `authority`."""
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [(":authority", authority)], False)
    assert action == Action.CONTINUE
    return emulator.get_current_request_headers(stream)


def test_even_dice_routes_to_the_canary(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=bytes([2]))
    assert emulator.start_plugin()
    assert route(emulator, "my-host.com") == [(":authority", "my-host.com-canary")]
    assert emulator.get_info_logs() == ["value: 2\n"]


def test_odd_dice_routes_to_the_primary(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=bytes([1]))
    assert emulator.start_plugin()
    assert route(emulator, "my-host.com") == [(":authority", "my-host.com")]
    assert emulator.get_info_logs() == ["value: 1\n"]


def test_without_configuration_the_dice_picks_both_routes(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_plugin()
    canary_count = 0
    for _ in range(64):
        authority = route(emulator, "my-host.com")[0][1]
        value = int(emulator.get_info_logs()[-1].removeprefix("value: "))
        assert 0 <= value < 2**32
        # Even values go to the canary, odd ones stay.
        expected = "my-host.com-canary" if value % 2 == 0 else "my-host.com"
        assert authority == expected, value
        canary_count += authority == "my-host.com-canary"
    # 64 fair coin flips all landing the same way: odds of 2**-63.
    assert 0 < canary_count < 64


def test_missing_authority_pauses_the_request(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, plugin_configuration=bytes([4]))
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], end_of_stream=True) == Action.PAUSE
    assert emulator.get_critical_logs() == ["failed to get request header: ':authority'"]
