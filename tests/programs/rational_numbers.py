"""A Fraction-like class over 64-bit ints: normalised sign and gcd, the
arithmetic operators as methods, __repr__ and __str__, ordering by cross
multiplication, and a harmonic sum."""
# covers: class-methods, class-str-repr, int-floordiv-mod, exceptions-builtin-messages

def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return abs(a)


class Frac:
    def __init__(self, num: int, den: int = 1) -> None:
        if den == 0:
            raise ZeroDivisionError(f"Fraction({num}, 0)")
        g = gcd(num, den) * (-1 if den < 0 else 1)
        self.num = num // g
        self.den = den // g

    def add(self, other: "Frac") -> "Frac":
        return Frac(self.num * other.den + other.num * self.den, self.den * other.den)

    def mul(self, other: "Frac") -> "Frac":
        return Frac(self.num * other.num, self.den * other.den)

    def less(self, other: "Frac") -> bool:
        return self.num * other.den < other.num * self.den

    def same(self, other: "Frac") -> bool:
        return self.num == other.num and self.den == other.den

    def __repr__(self) -> str:
        return f"Frac({self.num}, {self.den})"

    def __str__(self) -> str:
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"


def main() -> None:
    print(Frac(6, 8), Frac(-6, 8), Frac(6, -8), Frac(-6, -8), Frac(0, 5), Frac(7))
    half, third = Frac(1, 2), Frac(1, 3)
    print(half.add(third), half.mul(third), half.add(Frac(-1, 2)), repr(half.add(half)))
    print(half.same(Frac(2, 4)), half.same(third), not half.same(third), half.less(third), third.less(half))
    total = Frac(0)
    for n in range(1, 11):
        total = total.add(Frac(1, n))
    print("H(10) =", total)
    print(sorted([Frac(3, 4), Frac(-1, 2), Frac(2, 3)], key=lambda f: f.num * 1000 // f.den))
    try:
        Frac(1, 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


main()
