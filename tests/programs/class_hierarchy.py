"""A three-level class hierarchy: overriding at each level, super() calls
that chain upward, methods of the base calling overridden methods
(dynamic dispatch), and fields set by each __init__."""
# covers: class-inheritance, class-super, class-dispatch, class-fields, builtin-type-name

class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> int:
        return 0

    def describe(self) -> str:
        return f"{self.name} with area {self.area()} ({self.kind()})"

    def kind(self) -> str:
        return "shape"


class Rectangle(Shape):
    def __init__(self, width: int, height: int) -> None:
        super().__init__("rectangle")
        self.width = width
        self.height = height

    def area(self) -> int:
        return self.width * self.height

    def kind(self) -> str:
        return "quad < " + super().kind()


class Square(Rectangle):
    def __init__(self, side: int) -> None:
        super().__init__(side, side)
        self.name = "square"

    def kind(self) -> str:
        return "regular " + super().kind()


class Triangle(Shape):
    def __init__(self, base: int, height: int) -> None:
        super().__init__("triangle")
        self.base = base
        self.height = height

    def area(self) -> int:
        return self.base * self.height // 2


def main() -> None:
    shapes: list[Shape] = [Shape("blob"), Rectangle(2, 3), Square(4), Triangle(5, 3)]
    for s in shapes:
        print(type(s).__name__, "|", s.describe())
    print(sum([s.area() for s in shapes]))
    largest = max(shapes, key=lambda s: s.area())
    print("largest:", largest.name, isinstance(largest, Rectangle), isinstance(largest, Square))


main()
