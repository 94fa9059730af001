"""The host model's VM-wide host calls on their own: shared data, queues,
metrics, properties, callouts, foreign functions, completion (abi.md §3.6,
§3.8-3.11, §5, §6.1)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pwc.testing.abi import BufferType, Callback, MapType, Status, StreamType
from pwc.testing.callouts import CalloutResponse
from pwc.testing.errors import StatusError
from pwc.testing.host import HostModel
from pwc.testing.http_stream import HeaderMap
from pwc.testing.properties import PropertyPath, encode_value, look_up, parse_path
from pwc.testing.shared import Process
from pwc.testing.wire import decode_map


def status_of(call: object) -> int:
    assert callable(call)
    try:
        call()
    except StatusError as e:
        return e.status
    return Status.OK


def in_root_callback(host: HostModel, callback: str = Callback.TICK) -> int:
    root = host.new_root(b"")
    host.begin_callback(root.context_id, callback, (root.context_id,))
    return root.context_id


# --- shared data -------------------------------------------------------------------


def test_cas_tokens_count_every_write_from_one() -> None:
    host = HostModel()
    in_root_callback(host)
    assert status_of(lambda: host.get_shared_data(b"k")) == Status.NOT_FOUND
    host.set_shared_data(b"k", b"a", 0)
    host.set_shared_data(b"other", b"b", 0)
    assert host.get_shared_data(b"k") == (b"a", 1)
    host.set_shared_data(b"k", b"c", 1)
    assert host.get_shared_data(b"k") == (b"c", 3)


def test_a_stale_cas_is_a_mismatch_but_zero_always_writes() -> None:
    host = HostModel()
    in_root_callback(host)
    host.set_shared_data(b"k", b"a", 0)
    host.set_shared_data(b"k", b"b", 1)
    assert status_of(lambda: host.set_shared_data(b"k", b"c", 1)) == Status.CAS_MISMATCH
    host.set_shared_data(b"k", b"d", 0)
    assert host.get_shared_data(b"k") == (b"d", 3)


def test_a_new_key_ignores_its_cas() -> None:
    host = HostModel()
    in_root_callback(host)
    host.set_shared_data(b"new", b"v", 77)
    assert host.get_shared_data(b"new") == (b"v", 1)


def test_shared_data_is_per_vm_id_within_a_process() -> None:
    process = Process()
    a, b = HostModel(vm_id="a", process=process), HostModel(vm_id="b", process=process)
    in_root_callback(a)
    in_root_callback(b)
    a.set_shared_data(b"k", b"from a", 0)
    assert status_of(lambda: b.get_shared_data(b"k")) == Status.NOT_FOUND
    assert HostModel(vm_id="a", process=process).process.get_shared_data("a", b"k")[0] == b"from a"


# --- queues ------------------------------------------------------------------------


def test_queue_tokens_count_from_one_and_reregistering_keeps_the_queue() -> None:
    host = HostModel()
    root = in_root_callback(host)
    first = host.register_shared_queue(b"q")
    assert (first, host.register_shared_queue(b"r")) == (1, 2)
    host.enqueue_shared_queue(first, b"item")
    assert host.register_shared_queue(b"q") == first
    assert host.dequeue_shared_queue(first) == b"item"
    assert host.pending_queue_ready == [(root, first)]


def test_enqueue_only_posts_a_notification_per_item() -> None:
    host = HostModel()
    root = in_root_callback(host)
    token = host.register_shared_queue(b"q")
    host.enqueue_shared_queue(token, b"1")
    host.enqueue_shared_queue(token, b"2")
    assert host.pending_queue_ready == [(root, token), (root, token)]
    assert [host.dequeue_shared_queue(token) for _ in range(2)] == [b"1", b"2"]
    assert status_of(lambda: host.dequeue_shared_queue(token)) == Status.EMPTY


def test_unknown_queues_are_not_found() -> None:
    host = HostModel(vm_id="mine")
    in_root_callback(host)
    host.register_shared_queue(b"q")
    assert host.resolve_shared_queue(b"", b"q") == host.resolve_shared_queue(b"mine", b"q") == 1
    assert status_of(lambda: host.resolve_shared_queue(b"other", b"q")) == Status.NOT_FOUND
    assert status_of(lambda: host.enqueue_shared_queue(9, b"x")) == Status.NOT_FOUND
    assert status_of(lambda: host.dequeue_shared_queue(9)) == Status.NOT_FOUND


def test_the_latest_registrant_receives_the_notifications() -> None:
    process = Process()
    first, second = HostModel(process=process), HostModel(process=process)
    in_root_callback(first)
    in_root_callback(second)
    token = first.register_shared_queue(b"q")
    assert second.register_shared_queue(b"q") == token
    first.enqueue_shared_queue(token, b"x")
    assert first.pending_queue_ready == [] and second.pending_queue_ready == [(1, token)]


# --- metrics -------------------------------------------------------------------------


def test_metric_ids_carry_their_type_in_the_low_bits() -> None:
    host = HostModel()
    in_root_callback(host)
    ids = [host.define_metric(kind, b"m") for kind in (0, 1, 2, 0)]
    assert ids == [4, 5, 6, 8]
    assert status_of(lambda: host.define_metric(3, b"m")) == Status.BAD_ARGUMENT


def test_counters_only_grow_gauges_move_histograms_only_record() -> None:
    host = HostModel()
    in_root_callback(host)
    counter, gauge, histogram = (host.define_metric(kind, b"m") for kind in (0, 1, 2))
    host.increment_metric(counter, 2)
    host.record_metric(counter, 3)  # Envoy adds a counter's record
    assert host.get_metric(counter) == 5
    assert status_of(lambda: host.increment_metric(counter, 0)) == Status.BAD_ARGUMENT
    assert status_of(lambda: host.increment_metric(counter, -1)) == Status.BAD_ARGUMENT
    host.record_metric(gauge, 10)
    host.increment_metric(gauge, -4)
    assert host.get_metric(gauge) == 6
    host.record_metric(histogram, 7)
    assert status_of(lambda: host.get_metric(histogram)) == Status.BAD_ARGUMENT
    assert status_of(lambda: host.increment_metric(histogram, 1)) == Status.BAD_ARGUMENT
    assert host.process.stat(host.metric_handles[histogram][0], "m").samples == [7]
    assert status_of(lambda: host.get_metric(12)) == Status.NOT_FOUND


def test_defining_a_name_again_gives_a_new_handle_on_the_same_stat() -> None:
    host = HostModel()
    in_root_callback(host)
    first, second = host.define_metric(0, b"c"), host.define_metric(0, b"c")
    assert first != second
    host.increment_metric(first, 1)
    host.increment_metric(second, 1)
    assert host.get_metric(first) == 2


# --- properties ----------------------------------------------------------------------


def test_paths_are_nul_joined_with_an_optional_trailing_nul() -> None:
    assert parse_path(b"request\0path") == ("request", "path")
    assert parse_path(b"request\0path\0") == ("request", "path")
    assert parse_path(b"request.path") == ("request.path",)


@given(st.dictionaries(st.text(max_size=5), st.binary(max_size=5), max_size=4))
def test_a_map_value_decodes_back_to_its_pairs(value: dict[str, bytes]) -> None:
    decoded = decode_map(encode_value(value))
    assert decoded == [(k.encode("utf-8", "surrogateescape"), v) for k, v in value.items()]


def test_values_are_encoded_as_envoy_does() -> None:
    assert encode_value(200) == bytes.fromhex("c800000000000000")
    assert encode_value(True) == b"\1"
    assert encode_value("é") == "é".encode()
    assert encode_value({}) == b"\0\0\0\0"


def test_lookups_index_into_stored_maps() -> None:
    store: dict[PropertyPath, bytes] = {("xds", "cluster_metadata"): encode_value({"fm": {"loc": {"az": "1a"}}})}
    assert look_up(store, ("xds", "cluster_metadata", "fm", "loc", "az")) == b"1a"
    assert look_up(store, ("xds", "cluster_metadata", "fm", "nope")) is None
    assert look_up(store, ("xds",)) is None


def test_a_stream_sees_its_own_then_seeded_then_computed_properties() -> None:
    host = HostModel(properties={("shared",): b"seeded", ("request", "path"): b"/seeded"})
    root = host.new_root(b"", name="plugin")
    stream = host.new_http_stream(root.context_id)
    stream.request_headers.set_all([(b":path", b"/p?q"), (b":method", b"GET")])
    stream.request.headers_seen = True
    host.begin_callback(stream.context_id, Callback.REQUEST_HEADERS, (stream.context_id, 2, 1))
    host.set_property(b"shared", b"own")
    assert host.get_property(b"shared") == b"own"
    assert host.get_property(b"request\0path") == b"/seeded"
    assert host.get_property(b"request\0method") == b"GET"
    assert host.get_property(b"request\0query") == b"q"
    assert host.get_property(b"plugin_name") == b"plugin"
    assert status_of(lambda: host.get_property(b"response\0code")) == Status.NOT_FOUND


def test_a_root_context_cannot_set_properties() -> None:
    host = HostModel()
    in_root_callback(host, Callback.CONFIGURE)
    assert status_of(lambda: host.set_property(b"a", b"b")) == Status.NOT_FOUND


# --- callouts --------------------------------------------------------------------------


HEADERS = [(b":method", b"GET"), (b":path", b"/"), (b":authority", b"x")]


def test_callout_tokens_are_multiples_of_four() -> None:
    host = HostModel()
    root = in_root_callback(host)
    tokens = [host.http_call(b"c", HEADERS, b"", [], 10) for _ in range(3)]
    assert tokens == [4, 8, 12]
    assert host.http_calls[8].context_id == host.http_calls[8].plugin_context_id == root


@pytest.mark.parametrize("missing", [b":method", b":path", b":authority"])
def test_a_callout_needs_method_path_and_authority(missing: bytes) -> None:
    host = HostModel()
    in_root_callback(host)
    headers = [(k, v) for k, v in HEADERS if k != missing]
    assert status_of(lambda: host.http_call(b"c", headers, b"", [], 10)) == Status.BAD_ARGUMENT


def test_host_stands_in_for_authority_and_empty_values_are_fine() -> None:
    host = HostModel()
    in_root_callback(host)
    headers = [(b":method", b""), (b":path", b""), (b"Host", b"")]
    assert host.http_call(b"c", headers, b"", [], 0) == 4


def test_only_known_clusters_take_callouts_when_they_are_listed() -> None:
    host = HostModel(clusters=frozenset({"known"}))
    in_root_callback(host)
    assert status_of(lambda: host.http_call(b"other", HEADERS, b"", [], 0)) == 2
    assert host.http_call(b"known", HEADERS, b"", [], 0) == 4


def test_the_answer_is_readable_from_the_root_and_from_its_streams() -> None:
    host = HostModel()
    root = host.new_root(b"")
    stream = host.new_http_stream(root.context_id)
    host.roots[root.context_id].callout_response = CalloutResponse(
        HeaderMap([(b":status", b"200")]), b"body", HeaderMap()
    )
    host.begin_callback(root.context_id, Callback.HTTP_CALL_RESPONSE, (1, 4, 1, 4, 0))
    assert host.get_header_map_value(MapType.HTTP_CALL_RESPONSE_HEADERS, b":status") == b"200"
    host.set_effective_context(stream.context_id)
    assert host.get_buffer_bytes(BufferType.HTTP_CALL_RESPONSE_BODY, 0, 10) == b"body"
    assert status_of(
        lambda: host.set_buffer_bytes(BufferType.HTTP_CALL_RESPONSE_BODY, 0, 0, b"x")
    ) == Status.BAD_ARGUMENT
    host.roots[root.context_id].callout_response = None
    assert host.get_header_map_pairs(MapType.HTTP_CALL_RESPONSE_HEADERS) == []
    assert status_of(
        lambda: host.get_buffer_bytes(BufferType.HTTP_CALL_RESPONSE_BODY, 0, 10)
    ) == Status.NOT_FOUND


# --- TCP buffers and flow -----------------------------------------------------------------


def test_tcp_buffers_exist_only_in_their_own_data_callback() -> None:
    host = HostModel()
    root = host.new_root(b"")
    connection = host.new_tcp_connection(root.context_id)
    connection.downstream.data = b"down"
    connection.upstream.data = b"up"
    host.begin_callback(connection.context_id, Callback.DOWNSTREAM_DATA, (2, 4, 0))
    assert host.get_buffer_bytes(BufferType.DOWNSTREAM_DATA, 0, 10) == b"down"
    assert status_of(lambda: host.get_buffer_bytes(BufferType.UPSTREAM_DATA, 0, 1)) == 1
    host.set_buffer_bytes(BufferType.DOWNSTREAM_DATA, 0, 0, b">")
    host.set_buffer_bytes(BufferType.DOWNSTREAM_DATA, 0xFFFFFFFF, 0, b"<")
    assert connection.downstream.data == b">down<"
    assert status_of(lambda: host.set_buffer_bytes(BufferType.DOWNSTREAM_DATA, 2, 1, b"x")) == 2
    host.end_callback()
    host.begin_callback(connection.context_id, Callback.UPSTREAM_DATA, (2, 2, 0))
    assert host.get_buffer_bytes(BufferType.UPSTREAM_DATA, 1, 10) == b"p"


def test_tcp_continue_and_close_are_requests_for_after_the_callback() -> None:
    host = HostModel()
    root = host.new_root(b"")
    connection = host.new_tcp_connection(root.context_id)
    host.begin_callback(connection.context_id, Callback.DOWNSTREAM_DATA, (2, 0, 0))
    host.continue_stream(StreamType.DOWNSTREAM)
    assert status_of(lambda: host.continue_stream(StreamType.UPSTREAM)) == Status.UNIMPLEMENTED
    host.close_stream(StreamType.UPSTREAM)
    assert connection.resume_requested and connection.close_requested


# --- foreign functions and completion ---------------------------------------------------


def test_foreign_functions_are_looked_up_by_name() -> None:
    host = HostModel(foreign_functions={"twice": lambda data: data * 2})
    in_root_callback(host)
    assert host.call_foreign_function(b"twice", b"ab") == b"abab"
    assert status_of(lambda: host.call_foreign_function(b"nope", b"")) == Status.NOT_FOUND


def test_proxy_done_completes_only_a_root_waiting_for_it() -> None:
    host = HostModel()
    root_id = in_root_callback(host)
    assert status_of(host.done) == Status.NOT_FOUND
    host.roots[root_id].done_pending = True
    host.done()
    assert host.roots[root_id].done_requested
