"""Truth tables and short-circuit evaluation with bools."""


def implies(p: bool, q: bool) -> bool:
    return not p or q


def xor(p: bool, q: bool) -> bool:
    return p != q


def noisy(label: str, value: bool) -> bool:
    print("  evaluated", label)
    return value


def main() -> None:
    values = [False, True]
    for p in values:
        for q in values:
            print(p, q, "and:", p and q, "or:", p or q)
            print("  implies:", implies(p, q), "xor:", xor(p, q))
    print("not True:", not True, "not not False:", not not False)
    print("False and ...")
    print(noisy("left", False) and noisy("right", True))
    print("True or ...")
    print(noisy("left", True) or noisy("right", False))
    print("True and ...")
    print(noisy("left", True) and noisy("right", False))
    flag = 3 > 2
    print("flag:", flag, "flag == True:", flag == True)  # noqa: E712
    print("bools in f-string:", f"{flag} {not flag}")
    print("str(bool):", str(False) + "/" + str(True))


main()
