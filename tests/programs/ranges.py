"""range with one, two and three arguments, negative steps, empty ranges."""


def render(label: str, values: list[int]) -> None:
    text: list[str] = []
    for v in values:
        text.append(str(v))
    print(f"{label}: [{', '.join(text)}] ({len(values)} values)")


def collect_stop(stop: int) -> list[int]:
    out: list[int] = []
    for i in range(stop):
        out.append(i)
    return out


def collect(start: int, stop: int, step: int = 1) -> list[int]:
    out: list[int] = []
    for i in range(start, stop, step):
        out.append(i)
    return out


def main() -> None:
    render("range(5)", collect_stop(5))
    render("range(0)", collect_stop(0))
    render("range(-3)", collect_stop(-3))
    render("range(2, 7)", collect(2, 7))
    render("range(-4, 2)", collect(-4, 2))
    render("range(7, 2)", collect(7, 2))
    render("range(0, 20, 5)", collect(0, 20, 5))
    render("range(0, 21, 5)", collect(0, 21, 5))
    render("range(10, 0, -1)", collect(10, 0, -1))
    render("range(10, 0, -3)", collect(10, 0, -3))
    render("range(-1, -10, -4)", collect(-1, -10, -4))
    render("range(0, 10, -1)", collect(0, 10, -1))
    render("range(5, 5, 1)", collect(5, 5, 1))
    total = 0
    for i in range(100, 0, -7):
        total += i
    print("sum of range(100, 0, -7):", total)
    try:
        render("range(0, 5, 0)", collect(0, 5, 0))
    except ValueError as e:
        print(type(e).__name__, str(e))
    last = 99
    for last in range(3):  # noqa: B007 (the loop variable outlives the loop)
        pass
    print("loop variable after loop:", last)


main()
