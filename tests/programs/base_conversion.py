"""Writing ints in bases 2 to 36 by hand and reading them back, including
negative numbers and zero; hex() as the cross-check for base 16."""
# covers: int-floordiv-mod, str-index-slice, str-find, builtin-hex, str-join, builtin-reversed

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n: int, base: int) -> str:
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out: list[str] = []
    while n:
        out.append(DIGITS[n % base])
        n //= base
    return sign + "".join(reversed(out))


def from_base(text: str, base: int) -> int:
    negative = text.startswith("-")
    value = 0
    for c in text[1:] if negative else text:
        digit = DIGITS.find(c.lower())
        if digit < 0 or digit >= base:
            raise ValueError(f"invalid digit {c!r} for base {base}")
        value = value * base + digit
    return -value if negative else value


def main() -> None:
    for n in [0, 1, -1, 10, 255, -255, 4096, 123456789, 9223372036854775807]:
        row = [to_base(n, b) for b in [2, 8, 16, 36]]
        back = [from_base(text, b) == n for text, b in zip(row, [2, 8, 16, 36])]
        print(n, row, back.count(False) == 0, "0x" + to_base(n, 16) == hex(n) or n < 0)
    for text, base in [("ff", 16), ("FF", 16), ("777", 8), ("102", 2), ("zz", 36)]:
        try:
            print(text, base, from_base(text, base))
        except ValueError as e:
            print(text, base, "ValueError:", e)


main()
