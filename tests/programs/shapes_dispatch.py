"""Dynamic dispatch: overriding methods called through base-typed variables and lists."""


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> int:
        return 0

    def perimeter(self) -> int:
        return 0

    def describe(self) -> str:
        return f"{self.name}: area {self.area()}, perimeter {self.perimeter()}"


class Rectangle(Shape):
    def __init__(self, width: int, height: int) -> None:
        super().__init__("rectangle")
        self.width = width
        self.height = height

    def area(self) -> int:
        return self.width * self.height

    def perimeter(self) -> int:
        return 2 * (self.width + self.height)


class Square(Rectangle):
    def __init__(self, side: int) -> None:
        super().__init__(side, side)
        self.name = "square"


class RightTriangle(Shape):
    def __init__(self, a: int, b: int, c: int) -> None:
        super().__init__("right triangle")
        self.sides = (a, b, c)

    def area(self) -> int:
        return self.sides[0] * self.sides[1] // 2

    def perimeter(self) -> int:
        return self.sides[0] + self.sides[1] + self.sides[2]


def main() -> None:
    shapes: list[Shape] = [Rectangle(3, 4), Square(5), RightTriangle(3, 4, 5), Shape("point")]
    for shape in shapes:
        print(shape.describe())
    one: Shape = Square(2)
    print("through a base-typed variable:", one.area(), one.name)
    one = RightTriangle(6, 8, 10)
    print("reassigned:", one.describe())


main()
