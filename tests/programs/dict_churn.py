"""Thousands of inserts and deletes on int and str keys (forcing the table to
grow and reuse deleted slots), then checks of size, lookups and order."""
# covers: dict-delete, dict-order, dict-get, dict-in, dict-iteration, comprehension-list

def main() -> None:
    d: dict[int, int] = {}
    for i in range(3000):
        d[(i * 7919) % 1009] = i
    print(len(d), d[0], d[1008], d.get(5000), d.get(5000, -1))
    for k in range(0, 1009, 2):
        del d[k]
    print(len(d), 2 in d, 3 in d, sum(d.keys()), list(d)[:8])
    for k in range(0, 1009, 4):
        d[k] = -k
    print(len(d), list(d)[-5:], d[4], d[1], 4 in d, 6 in d)
    names: dict[str, int] = {}
    for i in range(500):
        names["key" + str(i % 123)] = i
        if i % 3 == 0:
            stale = "key" + str((i * 5) % 123)
            if stale in names:
                del names[stale]
    keys = list(names)
    print(len(names), keys[:5], keys[-3:], names.get("key7"), names.get("nope", 0))
    print(sum(names.values()), [k for k in names if k.endswith("0")])


main()
