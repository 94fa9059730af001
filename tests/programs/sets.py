"""set[int] and set[str]: literals, set(), methods, operators, comprehensions."""

seen: set[str] = set()
for word in ["a", "b", "a", "c", "b"]:
    seen.add(word)
print(sorted(seen), len(seen), "a" in seen, "z" not in seen)
odd = {1, 3, 5, 7}
small = set(range(5))
print(sorted(odd | small), sorted(odd & small), sorted(odd - small), sorted(odd ^ small))
print(sorted(odd.union(small)), sorted(odd.intersection({3, 9})), odd.issubset(small))
print({1, 3} <= odd, {1, 3} < odd, odd >= {1}, odd > odd, odd == {7, 5, 3, 1}, odd != small)
print(odd.isdisjoint({2, 4}), odd.isdisjoint(small), odd.issuperset({5}))
odd.discard(3)
odd.discard(100)
try:
    odd.remove(100)
except KeyError as e:
    print("KeyError", e)
odd.remove(1)
empty_set: set[int] = set()
print(sorted(odd), sorted({n * n for n in range(-3, 4)}), bool(empty_set), bool(odd))
copy = odd.copy()
copy.add(11)
copy.update({13, 15})
print(sorted(odd), sorted(copy))
copy.clear()
empty: set[int] = set()
print(copy == empty, len(copy), {"x"}, empty, set([2, 2, 2]), set("abca") == {"a", "b", "c"})
for n in sorted({5, 1, 4}):
    print(n)
