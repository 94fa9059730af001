"""and/or/not: short-circuit evaluation (the right side runs only when
needed), results of int and str operands (the operand itself, not a bool),
and `not` on each type's empty and non-empty values."""
# covers: bool-logic, and-or-values, short-circuit, conditional-expr

calls: list[str] = []


def traced(label: str, value: bool) -> bool:
    calls.append(label)
    return value


def main() -> None:
    zero, five = 0, 5
    empty, word = "", "word"
    print(zero or five, zero and five, five and zero, five or zero, five and 7)
    print(repr(empty or "default"), repr(word or "default"), repr(empty and word), repr(word and empty))
    print(not zero, not five, not empty, not word, not calls, not [0], not None)
    result = traced("a", False) and traced("b", True)
    print(result, calls)
    calls.clear()
    result = traced("a", True) or traced("b", True)
    print(result, calls)
    calls.clear()
    result = traced("a", False) or traced("b", False) or traced("c", True)
    print(result, calls)
    calls.clear()
    result = (traced("a", True) and traced("b", False)) or traced("c", True)
    print(result, calls)
    print(True and False or True, not (True and False), False or not False)
    n = 3
    print("big" if n > 10 else "medium" if n > 2 else "small", 1 if n else 0)


main()
