"""Errors raised by list operations, caught and printed: popping from an
empty list or past the end, indexing and assigning out of range, and
removing a value that is absent."""
# covers: list-methods, exceptions-builtin-messages, list-index, try-except

def attempt(step: int, items: list[int]) -> str:
    try:
        if step == 0:
            return str(items.pop())
        if step == 1:
            return str(items.pop(5))
        if step == 2:
            return str(items[3])
        if step == 3:
            return str(items[-4])
        if step == 4:
            items[3] = 1
            return "assigned"
        if step == 5:
            items.remove(42)
            return "removed"
        return str(items[-3])
    except IndexError as e:
        return f"IndexError: {e}"
    except ValueError as e:
        return f"ValueError: {e}"


def main() -> None:
    empty: list[int] = []
    small = [10, 20, 30]
    for step in range(7):
        print(step, attempt(step, empty), "|", attempt(step, small.copy()))
    print(small)


main()
