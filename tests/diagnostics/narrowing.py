# ruff: noqa
"""Every way of ruling out None (or a base class) that pwc understands: no error here."""


class Animal:
    def __init__(self, name: str) -> None:
        self.name = name


class Dog(Animal):
    def bark(self) -> str:
        return self.name + " says woof"


class Box:
    def __init__(self, label: str | None) -> None:
        self.label = label


def is_none(s: str | None) -> str:
    if s is None:
        return ""
    return s.lower()


def is_not_none(s: str | None) -> str:
    if s is not None:
        return s.lower()
    return ""


def early_return(s: str | None) -> int:
    if s is None:
        return 0
    n = len(s.strip())
    return n


def with_and(s: str | None) -> bool:
    return s is not None and s.startswith("x")


def with_or(s: str | None) -> bool:
    return s is None or s.startswith("x")


def with_isinstance(a: Animal) -> str:
    if isinstance(a, Dog):
        return a.bark()
    return a.name


def both_branches(s: str | None) -> str:
    if s is None:
        result = "none"
    else:
        result = s.upper()
    return result


def attribute_path(b: Box) -> str:
    if b.label is not None:
        return b.label.upper()
    return "?"


def truthiness(s: str | None) -> str:
    if s:
        return s.upper()
    return ""


def negation(s: str | None) -> str:
    if not s is None:
        return s.lower()
    return ""


def loop_condition(s: str | None) -> int:
    count = 0
    while s is not None and count < 3:
        count += len(s.strip())
        s = None
    return count


def conditional_expression(s: str | None) -> str:
    return s.lower() if s is not None else ""


def assigned_value(s: str | None) -> str:
    s = "now set"
    return s.upper()


def main() -> None:
    print(is_none("A"), is_not_none(None), early_return("b"), with_and(None), with_or("x"))
    print(with_isinstance(Dog("rex")), both_branches(None), attribute_path(Box("l")))
    print(truthiness("t"), negation("N"), loop_condition("w"), conditional_expression(None))
    print(assigned_value(None))


main()
