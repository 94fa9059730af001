"""@dataclass: generated __init__, __repr__ and __eq__, defaults and default factories."""

from dataclasses import dataclass, field


@dataclass
class Point:
    x: int
    y: int = 0


@dataclass
class Route:
    name: str
    hops: list[Point] = field(default_factory=list)
    weight: int = 1
    tag: str | None = None

    def length(self) -> int:
        return len(self.hops)


@dataclass
class Header:
    key: str
    value: str

    def __repr__(self) -> str:
        return f"{self.key}: {self.value}"


p = Point(1, 2)
q = Point(1)
print(p, q, repr(p), p == Point(1, 2), p == q, p != q)
r = Route("a")
r.hops.append(p)
r2 = Route("b", [q, q], weight=3, tag="x")
print(r, r2.length(), r2.weight, r2.tag)
print(Route("a") == Route("a"), Route("a") == r)
print([Header("host", "example"), Header("x-id", "7")])
print(str(p), f"{q}", f"{q!r}")
points = sorted([Point(3, 1), Point(1, 5), Point(2, 2)], key=lambda pt: pt.x)
print(points)
a = [1, 2, 3]
b = [1, 2, 3]
print(a == b, a != b, a == [1, 2], [[1], [2]] == [[1], [2]], ["x"] == ["x"], [] == b[:0])
d1 = {"a": 1, "b": 2}
d2 = {"b": 2, "a": 1}
print(d1 == d2, d1 == {"a": 1}, d1 != d2, {1: "x"} == {1: "y"})
print((1, [2]) == (1, [2]))
