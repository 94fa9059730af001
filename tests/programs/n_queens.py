"""Backtracking: all solutions of the N-queens puzzle for small N, printed
as boards for N = 4, and the subset-sum search with pruning."""
# covers: recursion, list-methods, list-nested, str-join, str-repeat

def safe(cols: list[int], col: int) -> bool:
    row = len(cols)
    for r, c in enumerate(cols):
        if c == col or abs(c - col) == row - r:
            return False
    return True


def place(n: int, cols: list[int], solutions: list[list[int]]) -> None:
    if len(cols) == n:
        solutions.append(cols.copy())
        return
    for col in range(n):
        if safe(cols, col):
            cols.append(col)
            place(n, cols, solutions)
            cols.pop()


def queens(n: int) -> list[list[int]]:
    solutions: list[list[int]] = []
    place(n, [], solutions)
    return solutions


def subset_sum(values: list[int], target: int, start: int, chosen: list[int], out: list[list[int]]) -> None:
    if target == 0:
        out.append(chosen.copy())
        return
    for i in range(start, len(values)):
        if values[i] > target:
            break
        chosen.append(values[i])
        subset_sum(values, target - values[i], i + 1, chosen, out)
        chosen.pop()


def main() -> None:
    print([len(queens(n)) for n in range(1, 8)])
    for solution in queens(4):
        print("\n".join(["." * c + "Q" + "." * (3 - c) for c in solution]))
        print()
    found: list[list[int]] = []
    subset_sum(sorted([8, 6, 7, 5, 3, 10, 9]), 15, 0, [], found)
    print(found)


main()
