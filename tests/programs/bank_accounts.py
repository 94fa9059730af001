"""A bank account class hierarchy: fields, methods, overriding, super().__init__()."""


class InsufficientFunds(Exception):
    def __init__(self, owner: str, missing: int) -> None:
        super().__init__(f"{owner} is short by {missing}")


class Account:
    def __init__(self, owner: str, balance: int = 0) -> None:
        self.owner = owner
        self.balance = balance

    def deposit(self, amount: int) -> None:
        self.balance += amount

    def limit(self) -> int:
        return 0

    def withdraw(self, amount: int) -> None:
        if self.balance - amount < -self.limit():
            raise InsufficientFunds(self.owner, amount - self.balance - self.limit())
        self.balance -= amount


class CheckingAccount(Account):
    def __init__(self, owner: str, overdraft: int) -> None:
        super().__init__(owner)
        self.overdraft = overdraft

    def limit(self) -> int:
        return self.overdraft


class SavingsAccount(Account):
    def __init__(self, owner: str, balance: int, rate_percent: int) -> None:
        super().__init__(owner, balance)
        self.rate_percent = rate_percent

    def add_interest(self) -> None:
        self.deposit(self.balance * self.rate_percent // 100)


def main() -> None:
    savings = SavingsAccount("ann", 1000, 3)
    accounts: list[Account] = [Account("bob", 50), CheckingAccount("cy", 100), savings]
    for account in accounts:
        account.deposit(25)
        try:
            account.withdraw(120)
            print(account.owner, "withdrew 120, balance", account.balance)
        except InsufficientFunds as e:
            print(account.owner, "refused:", str(e), isinstance(e, Exception))
    savings.add_interest()
    print("savings after interest:", savings.balance)
    for account in accounts:
        print(f"{account.owner}: {account.balance} (limit {account.limit()})")


main()
