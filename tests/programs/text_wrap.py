"""Greedy word wrapping to a column width, with words longer than the width kept whole."""

LOREM = (
    "Proxy-Wasm plugins run inside Envoy and see every request; "
    "they can add headers, rewrite bodies, call other services and keep "
    "shared state. Supercalifragilisticexpialidocious words stay whole."
)


def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current == "":
            current = word
        elif len(current) + 1 + len(word) <= width:
            current = current + " " + word
        else:
            lines.append(current)
            current = word
    if current != "":
        lines.append(current)
    return lines


def show(width: int) -> None:
    print(f"--- width {width} ---")
    lines = wrap(LOREM, width)
    for line in lines:
        padding = ""
        for _ in range(width - len(line)):
            padding = padding + "."
        print("|" + line + padding + "|")
    print(len(lines), "lines")


def main() -> None:
    show(40)
    show(25)
    show(12)
    print("empty text:", len(wrap("", 10)), "lines")


main()
