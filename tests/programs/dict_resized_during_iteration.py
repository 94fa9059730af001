"""Adding or deleting keys while iterating over a dict raises RuntimeError
("dictionary changed size during iteration") at the next step; changing
values in place is fine."""
# covers: dict-iteration, dict-delete, try-except

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


main()
