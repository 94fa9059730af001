"""Comparison operators on ints, strings and bools; a bool with an int
counts as 0 or 1, in comparisons and in arithmetic."""


def compare_ints(a: int, b: int) -> str:
    return f"{a} vs {b}: < {a < b}, <= {a <= b}, > {a > b}, >= {a >= b}, == {a == b}, != {a != b}"


def compare_strs(a: str, b: str) -> str:
    return f"{a} vs {b}: == {a == b}, != {a != b}, < {a < b}, > {b < a}"


def largest(values: list[int]) -> int:
    best = values[0]
    for v in values:
        if v > best:
            best = v
    return best


def smallest(values: list[int]) -> int:
    best = values[0]
    for v in values:
        if v < best:
            best = v
    return best


def main() -> None:
    print(compare_ints(1, 2))
    print(compare_ints(2, 2))
    print(compare_ints(-3, -7))
    print(compare_ints(0, -1))
    print(compare_strs("apple", "apricot"))
    print(compare_strs("pear", "pear"))
    print(compare_strs("Zebra", "apple"))
    print(compare_strs("abc", "abcd"))
    print(compare_strs("", "a"))
    print("bools:", True == True, True != False, False < True)  # noqa: E712
    flag, count = True, 1
    print("bool with int:", flag == count, count >= flag, False < count, 2 > flag)
    print("bool as int:", flag + count, count - flag, -flag, flag << 3, flag * 7, flag + flag)
    numbers = [4, -9, 17, 0, 17, -2]
    print("largest:", largest(numbers), "smallest:", smallest(numbers))
    within = 0 <= 5 and 5 < 10
    print("5 within [0, 10):", within)


main()
