"""User exception classes with fields and a hierarchy: except clauses match
subclasses, order matters, `except (A, B) as e` takes a tuple, and str(e)
gives the message passed to the base class."""
# covers: exceptions-user-classes, except-tuple, class-super, isinstance, try-except

class AppError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


class NotFound(AppError):
    def __init__(self, what: str) -> None:
        super().__init__(404, f"{what} not found")
        self.what = what


class Forbidden(AppError):
    pass


def handle(path: str) -> str:
    if path == "/missing":
        raise NotFound(path)
    if path == "/secret":
        raise Forbidden(403, "no access to " + path)
    if path == "/bad":
        raise ValueError("malformed path")
    if path == "":
        raise KeyError(path)
    return "200 OK " + path


def serve(path: str) -> str:
    try:
        return handle(path)
    except NotFound as e:
        return f"{e.code} {e} ({e.what})"
    except AppError as e:
        return f"{e.code} {e} [{type(e).__name__}] {isinstance(e, Forbidden)}"
    except (ValueError, KeyError) as e:
        return f"400 {type(e).__name__}: {e}"


def main() -> None:
    for path in ["/index", "/missing", "/secret", "/bad", ""]:
        print(repr(path), "->", serve(path))
    errors: list[Exception] = [NotFound("x"), Forbidden(1, "f"), ValueError("v")]
    for err in errors:
        print(type(err).__name__, isinstance(err, AppError), isinstance(err, NotFound), str(err))


main()
