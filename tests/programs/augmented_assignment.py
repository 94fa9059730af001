"""Augmented assignment with every operator on local names, object
attributes, list elements and dict values; += on str and list, and the
target expression evaluated once."""
# covers: augmented-assignment, int-arith, int-bitwise, class-fields, str-concat, list-methods, str-repeat

class Gauge:
    def __init__(self) -> None:
        self.level = 10
        self.label = "g"


lookups: list[int] = []


def slot(i: int) -> int:
    lookups.append(i)
    return i


def main() -> None:
    n = 7
    n += 5
    n -= 2
    n *= 3
    n //= 4
    n %= 5
    n **= 3
    n <<= 2
    n >>= 1
    n |= 9
    n &= 14
    n ^= 3
    print("name", n)
    g = Gauge()
    g.level += 5
    g.level *= -2
    g.level //= 7
    g.label += "auge"
    g.label *= 2
    print("attribute", g.level, g.label)
    items = [1, 2, 3]
    items[0] += 10
    items[-1] **= 2
    items[slot(1)] -= 5
    items += [4]
    print("list", items, lookups)
    counts = {"a": 1}
    counts["a"] += 1
    counts["a"] <<= 3
    print("dict", counts)
    text = "x"
    for i in range(3):
        text += str(i)
    print("str", text)


main()
