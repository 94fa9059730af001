"""Unit tests of http_body_chunk (examples.md §4), run compiled and under CPython."""

from pathlib import Path

from proxywasm import Action

from pwc.testing import Backend, Emulator, LocalResponse

PLUGIN = Path(__file__).parent / "plugin.py"


def content_length(*chunks: bytes) -> list[tuple[str, str]]:
    return [("content-length", str(sum(len(chunk) for chunk in chunks)))]


def assert_blocked(reply: LocalResponse | None, chunk_number: int) -> None:
    assert reply is not None
    assert reply.status_code == 403
    assert reply.headers == (("powered-by", "proxy-wasm-go-sdk"),)
    assert reply.body == f"pattern found in chunk: {chunk_number}".encode()


def test_body_is_buffered_until_complete(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_body(stream, b"aaaa", end_of_stream=False) == Action.PAUSE
    assert emulator.get_info_logs() == [
        "OnHttpRequestBody called. BodySize: 4, totalRequestBodyReadSize: 0, endOfStream: false",
        "read chunk size: 4",
    ]


def test_pattern_in_a_single_chunk(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    body = b"This is a payload with the pattern word."
    assert emulator.call_on_request_headers(stream, content_length(body), False) == (
        Action.CONTINUE
    )
    assert emulator.call_on_request_body(stream, body, end_of_stream=True) == Action.PAUSE
    logs = emulator.get_info_logs()
    assert "pattern found in chunk: 1" in logs
    assert "local 403 response sent" in logs
    assert_blocked(emulator.get_sent_local_response(stream), 1)


def test_pattern_in_the_fourth_chunk(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    chunks = [b"chunk1...", b"chunk2...", b"chunk3...", b"chunk4 with pattern ..."]
    emulator.call_on_request_headers(stream, content_length(*chunks), end_of_stream=False)
    for chunk in chunks:
        assert emulator.call_on_request_body(stream, chunk, end_of_stream=False) == Action.PAUSE
    logs = emulator.get_info_logs()
    assert "pattern found in chunk: 4" in logs
    # Each call saw everything buffered so far and read only the new bytes.
    assert [line for line in logs if line.startswith("read chunk size: ")] == [
        "read chunk size: 9",
        "read chunk size: 9",
        "read chunk size: 9",
        "read chunk size: 23",
    ]
    assert (
        "OnHttpRequestBody called. BodySize: 50, totalRequestBodyReadSize: 27, "
        "endOfStream: false"
    ) in logs
    assert not any("read data does not match" in line for line in emulator.get_error_logs())
    assert_blocked(emulator.get_sent_local_response(stream), 4)


def test_pattern_not_found(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    body = b"This is a generic payload."
    emulator.call_on_request_headers(stream, content_length(body), end_of_stream=False)
    assert emulator.call_on_request_body(stream, body, end_of_stream=False) == Action.PAUSE
    assert emulator.call_on_request_body(stream, b"", end_of_stream=True) == Action.CONTINUE
    assert "pattern not found" in emulator.get_info_logs()
    assert emulator.get_error_logs() == []
    assert emulator.get_sent_local_response(stream) is None
    assert emulator.get_current_request_body(stream) == body


def test_pattern_split_across_chunks_is_not_found(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    assert emulator.call_on_request_body(stream, b"a patt", end_of_stream=False) == Action.PAUSE
    assert emulator.call_on_request_body(stream, b"ern b", end_of_stream=True) == Action.CONTINUE
    assert "pattern not found" in emulator.get_info_logs()
    assert emulator.get_sent_local_response(stream) is None


def test_pattern_among_bytes_that_are_not_text(emulator_backend: Backend) -> None:
    emulator = Emulator(PLUGIN, emulator_backend)
    stream = emulator.init_http_stream()
    body = b"\xff\xfe\x00pattern\x80"
    assert emulator.call_on_request_body(stream, body, end_of_stream=True) == Action.PAUSE
    assert_blocked(emulator.get_sent_local_response(stream), 1)
