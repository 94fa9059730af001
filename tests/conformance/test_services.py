"""Shared data (abi.md §5.4), shared queues (§5.5), metrics (§3.10), foreign
functions, the log level and deferred plugin completion, through the SDK.
Every test runs compiled and under CPython."""

from __future__ import annotations

from pathlib import Path

from pwc.testing import Backend, Emulator, LogLevel

PLUGIN = Path(__file__).parent / "plugins" / "services.py"


def request(emulator: Emulator, path: str, plugin_context_id: int | None = None) -> int:
    stream = emulator.init_http_stream(plugin_context_id)
    emulator.call_on_request_headers(stream, [(":path", path)], end_of_stream=True)
    return stream


# --- shared data ----------------------------------------------------------------


def test_a_shared_counter_updated_by_compare_and_swap(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_vm()
    for _ in range(3):
        request(emulator, "/count")
    assert emulator.get_info_logs() == ["shared value: 1", "shared value: 2", "shared value: 3"]
    value, cas = emulator.get_shared_data("counter") or (b"", 0)
    assert (value, cas) == (b"3", 4)  # the VM start wrote it first


def test_a_write_from_elsewhere_makes_the_plugin_retry(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    emulator.set_shared_data("counter", b"41")
    request(emulator, "/count")
    assert emulator.get_info_logs() == ["shared value: 42"]


def test_cas_rules_follow_envoy(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_vm()
    request(emulator, "/stale")
    assert emulator.get_info_logs() == [
        "stale cas: CasMismatchError",
        "fresh: 1",  # a new key ignores its cas
        "missing: NotFoundError",
    ]
    assert emulator.get_shared_data("counter") == (b"first", 2)


def test_vms_with_another_vm_id_do_not_share_data(emulator_backend: Backend) -> None:
    first = Emulator(PLUGIN, emulator_backend, vm_id="a")
    second = Emulator(PLUGIN, emulator_backend, vm_id="a", process=first.process)
    other = Emulator(PLUGIN, emulator_backend, vm_id="b", process=first.process)
    assert first.start_vm()
    request(first, "/count")
    request(second, "/count")
    request(other, "/count")
    assert second.get_info_logs() == ["shared value: 2"]
    assert other.get_info_logs() == ["/count: NotFoundError"]


# --- shared queues ----------------------------------------------------------------


def test_queue_ready_arrives_after_the_enqueue_not_inside_it(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, b"receiver")
    assert emulator.start_plugin()
    request(emulator, "/enqueue/a")
    request(emulator, "/enqueue/b")
    assert emulator.get_info_logs() == [
        "registered q as 1", "enqueued /enqueue/a on 1", "enqueued /enqueue/b on 1",
    ]
    assert emulator.get_queue_size(1) == 2
    assert emulator.deliver_queue_ready() == 2
    assert emulator.get_info_logs()[3:] == [
        "dequeued /enqueue/a", "dequeued /enqueue/b", "queue 1 drained by 1",
        "queue 1 drained by 1",
    ]
    assert emulator.deliver_queue_ready() == 0


def test_a_sender_resolves_a_queue_of_another_vm(emulator_backend: Backend) -> None:
    receiver = Emulator(PLUGIN, emulator_backend, b"receiver", vm_id="receiver")
    assert receiver.start_plugin()
    sender = Emulator(PLUGIN, emulator_backend, vm_id="receiver", process=receiver.process)
    request(sender, "/enqueue/x")
    assert sender.get_info_logs() == ["enqueued /enqueue/x on 1"]
    assert sender.deliver_queue_ready() == 0  # the receiver is the other VM
    assert receiver.deliver_queue_ready() == 1
    assert receiver.get_info_logs()[-2:] == ["dequeued /enqueue/x", "queue 1 drained by 1"]
    request(sender, "/resolve-other")
    assert sender.get_info_logs()[-1] == "/resolve-other: NotFoundError"


def test_the_test_can_feed_and_drain_queues(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, b"receiver")
    assert emulator.start_plugin()
    emulator.enqueue_shared_queue(1, b"from outside")
    emulator.deliver_queue_ready()
    assert "dequeued from outside" in emulator.get_info_logs()
    sender = Emulator(PLUGIN, emulator_backend)
    queue_id = sender.register_shared_queue("q")
    request(sender, "/enqueue/y")
    assert sender.dequeue_shared_queue(queue_id) == b"/enqueue/y"
    assert sender.dequeue_shared_queue(queue_id) is None


# --- metrics ------------------------------------------------------------------------


def test_metrics_follow_envoys_rules(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    request(emulator, "/metrics")
    assert emulator.get_info_logs() == [
        "requests 1 active -2",
        "counter increment 0: BadArgumentError",
        "histogram value: BadArgumentError",
    ]
    request(emulator, "/metrics")
    assert emulator.get_counter_value("requests") == 2
    assert emulator.get_gauge_value("active") == -4
    assert emulator.get_histogram_values("sizes") == [42, 42]


def test_metrics_sum_over_the_vms_of_a_process(emulator_backend: Backend) -> None:
    first = Emulator(PLUGIN, emulator_backend)
    second = Emulator(PLUGIN, emulator_backend, process=first.process)
    request(first, "/metrics")
    request(second, "/metrics")
    assert first.get_counter_value("requests") == 2


# --- foreign functions, log level, completion -------------------------------------


def test_foreign_functions_are_the_tests(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    emulator.register_foreign_function("reverse", lambda data: data[::-1])
    request(emulator, "/ffi")
    assert emulator.get_info_logs() == ["ffi: cba", "/ffi: NotFoundError"]


def test_the_log_level_is_reported_and_applied(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, log_level=LogLevel.WARN)
    request(emulator, "/level")
    assert emulator.get_warn_logs() == ["level 3"]
    assert emulator.get_info_logs() == []


def test_a_plugin_may_finish_later_with_plugin_done(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend, b"lingering")
    assert emulator.start_plugin()
    request(emulator, "/done")
    assert emulator.get_info_logs() == ["/done: NotFoundError"]  # not from a stream
    assert not emulator.finish_plugin()
    assert not emulator.is_plugin_deleted()
    emulator.tick()
    assert emulator.get_info_logs()[-1] == "plugin 1 done"
    assert emulator.is_plugin_deleted()
