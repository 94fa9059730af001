"""Fixtures for the e2e tests: a local upstream and Envoys built from the examples' configs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest

from .config_template import example_config, example_marker_names
from .envoy_harness import Envoy, free_port
from .upstream import EchoUpstream
from .wat_tools import WAT_DIR, assemble_wat


class StartExample(Protocol):
    """The `start_example` fixture: a running Envoy for one example's config."""

    def __call__(
        self, example: str, wasm_path: Path, web_service_port: int | None = None
    ) -> Envoy: ...


@pytest.fixture
def upstream() -> Iterator[EchoUpstream]:
    with EchoUpstream() as server:
        yield server


@pytest.fixture
def probe_wasm(tmp_path: Path) -> Path:
    """tests/e2e/wat/probe.wat assembled into the test's directory."""
    return assemble_wat(WAT_DIR / "probe.wat", tmp_path / "probe.wasm")


@pytest.fixture
def start_example(tmp_path: Path) -> Iterator[StartExample]:
    """Start Envoy on examples/<example>/envoy.yaml rewritten for this test.

    The `main` listener and the admin page get port 0 (the kernel picks; the
    harness reads the ports back), a static-reply listener gets a free port,
    the plugin is `wasm_path`, and `web_service_port` (default: the
    static-reply listener) is where the `web_service` cluster sends traffic.
    Every Envoy started here is stopped when the test ends.
    """
    started: list[Envoy] = []

    def start(example: str, wasm_path: Path, web_service_port: int | None = None) -> Envoy:
        names = example_marker_names(example)
        values: dict[str, str | int] = {
            "listener_port": 0,
            "admin_port": 0,
            "wasm_path": str(wasm_path.resolve()),
        }
        if "static_reply_port" in names:
            values["static_reply_port"] = free_port()
        if web_service_port is not None:
            values["web_service_port"] = web_service_port
        elif "web_service_port" in names:
            values["web_service_port"] = values["static_reply_port"]
        envoy = Envoy(example_config(example, values), work_dir=tmp_path / f"envoy-{len(started)}")
        started.append(envoy)
        return envoy.start()

    yield start
    for envoy in started:
        envoy.stop()
