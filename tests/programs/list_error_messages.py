"""The messages of list errors match CPython's: index() of an absent value
names the value's repr, and `del items[i]` out of range is a list
assignment error."""
# covers: list-methods, exceptions-builtin-messages

def main() -> None:
    numbers = [1, 2, 3]
    words = ["alpha", "beta"]
    for value in [2, 7]:
        try:
            print(value, "at", numbers.index(value))
        except ValueError as e:
            print("ValueError:", e)
    for word in ["beta", "it's"]:
        try:
            print(word, "at", words.index(word))
        except ValueError as e:
            print("ValueError:", e)
    for position in [0, 5, -9]:
        try:
            del numbers[position]
            print("deleted", position, numbers)
        except IndexError as e:
            print("IndexError:", e)


main()
