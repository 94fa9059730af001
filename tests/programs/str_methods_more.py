"""The str methods written in the prelude: find family, splitting, tests, padding."""

text = "one two  three two one"
print(text.rfind("two"), text.rfind("zzz"), text.find("two", 5), text.index("three"))
print(text.rindex("one"), text.count("o"), text.count("two"), text.count(""), "".count(""))
try:
    text.index("four")
except ValueError as e:
    print("ValueError", e)
print(text.rsplit(), text.rsplit(None, 1), text.rsplit(" ", 2), "a,b,,c".rsplit(",", 1))
print("  lead and trail  ".rsplit(None, 1), "x".rsplit(maxsplit=0))
for s in ["", "123", "12a", "abc", "ABc", "a1", " \t\n", "x y", "١٢"[:0]]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace())
print("key=value=x".partition("="), "novalue".partition("="), "a=b=c".rpartition("="))
print("line1\nline2\r\nline3\rlast".splitlines(), "a\nb\n".splitlines(True), "".splitlines())
print("42".zfill(5), "-42".zfill(5), "+7".zfill(3), "long".zfill(2))
print("prefix-body".removeprefix("prefix-"), "body.txt".removesuffix(".txt"), "x".removesuffix(""))
print(repr("ab".ljust(5, "*")), repr("ab".rjust(5)), repr("ab".center(7, "-")), repr("abc".center(6)))
print("hello world".capitalize(), "hELLO".capitalize(), "the quick-brown fox".title())
items = [3, 1, 2]
items.reverse()
items.insert(0, 9)
items.insert(-1, 7)
items.insert(100, 5)
print(items, items.index(7), items.count(1))
items.extend([1, 1])
items.remove(1)
print(items, items.count(1), len(items.copy()))
items.sort()
print(items)
items.sort(reverse=True)
print(items)
names = ["bob", "Al", "cy"]
names.sort(key=len)
print(names)
names.sort(key=lambda n: n.lower(), reverse=True)
print(names)
names.extend(names)
print(names)
names.clear()
print(names, len(names))
try:
    items.remove(42)
except ValueError as e:
    print("ValueError", e)
