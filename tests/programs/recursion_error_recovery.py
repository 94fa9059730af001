"""Unbounded recursion raises RecursionError, which can be caught; the
program keeps running and deep but bounded recursion still works."""
# covers: recursion, recursion-error, try-except, exceptions-builtin-messages

def forever(n: int) -> int:
    return forever(n + 1) + 1


def ping(n: int) -> int:
    return pong(n + 1)


def pong(n: int) -> int:
    return ping(n + 1)


def depth(n: int) -> int:
    return 0 if n == 0 else 1 + depth(n - 1)


def main() -> None:
    for label in ["direct", "mutual"]:
        try:
            print(forever(0) if label == "direct" else ping(0))
        except RecursionError as e:
            print(label, type(e).__name__, e)
    print(depth(500), depth(900))
    try:
        forever(0)
    except RuntimeError as e:
        print("caught as RuntimeError:", type(e).__name__)


main()
