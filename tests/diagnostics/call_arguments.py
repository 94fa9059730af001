# ruff: noqa
"""Calls whose arguments do not fit the parameters: too many, too few, unknown names."""


def scale(x: int, factor: int = 2) -> int:
    return x * factor


class Account:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.balance = 0

    def deposit(self, amount: int, note: str = "") -> None:
        self.balance += amount


def main() -> None:
    scale(1, 2, 3)  # error: 17: Too many arguments for "scale"
    scale()  # error: 5: Missing positional argument "x" in call to "scale"
    scale(1, y=2)  # error: 14: Unexpected keyword argument "y" for "scale"
    scale(1, x=2)  # error: 14: "scale" gets multiple values for keyword argument "x"
    a = Account()  # error: 9: Missing positional argument "owner" in call to "Account"
    b = Account("ann")
    b.deposit(1, "gift", 3)  # error: 26: Too many arguments for "deposit" of "Account"
    b.deposit()  # error: 5: Missing positional argument "amount" in call to "deposit" of "Account"
    b.deposit(5, memo="x")  # error: 18: Unexpected keyword argument "memo" for "deposit" of "Account"
    b.deposit(amount=5, note="ok")


main()
