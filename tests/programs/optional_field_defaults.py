"""Class-body defaults of optional scalar fields (boxed when the object is
made), overridden in __init__ and in a subclass."""
# covers: class-fields, class-inheritance, optional


class Retry:
    attempts: int | None = 3
    timeout_ms: int | None = 500
    enabled: bool | None = True
    label: str = "retry"

    def __init__(self, attempts: int | None = None) -> None:
        if attempts is not None:
            self.attempts = attempts


class NoRetry(Retry):
    enabled: bool | None = False

    def __init__(self) -> None:
        super().__init__(0)
        self.timeout_ms = None


def describe(r: Retry) -> str:
    return f"{r.label}: attempts={r.attempts} timeout_ms={r.timeout_ms} enabled={r.enabled}"


def main() -> None:
    print(describe(Retry()))
    print(describe(Retry(7)))
    print(describe(NoRetry()))
    first, second = Retry(), Retry()
    first.attempts = 1
    print(first.attempts, second.attempts)


main()
