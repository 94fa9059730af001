"""Strings to the host: every SDK call that hands the host a str sends the
bytes CPython's `text.encode("utf-8", "surrogateescape")` gives (compiled,
ASCII and other UTF-8 go in place, and only a text holding surrogate
escapes is rewritten), and refuses a lone surrogate with CPython's
UnicodeEncodeError.  Every test runs compiled and under CPython."""

from __future__ import annotations

from pathlib import Path

from pwc.testing import Backend, Emulator

PLUGIN = Path(__file__).parent / "plugins" / "host_text.py"

# As the host sends them: ASCII, UTF-8 of 2, 3 and 4 bytes a character, and
# bytes that are not UTF-8 (each arrives as an escape, U+DC00 + byte),
# alone, among ASCII, among other UTF-8, and an encoded surrogate.
RAW = [
    b"plain-text",
    "grüße € 🎉".encode(),
    b"\xff",
    b"caf\xe9 \xff\xfe!",
    "é".encode() + b"\x80\xbf" + "🎉".encode(),
    b"\xed\xa0\x80",
    b"",
]
LONE = ["\ud800", "ok\udc80\udfff\ud800!"]
CALLS = ["add-value", "add-key", "replace", "get", "remove", "log", "shared", "counter",
         "queue", "vm", "cluster", "foreign"]


def text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def refusal(lone: str) -> str:
    try:
        lone.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError as e:
        return str(e)
    raise AssertionError(f"{lone!r} encodes")


def run(backend: Backend) -> tuple[Emulator, dict[str, str]]:
    emulator = Emulator(PLUGIN, backend)
    assert emulator.start_plugin()
    texts = [text(data) for data in RAW]
    for t in texts:
        emulator.register_shared_queue("q", vm_id=t)
        # the foreign function answers with its own name's bytes
        emulator.register_foreign_function(t, lambda _, name=t: name.encode("utf-8",
                                                                            "surrogateescape"))
    stream = emulator.init_http_stream()
    request = [(":path", "/")] + [(f"x-t-{n}", t) for n, t in enumerate(texts)]
    emulator.call_on_request_headers(stream, request, end_of_stream=True)
    upstream = emulator.get_current_request_headers(stream)
    assert len(dict(upstream)) == len(upstream)
    return emulator, dict(upstream)


def test_every_text_reaches_the_host_as_its_bytes(emulator_backend: Backend) -> None:
    emulator, upstream = run(emulator_backend)
    texts = [text(data) for data in RAW]
    for n, t in enumerate(texts):
        assert upstream[f"x-add-{n}"] == t
        assert upstream[f"x-rep-{n}"] == t
        assert upstream[f"x-k-{t}"] == str(n)
        assert upstream[f"x-get-{n}"] == str(n)
        assert f"x-r-{t}" not in upstream
        assert upstream[f"x-shared-{n}"] == str(n)
        assert (emulator.get_shared_data(t) or (b"", 0))[0] == str(n).encode()
        assert emulator.get_counter_value(t) == n + 1
        token = emulator.register_shared_queue(t)
        assert upstream[f"x-queue-{n}"] == f"{token} {token}"
        assert upstream[f"x-vm-queue-{n}"] == str(emulator.register_shared_queue("q", vm_id=t))
        assert upstream[f"x-foreign-{n}"] == t
    assert emulator.get_info_logs() == texts
    assert [call.cluster for call in emulator.get_http_calls()] == texts


def test_a_lone_surrogate_raises_unicode_encode_error_from_every_call(
    emulator_backend: Backend,
) -> None:
    emulator, upstream = run(emulator_backend)
    refused = {k: v for k, v in upstream.items() if k.startswith("x-refused-")}
    assert refused == {f"x-refused-{call}-{i}": refusal(lone)
                       for call in CALLS for i, lone in enumerate(LONE)}
    # nothing of them reached the host
    assert "x-lone" not in upstream
    assert len(emulator.get_http_calls()) == len(RAW)
