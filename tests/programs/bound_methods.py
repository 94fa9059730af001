"""Bound methods as values: stored in lists and dicts, passed to functions,
called later (seeing the object's current state), and dispatching to the
subclass's override."""
# covers: callable-bound-method, callable-values, class-dispatch, dict-of-callables

from typing import Callable


class Account:
    def __init__(self, owner: str, balance: int) -> None:
        self.owner = owner
        self.balance = balance

    def deposit(self, amount: int) -> int:
        self.balance += amount
        return self.balance

    def report(self) -> str:
        return f"{self.owner}: {self.balance}"


class Savings(Account):
    def deposit(self, amount: int) -> int:
        return super().deposit(amount + amount // 10)


def apply_all(ops: list[Callable[[int], int]], amount: int) -> list[int]:
    return [op(amount) for op in ops]


def main() -> None:
    a = Account("ann", 100)
    s: Account = Savings("sam", 0)
    deposits: list[Callable[[int], int]] = [a.deposit, s.deposit, a.deposit]
    print(apply_all(deposits, 50))
    reports: dict[str, Callable[[], str]] = {"a": a.report, "s": s.report}
    a.balance = 7
    for key, fn in reports.items():
        print(key, fn())
    dep = s.deposit
    dep(1000)
    print(s.report(), reports["s"]())


main()
