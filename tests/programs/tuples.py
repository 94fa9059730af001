"""Tuples: returning several values, unpacking, swapping, indexing, equality,
tuple() of a tuple."""


def divmod_floor(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def min_max(values: list[int]) -> tuple[int, int]:
    low = values[0]
    high = values[0]
    for v in values:
        if v < low:
            low = v
        if v > high:
            high = v
    return (low, high)


def split_header(line: str) -> tuple[str, str, bool]:
    parts = line.split(":", 1)
    if len(parts) == 2:
        return parts[0].strip(), parts[1].strip(), True
    return line, "", False


def main() -> None:
    q, r = divmod_floor(-17, 5)
    print("q:", q, "r:", r)
    low, high = min_max([5, -2, 9, 0])
    print("low:", low, "high:", high)
    a = 1
    b = 2
    a, b = b, a
    print("swapped:", a, b)
    point = (3, -4)
    print("point:", point[0], point[1], point[-1])
    print("equal tuples:", point == (3, -4), point == (4, 3))
    for line in ["Host: example.com", "X-Empty:", "no colon here"]:
        name, value, ok = split_header(line)
        print(f"[{name}] [{value}] {ok}")
    nested = ((1, "one"), (2, "two"))
    number, word = nested[1]
    print("nested:", number, word, nested[0][1])
    triple: tuple[int, str, bool] = (7, "seven", False)
    print("triple:", triple[0], triple[1], triple[2])
    copied = tuple(triple)  # of a tuple: the same tuple (a list would be refused)
    print("copied:", copied, copied == triple, copied is triple)


main()
pair = ("a", "b")
for x in pair:
    print(x)
for n in (1, 2, 3):
    print(n * 2)
print([c.upper() for c in ("x", "y")])
