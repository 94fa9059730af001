def f(x: str | None) -> str:
    return x or "default"


def g(n: int | None) -> int:
    return n or -1


print(f(None), f(""), f("set"), g(None), g(0), g(7))
