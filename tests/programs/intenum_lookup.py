"""IntEnum: lookup by value, names, reprs, use as int."""

from enum import IntEnum


class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404
    ERROR = 500


for code in [200, 404, 500, 418]:
    try:
        s = Status(code)
        print(code, s.name, s.value, repr(s), s == code, s + 1, s > Status.OK)
    except ValueError as e:
        print("ValueError", e)
print(Status.NOT_FOUND in [Status.OK, Status.NOT_FOUND], sorted([Status.ERROR, Status.OK]))
print(int(Status.ERROR), str(Status.OK), f"{Status.NOT_FOUND}")
