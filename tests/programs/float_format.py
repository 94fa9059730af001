"""Format specs for floats (and ints shown as floats): f e g %, width, fill, sign, grouping."""
# covers: float-format


def main() -> None:
    values = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 0.000123456, 1e20, 2.675,
              0.5, 1.5, 1e-10, float("inf"), float("nan")]
    specs = ["", "f", ".2f", ".0f", "#.0f", "10.3f", "<10.1f", "^12.2f", "*>9.1f", "+.3f",
             " .1f", "08.2f", ",.2f", "_.1f", "015,.2f", "e", ".2e", "E", "#.0e", "g", ".3g",
             "#.3g", "G", ".10g", "%", ".1%", "z.1f", ".3", "12", "^+14.4e", "F"]
    for v in values:
        print(" | ".join(format_one(v, spec) for spec in specs))
    n = 42
    print(f"{n:.2f} {n:e} {n:g} {n:%} {n:10.1f}|")
    latency_ms = [12.5, 7.25, 130.0, 0.75]
    for i, ms in enumerate(latency_ms):
        print(f"request {i:>2}: {ms:8.2f} ms {ms / 1000:.1e} s {ms / sum(latency_ms):6.1%}")
    try:
        print(f"{1.5:d}")
    except ValueError as e:
        print(type(e).__name__, e)


def format_one(v: float, spec: str) -> str:
    return f"{v:{spec}}"


main()
