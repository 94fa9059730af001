"""Slices of str, bytes and lists, with steps, negative bounds and empty results."""


def show(label: str, value: str) -> None:
    print(label, repr(value))


text = "héllo, wörld"
show("[2:5]", text[2:5])
show("[:5]", text[:5])
show("[7:]", text[7:])
show("[-5:]", text[-5:])
show("[::2]", text[::2])
show("[::-1]", text[::-1])
show("[-2:2:-3]", text[-2:2:-3])
show("[100:]", text[100:])
show("[3:1]", text[3:1])
ascii_text = "abcdefghij"
for step in [1, 2, 3, -1, -2, -4]:
    show(f"ascii step {step}", ascii_text[::step])
    show(f"ascii 1:8 step {step}", ascii_text[1:8:step])
data = b"\x00\x01abc\xff"
print(data[1:4], data[::-1], data[-2:], len(data[:0]))
numbers = [1, 2, 3, 4, 5, 6, 7]
print(numbers[2:], numbers[:-2], numbers[::3], numbers[::-2], numbers[5:1:-1])
copy = numbers[:]
copy.append(8)
print(len(numbers), len(copy))
words = ["alpha", "beta", "gamma"]
print(words[1:], words[-1:], words[:1])
step = -1
print(numbers[::step], ascii_text[2::step])
try:
    zero = 0
    print(numbers[::zero])
except ValueError as e:
    print("ValueError", e)
