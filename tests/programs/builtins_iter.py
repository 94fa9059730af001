"""enumerate, zip, reversed, sorted, min, max, sum, list, chr, ord, hex."""

words = ["pear", "Apple", "fig", "banana", "cherry", "date"]
for i, w in enumerate(words):
    print(i, w)
for i, w in enumerate(words, 10):
    if i > 11:
        break
    print(i, w)
print(list(enumerate(["a", "b"], start=1)))
for a, n in zip(words, [1, 2, 3]):
    print(a, n)
print(list(zip([1, 2, 3, 4], ["x", "y"])))
print([w for w in reversed(words)], list(reversed([1, 2, 3])))
print(sorted(words), sorted(words, reverse=True))
print(sorted(words, key=len), sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
print(sorted([3, -1, 2, -1, 0]), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(min(3, 1, 2), max(3, 1, 2), min([5, 4, 6]), max("hello"))
empty: list[int] = []
print(max(empty, default=-1), sum([1, 2, 3]), sum(empty), sum([1, 2], 10))
try:
    print(min(empty))
except ValueError as e:
    print("ValueError", e)
print(chr(65), chr(233), chr(0x1F600) == "\U0001F600", ord("A"), ord("é"), ord("😀"))
print(hex(255), hex(-255), hex(0), hex(9223372036854775807))
try:
    chr(-1)
except ValueError as e:
    print("ValueError", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError", e)
scores = {"ann": 3, "bob": 7, "cy": 5}
print(sorted(scores), sorted(scores, key=lambda k: scores[k]))
print(max(scores, key=lambda k: scores[k]), sum([v for v in scores.values()]))
print(list("abc"), list(scores), sorted(scores.items(), key=lambda kv: kv[1]))
