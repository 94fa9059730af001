"""`global` in functions: counters, a last-seen value, a float total and an
optional configuration rebound from several functions; a local of the same
name leaves the module's alone; a narrowing of a module variable that a
call undid is tested again (CPython's AttributeError), and a loop testing
one stops when a call clears it."""
# covers: global, module-globals, stale-narrowing

from dataclasses import dataclass

COUNT = 0
NAMES: list[str] = []
LAST: str | None = None
TOTAL = 0.0


@dataclass
class Config:
    limit: int


CONFIG: Config | None = None


def bump(name: str) -> int:
    global COUNT, LAST
    COUNT += 1
    LAST = name
    NAMES.append(name)
    return COUNT


def reset() -> None:
    global COUNT, CONFIG
    COUNT = 0
    CONFIG = None


def configure(limit: int) -> None:
    global CONFIG
    CONFIG = Config(limit)


def add(x: float) -> None:
    global TOTAL
    TOTAL += x


def limited() -> str:
    if CONFIG is not None:
        first = CONFIG.limit
        reset()
        try:
            return f"{first} {CONFIG.limit}"
        except AttributeError as e:
            return f"AttributeError: {e}"
    return "none"


def shadow() -> int:
    COUNT = 100  # a local: the module's COUNT is untouched
    return COUNT


def clear_last() -> None:
    global LAST
    LAST = None


def drain() -> int:
    global LAST
    LAST = "x"
    n = 0
    while LAST is not None and n < 10:
        n += 1
        if n == 4:
            clear_last()
    return n


def swap() -> None:
    global COUNT, TOTAL
    if True:
        COUNT, TOTAL = 7, 0.5


print(bump("a"), bump("b"), COUNT, LAST, NAMES)
configure(5)
print(CONFIG, limited(), COUNT, CONFIG)
add(1.5)
add(2)
print(TOTAL, shadow(), COUNT)
for i in range(3):
    bump(str(i))
print(COUNT, LAST, len(NAMES), drain(), LAST)
swap()
print(COUNT, TOTAL)


def closure_reads_the_module() -> int:
    global COUNT

    def current() -> int:
        return COUNT  # the module's variable when called, not a copy

    COUNT = 5
    first = current()
    COUNT = 6
    return first * 10 + current()


def loop_target() -> None:
    global COUNT
    for COUNT in range(3):
        NAMES.append(str(COUNT))


print(closure_reads_the_module(), COUNT)
loop_target()
print(COUNT)
