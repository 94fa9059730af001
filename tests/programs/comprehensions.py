"""List and dict comprehensions: conditions, nested loops, own scope."""

words = ["apple", "Banana", "cherry", "date", "Elder"]
lengths = [len(w) for w in words]
print(lengths)
print(
      [w.lower() for w in words if len(w) > 4])
pairs = [(i, j) for i in range(3) for j in range(i) if (i + j) % 2 == 1]
print(pairs)
index = {w.lower(): len(w) for w in words}
print(index)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[1] for row in grid])
x = "outer"
squares = [x * x for x in range(5)]
print(squares, x)
headers = [("Host", "a.example"), ("X-Id", "7"), ("x-trace", "on")]
lowered = {k.lower(): v for k, v in headers if k.lower().startswith("x-")}
print(lowered)
flat = [c for w in ["ab", "cd"] for c in w]
print(flat)


def evens(limit: int) -> list[int]:
    return [n for n in range(limit) if n % 2 == 0]


def total(values: list[int]) -> int:
    t = 0
    for v in [v * 2 for v in values]:
        t += v
    return t


print(evens(9), total([1, 2, 3]))
empty: list[str] = [w for w in words if len(w) > 100]
print(empty)
