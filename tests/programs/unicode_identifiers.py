"""Identifiers outside ASCII, as Python 3 allows them: functions, classes,
fields, methods, locals, module variables, a dataclass's repr and an
exception class.  WAT identifiers are ASCII, so pwc spells these names
differently inside the module; the program cannot tell."""
# covers: unicode-identifiers

from collections.abc import Callable
from dataclasses import dataclass

zähler = 0


class Fehler(Exception):
    pass


@dataclass
class Größe:
    breite: int
    höhe: int

    def fläche(self) -> int:
        return self.breite * self.höhe


def grün(x: int) -> int:
    global zähler
    zähler += 1
    return x + 1


def prüfe(größe: Größe) -> None:
    if größe.fläche() > 100:
        raise Fehler(f"zu groß: {größe.fläche()}")


def main() -> None:
    π = 3
    größe = Größe(grün(π), grün(7))
    print(größe, größe.fläche(), zähler)
    for g in (größe, Größe(20, 30)):
        try:
            prüfe(g)
            print("passt", g.höhe)
        except Fehler as ä:
            print(type(ä).__name__, ä)
    λ: Callable[[int], int] = lambda ω: ω * 2
    print(λ(21), {"ключ": grün(1)})


main()
