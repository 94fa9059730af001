"""Class-body fields with defaults are per instance; class constants are
read through the class and instances and can be redefined by a subclass,
which the base class's methods then see."""
# covers: class-fields, class-constants, class-inheritance, class-dispatch

class Counter:
    STEP: int = 1
    LABEL = "counter"
    count: int = 0
    history: list[int]

    def __init__(self) -> None:
        self.history = []

    def tick(self) -> int:
        self.count += self.STEP
        self.history.append(self.count)
        return self.count

    def title(self) -> str:
        return f"{self.LABEL}({self.STEP})"


class FastCounter(Counter):
    STEP = 10
    LABEL = "fast"


def main() -> None:
    a = Counter()
    b = Counter()
    f = FastCounter()
    for _ in range(3):
        a.tick()
        f.tick()
    b.tick()
    print(a.count, b.count, f.count, a.history, b.history, f.history)
    print(a.title(), f.title(), Counter.STEP, FastCounter.STEP, f.STEP, Counter.LABEL)
    counters: list[Counter] = [a, f]
    print([c.tick() for c in counters], [c.title() for c in counters])
    b.count = 100
    print(b.tick(), a.count)


main()
