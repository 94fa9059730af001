"""try/except with several handlers, `as e`, and the built-in errors' messages."""


def risky(kind: int) -> int:
    values = [10, 20, 30]
    table: dict[str, int] = {"a": 1}
    if kind == 0:
        return values[5]
    elif kind == 1:
        return table["missing"]
    elif kind == 2:
        return 10 // (kind - 2)
    elif kind == 3:
        return int("12abc")
    elif kind == 4:
        raise RuntimeError("custom runtime failure")
    elif kind == 5:
        return 7 % (kind - 5)
    elif kind == 6:
        return int("-42") + int(" 8 ")
    elif kind == 7:
        return values[-4]
    elif kind == 8:
        raise ValueError("bad value: " + str(kind))
    return -1


def classify(kind: int) -> str:
    try:
        result = risky(kind)
    except IndexError as e:
        return "IndexError handler: " + str(e)
    except KeyError as e:
        return "KeyError handler: " + str(e)
    except ZeroDivisionError as e:
        return "ZeroDivisionError handler: " + str(e)
    except ValueError as e:
        return type(e).__name__ + " handler: " + str(e)
    except Exception as e:
        return "generic handler: " + type(e).__name__ + ": " + str(e)
    return "no error, result " + str(result)


def main() -> None:
    for kind in range(10):
        print(kind, classify(kind))
    try:
        print(int(""))
    except ValueError as e:
        print(type(e).__name__, str(e))
    caught = False
    try:
        print("before")
        raise KeyError("k")
    except KeyError:
        caught = True
    print("caught without as:", caught)


main()
