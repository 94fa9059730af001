"""float() of very long decimal text: thousands of digits, correctly rounded, in linear time."""
# covers: float-parse


def main() -> None:
    ones = "1" * 20000
    print(float(ones + "e-19990"), float("0." + "0" * 5000 + "25"), float("9" * 400))
    half_way = "9007199254740993" + "0" * 3000 + "e-3000"  # 2**53 + 1: ties to even
    print(float(half_way), float(half_way.replace("e", "1e")))
    print(float("1" + "0" * 310), float("-" + "0" * 4000 + "1"), float("1_0" * 500))


main()
