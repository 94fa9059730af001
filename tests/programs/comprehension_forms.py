"""List and dict comprehensions: conditions, nested loops (outer loop first),
comprehensions over strings, dict items, enumerate and zip, comprehensions
inside comprehensions, and a loop variable that does not leak."""
# covers: comprehension-list, comprehension-dict, comprehension-nested, builtin-enumerate, builtin-zip, str-upper

def main() -> None:
    words = ["apple", "Bob", "", "cat", "Dune", "eel"]
    print([w.upper() for w in words if w], [len(w) for w in words])
    print([(i, c) for i, c in enumerate("abc")], [a + b for a, b in zip("xyz", "123")])
    print([x * y for x in range(1, 4) for y in range(x) if (x + y) % 2 == 0])
    print([(x, y) for x in range(3) if x != 1 for y in "ab"])
    matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
    print(matrix, [row[i] for i, row in enumerate(matrix)], [[row[c] for row in matrix] for c in range(3)])
    print([v for row in matrix for v in row if v % 2])
    x = 100
    squares = [x * x for x in range(5)]
    print(squares, x)
    lengths = {w: len(w) for w in words if w}
    print(lengths, {n: n % 3 for n in range(7)}, {k: v for k, v in lengths.items() if v > 3})
    index = {c: i for i, c in enumerate("hello")}
    print(index)
    print([c for c in "héllo wörld" if c not in "aeiouéö "], [[c] for c in "ab"])
    empty: list[int] = []
    print([e for e in empty], {e: e for e in empty})


main()
