"""e2e tests of examples http_body, http_body_chunk, http_routing, json_validation,
postpone_requests and vm_plugin_configuration (examples.md §3, 4, 5, 7, 11, 17),
compiled by pwc and run in Envoy.

Each example's plugin.py is compiled once per module with `pwc.driver` and
loaded by the example's own envoy.yaml, rewritten for the test (see
config_template.py). Examples whose config has only the usual markers start
through conftest's `start_example`; the others name listeners that other parts
of their config point at (the echo listener, the canary backend, the admin
page behind a cluster), which `start_linked` gives concrete free ports.
"""

from __future__ import annotations

import functools
import http.client
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pwc.driver import compile_file

from .config_template import EXAMPLES_DIR, example_config
from .conftest import StartExample
from .envoy_harness import Envoy, free_port
from .http_client import DEFAULT_TIMEOUT, HttpResponse
from .polling import eventually
from .upstream import EchoUpstream

pytestmark = pytest.mark.e2e

CompileExample = Callable[[str], Path]
StartLinked = Callable[[str, Path, tuple[str, ...]], Envoy]


@pytest.fixture(scope="module")
def compile_example(tmp_path_factory: pytest.TempPathFactory) -> CompileExample:
    """Compile examples/<name>/plugin.py once per module; the path of its wasm."""
    compiled: dict[str, Path] = {}

    def compile_(name: str) -> Path:
        if name not in compiled:
            target = tmp_path_factory.mktemp(name) / "plugin.wasm"
            target.write_bytes(compile_file(EXAMPLES_DIR / name / "plugin.py").wasm)
            compiled[name] = target
        return compiled[name]

    return compile_


@pytest.fixture
def start_linked(tmp_path: Path) -> Iterator[StartLinked]:
    """Start Envoy on examples/<example>/envoy.yaml with `linked_ports` free.

    The `main` listener gets port 0 (read back from the admin page); each
    marker in `linked_ports` names a port written on several lines (a
    listener and the cluster that sends traffic to it), so it gets a concrete
    free port. `admin_port` may be one of them (for an `admin` cluster).
    """
    started: list[Envoy] = []

    def start(example: str, wasm_path: Path, linked_ports: tuple[str, ...]) -> Envoy:
        values: dict[str, str | int] = {
            "listener_port": 0,
            "admin_port": 0,
            "wasm_path": str(wasm_path.resolve()),
        }
        for name in linked_ports:
            values[name] = free_port()
        envoy = Envoy(example_config(example, values), work_dir=tmp_path / f"envoy-{len(started)}")
        started.append(envoy)
        return envoy.start()

    yield start
    for envoy in started:
        envoy.stop()


# --- http_body (examples.md §3) ------------------------------------------------

ORIGINAL_BODY = b"[original body]"
EDITED_BODIES = {
    "append": b"[original body][this is appended body]",
    "prepend": b"[this is prepended body][original body]",
    "replace": b"[this is replaced body]",
    "invalid": b"[this is replaced body]",  # unknown operations fall back to replace
}


def test_http_body(start_linked: StartLinked, compile_example: CompileExample) -> None:
    envoy = start_linked("http_body", compile_example("http_body"), ("echo_port", "admin_port"))

    for mode in ("request", "response"):
        for operation, expected in EDITED_BODIES.items():

            def check(mode: str = mode, operation: str = operation,
                      expected: bytes = expected) -> None:
                response = envoy.request(
                    "/anything",
                    method="PUT",
                    body=ORIGINAL_BODY,
                    headers={"buffer-replace-at": mode, "buffer-operation": operation},
                )
                assert response.status == 200, response
                assert response.body == expected, (mode, operation, response)
                envoy.assert_log_contains(f"original {mode} body: [original body]")

            eventually(check, timeout=5, interval=0.5)
    # The reference test also requires that no edit failed.
    assert "failed to" not in envoy.log_text()


def test_http_body_requires_a_content_length(
    start_linked: StartLinked, compile_example: CompileExample
) -> None:
    envoy = start_linked("http_body", compile_example("http_body"), ("echo_port", "admin_port"))

    response = eventually(lambda: envoy.get("/anything"))
    assert response.status == 400
    assert response.body == b"content must be provided"


# --- http_body_chunk (examples.md §4; the reference has no e2e test) ------------

# Sent one by one with a pause in between, so that Envoy reads (and hands the
# plugin) each piece separately; over loopback a body sent at once arrives in
# one read, however large.
BODY_PIECES = [b"chunk1...", b"chunk2...", b"chunk3 with pattern ..."]
PIECE_GAP_SECONDS = 0.2


def post_in_pieces(envoy: Envoy, path: str, pieces: list[bytes]) -> HttpResponse:
    """POST `pieces` as one body with a declared length, pausing between them."""
    connection = http.client.HTTPConnection("127.0.0.1", envoy.port(), timeout=DEFAULT_TIMEOUT)
    try:
        connection.putrequest("POST", path)
        connection.putheader("content-length", str(sum(len(piece) for piece in pieces)))
        connection.endheaders()
        for number, piece in enumerate(pieces):
            if number > 0:
                time.sleep(PIECE_GAP_SECONDS)
            connection.send(piece)
        answer = connection.getresponse()
        return HttpResponse(answer.status, tuple(answer.getheaders()), answer.read())
    finally:
        connection.close()


def test_http_body_chunk_blocks_the_chunk_with_the_pattern(
    start_linked: StartLinked, compile_example: CompileExample
) -> None:
    envoy = start_linked("http_body_chunk", compile_example("http_body_chunk"), ("admin_port",))

    response = eventually(lambda: post_in_pieces(envoy, "/", BODY_PIECES))

    assert response.status == 403, response
    assert response.header("powered-by") == "proxy-wasm-go-sdk"
    assert response.body == b"pattern found in chunk: 3"
    eventually(
        lambda: envoy.assert_log_contains(
            # body_size counts everything buffered so far (examples.md §0.5).
            "OnHttpRequestBody called. BodySize: 9, totalRequestBodyReadSize: 0, "
            "endOfStream: false",
            "OnHttpRequestBody called. BodySize: 18, totalRequestBodyReadSize: 9, "
            "endOfStream: false",
            # (Envoy signals the end of a body with a declared length in a
            # call of its own, which never comes here: the 403 ends the stream.)
            "OnHttpRequestBody called. BodySize: 41, totalRequestBodyReadSize: 18, "
            "endOfStream: false",
            "read chunk size: 23",
            "pattern found in chunk: 3",
            "local 403 response sent",
        )
    )
    assert "read data does not match" not in envoy.log_text()


def test_http_body_chunk_passes_a_body_without_the_pattern(
    start_linked: StartLinked, compile_example: CompileExample
) -> None:
    envoy = start_linked("http_body_chunk", compile_example("http_body_chunk"), ("admin_port",))
    pieces = [b"chunk1...", b"chunk2...", b"patt", b"ern split across chunks"]

    # The body goes on to the `admin` cluster: Envoy's own admin page.
    response = eventually(lambda: post_in_pieces(envoy, "/ready", pieces))

    assert response.status == 200, response
    eventually(
        lambda: envoy.assert_log_contains(
            "OnHttpRequestBody called. BodySize: 45, totalRequestBodyReadSize: 22, "
            "endOfStream: false",
            "OnHttpRequestBody called. BodySize: 45, totalRequestBodyReadSize: 45, "
            "endOfStream: true",
            "pattern not found",
        )
    )
    log = envoy.log_text()
    assert "read data does not match" not in log
    assert "pattern found" not in log


# --- http_routing (examples.md §5) -------------------------------------------------


DICE_LOG = re.compile(r"wasm log: value: (\d+)$")
PRIMARY_ANSWER = "hello from primary!\n"
CANARY_ANSWER = "hello from canary!\n"


def test_http_routing(start_linked: StartLinked, compile_example: CompileExample) -> None:
    envoy = start_linked(
        "http_routing", compile_example("http_routing"), ("primary_port", "canary_port")
    )
    answers: list[str] = []

    def check() -> None:
        response = envoy.get("/")
        assert response.status == 200, response
        answers.append(response.text)
        assert set(answers) == {PRIMARY_ANSWER, CANARY_ANSWER}, answers

    eventually(check, timeout=10)

    # Request by request, the answer follows the dice the plugin logged
    # (`value: <n>` and a newline): even values went to the canary.
    def dice() -> list[int]:
        values = [int(m[1]) for line in envoy.wasm_log_lines() if (m := DICE_LOG.search(line))]
        assert len(values) == len(answers), values
        return values

    expected = [CANARY_ANSWER if value % 2 == 0 else PRIMARY_ANSWER for value in eventually(dice)]
    assert answers == expected


# --- json_validation (examples.md §7) --------------------------------------------

JSON_CONTENT = {"Content-Type": "application/json"}


def test_json_validation(start_example: StartExample, compile_example: CompileExample) -> None:
    envoy = start_example("json_validation", compile_example("json_validation"))

    def check() -> None:
        refused = envoy.get("/")
        assert refused.status == 403, refused
        assert refused.body == b"content-type must be provided"
        accepted = envoy.request(
            "/", method="POST", headers=JSON_CONTENT, body=b'{"id": "abc123", "token": "xyz456"}'
        )
        assert accepted.status == 200, accepted
        assert accepted.body == b"hello from the server\n"

    eventually(check, timeout=10)


def test_json_validation_refuses_invalid_payloads(
    start_example: StartExample, compile_example: CompileExample, upstream: EchoUpstream
) -> None:
    # The backend must read the request body before it answers: the static
    # reply answers on the headers alone, and once the response is complete
    # Envoy ends the stream without handing the body to the plugin, so an
    # invalid body would sometimes get that 200 before being validated.
    envoy = start_example(
        "json_validation", compile_example("json_validation"), web_service_port=upstream.port
    )

    for body in (b'{"id": "abc123"}', b"not json"):
        response = eventually(
            functools.partial(envoy.request, "/", method="POST", headers=JSON_CONTENT, body=body)
        )
        assert response.status == 403, response
        assert response.body == b"invalid payload"
    eventually(
        lambda: envoy.assert_log_contains(
            'required key (token) is missing: {"id": "abc123"}',
            'body is not a valid json: "not json"',
        )
    )
    # Envoy forwards the headers at once (the plugin lets them continue) but
    # holds the body; the 403 then resets the upstream request bodiless.
    assert not any(request.body for request in upstream.received())


# --- vm_plugin_configuration (examples.md §17) -------------------------------------


def test_vm_plugin_configuration(
    start_example: StartExample, compile_example: CompileExample
) -> None:
    envoy = start_example("vm_plugin_configuration", compile_example("vm_plugin_configuration"))

    # No requests: the raw JSON texts are logged unchanged, newlines included.
    eventually(
        lambda: envoy.assert_log_contains(
            'name": "vm configuration',
            'name": "plugin configuration',
            'wasm log: vm config: {\n  "name": "vm configuration"\n}\n',
            'wasm log: plugin config: {\n  "name": "plugin configuration"\n}\n',
        ),
        timeout=10,
    )
    assert "error reading" not in envoy.log_text()


# --- postpone_requests (examples.md §11) -------------------------------------------


def test_postpone_requests(start_example: StartExample, compile_example: CompileExample) -> None:
    envoy = start_example("postpone_requests", compile_example("postpone_requests"))

    # The first stream of the VM is context 2 (the plugin context is 1).
    def check() -> None:
        response = envoy.get("/")
        assert response.status == 200, response
        assert response.body == b"example body\n"
        envoy.assert_log_contains(
            "postpone request with contextID=2", "resume request with contextID=2"
        )

    eventually(check, timeout=6, interval=0.001)
