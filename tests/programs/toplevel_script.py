"""A script without a main(): every statement runs at module level, in order."""

GREETING = "hello from the module body"
LIMIT = 4


def square(n: int) -> int:
    return n * n


print(GREETING)
print("squares up to", LIMIT)
for n in range(1, LIMIT + 1):
    print(" ", n, square(n))

if square(LIMIT) > 10:
    print("the last square is large")
else:
    print("the last square is small")

try:
    print("parsed", int("x" + str(LIMIT)))
except ValueError as e:
    print("module-level handler:", str(e))


class Greeter:
    def __init__(self, name: str) -> None:
        self.name = name

    def greet(self) -> str:
        return f"hi {self.name}"


print(Greeter("module").greet())
print("done", square(square(LIMIT)))
