"""Merging overlapping intervals after sorting by start, intersecting two
interval lists, and total covered length."""
# covers: tuple-ordering, builtin-sorted, tuple-unpack, list-methods, builtin-min-max

def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if len(merged) > 0 and start <= merged[-1][1]:
            last_start, last_end = merged[-1]
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


def intersect(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def main() -> None:
    cases = [[(1, 3), (2, 6), (8, 10), (15, 18)], [(1, 4), (4, 5)], [(5, 7), (1, 2), (-3, 0), (0, 1)], []]
    for intervals in cases:
        m = merge(intervals)
        print(intervals, "->", m, "covered", sum([e - s for s, e in m]))
    a = [(0, 2), (5, 10), (13, 23), (24, 25)]
    b = [(1, 5), (8, 12), (15, 24), (25, 26)]
    print(intersect(a, b), intersect(a, []))


main()
