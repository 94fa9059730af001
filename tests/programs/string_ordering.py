"""Strings compare by code point: case, prefixes, accents and emoji order,
sorting with and without a key, and min/max of strings."""
# covers: str-compare, builtin-sorted, builtin-min-max, str-lower, chained-comparison

def main() -> None:
    words = ["banana", "Apple", "apple", "", "äpfel", "zebra", "Zebra", "ab", "abc", "😀", "中"]
    print(sorted(words))
    print(sorted(words, reverse=True))
    print(sorted(words, key=len))
    print(sorted(words, key=lambda w: w.lower()))
    print(min(words), max(words), min(words, key=len), max(words, key=len))
    pairs = [("a", "b"), ("b", "a"), ("ab", "abc"), ("abc", "ab"), ("A", "a"), ("é", "f"), ("", "")]
    for a, b in pairs:
        print(repr(a), repr(b), a < b, a <= b, a == b, a > b, a >= b, a != b)
    x, y = "x", "y"
    print("a" < "b" < "c", "a" < "c" < "b", x == x != y, x < y > x)
    print("apple" in words, "cherry" in words, words.index("zebra"))


main()
