"""`x in items` compares by ==, not identity, for lists of tuples and lists
of lists, exactly as count() and index() do."""
# covers: list-in, tuple-equality, list-equality

def main() -> None:
    seen: list[tuple[str, int]] = [("ann", 1), ("bob", 2)]
    probe = ("ann", 1)
    print(probe in seen, ("bob", 2) in seen, ("bob", 3) in seen, ("cy", 0) not in seen)
    print(seen.count(probe), seen.index(probe))
    rows: list[list[int]] = [[1, 2], [3]]
    print([3] in rows, [1, 2] in rows, [2, 1] in rows, [3] not in rows)
    visited: list[tuple[int, int]] = []
    for step in [(0, 0), (0, 1), (0, 0), (1, 1), (0, 1)]:
        if step in visited:
            print("revisit", step)
        else:
            visited.append(step)
    print(visited)


main()
