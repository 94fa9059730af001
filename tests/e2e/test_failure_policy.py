"""An exception escaping a callback, in a real Envoy: logged with its source
line, answered with a 500 (or passed through when the plugin fails open), and
the VM keeps serving (design.md, "Errors at run time")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.envoy_harness import Envoy
from tests.e2e.plugin_envoy import plugin_envoy
from tests.e2e.polling import eventually

pytestmark = pytest.mark.e2e


def start(tmp_path: Path, configuration: str) -> Envoy:
    return plugin_envoy("raising", tmp_path, configuration)


def test_failing_requests_get_500_and_the_vm_keeps_serving(tmp_path: Path) -> None:
    with start(tmp_path, "fail-closed") as envoy:
        eventually(lambda: envoy.get("/"))
        for _ in range(100):
            response = envoy.get("/", headers={"x-boom": "nope"})
            assert response.status == 500
        recursion = envoy.get("/", headers={"x-boom": "deep"})
        assert recursion.status == 500
        missing = envoy.get("/", headers={"x-boom": "key"})
        assert missing.status == 500
        fine = envoy.get("/")
        assert fine.status == 200
        assert fine.header("x-plugin-ran") == "yes"

        def logged() -> None:
            log = envoy.log_text()
            assert re.search(r"ValueError: invalid literal for int\(\) with base 10: 'nope' "
                             r"\(raising\.py:\d+ in on_http_request_headers\)", log)
            assert "RecursionError: maximum recursion depth exceeded (raising.py:" in log
            assert re.search(r"KeyError: 'key' \(raising\.py:\d+ in on_http_request_headers\)",
                             log)

        eventually(logged)
        assert "Uncaught RuntimeError" not in envoy.log_text()  # never a wasm trap


def test_a_plugin_that_fails_open_lets_the_request_through(tmp_path: Path) -> None:
    with start(tmp_path, "fail-open") as envoy:
        eventually(lambda: envoy.get("/"))
        response = envoy.get("/", headers={"x-boom": "nope"})
        assert response.status == 200
        assert envoy.get("/").header("x-plugin-ran") == "yes"
