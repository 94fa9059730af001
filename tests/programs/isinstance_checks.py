"""isinstance on a class hierarchy, narrowing to a subclass to reach its own fields."""


class Event:
    def __init__(self, at: int) -> None:
        self.at = at


class Request(Event):
    def __init__(self, at: int, method: str, path: str) -> None:
        super().__init__(at)
        self.method = method
        self.path = path


class Response(Event):
    def __init__(self, at: int, status: int) -> None:
        super().__init__(at)
        self.status = status


class Timeout(Response):
    def __init__(self, at: int) -> None:
        super().__init__(at, 504)


def describe(event: Event) -> str:
    if isinstance(event, Request):
        return f"t={event.at} request {event.method} {event.path}"
    if isinstance(event, Timeout):
        return f"t={event.at} timeout ({event.status})"
    if isinstance(event, Response):
        return f"t={event.at} response {event.status}"
    return f"t={event.at} unknown event"


def main() -> None:
    events: list[Event] = [
        Request(1, "GET", "/"),
        Response(3, 200),
        Request(4, "POST", "/upload"),
        Timeout(34),
        Event(40),
    ]
    requests = 0
    responses = 0
    for event in events:
        print(describe(event))
        if isinstance(event, Request):
            requests += 1
        if isinstance(event, Response):
            responses += 1
    print("requests:", requests, "responses:", responses)
    t = Timeout(1)
    print("Timeout is Response:", isinstance(t, Response), "is Event:", isinstance(t, Event))
    print("Timeout is Request:", isinstance(t, Request))


main()
