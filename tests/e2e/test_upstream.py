"""The local httpbin stand-in, exercised directly (no Envoy)."""

from __future__ import annotations

import uuid

from .http_client import request
from .upstream import MAX_BODY_BYTES, EchoUpstream


def test_echoes_method_path_and_headers() -> None:
    with EchoUpstream() as upstream:
        response = request(
            upstream.port, "/anything?a=b", method="POST", headers={"X-Test": "1"}, body=b"hi"
        )

    assert response.status == 200
    assert response.header("content-type") == "application/json"
    echo = response.json()
    assert (echo["method"], echo["path"]) == ("POST", "/anything?a=b")
    assert echo["headers"]["x-test"] == "1"
    [received] = upstream.received()
    assert (received.method, received.body, received.header("X-Test")) == ("POST", b"hi", "1")


def test_httpbin_routes() -> None:
    with EchoUpstream() as upstream:
        teapot = request(upstream.port, "/status/418")
        first = request(upstream.port, "/uuid").json()["uuid"]
        second = request(upstream.port, "/uuid").json()["uuid"]
        headers = request(upstream.port, "/headers", headers={"k": "v"}).json()

    assert teapot.status == 418
    assert teapot.json()["path"] == "/status/418"
    assert uuid.UUID(first).version == 4 and first != second
    assert headers["headers"]["k"] == "v"
    assert len(upstream.received()) == 4


def test_refuses_oversized_bodies() -> None:
    with EchoUpstream() as upstream:
        # Only the announced length matters: the server answers before reading the body.
        response = request(
            upstream.port,
            "/",
            method="POST",
            headers={"content-length": str(MAX_BODY_BYTES + 1)},
        )

    assert response.status == 413
    assert upstream.received() == []


def test_two_upstreams_get_their_own_ports() -> None:
    with EchoUpstream() as first, EchoUpstream() as second:
        assert first.port != second.port
        assert request(first.port, "/").status == request(second.port, "/").status == 200
