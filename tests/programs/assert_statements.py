"""assert with and without a message: a passing assert does nothing, a
failing one raises AssertionError whose str() is the message (or empty),
and the message expression is evaluated only on failure."""
# covers: assert, try-except, fstring

def checked_ratio(num: int, den: int) -> int:
    assert den != 0, f"denominator of {num} must not be zero"
    assert num >= 0
    return num // den


def noisy() -> str:
    print("  message built")
    return "failure detail"


def main() -> None:
    for num, den in [(10, 3), (1, 0), (-4, 2)]:
        try:
            print(num, den, checked_ratio(num, den))
        except AssertionError as e:
            print(num, den, "AssertionError", repr(str(e)))
    assert 1 < 2, noisy()
    print("passing assert built no message")
    try:
        assert 2 < 1, noisy()
    except AssertionError as e:
        print("caught:", e)
    items = [1, 2, 3]
    assert len(items) == 3 and items[0] == 1
    print("done", items)


main()
