"""A @dataclass subclass of a @dataclass: its __init__ takes the base's
fields first, then its own; repr and == cover all of them."""
# covers: dataclass, class-inheritance

from dataclasses import dataclass


@dataclass
class Event:
    name: str
    at: int


@dataclass
class Alarm(Event):
    level: int = 1


def main() -> None:
    a = Alarm("fire", 12, 3)
    print(a, Alarm("smoke", 5), Event("tick", 1))
    print(a == Alarm("fire", 12, 3), a == Alarm("fire", 12), a.name, a.level)


main()
