"""isinstance() narrows a value of type `Base | None` straight to a
subclass (None is an instance of nothing)."""
# covers: isinstance, optional-narrowing

class Animal:
    def __init__(self, name: str) -> None:
        self.name = name


class Dog(Animal):
    def bark(self) -> str:
        return self.name + " says woof"


def describe(a: Animal | None) -> str:
    if isinstance(a, Dog):
        return a.bark()
    if isinstance(a, Animal):
        return a.name + " is quiet"
    return "no animal"


def main() -> None:
    for a in [Dog("rex"), Animal("cat"), None]:
        print(describe(a))


main()
