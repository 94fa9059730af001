"""User exceptions in a hierarchy: base handlers catch subclasses, first match wins."""


class AppError(Exception):
    pass


class NotFound(AppError):
    pass


class Forbidden(AppError):
    def __init__(self, user: str, action: str) -> None:
        super().__init__(f"{user} may not {action}")


class Throttled(Forbidden):
    """Too many requests: a Forbidden that a client may retry later."""


def handle(request: int) -> None:
    if request == 1:
        raise NotFound("/users/7 not found")
    if request == 2:
        raise Forbidden("guest", "delete")
    if request == 3:
        raise Throttled("bot", "post again")
    if request == 4:
        raise AppError("generic failure")
    raise ValueError(f"request {request} is not an app error")


def status_for(error: AppError) -> int:
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, Throttled):
        return 429
    if isinstance(error, Forbidden):
        return 403
    return 500


def serve(request: int) -> None:
    try:
        if request > 0:
            handle(request)
        print(request, "-> 200")
    except Throttled as e:
        print(request, "-> throttled", status_for(e), str(e))
    except AppError as e:
        print(request, "->", type(e).__name__, status_for(e), str(e))
    except Exception as e:
        print(request, "-> unexpected", type(e).__name__, str(e))


def main() -> None:
    for request in range(6):
        serve(request)


main()
