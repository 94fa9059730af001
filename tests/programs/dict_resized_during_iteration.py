"""Adding or deleting keys while iterating over a dict raises RuntimeError
("dictionary changed size during iteration") at the next step; changing
values in place is fine.  A loop that only reads needs no check; one that
calls anything keeps it, whatever the call does."""
# covers: dict-iteration, dict-delete, try-except


def add_one(table: dict[str, int], key: str) -> None:
    table[key + "!"] = 1


def main() -> None:
    prices = {"tea": 3, "cake": 4}
    for key in prices:
        prices[key] = prices[key] * 2
    print("values updated in place:", prices)
    try:
        for key in prices:
            prices[key + " (large)"] = prices[key] + 1
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(prices)
    try:
        for key in prices:
            del prices[key]
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(prices)
    try:
        for value in prices.values():
            prices[str(value)] = value
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(len(prices))
    total = 0
    for key, value in prices.items():
        if key in prices and value > 0:
            total += value + len(key)
    print("read only:", total)
    try:
        for key in prices:
            add_one(prices, key)
    except RuntimeError as e:
        print("RuntimeError:", e)
    seen = {1, 2}
    try:
        for n in seen:
            seen.add(n + 10)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(len(prices), sorted(seen))


main()
