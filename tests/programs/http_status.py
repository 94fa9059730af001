"""IntEnum status codes: values, comparisons with ints, use as ints."""

from enum import IntEnum


class Status(IntEnum):
    OK = 200
    CREATED = 201
    MOVED = 301
    BAD_REQUEST = 400
    NOT_FOUND = 404
    UNAVAILABLE = 503


def family(code: int) -> str:
    if code < 200:
        return "informational"
    elif code < 300:
        return "success"
    elif code < 400:
        return "redirect"
    elif code < 500:
        return "client error"
    return "server error"


def is_retryable(status: Status, too_many_requests: int = 429) -> bool:
    return status == Status.UNAVAILABLE or status == too_many_requests


def main() -> None:
    statuses = [Status.OK, Status.CREATED, Status.MOVED, Status.NOT_FOUND, Status.UNAVAILABLE]
    for status in statuses:
        print(status.value, family(status), "retry:", is_retryable(status))
    ok_code = 200
    print("OK == 200:", Status.OK == ok_code, "200 == OK:", ok_code == Status.OK)
    print("OK < 300:", Status.OK < 300, "NOT_FOUND >= 400:", Status.NOT_FOUND >= 400)
    print("ordering:", Status.BAD_REQUEST < Status.NOT_FOUND, Status.MOVED > Status.OK)
    print("arithmetic:", Status.NOT_FOUND - Status.BAD_REQUEST, Status.OK + 4)
    print("as int in f-string:", f"{Status.CREATED.value}")
    code = 404
    if code == Status.NOT_FOUND:
        print("matched NOT_FOUND by int")
    print("floor:", Status.UNAVAILABLE // 100, "rest:", Status.UNAVAILABLE % 100)


main()
