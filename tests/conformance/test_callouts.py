"""HTTP callouts through the SDK (abi.md §3.6): dispatch records, answers on
the root routed back to the dispatching stream or plugin, dropped answers
for finished streams, failures.  Every test runs compiled and under CPython."""

from __future__ import annotations

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugins" / "callouts.py"
ANSWER_HEADERS = [(":status", "200"), ("Content-Type", "text/plain")]


def started(backend: Backend, configuration: bytes = b"") -> Emulator:
    emulator = Emulator(PLUGIN, backend, configuration, clusters=["backend"])
    assert emulator.start_plugin()
    return emulator


def test_a_stream_callout_is_recorded_and_pauses_the_request(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [(":path", "/auth"), ("k", "v")], False)
    assert action == Action.PAUSE
    (call,) = emulator.get_http_calls(stream)
    assert (call.token, call.cluster, call.timeout_milliseconds) == (4, "backend", 5000)
    assert call.headers == ((":method", "GET"), (":path", "/auth"), (":authority", "backend"))
    assert (call.body, call.trailers, call.plugin_context_id) == (b"", (), 1)
    assert emulator.get_pending_http_calls() == [call]
    assert f"stream {stream} dispatched 4" in emulator.get_info_logs()


def test_the_answer_runs_the_bound_method_on_its_stream(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":path", "/auth")], False)
    token = emulator.get_http_calls(stream)[0].token
    emulator.call_on_http_call_response(token, ANSWER_HEADERS, b"allow", [("grpc-status", "0")])
    logs = emulator.get_info_logs()
    assert f"stream {stream} answered 2 5 1" in logs
    assert "header :status: 200" in logs and "header content-type: text/plain" in logs
    assert "trailer grpc-status: 0" in logs
    assert "request path /auth" in logs
    assert emulator.get_current_http_stream_action(stream) == Action.CONTINUE
    assert emulator.get_pending_http_calls() == []


def test_a_local_reply_from_the_callback_answers_the_waiting_stream(
    emulator_backend: Backend,
) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":path", "/auth")], False)
    emulator.call_on_http_call_response(4, ANSWER_HEADERS, b"deny")
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None
    assert (reply.status_code, reply.body, reply.headers) == (403, b"denied", (("x-denied", "yes"),))


def test_closures_and_lambdas_run_in_their_stream(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    first = emulator.init_http_stream()
    second = emulator.init_http_stream()
    emulator.call_on_request_headers(first, [(":path", "/closure")], False)
    emulator.call_on_request_headers(second, [(":path", "/lambda")], False)
    (closure_call,) = emulator.get_http_calls(first)
    (lambda_call,) = emulator.get_http_calls(second)
    assert (lambda_call.body, lambda_call.trailers) == (b"ping", (("t", "1"),))
    # Answers in the other order than the dispatches.
    emulator.call_on_http_call_response(lambda_call.token, ANSWER_HEADERS, b"xyz", [("a", "b")])
    emulator.call_on_http_call_response(closure_call.token, [(":status", "200")], b"")
    logs = emulator.get_info_logs()
    assert "lambda total 6" in logs
    assert f"closure of {first}: 1 0 0" in logs
    assert emulator.get_current_http_stream_action(first) == Action.CONTINUE
    assert emulator.get_current_http_stream_action(second) == Action.CONTINUE


def test_an_answer_for_a_finished_stream_is_dropped(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":path", "/auth")], False)
    emulator.complete_http_stream(stream)
    emulator.call_on_http_call_response(4, ANSWER_HEADERS, b"allow")
    assert not any("answered" in line for line in emulator.get_info_logs())
    assert emulator.get_error_logs() == []


def test_a_failed_callout_delivers_no_headers(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":path", "/auth")], False)
    emulator.fail_http_call(4)
    assert f"stream {stream} answered 0 0 0" in emulator.get_info_logs()
    assert emulator.get_current_http_stream_action(stream) == Action.CONTINUE


def test_a_timed_out_callout_gets_envoys_504(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":path", "/auth")], False)
    emulator.time_out_http_call(4)
    logs = emulator.get_info_logs()
    assert f"stream {stream} answered 3 24 0" in logs
    assert "header :status: 504" in logs


def test_a_raising_callback_fails_its_stream_closed(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":path", "/boom")], False)
    emulator.call_on_http_call_response(4, ANSWER_HEADERS, b"")
    (error,) = emulator.get_error_logs()
    assert error.startswith("ValueError: callback failed (callouts.py:")
    reply = emulator.get_sent_local_response(stream)
    assert reply is not None and reply.status_code == 500


def test_envoy_refuses_a_callout_without_path_or_to_an_unknown_cluster(
    emulator_backend: Backend,
) -> None:
    emulator = started(emulator_backend)
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [(":path", "/nopath")], False)
    assert action == Action.CONTINUE
    assert "dispatch failed: BadArgumentError" in emulator.get_info_logs()
    assert emulator.get_http_calls() == []
    strict = Emulator(PLUGIN, emulator_backend, clusters=["other"])
    assert strict.start_plugin()
    stream = strict.init_http_stream()
    strict.call_on_request_headers(stream, [(":path", "/auth")], False)
    assert "dispatch failed: BadArgumentError" in strict.get_info_logs()


def test_callouts_from_ticks_answer_on_the_plugin_context(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    for i in range(1, 4):
        emulator.tick()
        calls = emulator.get_http_calls(emulator.plugin_context_id)
        assert len(calls) == i
        emulator.call_on_http_call_response(calls[-1].token, [(":status", "200")])
        assert f"tick of 1: answer {i} with 1 headers" in emulator.get_info_logs()
    assert [c.token for c in emulator.get_http_calls()] == [4, 8, 12]


def test_tick_callbacks_survive_until_answered_in_any_order(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend)
    for _ in range(3):
        emulator.tick()
    for token in (12, 4, 8):
        emulator.call_on_http_call_response(token, [])
    assert emulator.get_info_logs()[-3:] == [
        f"tick of 1: answer {n} with 0 headers" for n in (1, 2, 3)
    ]


def test_callbacks_of_one_tick_share_what_they_captured(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend, b"twice")
    emulator.tick()
    emulator.tick()
    for token in (4, 16, 8, 12):  # the first of each tick before the second
        emulator.call_on_http_call_response(token, [])
    assert emulator.get_info_logs()[-4:] == [
        "tick of 1: answer 1 with 0 headers",
        "tick of 1 again: answer 2 with 0 headers",
        "tick of 1 again: answer 3 with 0 headers",
        "tick of 1: answer 4 with 0 headers",
    ]


def test_a_connection_gets_its_answer(emulator_backend: Backend) -> None:
    emulator = started(emulator_backend, b"tcp")
    connection = emulator.init_tcp_stream()
    assert emulator.call_on_new_connection(connection) == Action.PAUSE
    (call,) = emulator.get_http_calls(connection)
    emulator.call_on_http_call_response(call.token, ANSWER_HEADERS, b"for tcp")
    assert "connection answered for tcp" in emulator.get_info_logs()


EAGER_PLUGIN = """
from proxywasm import PluginContext, VMContext, dispatch_http_call, log_info, set_vm_context


class Plugin(PluginContext):
    def __init__(self, context_id: int) -> None:
        super().__init__()
        self.context_id = context_id
        headers = [(":method", "GET"), (":path", "/"), (":authority", "a")]
        dispatch_http_call("c", headers, b"", [], 100, self.answered)

    def answered(self, num_headers: int, body_size: int, num_trailers: int) -> None:
        log_info(f"answered on {self.context_id}")


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin(context_id)


set_vm_context(VM())
"""


def test_a_plugin_context_may_dispatch_while_it_is_created(
    emulator_backend: Backend, tmp_path: Path
) -> None:
    plugin = tmp_path / "eager.py"
    plugin.write_text(EAGER_PLUGIN)
    emulator = Emulator(plugin, emulator_backend)
    (call,) = emulator.get_pending_http_calls()
    assert call.context_id == 1
    emulator.call_on_http_call_response(call.token, [])
    assert emulator.get_info_logs() == ["answered on 1"]


LATE_PLUGIN = """
from proxywasm import (
    Action, HttpContext, PluginContext, VMContext, dispatch_http_call, set_vm_context,
)


class Stream(HttpContext):
    def on_http_response_body(self, body_size: int, end_of_stream: bool) -> Action:
        headers = [(":method", "GET"), (":path", "/"), (":authority", "backend")]
        dispatch_http_call("backend", headers, b"", [], 100, self.answered)
        return Action.PAUSE

    def answered(self, num_headers: int, body_size: int, num_trailers: int) -> None:
        raise ValueError("late")


class Plugin(PluginContext):
    def new_http_context(self, context_id: int) -> HttpContext | None:
        return Stream()


class VM(VMContext):
    def new_plugin_context(self, context_id: int) -> PluginContext:
        return Plugin()


set_vm_context(VM())
"""


def test_a_callback_raising_once_the_response_started_resets_the_stream(
    emulator_backend: Backend, tmp_path: Path
) -> None:
    plugin = tmp_path / "late.py"
    plugin.write_text(LATE_PLUGIN)
    emulator = Emulator(plugin, emulator_backend, clusters=["backend"])
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [(":path", "/")], True)
    emulator.call_on_response_headers(stream, [(":status", "200")], False)
    assert emulator.call_on_response_body(stream, b"partial", False) == Action.PAUSE
    (call,) = emulator.get_http_calls(stream)
    emulator.call_on_http_call_response(call.token, ANSWER_HEADERS, b"")
    (error,) = emulator.get_error_logs()
    assert error.startswith("ValueError: late (late.py:")
    assert emulator.was_http_stream_reset(stream)
    assert emulator.get_sent_local_response(stream) is None
