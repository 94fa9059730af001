"""Arithmetic at the edges of the 64-bit range.

pwc ints are 64-bit and raise OverflowError("integer overflow") past the
edge.  CPython ints never overflow, so `checked` makes CPython raise the
same error: in wasm the operation itself raises before the check runs.
"""

MAX = 9223372036854775807
MIN = -MAX - 1


def checked(value: int) -> int:
    if value > MAX or value < MIN:
        raise OverflowError("integer overflow")
    return value


def attempt(label: str, a: int, b: int, op: str) -> None:
    try:
        if op == "+":
            result = checked(a + b)
        elif op == "-":
            result = checked(a - b)
        elif op == "*":
            result = checked(a * b)
        elif op == "//":
            result = checked(a // b)
        else:
            result = checked(a % b)
        print(label, "=", result)
    except OverflowError as e:
        print(label, "->", type(e).__name__, str(e))


def main() -> None:
    attempt("MAX + 0", MAX, 0, "+")
    attempt("MAX + 1", MAX, 1, "+")
    attempt("MIN - 1", MIN, 1, "-")
    attempt("MIN + MAX", MIN, MAX, "+")
    attempt("MAX * 2", MAX, 2, "*")
    attempt("MIN * -1", MIN, -1, "*")
    attempt("3037000499 * 3037000499", 3037000499, 3037000499, "*")
    attempt("3037000500 * 3037000500", 3037000500, 3037000500, "*")
    attempt("MIN // -1", MIN, -1, "//")
    attempt("MIN // 2", MIN, 2, "//")
    attempt("MIN % -1", MIN, -1, "%")
    attempt("MAX % MIN", MAX, MIN, "%")
    attempt("0 - MIN", 0, MIN, "-")
    try:
        print("-MIN =", checked(-MIN))
    except OverflowError as e:
        print("-MIN ->", type(e).__name__, str(e))


main()
