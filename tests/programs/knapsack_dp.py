"""Dynamic programming: 0/1 knapsack with item reconstruction, longest common
subsequence with the subsequence itself, and edit distance."""
# covers: list-nested, comprehension-nested, builtin-min-max, str-index-slice, builtin-reversed

def knapsack(items: list[tuple[str, int, int]], capacity: int) -> tuple[int, list[str]]:
    n = len(items)
    best = [[0 for _ in range(capacity + 1)] for _ in range(n + 1)]
    for i in range(1, n + 1):
        _, weight, value = items[i - 1]
        for c in range(capacity + 1):
            best[i][c] = best[i - 1][c]
            if weight <= c:
                best[i][c] = max(best[i][c], best[i - 1][c - weight] + value)
    chosen: list[str] = []
    c = capacity
    for i in range(n, 0, -1):
        if best[i][c] != best[i - 1][c]:
            chosen.append(items[i - 1][0])
            c -= items[i - 1][1]
    return best[n][capacity], list(reversed(chosen))


def lcs(a: str, b: str) -> str:
    table = [[0 for _ in range(len(b) + 1)] for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    out = ""
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out += a[i]
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            row.append(min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (0 if ca == cb else 1)))
        prev = row
    return prev[-1]


def main() -> None:
    items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
             ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)]
    print(knapsack(items, 200), knapsack(items, 0), knapsack([], 10))
    for a, b in [("ABCBDAB", "BDCABA"), ("kitten", "sitting"), ("", "abc"), ("héllo", "hallo")]:
        print(a, b, repr(lcs(a, b)), edit_distance(a, b))


main()
