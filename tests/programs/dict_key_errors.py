"""KeyError for missing str and int keys: the message is the repr of the key
(quotes included, escaped when needed), on read, del and pop(); get(),
pop() with a default and `in` avoid the error."""
# covers: dict-keyerror, dict-get, dict-in, dict-delete, dict-pop, builtin-repr, exceptions-builtin-messages

def lookup(table: dict[str, int], key: str) -> str:
    try:
        return str(table[key])
    except KeyError as e:
        return f"KeyError {e} (str(e) = {str(e)!r})"


def remove(table: dict[int, str], key: int) -> str:
    try:
        del table[key]
        return f"deleted {key}"
    except KeyError as e:
        return f"KeyError {e}"


def main() -> None:
    table = {"a": 1, "": 2}
    for key in ["a", "", "b", "it's", 'q"', "tab\t", "日本"]:
        print(repr(key), lookup(table, key), key in table, table.get(key), table.get(key, -1))
    numbers = {1: "one", -2: "minus two"}
    for number in [1, 1, -2, 3, -9223372036854775807]:
        print(remove(numbers, number))
    print(numbers)
    for key in ["a", "a", "it's"]:
        try:
            print("pop", table.pop(key), table)
        except KeyError as e:
            print("pop: KeyError", e)
    sevens = {7: "seven", 8: "eight"}
    print(sevens.pop(7, "gone"), sevens.pop(7, "gone"), sevens)
    print(sevens.pop(8, None), sevens.pop(8, None), sevens)
    try:
        raise KeyError("manual")
    except LookupError as e:
        print(type(e).__name__, e)


main()
