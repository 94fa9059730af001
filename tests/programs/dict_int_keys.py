"""dict[int, V] with negative, zero and 64-bit extreme keys; iteration order,
repr, membership, and a sparse-array use."""
# covers: dict-repr, dict-in, dict-iteration, dict-order, int-overflow

MAX = 9223372036854775807
MIN = -MAX - 1


def main() -> None:
    sparse: dict[int, str] = {}
    for key in [0, -1, MAX, MIN, 42, -42, 1 << 40]:
        sparse[key] = hex(key)
    print(sparse)
    print(MIN in sparse, MAX - 1 in sparse, sparse[MIN], sparse[1 << 40])
    print(sorted(sparse), min(sparse), max(sparse))
    squares = {n: n * n for n in range(-3, 4)}
    print(squares, squares[-3] == squares[3])
    histogram: dict[int, int] = {}
    for value in [3, -1, 3, 0, -1, 3, 7]:
        histogram[value] = histogram.get(value, 0) + 1
    print(histogram)
    for value, times in histogram.items():
        print(f"{value:>3} {'#' * times}")


main()
