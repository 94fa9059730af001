"""int(text) and int(text, base), with every error CPython reports."""

cases = [("42", 10), (" -17 ", 10), ("ff", 16), ("0xff", 16), ("0xFF", 0), ("0o17", 0),
         ("0b1010", 0), ("1_000", 10), ("z", 36), ("-0b11", 0), ("777", 8), ("10", 2),
         ("0", 0), ("00", 0), ("010", 0), ("", 10), ("1__0", 10), ("_1", 10), ("12", 2),
         ("0x", 16), ("  +7", 0), ("1e3", 10), ("-9223372036854775808", 10)]
for text, base in cases:
    try:
        print(repr(text), base, int(text, base))
    except ValueError as e:
        print(repr(text), base, "ValueError", e)
for text in ["12", "  3 ", "-0", "1_2", "x1"]:
    try:
        print(int(text))
    except ValueError as e:
        print("ValueError", e)
try:
    int("1", 99)
except ValueError as e:
    print("ValueError", e)
