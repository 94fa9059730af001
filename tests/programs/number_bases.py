"""Formatting ints in other bases by repeated division, and parsing them back."""

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(number: int, base: int) -> str:
    if number == 0:
        return "0"
    negative = number < 0
    if negative:
        number = -number
    out = ""
    while number > 0:
        out = DIGITS[number % base] + out
        number //= base
    if negative:
        return "-" + out
    return out


def from_base(text: str, base: int) -> int:
    sign = 1
    start = 0
    if text.startswith("-"):
        sign = -1
        start = 1
    value = 0
    for i in range(start, len(text)):
        digit = DIGITS.find(text[i].lower())
        if digit < 0 or digit >= base:
            raise ValueError(f"invalid digit {text[i]} for base {base}")
        value = value * base + digit
    return sign * value


def zero_pad(text: str, width: int) -> str:
    while len(text) < width:
        text = "0" + text
    return text


def main() -> None:
    for number in [0, 5, 255, -255, 1000, 65535, 9223372036854775807]:
        print(number, "bin", to_base(number, 2), "oct", to_base(number, 8))
        print("  hex", to_base(number, 16), "b36", to_base(number, 36))
    for text, base in [("ff", 16), ("FF", 16), ("-101", 2), ("zz", 36), ("777", 8), ("12", 3)]:
        print(text, "base", base, "=", from_base(text, base))
    print("padded:", zero_pad(to_base(5, 2), 8), zero_pad(to_base(48879, 16), 4))
    try:
        from_base("129", 8)
    except ValueError as e:
        print(type(e).__name__, str(e))
    print("int() agrees:", int("-42") == from_base("-42", 10), int("0042") + 1)


main()
