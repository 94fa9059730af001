"""IntEnum lookup by value: Color(2) is the member, an unknown value raises
ValueError; members compare with the ints they come from."""
# covers: intenum, intenum-lookup, try-except

from enum import IntEnum


class Status(IntEnum):
    OK = 200
    CREATED = 201
    NOT_FOUND = 404
    ERROR = 500


def status_of(code: int) -> str:
    try:
        s = Status(code)
        return f"{s.name} ({s.value}) {s!r}"
    except ValueError as e:
        return f"ValueError: {e}"


def main() -> None:
    for code in [200, 201, 404, 500, 418, -1]:
        print(code, status_of(code))
    codes = [500, 200, 404]
    parsed = [Status(c) for c in codes]
    print(parsed, sorted(parsed), [p == c for p, c in zip(parsed, codes)])
    print(Status(404) is Status.NOT_FOUND, Status(200) < Status.ERROR)


main()
