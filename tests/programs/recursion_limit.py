"""Deep recursion raises RecursionError (pwc: past 1,000 nested calls), never a crash."""


def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def ping(n: int) -> int:
    return 0 if n == 0 else pong(n - 1) + 1


def pong(n: int) -> int:
    return 0 if n == 0 else ping(n - 1) + 1


print(depth(500), ping(400))
try:
    print(depth(100000))
except RecursionError as e:
    print("RecursionError", e)
try:
    print(ping(100000))
except RecursionError as e:
    print("RecursionError", e)
print(depth(10), "still fine after the error")
