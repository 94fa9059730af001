"""f-string format specs for int and str: width, alignment, fill, sign, zero
padding, thousands separators, and binary/octal/hex with and without '#'."""
# covers: fstring-format-spec, fstring

def main() -> None:
    for n in [0, 7, -7, 255, -255, 1234567, -1234567]:
        print(f"[{n:6}] [{n:<6}] [{n:^7}] [{n:>6}] [{n:06}] [{n:+}] [{n: }] [{n:=+8}] [{n:,}] [{n:_}]")
        print(f"  {n:b} {n:o} {n:x} {n:X} {n:#b} {n:#o} {n:#x} {n:#X} {n:08b} {n:#010x} {n:_b} {n:d}")
    for s in ["", "a", "héllo", "日本"]:
        print(f"[{s:5}] [{s:>5}] [{s:^5}] [{s:*<6}] [{s:-^7}] [{s:.2}] [{s:>4.1}]")
    rows = [("apples", 3, 120), ("kiwis", 12, 7), ("dragonfruit", 1, 1999)]
    for name, qty, cents in rows:
        print(f"{name:<12}|{qty:>4}|{cents // 100:>3}.{cents % 100:02}")
    width = 10
    print(f"{'centered':^{width}}|", f"{42:{width}}|", f"{'x':>{width // 2}}|")


main()
