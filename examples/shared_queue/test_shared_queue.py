"""Unit tests of shared_queue (examples.md §14), run compiled and under CPython.

The reference has none (its emulator cannot resolve queues); pwc.testing can,
and emulators given one `Process` share queues as VMs of one Envoy do.
"""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator, Process

HERE = Path(__file__).parent
RECEIVER = HERE / "receiver" / "plugin.py"
SENDER = HERE / "sender" / "plugin.py"
QUEUES = [b"http_request_headers", b"http_response_headers", b"tcp_data_hashes"]


def fnv1a_128(data: bytes) -> str:
    """The reference value, with Python's unbounded integers."""
    value = 0x6C62272E07BB014262B821756295C58D
    for byte in data:
        value = ((value ^ byte) * (2**88 + 0x13B)) % 2**128
    return value.to_bytes(16, "big").hex()


def receiver(backend: Backend, process: Process) -> Emulator:
    """The receiver VM: three singleton services, one per queue, started."""
    emulator = Emulator(
        RECEIVER, backend, plugin_configuration=QUEUES[0], vm_id="receiver", process=process
    )
    plugins = [emulator.plugin_context_id]
    plugins += [emulator.add_plugin_context(name) for name in QUEUES[1:]]
    for plugin in plugins:
        assert emulator.start_plugin(plugin)
    return emulator


def sender(backend: Backend, process: Process) -> tuple[Emulator, int, int]:
    """The sender VM with its two plugins, started; (emulator, http, tcp)."""
    emulator = Emulator(SENDER, backend, plugin_configuration=b"http", vm_id="sender",
                        process=process)
    http = emulator.plugin_context_id
    tcp = emulator.add_plugin_context(b"tcp")
    assert emulator.start_plugin(http)
    assert emulator.start_plugin(tcp)
    return emulator, http, tcp


def test_receiver_registers_its_queue(emulator_backend: Backend) -> None:
    emulator = receiver(emulator_backend, Process())
    logs = emulator.get_info_logs()
    assert len(logs) == 3
    for context_id, (name, line) in enumerate(zip(QUEUES, logs, strict=True), start=1):
        assert line.startswith(f'queue "{name.decode()}" registered as queueID=')
        assert line.endswith(f" by contextID={context_id}")


def test_receiver_logs_what_it_dequeues(emulator_backend: Backend) -> None:
    process = Process()
    emulator = receiver(emulator_backend, process)
    queue = emulator.register_shared_queue("tcp_data_hashes")  # the same queue again
    emulator.enqueue_shared_queue(queue, b"first")
    emulator.enqueue_shared_queue(queue, b"second")
    assert emulator.deliver_queue_ready() == 2
    assert emulator.get_info_logs()[3:] == [
        f"(contextID=3) dequeued data from tcp_data_hashes(queueID={queue}): first",
        f"(contextID=3) dequeued data from tcp_data_hashes(queueID={queue}): second",
    ]
    assert emulator.get_queue_size(queue) == 0


def test_receiver_ignores_an_empty_queue(emulator_backend: Backend) -> None:
    emulator = receiver(emulator_backend, Process())
    queue = emulator.register_shared_queue("http_request_headers")
    emulator.enqueue_shared_queue(queue, b"only")
    assert emulator.dequeue_shared_queue(queue) == b"only"  # someone else took it
    emulator.deliver_queue_ready()
    assert len(emulator.get_info_logs()) == 3
    assert emulator.get_critical_logs() == []


def test_sender_is_configured(emulator_backend: Backend) -> None:
    emulator, http, tcp = sender(emulator_backend, Process())
    assert emulator.get_info_logs() == [
        f"contextID={http} is configured for http",
        f"contextID={tcp} is configured for tcp",
    ]


def test_sender_enqueues_headers(emulator_backend: Backend) -> None:
    process = Process()
    emulator, http, _ = sender(emulator_backend, process)
    requests = emulator.register_shared_queue("http_request_headers", vm_id="receiver")
    responses = emulator.register_shared_queue("http_response_headers", vm_id="receiver")
    stream = emulator.init_http_stream(http)
    action = emulator.call_on_request_headers(
        stream, [(":method", "GET"), (":path", "/")], end_of_stream=True
    )
    assert action == Action.CONTINUE
    assert emulator.call_on_response_headers(stream, [(":status", "200")], True) == (
        Action.CONTINUE
    )
    assert emulator.dequeue_shared_queue(requests) == b'{"key": ":method","value": "GET"}'
    assert emulator.dequeue_shared_queue(requests) == b'{"key": ":path","value": "/"}'
    assert emulator.dequeue_shared_queue(requests) is None
    assert emulator.dequeue_shared_queue(responses) == b'{"key": ":status","value": "200"}'
    logs = emulator.get_info_logs()
    assert 'enqueued data: {"key": ":method","value": "GET"}' in logs
    assert f'(contextID={stream}) enqueued data: {{"key": ":status","value": "200"}}' in logs


def test_sender_enqueues_hashes_of_upstream_data(emulator_backend: Backend) -> None:
    process = Process()
    emulator, _, tcp = sender(emulator_backend, process)
    hashes = emulator.register_shared_queue("tcp_data_hashes", vm_id="receiver")
    connection = emulator.init_tcp_stream(tcp)
    emulator.call_on_new_connection(connection)
    chunks = [b"", b"a", b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n", bytes(range(256))]
    for chunk in chunks:
        assert emulator.call_on_upstream_data(connection, chunk) == Action.CONTINUE
    # Empty data is skipped; the known FNV-1a 128 value of "a" checks the hash.
    assert fnv1a_128(b"a") == "d228cb696f1a8caf78912b704e4a8964"
    expected = [fnv1a_128(chunk).encode() for chunk in chunks[1:]]
    assert [emulator.dequeue_shared_queue(hashes) for _ in expected] == expected
    assert (
        f"(contextID={connection}) enqueued data: d228cb696f1a8caf78912b704e4a8964"
        in emulator.get_info_logs()
    )


def test_sender_without_receiver_logs_and_continues(emulator_backend: Backend) -> None:
    emulator, http, _ = sender(emulator_backend, Process())
    stream = emulator.init_http_stream(http)
    assert emulator.call_on_request_headers(stream, [(":method", "GET")], True) == (
        Action.CONTINUE
    )
    critical = emulator.get_critical_logs()
    assert [line.split(":")[0] for line in critical] == [
        "error resolving queue id",
        "error resolving queue id",
        "error queueing",
    ]


def test_each_plugin_makes_its_own_kind_of_stream(emulator_backend: Backend) -> None:
    process = Process()
    receiver(emulator_backend, process)
    emulator, http, tcp = sender(emulator_backend, process)
    # An HTTP stream through the `tcp` plugin has no context: nothing is sent.
    stream = emulator.init_http_stream(tcp)
    emulator.call_on_request_headers(stream, [(":method", "GET")], True)
    connection = emulator.init_tcp_stream(http)
    emulator.call_on_new_connection(connection)
    emulator.call_on_upstream_data(connection, b"data")
    assert len(emulator.get_info_logs()) == 2  # the two "configured for" lines
    assert emulator.get_critical_logs() == []


def test_sender_to_receiver(emulator_backend: Backend) -> None:
    # Both VMs of one Envoy: the worker's sender, the main thread's receiver.
    process = Process()
    main_thread = receiver(emulator_backend, process)
    worker, http, tcp = sender(emulator_backend, process)
    stream = worker.init_http_stream(http)
    worker.call_on_request_headers(stream, [(":method", "GET"), (":path", "/")], True)
    worker.call_on_response_headers(stream, [(":status", "200")], True)
    worker.complete_http_stream(stream)
    connection = worker.init_tcp_stream(tcp)
    worker.call_on_new_connection(connection)
    worker.call_on_upstream_data(connection, b"a", end_of_stream=True)
    worker.complete_tcp_stream(connection)
    assert main_thread.deliver_queue_ready() == 4
    dequeued = [line.split(" dequeued data from ")[1] for line in main_thread.get_info_logs()[3:]]
    assert [line.split("(queueID=")[0] for line in dequeued] == [
        "http_request_headers",
        "http_request_headers",
        "http_response_headers",
        "tcp_data_hashes",
    ]
    assert dequeued[0].endswith('): {"key": ":method","value": "GET"}')
    assert dequeued[3].endswith("): d228cb696f1a8caf78912b704e4a8964")
    logs = main_thread.get_info_logs()
    assert logs[3].startswith("(contextID=1) ") and logs[6].startswith("(contextID=3) ")
