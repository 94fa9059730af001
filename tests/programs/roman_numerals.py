"""Roman numerals both ways: a list of (value, symbol) pairs and a dict of symbol values."""

NUMERALS = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]

SYMBOL_VALUES: dict[str, int] = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(number: int) -> str:
    result = ""
    for value, symbol in NUMERALS:
        while number >= value:
            result = result + symbol
            number -= value
    return result


def from_roman(text: str) -> int:
    total = 0
    for i in range(len(text)):
        value = SYMBOL_VALUES[text[i]]
        if i + 1 < len(text) and SYMBOL_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def main() -> None:
    for number in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
        roman = to_roman(number)
        print(number, "=", roman, "->", from_roman(roman))
    mismatches = 0
    for number in range(1, 2000):
        if from_roman(to_roman(number)) != number:
            mismatches += 1
    print("round-trip mismatches below 2000:", mismatches)
    try:
        from_roman("XIZ")
    except KeyError as e:
        print("bad symbol:", str(e))


main()
