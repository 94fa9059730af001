"""Unit tests of shared_data (examples.md §13), run compiled and under CPython."""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator, Process

PLUGIN = Path(__file__).parent / "plugin.py"
KEY = "shared_data_key"


def test_on_http_request_headers(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_vm()
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], end_of_stream=False) == Action.CONTINUE
    assert "shared value: 1" in emulator.get_info_logs()
    for _ in range(2):
        assert emulator.call_on_request_headers(stream, [], end_of_stream=False) == (
            Action.CONTINUE
        )
    assert "shared value: 3" in emulator.get_info_logs()
    assert emulator.get_warn_logs() == []


def test_counter_is_stored_as_8_bytes_little_endian(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_vm()
    stored = emulator.get_shared_data(KEY)
    assert stored is not None and stored[0] == b""  # created empty on VM start
    for _ in range(258):
        stream = emulator.init_http_stream()
        emulator.call_on_request_headers(stream, [], end_of_stream=True)
        emulator.complete_http_stream(stream)
    stored = emulator.get_shared_data(KEY)
    assert stored is not None
    assert stored[0] == (258).to_bytes(8, "little")
    assert emulator.get_info_logs()[-1] == "shared value: 258"


def test_value_written_by_another_vm_is_counted_on(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    assert emulator.start_vm()
    emulator.set_shared_data(KEY, (41).to_bytes(8, "little"))
    stream = emulator.init_http_stream()
    emulator.call_on_request_headers(stream, [], end_of_stream=True)
    assert emulator.get_info_logs() == ["shared value: 42"]


def test_vms_of_one_process_share_the_count(emulator_backend: Backend) -> None:
    # Two worker threads: two VMs with one shared-data store.
    process = Process()
    workers = [Emulator(PLUGIN, emulator_backend, process=process) for _ in range(2)]
    for worker in workers:
        assert worker.start_vm()
    for turn in range(6):
        worker = workers[turn % 2]
        stream = worker.init_http_stream()
        worker.call_on_request_headers(stream, [], end_of_stream=True)
        assert worker.get_info_logs()[-1] == f"shared value: {turn + 1}"


def test_missing_key_is_logged_and_the_request_continues(emulator_backend: Backend) -> None:
    # Without on_vm_start the key was never created: the read fails.
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_headers(stream, [], end_of_stream=True) == Action.CONTINUE
    warnings = emulator.get_warn_logs()
    assert len(warnings) == 1
    assert warnings[0].startswith("error getting shared data on OnHttpRequestHeaders: ")
    assert emulator.get_info_logs() == []
