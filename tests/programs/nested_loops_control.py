"""break and continue in nested loops affect only the innermost loop; flags
and for/else carry the outcome outward.  A small grid search."""
# covers: break-continue, for-range, for-else, list-nested, tuple-return

def find(grid: list[list[int]], target: int) -> tuple[int, int]:
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value == target:
                return r, c
    return -1, -1


def main() -> None:
    grid = [[(r * 7 + c * 3) % 10 for c in range(5)] for r in range(4)]
    print(grid)
    print(find(grid, 6), find(grid, 0), find(grid, 11))
    pairs: list[tuple[int, int]] = []
    for i in range(5):
        for j in range(5):
            if j > i:
                break
            if (i + j) % 2:
                continue
            pairs.append((i, j))
    print(pairs)
    for row in grid:
        for value in row:
            if value == 9:
                print("row with 9:", row)
                break
        else:
            continue
        break
    total = 0
    i = 0
    while i < 10:
        i += 1
        j = 0
        while True:
            j += 1
            if j > i:
                break
            if j % 3 == 0:
                continue
            total += j
    print(total)


main()
