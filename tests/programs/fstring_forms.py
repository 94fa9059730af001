"""f-strings: expressions, method calls, nested quotes, !r and !s conversions,
doubled braces, and values of every printable type."""
# covers: fstring, fstring-conversion, str-concat, list-repr, dict-repr, optional

def main() -> None:
    name = "Zoë"
    count = 3
    items = ["a", "b'c"]
    scores = {"x": 1, "y": -2}
    missing: str | None = None
    pair = (1, "one")
    print(f"{name} has {count} items")
    print(f"{name!r} {name!s} {count!r} {items} {items!r} {scores}")
    print(f"{{literal}} {{{count}}} {'nested'} {name.lower()[:2]}{'!' * count}")
    print(f"{count * 2 + 1} {count > 2} {count // 2} {-count} {len(items)}")
    print(f"{missing} {missing is None} {pair} {pair[1]!r} {items[-1]}")
    print(f"{''}|{' '}|{name[1:]}|{name[::-1]}")
    print(f"a{1}b{2}c{3}" + "" + f"{'x'}")
    line = f"{name:>6}|{count:03}|{name:<5}|{count:+}"
    print(line)


main()
