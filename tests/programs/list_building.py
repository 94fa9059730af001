"""Building and taking apart lists: concatenation with +, extend vs append,
del by positive and negative index, slices as copies, list(str), and
lists of lists built without shared rows."""
# covers: list-methods, list-slice, list-del, list-concat, builtin-list, list-nested, identity-is

def main() -> None:
    a = [1, 2]
    b = [3]
    c = a + b
    c.append(4)
    print(a, b, c, a + a)
    nested = [a, b]
    nested.append(c)
    print(nested, len(nested), [len(x) for x in nested])
    d = list(range(8))
    del d[0]
    del d[-1]
    del d[2]
    print(d)
    head, tail = d[:2], d[2:]
    head.append(100)
    print(d, head, tail)
    print(list("héllo"), list(d), list(d) is d)
    rows = [[0] for _ in range(3)]
    rows[0].append(9)
    print(rows)
    flat: list[int] = []
    for row in rows:
        flat += row
    flat.extend(flat)
    print(flat, flat.count(0), flat.index(9))


main()
