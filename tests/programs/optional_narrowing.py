"""`T | None` results narrowed with `is None` / `is not None`."""


def find_port(config: list[tuple[str, int]], name: str) -> int | None:
    for key, port in config:
        if key == name:
            return port
    return None


def first_word(text: str) -> str | None:
    words = text.split()
    if len(words) == 0:
        return None
    return words[0]


def describe_port(port: int | None) -> str:
    if port is None:
        return "no port"
    return f"port {port + 0}"


def main() -> None:
    config = [("http", 80), ("https", 443), ("zero", 0)]
    for name in ["http", "https", "gopher", "zero"]:
        port = find_port(config, name)
        if port is not None:
            print(name, "uses", port, "next would be", port + 1)
        else:
            print(name, "is not configured")
        print("  described:", describe_port(port))
    for text in ["hello world", "   ", "", "single"]:
        word = first_word(text)
        if word is None:
            print(f"[{text}] has no words")
        else:
            print(f"[{text}] starts with {word.upper()}")
    maybe: str | None = None
    print("maybe is None:", maybe is None)
    maybe = "now set"
    if maybe is not None:
        print("maybe:", maybe, len(maybe))


main()
