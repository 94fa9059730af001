"""Re-raising: a bare `raise` inside a handler keeps the exception,
`raise X from e` replaces it, a handler in a loop can retry, and an
exception raised in a finally replaces the one in flight."""
# covers: raise-bare, raise-from, try-finally, exceptions-crossing-functions, while-loop

class RetryError(Exception):
    pass


def flaky(attempt: int) -> str:
    if attempt < 3:
        raise RetryError(f"attempt {attempt} failed")
    return f"succeeded on attempt {attempt}"


def with_retries(limit: int) -> str:
    attempt = 0
    while True:
        attempt += 1
        try:
            return flaky(attempt)
        except RetryError as e:
            print("  retry:", e)
            if attempt >= limit:
                raise


def parse_port(text: str) -> int:
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"bad port {text!r}") from e


def replaced() -> None:
    try:
        raise ValueError("original")
    finally:
        raise KeyError("replacement")


def main() -> None:
    print(with_retries(5))
    try:
        print(with_retries(2))
    except RetryError as e:
        print("gave up:", e)
        try:
            print(parse_port("x" + str(e)[-1]))
        except RuntimeError as e:  # a handler inside one that binds the same name
            print("and then", type(e).__name__, e)
    for text in ["8080", "http"]:
        try:
            print(parse_port(text))
        except RuntimeError as e:
            print(type(e).__name__, e)
    try:
        replaced()
    except KeyError as e:
        print("KeyError", e)
    except ValueError as e:
        print("ValueError", e)


main()
