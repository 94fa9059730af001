"""Hostile input through a real Envoy and the hostile.py plugin (which reads
every request header and body chunk and shows what it read): no trap, and
what reaches the upstream and the client is exactly what was sent.

Envoy's header limits are raised as far as it allows (max_request_headers_kb
8192, max_headers_count 20000); what Envoy itself refuses before any plugin
runs -- NUL in a value, a name that is not an HTTP token -- is asserted here
and fed to the plugin in tests/conformance/test_hostile_input.py instead."""

from __future__ import annotations

import random
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.config_template import example_config
from tests.e2e.envoy_harness import Envoy, EnvoyStartError, free_port
from tests.e2e.polling import eventually
from tests.e2e.upstream import EchoUpstream
from tests.hostile_summary import summary

pytest.importorskip("pwc.driver")
from pwc.driver import compile_file  # noqa: E402

pytestmark = pytest.mark.e2e
PLUGIN = Path(__file__).parents[1] / "conformance" / "plugins" / "hostile.py"
MIB = 1 << 20
LIMITS = """\
          max_request_headers_kb: 8192
          common_http_protocol_options:
            max_headers_count: 20000
"""


def config(tmp_path: Path, upstream_port: int, configuration: str, limits: str = LIMITS) -> str:
    wasm = tmp_path / "hostile.wasm"
    wasm.write_bytes(compile_file(PLUGIN).wasm)
    text = example_config("http_headers", {
        "listener_port": 0, "admin_port": 0, "wasm_path": str(wasm.resolve()),
        "static_reply_port": free_port(), "web_service_port": upstream_port})
    text = re.sub(r'value: \|\n(\s+)\{\n(?:\s+.*\n)*?\s+\}\n',
                  lambda m: f"value: '{configuration}'\n", text, count=1)
    # the main listener's connection manager comes first
    return text.replace("          codec_type: auto\n", "          codec_type: auto\n" + limits, 1)


@pytest.fixture(scope="module")
def upstream() -> Iterator[EchoUpstream]:
    with EchoUpstream(max_body_bytes=32 * MIB) as server:
        yield server


@pytest.fixture(scope="module")
def envoy(tmp_path_factory: pytest.TempPathFactory, upstream: EchoUpstream) -> Iterator[Envoy]:
    tmp_path = tmp_path_factory.mktemp("hostile")
    with Envoy(config(tmp_path, upstream.port, '{"prefix": "x-h-"}'),
               work_dir=tmp_path / "envoy") as running:
        eventually(lambda: running.get("/"))
        yield running


def latin1(data: bytes) -> str:
    """Header bytes as http.client sends and reads them."""
    return data.decode("latin-1")


def raw_request(envoy: Envoy, head: bytes) -> int:
    """Send `head` (request line and headers, as bytes) and return the status."""
    with socket.create_connection(("127.0.0.1", envoy.port()), timeout=5) as connection:
        connection.sendall(head)
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_a_one_mebibyte_header_value(envoy: Envoy) -> None:
    hostile = [(b"x-h-big", b"v" * MIB), (b"x-h-after", b"still here")]
    response = envoy.get("/", headers={latin1(n): latin1(v) for n, v in hostile}, timeout=30)
    assert response.status == 200
    assert response.header("x-hostile-headers") == summary(hostile)
    assert response.json()["headers"]["x-hostile-headers"] == summary(hostile)


def test_ten_thousand_headers(envoy: Envoy) -> None:
    hostile = [(f"x-h-{i}".encode(), str(i * 7).encode()) for i in range(10_000)]
    response = envoy.get("/", headers={latin1(n): latin1(v) for n, v in hostile}, timeout=30)
    assert response.status == 200
    assert response.header("x-hostile-headers") == summary(hostile)
    seen_upstream = response.json()["headers"]
    assert seen_upstream["x-hostile-headers"] == summary(hostile)
    assert not [k for k in seen_upstream if k.startswith("x-h-")]


def test_values_that_are_not_utf8_and_empty_values_round_trip(
    envoy: Envoy, upstream: EchoUpstream
) -> None:
    hostile = [
        (b"x-h-latin1", b"caf\xe9"),
        (b"x-h-cut", b"\xe2\x82"),
        (b"x-h-surrogate", b"\xed\xa0\x80"),
        (b"x-h-utf8", "Grüße 🎉".encode()),
        (b"x-h-high", bytes(range(0x80, 0x100))),
        (b"x-h-empty", b""),
    ]
    headers = {latin1(n): latin1(v) for n, v in hostile}
    response = envoy.get("/round-trip", headers={**headers, "x-echo": "yes"})
    assert response.status == 200
    assert [(k, v) for k, v in response.headers if k.startswith("x-h-")] == list(headers.items())
    assert response.header("x-hostile-headers") == summary(hostile)
    (received,) = [r for r in upstream.received() if r.path == "/round-trip"]
    assert [(k, v) for k, v in received.headers if k.startswith("x-h-")] == \
        list(headers.items())


def test_a_sixteen_mebibyte_body_in_chunks(envoy: Envoy, upstream: EchoUpstream) -> None:
    body = random.Random(16).randbytes(16 * MIB)
    response = envoy.request("/big-body", method="POST", body=body, timeout=60)
    assert response.status == 200
    size, chunks = response.header("x-body-seen").split()
    assert int(size) == len(body) and int(chunks) > 1
    (received,) = [r for r in upstream.received() if r.path == "/big-body"]
    assert received.body == body.replace(b"a", b"@")


def test_what_envoy_refuses_before_the_plugin_runs(envoy: Envoy) -> None:
    def status(name: bytes, value: bytes) -> int:
        return raw_request(envoy, b"GET / HTTP/1.1\r\nhost: x\r\n" + name + b": " + value +
                           b"\r\n\r\n")

    assert status(b"x-h-fine", b"ok") == 200
    assert status(b"x-h-nul", b"a\x00b") == 400
    assert status(b"x-h-\xff\xfe", b"name not UTF-8") == 400
    assert status(b"x-h-\x00", b"v") == 400


def test_many_hostile_requests_then_the_plugin_still_serves(envoy: Envoy) -> None:
    hostile = {f"x-h-{i}": "\xff" * i for i in range(300)}
    for _ in range(50):
        assert envoy.get("/", headers=hostile).status == 200
    fine = envoy.get("/")
    assert fine.status == 200 and fine.header("x-hostile-headers") == "0 0 811c9dc5"
    assert "Uncaught" not in envoy.log_text() and "wasm trap" not in envoy.log_text()


@pytest.mark.parametrize("configuration", ['{"prefix": 3}', '{"prefix": "x-'])
def test_a_malformed_configuration_stops_the_plugin_with_a_clear_log_line(
    tmp_path: Path, upstream: EchoUpstream, configuration: str
) -> None:
    work_dir = tmp_path / "envoy"
    with pytest.raises(EnvoyStartError):
        with Envoy(config(tmp_path, upstream.port, configuration), work_dir=work_dir):
            pass
    log = (work_dir / "envoy.log").read_text(errors="replace")
    # located at the plugin's line that called proxywasm.json
    assert re.search(r"JsonError: .* \(hostile\.py:\d+ in on_plugin_start\)", log)
    assert "Failed to configure base Wasm plugin" in log
    assert "Unable to create Wasm plugin" in log


def test_with_envoys_default_limits_big_headers_never_reach_the_plugin(
    tmp_path: Path, upstream: EchoUpstream
) -> None:
    """60 KiB of headers and 100 headers by default: 431 from Envoy itself."""
    with Envoy(config(tmp_path, upstream.port, '{"prefix": "x-h-"}', limits=""),
               work_dir=tmp_path / "envoy") as envoy:
        eventually(lambda: envoy.get("/"))
        assert envoy.get("/", headers={"x-h-big": "v" * (61 * 1024)}).status == 431
        assert envoy.get("/", headers={f"x-h-{i}": "v" for i in range(101)}).status == 431
        assert envoy.get("/", headers={f"x-h-{i}": "v" for i in range(90)}).status == 200
