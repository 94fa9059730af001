"""The harness itself, proven with a hand-written WAT plugin (wat/probe.wat) in a real Envoy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .config_template import example_config
from .conftest import StartExample
from .envoy_harness import Envoy, EnvoyStartError
from .polling import eventually
from .upstream import EchoUpstream

pytestmark = pytest.mark.e2e


def test_probe_changes_reach_upstream_and_client(
    start_example: StartExample, probe_wasm: Path, upstream: EchoUpstream
) -> None:
    envoy = start_example("http_headers", probe_wasm, web_service_port=upstream.port)

    response = eventually(lambda: envoy.get("/anything?x=1", headers={"this-is-key": "v1"}))

    assert response.status == 200
    assert response.header("x-wasm-probe") == "hit"
    echo = response.json()
    assert echo["path"] == "/anything?x=1"
    assert echo["headers"]["this-is-key"] == "v1"
    assert echo["headers"]["x-probe-request"] == "seen"  # added by the plugin on the way up
    [received] = upstream.received()
    assert received.header("x-probe-request") == "seen"


def test_probe_log_lines_and_plugin_configuration(
    start_example: StartExample, probe_wasm: Path
) -> None:
    envoy = start_example("http_headers", probe_wasm)

    assert eventually(lambda: envoy.get("/")).status == 200
    eventually(
        lambda: envoy.assert_log_contains(
            "wasm log: probe: on_vm_start",
            "wasm log: probe: on_configure",
            # The StringValue configuration arrives verbatim, over several lines.
            'wasm log: probe: plugin configuration: {\n  "header": "x-wasm-header",\n'
            '  "value": "demo-wasm"\n}',
            "wasm log: probe: on_response_headers",
        )
    )
    plugin_lines = envoy.wasm_log_lines()
    assert plugin_lines and all("wasm log" in line for line in plugin_lines)
    assert any(line.endswith("wasm log: probe: on_response_headers") for line in plugin_lines)


def test_static_reply_backend_and_stop(start_example: StartExample, probe_wasm: Path) -> None:
    envoy = start_example("http_headers", probe_wasm)

    response = eventually(lambda: envoy.get("/uuid"))

    assert (response.status, response.body) == (200, b"example body\n")
    assert response.header("x-wasm-probe") == "hit"
    assert envoy.startup_seconds is not None and envoy.startup_seconds > 0
    assert envoy.is_running()
    assert envoy.stop() is not None
    assert not envoy.is_running()


def test_two_envoys_run_at_once(start_example: StartExample, probe_wasm: Path) -> None:
    first = start_example("http_headers", probe_wasm)
    second = start_example("http_headers", probe_wasm)

    assert first.port() != second.port()
    assert first.admin_port != second.admin_port
    assert eventually(lambda: first.get("/")).header("x-wasm-probe") == "hit"
    assert eventually(lambda: second.get("/")).header("x-wasm-probe") == "hit"


def test_start_failure_reports_envoy_log(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-plugin.wasm"
    config = example_config(
        "helloworld", {"listener_port": 0, "admin_port": 0, "wasm_path": str(missing)}
    )

    with pytest.raises(EnvoyStartError) as failure, Envoy(config, work_dir=tmp_path / "envoy"):
        pass

    message = str(failure.value)
    assert "exited with code" in message
    assert "no-such-plugin.wasm" in message  # Envoy's own complaint, from its log tail


def test_listener_lookup_names_the_known_listeners(
    start_example: StartExample, probe_wasm: Path
) -> None:
    envoy = start_example("http_headers", probe_wasm)

    with pytest.raises(KeyError, match="main") as failure:
        envoy.port("nope")
    assert "staticreply" in str(failure.value)
    listing = envoy.admin_get("/listeners?format=json").json()
    assert {s["name"] for s in listing["listener_statuses"]} == {"main", "staticreply"}
    assert json.dumps(listing).count("0.0.0.0") == 0


def test_ready_timeout_stops_envoy_and_reports(tmp_path: Path, probe_wasm: Path) -> None:
    config = example_config(
        "helloworld", {"listener_port": 0, "admin_port": 0, "wasm_path": str(probe_wasm)}
    )
    envoy = Envoy(config, work_dir=tmp_path / "envoy", ready_timeout=0.0)

    with pytest.raises(EnvoyStartError, match=r"not ready after 0 s\.\n  command: .*envoy -c"):
        envoy.start()

    assert not envoy.is_running()
    assert envoy.log_path.exists()  # kept for inspection; its path is in the message
