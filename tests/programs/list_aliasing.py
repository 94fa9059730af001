"""Lists are shared, not copied, by assignment, by passing them to functions,
and by storing them in other containers or object fields: a change through
one name shows through all of them.  copy() and slicing make new lists."""
# covers: list-aliasing, list-methods, identity-is, class-fields

class Holder:
    def __init__(self, items: list[int]) -> None:
        self.items = items


def add_to(target: list[int], value: int) -> None:
    target.append(value)


def main() -> None:
    a = [1]
    b = a
    b.append(2)
    add_to(a, 3)
    table = {"key": a}
    table["key"].append(4)
    holder = Holder(a)
    holder.items.append(5)
    nested = [a, a]
    nested[1].append(6)
    print(a, b, table, holder.items, nested)
    print(a is b, a is holder.items, nested[0] is nested[1])
    c = a.copy()
    d = a[:]
    c.append(7)
    d.append(8)
    print(a, c, d, c is a, d is a, c == a, a == b)
    grid = [[0, 0], [0, 0]]
    row = grid[0]
    row[1] = 9
    print(grid)


main()
