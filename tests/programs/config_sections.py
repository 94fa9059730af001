"""An INI-style configuration parsed into a dict of sections, each a dict[str, str]."""

CONFIG = """
# upstream settings
[upstream]
host = backend.local
port = 8080
timeout_ms=250
[limits]
requests_per_minute = 600
burst = 20
; a comment in another style
[upstream]
port = 9090
orphan line
"""


def parse(text: str) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for raw in text.split("\n"):
        line = raw.strip()
        if line == "" or line.startswith("#") or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line.strip("[]")
            if current not in sections:
                sections[current] = {}
            continue
        if line.find("=") < 0 or current == "":
            print("ignoring:", line)
            continue
        key_value = line.split("=", 1)
        sections[current][key_value[0].strip()] = key_value[1].strip()
    return sections


def get_int(sections: dict[str, dict[str, str]], section: str, key: str, default: int) -> int:
    values = sections.get(section)
    if values is None:
        return default
    text = values.get(key)
    if text is None:
        return default
    return int(text)


def main() -> None:
    sections = parse(CONFIG)
    for name, values in sections.items():
        print(f"[{name}] ({len(values)} keys)")
        for key, value in values.items():
            print(f"  {key} = {value}")
    print("port:", get_int(sections, "upstream", "port", 80))
    print("burst:", get_int(sections, "limits", "burst", 1))
    print("retries:", get_int(sections, "upstream", "retries", 3), get_int(sections, "tls", "x", 1))


main()
