"""int(text, base): bases 2 to 36, base 0 reading 0x/0o/0b prefixes,
underscores, signs and whitespace (Unicode's too), other scripts' decimal
digits, invalid digits and invalid bases, and round trips through hex()."""
# covers: builtin-int-base, builtin-hex, exceptions-builtin-messages

def parse(text: str, base: int) -> str:
    try:
        return str(int(text, base))
    except ValueError as e:
        return f"ValueError: {e}"


def main() -> None:
    cases = [("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0), ("-101", 2), ("z", 36),
             ("Zz", 36), ("0o17", 0), ("0b11", 0), ("12", 3), ("3", 3), (" 1_0 ", 2),
             ("08", 0), ("0", 0), ("00", 0), ("0_0", 0), ("-0x1F", 0), ("+0b1", 0),
             ("777", 8), ("0o777", 8), ("0b", 0), ("", 16), ("1", 1), ("1", 37),
             ("7fffffffffffffff", 16), ("-8000000000000000", 16), ("\u0661\u0660", 16),
             ("\u3000\uff10x\uff11f", 0), ("\u212a", 36), ("\x1c1", 2)]
    for text, base in cases:
        print(repr(text), base, parse(text, base))
    for n in [0, 1, 255, -255, 9223372036854775807]:
        print(n, int(hex(n), 16) == n, int(hex(n), 0) == n)


main()
