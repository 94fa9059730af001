"""Floats in a real Envoy: float(text) of a header and of the configuration,
arithmetic kept across streams in the plugin context, and float text (repr
and format specs) in response headers, equal to what CPython computes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.plugin_envoy import plugin_envoy
from tests.e2e.polling import eventually

pytestmark = pytest.mark.e2e


def test_float_headers_match_cpython(tmp_path: Path) -> None:
    with plugin_envoy("latency", tmp_path, '"0.125"') as envoy:
        eventually(lambda: envoy.get("/"))
        seen: list[float] = []
        for value in ["12.5", "0.1", "1e3", " 7 ", "2.675", "1_000.25"]:
            response = envoy.get("/", headers={"x-latency-ms": value})
            assert response.status == 200
            ms = float(value)
            seen.append(ms)
            total = 0.0
            for s in seen:
                total += s
            assert response.header("x-latency-s") == f"{ms / 1000:.4f}"
            assert response.header("x-mean-ms") == repr(total / len(seen))
            assert response.header("x-share") == "12.5%"
        assert envoy.get("/", headers={"x-latency-ms": "fast"}).status == 500

        def logged() -> None:
            assert re.search(r"ValueError: could not convert string to float: 'fast' "
                             r"\(latency\.py:\d+ in on_http_request_headers\)", envoy.log_text())

        eventually(logged)
        assert envoy.get("/").status == 200
