"""Format specs on the most negative 64-bit int print it like str() does,
with grouping, width and base conversions."""
# covers: fstring-format-spec, int-overflow

MIN = -9223372036854775807 - 1


def main() -> None:
    print(f"{MIN}", f"{MIN:d}", f"{MIN:30}|", f"{MIN:<30}|")
    print(f"{MIN:,}", f"{MIN:_}", f"{MIN:x}", f"{MIN:#x}", f"{MIN:#o}")
    print(f"{MIN:b}")
    print(f"{MIN + 1:,}", f"{9223372036854775807:,}")
    for value in [MIN, MIN + 1]:
        print(f"[{value:>25}] [{value:+}]")


main()
