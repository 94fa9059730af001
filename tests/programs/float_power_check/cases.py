"""Random x ** y cases, printed: the same text under CPython and compiled by
pwc (the pseudo-random numbers are integer arithmetic, the operands built by
exact float operations), so the outputs must agree line by line.  check.py
sets SEED and COUNT.  The cases: any magnitude with y aimed anywhere in the
range or at its ends (overflow, subnormals, underflow), negative bases with
whole exponents, roots and whole powers of whole numbers (exact results and
exact ties), bases next to 1 with huge exponents, and wild exponents."""

SEED = 1
COUNT = 20000


class Rng:
    def __init__(self, seed: int) -> None:
        self.state = seed

    def bits24(self) -> int:
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 7) & 0xFFFFFF

    def below(self, n: int) -> int:
        return self.bits24() % n

    def mantissa(self) -> int:
        """A random integer in [2**52, 2**53): a float's 53 significant bits."""
        return (1 << 52) | ((self.bits24() << 28) ^ (self.bits24() << 4) ^ self.bits24()) & ((1 << 52) - 1)

    def unit(self) -> float:
        return float(self.mantissa() - (1 << 52)) / 4503599627370496.0


def scale(v: float, e: int) -> float:
    """v * 2**e by doubling or halving (halving into the subnormals rounds,
    identically everywhere)."""
    while e > 0:
        v = v * 2.0
        e -= 1
    while e < 0:
        v = v * 0.5
        e += 1
    return v


def show(x: float, y: float) -> None:
    try:
        print(repr(x), repr(y), repr(x ** y))
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        print(repr(x), repr(y), type(e).__name__, e)


def case(r: Rng) -> None:
    kind = r.below(8)
    m = r.mantissa()
    e = r.below(2098) - 1126
    if kind == 0 or kind == 2:
        x = scale(float(m), e)
        # log2(x) roughly (log2(1 + f) ~ f), enough to aim y * log2(x)
        approx = float(e + 52) + float(m - (1 << 52)) / 4503599627370496.0
        if approx == 0.0:
            approx = 1.0
        if kind == 0:
            target = float(r.below(2200) - 1100) + r.unit()
        else:
            target = [1024.0, -1022.0, -1060.0, -1074.0, -1075.0, 1023.99][r.below(6)]
            target = target * (1.0 + (r.unit() - 0.5) * 0.002)
        show(x, target / approx)
    elif kind == 1:
        x = scale(float(m), r.below(70) - 112)
        show(-x if r.below(2) == 0 else x, float(r.below(129) - 64))
    elif kind == 3:
        show(scale(float(m), r.below(80) - 92), (r.unit() - 0.5) * 80.0)
    elif kind == 4:
        root = r.below(8192) + 1
        power = root * root
        if r.below(2) == 0:
            power = power * root
        k = r.below(401) - 200
        show(float(power), float(k) / [2.0, 4.0, 3.0][r.below(3)])
    elif kind == 5:
        near_one = 1.0 + (r.unit() - 0.5) * scale(1.0, -r.below(45))
        show(near_one, (r.unit() - 0.5) * scale(1.0, r.below(60)))
    elif kind == 6:
        show(float(r.below(1000) + 2) * (1.0 if r.below(4) > 0 else -1.0), float(r.below(201) - 100))
    else:
        show(scale(float(m), e), (r.unit() + 1.0) * scale(1.0, r.below(140) - 80)
             * (1.0 if r.below(2) == 0 else -1.0))


def main() -> None:
    r = Rng(SEED)
    i = 0
    while i < COUNT:
        case(r)
        i += 1


main()
