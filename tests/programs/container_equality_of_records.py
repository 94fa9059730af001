"""Lists, tuples and dicts compare their elements with the elements' own
__eq__ — here the one @dataclass generates — also for `in`."""
# covers: dataclass, class-eq, list-equality, list-in, dict-equality, tuple-equality

from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


def main() -> None:
    path = [Point(0, 0), Point(1, 2)]
    same = [Point(0, 0), Point(1, 2)]
    print(Point(1, 2) == Point(1, 2), path == same, path != same)
    print(Point(1, 2) in path, Point(5, 5) in path, path.count(Point(0, 0)), path.index(Point(1, 2)))
    print((Point(1, 1), "a") == (Point(1, 1), "a"), {"p": Point(0, 1)} == {"p": Point(0, 1)})


main()
