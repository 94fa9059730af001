"""Builtins that build a long text from a long input take time linear in its
size: bytes.hex() of 256 KiB and str.title() of 300,000 characters finish
well inside the harness's fuel (both once copied the text so far per
character)."""
# covers: bytes-methods, str-title


def payload(size: int) -> bytes:
    return ("pwc\x00\xff"[:3] * (size // 3 + 1))[:size].encode() + bytes([0, 15, 16, 171, 255])


def main() -> None:
    data = payload(256 * 1024)
    text = data.hex()
    print(len(data), len(text), text[:12], text[-10:])
    words = "the proxy-wasm plugin, 2nd edition; " * 8000
    title = words.title()
    print(len(words), len(title), title[:40])
    print(title.count("Proxy-Wasm"), title.count("2Nd"))


main()
