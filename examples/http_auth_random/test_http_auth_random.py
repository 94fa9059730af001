"""Unit tests of http_auth_random (examples.md §6), run compiled and under CPython."""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugin.py"
# Envoy always gives a request these; a callout cannot go without them.
PSEUDO_HEADERS = [(":method", "GET"), (":path", "/uuid"), (":authority", "localhost")]
# The reference test's callout response headers, odd names included.
HTTPBIN_HEADERS = [
    ("HTTP/1.1", "200 OK"),
    ("Date:", "Thu, 17 Sep 2020 02:47:07 GMT"),
    ("Content-Type", "application/json"),
    ("Content-Length", "53"),
    ("Connection", "keep-alive"),
    ("Server", "gunicorn/19.9.0"),
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Credentials", "true"),
]
GRANTED_BODY = b'{"uuid": "7b10a67a-1c67-4199-835b-cbefcd4a63d4"}'  # FNV-1a 581777140
DENIED_BODY = b'{"uuid": "aaaaaaaa-1c67-4199-835b-cbefcd4a63d4"}'  # FNV-1a 2867683735


def paused_request(emulator: Emulator) -> int:
    """A new stream whose request headers went out in a callout; its id."""
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, PSEUDO_HEADERS, False) == Action.PAUSE
    assert len(emulator.get_http_calls(stream)) == 1
    return stream


def test_on_http_request_headers(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    headers = [*PSEUDO_HEADERS, ("key", "value")]
    assert emulator.call_on_request_headers(stream, headers, False) == Action.PAUSE
    calls = emulator.get_http_calls(stream)
    assert len(calls) == 1
    assert calls[0].cluster == "httpbin"
    # The callout carries the request's own headers.
    assert list(calls[0].headers) == headers
    assert calls[0].body == b""
    assert calls[0].timeout_milliseconds == 50000
    assert emulator.get_current_http_stream_action(stream) == Action.PAUSE
    logs = emulator.get_info_logs()
    assert "http call dispatched to httpbin" in logs
    assert "request header: key: value" in logs


def test_access_granted(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = paused_request(emulator)
    call = emulator.get_http_calls(stream)[0]
    emulator.call_on_http_call_response(call.token, HTTPBIN_HEADERS, GRANTED_BODY)
    assert emulator.get_sent_local_response(stream) is None
    assert emulator.get_current_http_stream_action(stream) == Action.CONTINUE
    logs = emulator.get_info_logs()
    assert "access granted" in logs
    assert "response header from httpbin: server: gunicorn/19.9.0" in logs


def test_access_forbidden(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = paused_request(emulator)
    call = emulator.get_http_calls(stream)[0]
    emulator.call_on_http_call_response(call.token, HTTPBIN_HEADERS, DENIED_BODY)
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None
    assert reply.status_code == 403
    assert reply.body == b"access forbidden"
    assert reply.headers == (("powered-by", "proxy-wasm-go-sdk!!"),)
    assert "access forbidden" in emulator.get_info_logs()


def test_callout_refused_lets_the_request_through(emulator_backend: Backend) -> None:
    # Without :path and :authority Envoy refuses the callout (bad argument).
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [("key", "value")], False) == Action.CONTINUE
    assert emulator.get_http_calls(stream) == []
    critical = emulator.get_critical_logs()
    assert len(critical) == 1 and critical[0].startswith("dipatch httpcall failed: ")


def test_answer_for_a_finished_stream_is_dropped(emulator_backend: Backend) -> None:
    # The client went away before the callout answered (Go SDK issue #261).
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = paused_request(emulator)
    emulator.complete_http_stream(stream)
    emulator.call_on_http_call_response(emulator.get_http_calls(stream)[0].token,
                                        HTTPBIN_HEADERS, DENIED_BODY)
    assert "access forbidden" not in emulator.get_info_logs()
    assert emulator.get_sent_local_response(stream) is None


def test_failed_callout_is_judged_on_its_empty_body(emulator_backend: Backend) -> None:
    # A reset callout delivers no headers and no body (Go SDK issue #217); the
    # empty body hashes to the FNV offset basis, which is odd: forbidden.
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = paused_request(emulator)
    emulator.fail_http_call(emulator.get_http_calls(stream)[0].token)
    assert emulator.get_info_logs()[-1] == "access forbidden"
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None and reply.status_code == 403
