"""Every narrowing form for `T | None`: `is None` / `is not None`, truthiness
(where 0 and "" are falsy too), isinstance, early return, assert, narrowing
inside and/or and conditional expressions, and loops over optional items."""
# covers: optional, optional-narrowing, isinstance, assert, conditional-expr

from typing import Optional

class User:
    def __init__(self, name: str, manager: Optional["User"] = None) -> None:
        self.name = name
        self.manager = manager


def truthy(x: int | None) -> str:
    if x:
        return f"truthy {x}"
    return "none" if x is None else f"falsy {x}"


def length(s: str | None) -> int:
    if s is None or s == "":
        return -1
    return len(s)


def asserted(s: str | None) -> str:
    assert s is not None, "s must be set"
    return s.upper()


def boss_name(u: User | None) -> str:
    if u is None:
        return "nobody"
    boss = u.manager
    if boss is not None:
        top = boss.manager
        if top is not None:
            return top.name
    return boss.name if boss is not None else u.name


class Admin(User):
    def power(self) -> str:
        return "root:" + self.name


def rights(u: User | None) -> str:
    if u is None:
        return "guest"
    if isinstance(u, Admin):
        return u.power()
    return "user:" + u.name


def total(values: list[int | None]) -> int:
    result = 0
    for v in values:
        if v is not None:
            result += v
    return result


def main() -> None:
    print(truthy(None), truthy(0), truthy(7), length(None), length(""), length("abc"))
    print(asserted("ok"))
    try:
        asserted(None)
    except AssertionError as e:
        print("AssertionError:", e)
    ceo = User("ceo")
    vp = User("vp", ceo)
    dev = User("dev", vp)
    print(boss_name(None), boss_name(ceo), boss_name(vp), boss_name(dev))
    print(rights(None), rights(dev), rights(Admin("amy")))
    print(total([1, None, 2, None, 3]), total([]))
    found: str | None = None
    for name in ["ann", "bob", "cy"]:
        if name.startswith("b"):
            found = name
    print(found if found is not None else "-", found is not None and len(found) == 3)


main()
