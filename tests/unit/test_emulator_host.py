"""The emulator's host model on its own: Envoy's semantics (abi.md §3, §5, §6)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pwc.testing.abi import BufferType, Callback, LogLevel, MapType, Status, StreamType
from pwc.testing.errors import RestrictedCallError, StatusError
from pwc.testing.host import HostModel, Phase
from pwc.testing.http_stream import HeaderMap, HttpStream, LocalResponse
from pwc.testing.wire import decode_map, encode_map

REQUEST = MapType.HTTP_REQUEST_HEADERS
RESPONSE = MapType.HTTP_RESPONSE_HEADERS


def status_of(call: object) -> int:
    """The status a host call ends with (OK when it returns)."""
    assert callable(call)
    try:
        call()
    except StatusError as e:
        return e.status
    return Status.OK


def stream_in_callback(
    callback: str, args: tuple[int, ...] = (), plugin_configuration: bytes = b""
) -> tuple[HostModel, HttpStream]:
    host = HostModel(vm_configuration=b"vm-config")
    root = host.new_root(plugin_configuration)
    stream = host.new_http_stream(root.context_id)
    stream.request_headers.set_all([(b":path", b"/a"), (b"Host", b"example")])
    stream.response_headers.set_all([(b":status", b"200")])
    host.begin_callback(stream.context_id, callback, args or (stream.context_id, 2, 0))
    return host, stream


# --- context ids ------------------------------------------------------------------


def test_context_ids_start_at_one_and_are_never_reused() -> None:
    host = HostModel()
    root = host.new_root(b"")
    first = host.new_http_stream(root.context_id)
    second = host.new_http_stream(root.context_id)
    assert (root.context_id, first.context_id, second.context_id) == (1, 2, 3)
    assert host.root_of(second.context_id) is root


def test_each_host_model_counts_its_own_ids() -> None:
    assert HostModel().new_root(b"").context_id == HostModel().new_root(b"").context_id == 1


# --- header maps ------------------------------------------------------------------


def test_header_keys_are_lower_cased_on_insert_and_lookup() -> None:
    header_map = HeaderMap([(b"Content-Type", b"text/html")])
    header_map.add(b"X-A", b"1")
    assert header_map.entries == [(b"content-type", b"text/html"), (b"x-a", b"1")]
    assert header_map.get(b"CONTENT-TYPE") == b"text/html"


def test_add_appends_a_second_entry_and_get_returns_the_first() -> None:
    header_map = HeaderMap([(b"a", b"1")])
    header_map.add(b"a", b"2")
    assert header_map.entries == [(b"a", b"1"), (b"a", b"2")]
    assert header_map.get(b"a") == b"1"


def test_replace_keeps_one_entry_in_place_and_appends_when_absent() -> None:
    header_map = HeaderMap([(b"a", b"1"), (b"b", b"x"), (b"a", b"2")])
    header_map.replace(b"A", b"3")
    header_map.replace(b"c", b"4")
    assert header_map.entries == [(b"a", b"3"), (b"b", b"x"), (b"c", b"4")]


def test_remove_drops_every_entry_of_the_key_and_ignores_absent_keys() -> None:
    header_map = HeaderMap([(b"a", b"1"), (b"b", b"x"), (b"a", b"2")])
    header_map.remove(b"a")
    header_map.remove(b"missing")
    assert header_map.entries == [(b"b", b"x")]


def test_size_is_the_sum_of_key_and_value_lengths() -> None:
    host, _ = stream_in_callback(Callback.REQUEST_HEADERS)
    assert host.get_header_map_size(REQUEST) == len(":path/ahostexample")


def test_request_headers_are_read_write_in_on_request_headers() -> None:
    host, stream = stream_in_callback(Callback.REQUEST_HEADERS)
    assert host.get_header_map_value(REQUEST, b"HOST") == b"example"
    host.replace_header_map_value(REQUEST, b"test", b"best")
    assert stream.request_headers.get(b"test") == b"best"
    assert status_of(lambda: host.get_header_map_value(REQUEST, b"missing")) == Status.NOT_FOUND


def test_empty_value_is_found_not_missing() -> None:
    host, stream = stream_in_callback(Callback.REQUEST_HEADERS)
    stream.request_headers.add(b"empty", b"")
    assert host.get_header_map_value(REQUEST, b"empty") == b""


def test_request_headers_are_gone_once_the_request_continued() -> None:
    host, stream = stream_in_callback(Callback.RESPONSE_HEADERS)
    assert status_of(lambda: host.get_header_map_value(REQUEST, b":path")) == Status.BAD_ARGUMENT
    assert host.get_header_map_pairs(REQUEST) == []
    assert status_of(lambda: host.add_header_map_value(REQUEST, b"a", b"b")) == Status.BAD_ARGUMENT
    # ... while the response headers are there.
    assert host.get_header_map_value(RESPONSE, b":status") == b"200"


def test_request_headers_stay_while_the_request_is_paused_in_its_headers() -> None:
    host, stream = stream_in_callback(Callback.RESPONSE_HEADERS)
    stream.request.paused_at_headers = True
    assert host.get_header_map_value(REQUEST, b":path") == b"/a"


def test_a_root_callback_reaches_a_paused_stream_through_the_effective_context() -> None:
    host = HostModel()
    root = host.new_root(b"")
    stream = host.new_http_stream(root.context_id)
    stream.request_headers.set_all([(b":path", b"/x")])
    stream.request.paused_at_headers = True
    host.begin_callback(root.context_id, Callback.TICK, (root.context_id,))
    assert status_of(lambda: host.get_header_map_value(REQUEST, b":path")) == Status.BAD_ARGUMENT
    host.set_effective_context(stream.context_id)
    assert host.get_header_map_value(REQUEST, b":path") == b"/x"
    assert status_of(lambda: host.set_effective_context(99)) == Status.BAD_ARGUMENT


def test_on_log_reads_headers_but_changes_nothing() -> None:
    host, stream = stream_in_callback(Callback.LOG, (2,))
    assert host.get_header_map_value(REQUEST, b":path") == b"/a"
    assert host.get_header_map_pairs(RESPONSE) == [(b":status", b"200")]
    assert status_of(lambda: host.add_header_map_value(RESPONSE, b"a", b"b")) == Status.BAD_ARGUMENT
    assert status_of(lambda: host.get_header_map_size(REQUEST)) == Status.BAD_ARGUMENT
    trailers = MapType.HTTP_REQUEST_TRAILERS
    assert status_of(lambda: host.get_header_map_value(trailers, b"x")) == Status.NOT_FOUND


def test_trailers_can_be_added_from_the_last_body_callback_only() -> None:
    trailers = MapType.HTTP_REQUEST_TRAILERS
    host, stream = stream_in_callback(Callback.REQUEST_BODY, (2, 10, 1))
    host.add_header_map_value(trailers, b"grpc-status", b"0")
    assert stream.request_trailers.entries == [(b"grpc-status", b"0")]
    assert status_of(lambda: host.replace_header_map_value(trailers, b"a", b"b")) == 2
    host, _ = stream_in_callback(Callback.REQUEST_BODY, (2, 10, 0))
    assert status_of(lambda: host.add_header_map_value(trailers, b"a", b"b")) == 2


def test_unknown_map_types_are_bad_arguments() -> None:
    host, _ = stream_in_callback(Callback.REQUEST_HEADERS)
    assert status_of(lambda: host.get_header_map_pairs(8)) == Status.BAD_ARGUMENT
    assert host.get_header_map_pairs(MapType.HTTP_CALL_RESPONSE_HEADERS) == []


# --- buffers --------------------------------------------------------------------------


def test_plugin_configuration_is_readable_only_in_on_configure() -> None:
    host = HostModel(vm_configuration=b"vm")
    root = host.new_root(b"plugin-config")
    config = BufferType.PLUGIN_CONFIGURATION
    host.begin_callback(root.context_id, Callback.VM_START, (1, 2))
    assert status_of(lambda: host.get_buffer_bytes(config, 0, 100)) == Status.NOT_FOUND
    assert host.get_buffer_bytes(BufferType.VM_CONFIGURATION, 0, 100) == b"vm"
    host.end_callback()
    host.begin_callback(root.context_id, Callback.CONFIGURE, (1, 13))
    assert host.get_buffer_bytes(config, 7, 100) == b"config"
    assert host.get_buffer_bytes(config, 0, 6) == b"plugin"
    assert host.get_buffer_bytes(config, 13, 100) == b""
    assert host.get_buffer_bytes(config, 0, 0) == b""
    assert host.get_buffer_status(config) == 13


def test_buffer_types_beyond_8_are_bad_arguments_and_absent_ones_not_found() -> None:
    host, _ = stream_in_callback(Callback.REQUEST_HEADERS)
    assert status_of(lambda: host.get_buffer_bytes(9, 0, 1)) == Status.BAD_ARGUMENT
    assert status_of(lambda: host.get_buffer_bytes(BufferType.DOWNSTREAM_DATA, 0, 1)) == 1


def test_body_edits_follow_envoy() -> None:
    body = BufferType.HTTP_REQUEST_BODY
    host, stream = stream_in_callback(Callback.REQUEST_BODY, (2, 5, 1))
    stream.request.body = b"hello"
    host.set_buffer_bytes(body, 0, 0, b">")  # prepend
    host.set_buffer_bytes(body, 0x7FFFFFFF, 0, b"<")  # append
    assert stream.request.body == b">hello<"
    host.set_buffer_bytes(body, 0, 3, b"J")  # replace a prefix
    assert stream.request.body == b"Jllo<"
    assert status_of(lambda: host.set_buffer_bytes(body, 2, 1, b"x")) == Status.BAD_ARGUMENT
    host.set_buffer_bytes(body, 0, 0x7FFFFFFF, b"new")  # replace everything
    assert host.get_buffer_bytes(body, 0, 0x7FFFFFFF) == b"new"


def test_a_body_outside_its_callbacks_reads_empty_and_cannot_be_written() -> None:
    body = BufferType.HTTP_REQUEST_BODY
    host, stream = stream_in_callback(Callback.RESPONSE_HEADERS)
    stream.request.body = b"data"
    assert host.get_buffer_bytes(body, 0, 10) == b""
    assert status_of(lambda: host.set_buffer_bytes(body, 0, 0, b"x")) == Status.BAD_ARGUMENT
    stream.request.buffering_body = True  # paused in a body callback: available again
    assert host.get_buffer_bytes(body, 0, 10) == b"data"


# --- flow, local replies, logs, phases ----------------------------------------------------


def test_continue_stream_takes_effect_later_and_rejects_upstream() -> None:
    host, stream = stream_in_callback(Callback.REQUEST_HEADERS)
    host.continue_stream(StreamType.HTTP_REQUEST)
    assert stream.request.resume_requested and not stream.response.resume_requested
    assert status_of(lambda: host.continue_stream(StreamType.UPSTREAM)) == Status.UNIMPLEMENTED
    assert status_of(lambda: host.continue_stream(4)) == Status.BAD_ARGUMENT


def test_a_second_local_reply_keeps_the_first_but_takes_its_details() -> None:
    host, stream = stream_in_callback(Callback.REQUEST_HEADERS)
    host.send_local_response(403, b"first", b"no", [(b"X-A", b"1")], -1)
    host.send_local_response(500, b"second", b"other", [], 3)
    assert stream.pending_local_response == LocalResponse(403, "second", b"no", (("x-a", "1"),), -1)


def test_a_local_reply_gets_status_length_and_type_headers() -> None:
    with_body = LocalResponse(403, "", b"denied", (("x-a", "1"),), -1)
    assert with_body.response_headers() == [
        (b":status", b"403"), (b"x-a", b"1"), (b"content-length", b"6"),
        (b"content-type", b"text/plain"),
    ]
    empty = LocalResponse(204, "", b"", (("content-type", "a/b"),), -1)
    assert empty.response_headers() == [
        (b":status", b"204"), (b"content-type", b"a/b"), (b"content-length", b"0"),
    ]


def test_a_local_reply_needs_a_stream() -> None:
    host = HostModel()
    root = host.new_root(b"")
    host.begin_callback(root.context_id, Callback.TICK, (1,))
    assert status_of(lambda: host.send_local_response(403, b"", b"", [], -1)) == 2


def test_logs_are_kept_by_level_and_bad_levels_rejected() -> None:
    host, stream = stream_in_callback(Callback.REQUEST_HEADERS)
    host.log(LogLevel.WARN, b"careful \xff")
    assert host.logs[-1].level == LogLevel.WARN
    assert host.logs[-1].message == "careful \udcff"  # surrogateescape, like str_at
    assert host.logs[-1].context_id == stream.context_id
    assert status_of(lambda: host.log(6, b"x")) == Status.BAD_ARGUMENT


def test_tick_period_goes_to_the_root_of_the_current_context() -> None:
    host, stream = stream_in_callback(Callback.REQUEST_HEADERS)
    host.set_tick_period_milliseconds(250)
    assert host.roots[stream.plugin_context_id].tick_period_ms == 250


def test_start_functions_may_only_log() -> None:
    host = HostModel(clock_ns=lambda: 42)
    host.phase = Phase.START
    host.log(LogLevel.INFO, b"hello")
    with pytest.raises(RestrictedCallError, match="proxy_get_current_time_nanoseconds"):
        host.get_current_time_nanoseconds()
    host.phase = Phase.CALLBACK
    assert host.get_current_time_nanoseconds() == 42


def test_the_allocator_may_only_log() -> None:
    host = HostModel()
    host.phase = Phase.ALLOCATOR
    with pytest.raises(RestrictedCallError, match="allocator"):
        host.get_log_level()


# --- the serialized map (abi.md §5.1) -------------------------------------------------


def test_the_map_encoding_matches_the_abi_example() -> None:
    encoded = encode_map([(b"a", b"1"), (b"bb", b"22")])
    # abi.md §5.1: {a: 1, bb: 22} is these 30 bytes.
    assert encoded == bytes.fromhex(
        "02000000 01000000 01000000 02000000 02000000 61 00 31 00 62 62 00 32 32 00"
    )
    assert decode_map(encoded) == [(b"a", b"1"), (b"bb", b"22")]
    assert encode_map([]) == b""


@given(st.lists(st.tuples(st.binary(max_size=20), st.binary(max_size=20)), max_size=20))
def test_maps_round_trip(pairs: list[tuple[bytes, bytes]]) -> None:
    assert decode_map(encode_map(pairs)) == pairs


@pytest.mark.parametrize(
    "data",
    [
        b"\x01",  # too short for a count
        bytes.fromhex("01000000 05000000 00000000 61 00 00"),  # lengths too long
        bytes.fromhex("01000000 01000000 00000000 61 01 00"),  # missing NUL
        encode_map([(b"a", b"b")]) + b"\0",  # trailing bytes
        (2000).to_bytes(4, "little") + b"\0" * 16,  # over 1024 entries
    ],
)
def test_maps_envoy_cannot_parse_are_rejected(data: bytes) -> None:
    assert decode_map(data) is None
