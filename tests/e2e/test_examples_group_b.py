"""e2e tests of examples dispatch_call_on_tick, foreign_call_on_tick,
multiple_dispatches, http_auth_random, properties, shared_data, shared_queue,
metrics and network (examples.md §6, 8, 9, 10, 12-16), compiled by pwc and
run in Envoy.

Each example's plugin.py is compiled once per module with `pwc.driver` and
loaded by the example's own envoy.yaml, rewritten for the test (see
config_template.py). Examples with only the usual markers start through
conftest's `start_example`; the others (the httpbin stand-in, shared_queue's
two modules and two listeners) through `start_configured`, which takes the
marker values explicitly.

httpbin.org is never contacted: the `httpbin` cluster of http_auth_random and
multiple_dispatches points either at the stand-in listener of the example's
own envoy.yaml (what a user runs) or at the local EchoUpstream (upstream.py),
which also records what the plugin sent.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from pwc.driver import compile_file

from .config_template import EXAMPLES_DIR, example_config, example_marker_names
from .conftest import StartExample
from .envoy_harness import Envoy, free_port
from .http_client import HttpResponse
from .polling import eventually
from .upstream import EchoUpstream

pytestmark = pytest.mark.e2e

CompileExample = Callable[[str], Path]
StartConfigured = Callable[[str, Mapping[str, str | int | Path]], Envoy]


@pytest.fixture(scope="module")
def compile_example(tmp_path_factory: pytest.TempPathFactory) -> CompileExample:
    """Compile examples/<name>/plugin.py once per module; the path of its wasm.

    `name` may be a subdirectory, e.g. "shared_queue/receiver"."""
    compiled: dict[str, Path] = {}

    def compile_(name: str) -> Path:
        if name not in compiled:
            target = tmp_path_factory.mktemp(name.replace("/", "-")) / "plugin.wasm"
            target.write_bytes(compile_file(EXAMPLES_DIR / name / "plugin.py").wasm)
            compiled[name] = target
        return compiled[name]

    return compile_


@pytest.fixture
def start_configured(tmp_path: Path) -> Iterator[StartConfigured]:
    """Start Envoy on examples/<example>/envoy.yaml with the marker `values`.

    `listener_port` and `admin_port`, where the config has them, default to 0
    (the harness reads the ports back). Paths are made absolute.
    """
    started: list[Envoy] = []

    def start(example: str, values: Mapping[str, str | int | Path]) -> Envoy:
        names = example_marker_names(example)
        rendered: dict[str, str | int] = {
            name: 0 for name in ("listener_port", "admin_port") if name in names
        }
        for name, value in values.items():
            rendered[name] = str(value.resolve()) if isinstance(value, Path) else value
        envoy = Envoy(
            example_config(example, rendered), work_dir=tmp_path / f"envoy-{len(started)}"
        )
        started.append(envoy)
        return envoy.start()

    yield start
    for envoy in started:
        envoy.stop()


def log_count(envoy: Envoy, message: str) -> int:
    """How many plugin log lines end with `message`."""
    return sum(line.endswith(f"wasm log: {message}") for line in envoy.wasm_log_lines())


# --- dispatch_call_on_tick (examples.md §8) -------------------------------------


def test_dispatch_call_on_tick(start_example: StartExample, compile_example: CompileExample) -> None:
    envoy = start_example("dispatch_call_on_tick", compile_example("dispatch_call_on_tick"))

    # No requests: both plugin contexts of the shared VM (1 and 2) call out
    # every 100 ms, to /ok (200) or /fail (503) at random.
    for n in range(1, 6):
        eventually(
            functools.partial(
                envoy.assert_log_contains,
                f"called {n} for contextID=1",
                f"called {n} for contextID=2",
                "response header for the dispatched call: :status: 200",
                "response header for the dispatched call: :status: 503",
            ),
            timeout=5,
            interval=0.01,
        )
    assert "dispatch httpcall failed" not in envoy.log_text()


# --- foreign_call_on_tick (examples.md §9) --------------------------------------

# Envoy's `compress` is zlib: the value of "hello world!".
COMPRESSED_HELLO = "789ccb48cdc9c95728cf2fca495104001e89047e"


def test_foreign_call_on_tick(start_example: StartExample, compile_example: CompileExample) -> None:
    envoy = start_example("foreign_call_on_tick", compile_example("foreign_call_on_tick"))

    for n in range(1, 6):
        eventually(
            functools.partial(
                envoy.assert_log_contains, f"foreign function (compress) called: {n}"
            ),
            timeout=5,
            interval=0.01,
        )
    envoy.assert_log_contains(
        "set tick period milliseconds: 1",
        f"foreign function (compress) called: 1, result: {COMPRESSED_HELLO}",
    )
    assert "foreign function (compress) failed" not in envoy.log_text()


# --- multiple_dispatches (examples.md §10) --------------------------------------

PENDING_LOGS = [f"wasm log: pending dispatched requests: {n}" for n in range(9, 0, -1)]
RESUMED_LOG = "wasm log: response resumed after processed 10 dispatched request"


def test_multiple_dispatches(
    start_configured: StartConfigured, compile_example: CompileExample
) -> None:
    # As shipped: `httpbin` is the config's own stand-in listener.
    stand_in = free_port()
    envoy = start_configured(
        "multiple_dispatches",
        {
            "wasm_path": compile_example("multiple_dispatches"),
            "static_reply_port": stand_in,
            "httpbin_port": stand_in,
        },
    )

    def check() -> HttpResponse:
        response = envoy.get("/")
        assert response.status == 200, response
        return response

    response = eventually(check, timeout=10)
    eventually(lambda: envoy.assert_log_contains(*PENDING_LOGS, RESUMED_LOG), timeout=10)
    # Not checked by the reference: the header added to the held response.
    assert response.header("total-dispatched") == "10"
    assert response.body == b"example body\n"


def test_multiple_dispatches_callouts_reach_the_upstream(
    start_configured: StartConfigured, compile_example: CompileExample, upstream: EchoUpstream
) -> None:
    envoy = start_configured(
        "multiple_dispatches",
        {
            "wasm_path": compile_example("multiple_dispatches"),
            "static_reply_port": free_port(),
            "httpbin_port": upstream.port,
        },
    )

    response = eventually(lambda: envoy.get("/only-request"))

    assert response.status == 200
    assert response.header("total-dispatched") == "10"
    assert response.json()["path"] == "/only-request"  # the upstream's echo
    received = upstream.received()
    callouts = [request for request in received if request.path == "/"]
    assert len(callouts) == 10
    assert all(request.method == "GET" for request in callouts)
    assert [request.path for request in received].count("/only-request") == 1
    eventually(lambda: envoy.assert_log_contains(*PENDING_LOGS, RESUMED_LOG))


# --- http_auth_random (examples.md §6) ------------------------------------------

AUTH_HEADERS = {"this-is-key": "this-is-value"}


def test_http_auth_random(
    start_configured: StartConfigured, compile_example: CompileExample, upstream: EchoUpstream
) -> None:
    # `httpbin` is the local httpbin stand-in: /uuid answers a fresh UUID.
    envoy = start_configured(
        "http_auth_random",
        {
            "wasm_path": compile_example("http_auth_random"),
            "static_reply_port": free_port(),
            "httpbin_port": upstream.port,
        },
    )
    responses: list[HttpResponse] = []

    def check() -> None:
        responses.append(envoy.get("/uuid", headers=AUTH_HEADERS))
        envoy.assert_log_contains(
            "access forbidden", "access granted", "response header from httpbin: :status: 200"
        )

    eventually(check, timeout=10)

    granted = [r for r in responses if r.status == 200]
    denied = [r for r in responses if r.status == 403]
    assert len(granted) + len(denied) == len(responses), responses
    for response in granted:
        assert "uuid" in response.json()  # the upstream's own answer
    for response in denied:
        assert response.body == b"access forbidden"
        assert response.header("powered-by") == "proxy-wasm-go-sdk!!"
    # One verdict logged per request; every callout carried the client's headers.
    eventually(lambda: _assert_verdicts(envoy, len(granted), len(denied)))
    received = upstream.received()
    assert len(received) == len(responses) + len(granted)  # callouts + granted requests
    assert all(request.header("this-is-key") == "this-is-value" for request in received)
    assert all(request.path == "/uuid" for request in received)
    envoy.assert_log_contains(
        "request header: this-is-key: this-is-value", "http call dispatched to httpbin"
    )


def _assert_verdicts(envoy: Envoy, granted: int, denied: int) -> None:
    assert (log_count(envoy, "access granted"), log_count(envoy, "access forbidden")) == (
        granted,
        denied,
    )


def test_http_auth_random_with_the_configs_stand_in(
    start_configured: StartConfigured, compile_example: CompileExample
) -> None:
    # As shipped: the `httpbin` listener answers like httpbin.org/uuid.
    stand_in = free_port()
    envoy = start_configured(
        "http_auth_random",
        {
            "wasm_path": compile_example("http_auth_random"),
            "static_reply_port": stand_in,
            "httpbin_port": stand_in,
        },
    )
    statuses: set[int] = set()

    def check() -> None:
        response = envoy.get("/uuid", headers=AUTH_HEADERS)
        statuses.add(response.status)
        if response.status == 200:
            assert re.fullmatch(r'\{\n  "uuid": "[0-9a-f-]{36}"\n\}\n', response.text), response
        assert statuses == {200, 403}
        envoy.assert_log_contains(
            "access forbidden", "access granted", "response header from httpbin: :status: 200"
        )

    eventually(check, timeout=10)


# --- properties (examples.md §12) -------------------------------------------------


def test_properties(start_example: StartExample, compile_example: CompileExample) -> None:
    envoy = start_example("properties", compile_example("properties"))

    def check() -> None:
        for path, headers, status in [
            ("/one", {}, 401),
            ("/one", {"cookie": "value"}, 200),
            ("/two", {}, 401),
            ("/two", {"authorization": "token"}, 200),
            ("/three", {}, 200),
        ]:
            response = envoy.get(path, headers=headers)
            assert response.status == status, (path, headers, response)
        envoy.assert_log_contains(
            'auth header is "cookie"', 'auth header is "authorization"', "no auth header for route"
        )

    eventually(check, timeout=10)
    assert "failed to read properties" not in envoy.log_text()


# --- shared_data (examples.md §13) ------------------------------------------------

SHARED_VALUE_LOG = re.compile(r"wasm log: shared value: (\d+)$")


def test_shared_data(start_example: StartExample, compile_example: CompileExample) -> None:
    envoy = start_example("shared_data", compile_example("shared_data"))

    def check() -> None:
        response = envoy.get("/")
        assert response.status == 200, response

    for _ in range(10):
        eventually(check, timeout=10)

    # Each request counted once, in order, across the VMs' shared store.
    def counted() -> None:
        counts = [m[1] for line in envoy.wasm_log_lines() if (m := SHARED_VALUE_LOG.search(line))]
        assert counts == [str(n) for n in range(1, 11)], counts

    eventually(counted, timeout=10)
    envoy.assert_log_contains("shared value: 10")
    assert "error setting shared data" not in envoy.log_text()


# --- shared_queue (examples.md §14) -----------------------------------------------

HASH_LOG = re.compile(r"wasm log sender: \(contextID=\d+\) enqueued data: ([0-9a-f]{32})$")
DEQUEUED_HASH_LOG = re.compile(
    r"wasm log receiver: \(contextID=\d+\) dequeued data from "
    r"tcp_data_hashes\(queueID=\d+\): ([0-9a-f]{32})$"
)


def test_shared_queue(start_configured: StartConfigured, compile_example: CompileExample) -> None:
    envoy = start_configured(
        "shared_queue",
        {
            "receiver_wasm_path": compile_example("shared_queue/receiver"),
            "sender_wasm_path": compile_example("shared_queue/sender"),
            "http_port": 0,
            "tcp_port": 0,
            # The `tcp` listener proxies to the admin page: a concrete port.
            "admin_port": free_port(),
        },
    )

    def check() -> None:
        assert envoy.get("/", listener="http").status == 200
        assert envoy.get("/", listener="tcp").status == 200

    eventually(check, timeout=10)
    eventually(
        lambda: envoy.assert_log_contains(
            'enqueued data: {"key": ":method","value": "GET"}',
            "dequeued data from http_request_headers",
            "dequeued data from http_response_headers",
            "dequeued data from tcp_data_hashes",
        ),
        timeout=10,
    )

    # The log prefixes carry the vm_ids; every hash sent arrives.
    def hashes_arrive() -> None:
        lines = envoy.wasm_log_lines()
        sent = [m[1] for line in lines if (m := HASH_LOG.search(line))]
        received = [m[1] for line in lines if (m := DEQUEUED_HASH_LOG.search(line))]
        assert sent and received == sent, (sent, received)

    eventually(hashes_arrive)
    envoy.assert_log_contains(
        'wasm log receiver: queue "http_request_headers" registered as queueID=',
        "wasm log sender: contextID=",
    )
    assert "error resolving queue id" not in envoy.log_text()


# --- metrics (examples.md §15) ------------------------------------------------------


def test_metrics(start_example: StartExample, compile_example: CompileExample) -> None:
    envoy = start_example("metrics", compile_example("metrics"))

    for value, count in [("foo", 3), ("bar", 5)]:
        answered = 0

        def check(value: str = value, count: int = count) -> None:
            nonlocal answered
            if envoy.get("/", headers={"my-custom-header": value}).status == 200:
                answered += 1
            assert answered == count

        eventually(check, timeout=10)

    def stats() -> None:
        text = envoy.admin_get("/stats/prometheus").text
        for line in [
            'custom_header_value_counts{value="foo",reporter="wasmgosdk"} 3',
            'custom_header_value_counts{value="bar",reporter="wasmgosdk"} 5',
        ]:
            assert line in text.splitlines(), text

    eventually(stats)


# --- network (examples.md §16) ------------------------------------------------------


def test_network(start_example: StartExample, compile_example: CompileExample) -> None:
    envoy = start_example("network", compile_example("network"))

    # The plugin sees raw HTTP bytes through a TCP proxy: header names keep
    # their capitals.
    def check() -> None:
        envoy.get("/", headers={"This-Is-Key": "this-is-value", "Connection": "close"})
        envoy.assert_log_contains(
            "This-Is-Key",
            "this-is-value",
            "downstream data received",
            "new connection!",
            "downstream connection close!",
            "upstream data received",
            "connection complete!",
            "remote address: 127.0.0.1:",
            "upstream cluster metadata location[region]=ap-northeast-1",
            "upstream cluster metadata location[cloud_provider]=aws",
            "upstream cluster metadata location[az]=ap-northeast-1a",
        )

    eventually(check, timeout=10)
    assert "failed to get upstream" not in envoy.log_text()

    def counted() -> None:
        stats = envoy.admin_get("/stats?filter=connection_counter").text
        match = re.search(r"wasmcustom\.proxy_wasm_go\.connection_counter: (\d+)", stats)
        assert match is not None and int(match[1]) >= 1, stats

    eventually(counted)
