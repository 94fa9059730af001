"""Slices with every kind of bound and step on str, bytes and list:
negative steps, out-of-range bounds, empty results, and step zero."""
# covers: str-index-slice, bytes-index-slice, list-slice, exceptions-builtin-messages

def show(label: str, s: str, data: bytes, items: list[int], start: int, stop: int, step: int) -> None:
    print(label, repr(s[start:stop:step]), data[start:stop:step], items[start:stop:step])


def main() -> None:
    s = "0123456789"
    data = b"0123456789"
    items = list(range(10))
    cases = [(0, 10, 1), (2, 8, 2), (8, 2, -2), (-1, -11, -1), (-3, 100, 1),
             (100, -100, -3), (5, 5, 1), (7, 3, 1), (-100, 3, 1), (9, -20, -4)]
    for start, stop, step in cases:
        show(f"[{start}:{stop}:{step}]", s, data, items, start, stop, step)
    print(s[::-1], s[::3], s[1::4], s[:3:-1], s[-2::-2], s[:-7:-1])
    print(data[::-1], data[::5], items[::-3], items[:0], items[-2:])
    step = 0
    for what in ["str", "bytes", "list"]:
        try:
            if what == "str":
                print(s[::step])
            elif what == "bytes":
                print(data[1:2:step])
            else:
                print(items[::step])
        except ValueError as e:
            print(what, "ValueError:", e)


main()
