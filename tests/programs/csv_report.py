"""Parsing a small CSV text (header, quoted-free fields, blank lines,
malformed rows), aggregating per category, and printing an aligned report."""
# covers: str-split, str-strip, str-splitlines, builtin-int-str, dict-get, fstring-format-spec

DATA = """category,item,qty,price_cents
fruit, apple , 3, 120
fruit,banana,12,25

dairy,milk,2,99
dairy,cheese,x,450
bakery,bread,1,250
fruit,kiwi,5
"""


def main() -> None:
    lines = DATA.splitlines()
    header = lines[0].split(",")
    print("columns:", header)
    totals: dict[str, int] = {}
    counts: dict[str, int] = {}
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split(",")]
        if len(fields) != len(header):
            print(f"line {number}: expected {len(header)} fields, got {len(fields)}")
            continue
        try:
            qty = int(fields[2])
            price = int(fields[3])
        except ValueError as e:
            print(f"line {number}: {e}")
            continue
        totals[fields[0]] = totals.get(fields[0], 0) + qty * price
        counts[fields[0]] = counts.get(fields[0], 0) + qty
    for category in sorted(totals, key=lambda c: -totals[c]):
        cents = totals[category]
        print(f"{category:<8}{counts[category]:>4}{cents // 100:>6}.{cents % 100:02}")
    print("grand total", sum(totals.values()))


main()
