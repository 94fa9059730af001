"""Exceptions crossing function boundaries: re-raise, cleanup on the way, outer handlers."""


class ConfigError(Exception):
    pass


def parse_port(text: str) -> int:
    port = int(text)
    if port <= 0 or port > 65535:
        raise ConfigError("port out of range: " + text)
    return port


def load(entries: list[str]) -> list[int]:
    ports: list[int] = []
    for entry in entries:
        try:
            ports.append(parse_port(entry))
        except ValueError:
            print("  cannot parse", entry, "- re-raising")
            raise
    return ports


def load_all(config: list[str]) -> None:
    try:
        ports = load(config)
        print("  loaded", len(ports), "ports")
    except ConfigError as e:
        print("  config error:", str(e))
        raise
    print("  no error escaped")


def main() -> None:
    configs = [["80", "443"], ["80", "http"], ["8080", "70000"], []]
    for config in configs:
        print("loading", len(config), "entries")
        try:
            load_all(config)
        except ConfigError as e:
            print("outer caught ConfigError:", str(e))
        except ValueError as e:
            print("outer caught", type(e).__name__ + ":", str(e))
    try:
        try:
            raise ConfigError("inner")
        except ConfigError as e:
            print("handling", str(e))
            raise RuntimeError("while handling: " + str(e))  # noqa: B904 (no `from` yet)
    except RuntimeError as e:
        print("replaced by", type(e).__name__, str(e))


main()
