"""Checking balanced brackets with a stack class built on a list."""

PAIRS: dict[str, str] = {")": "(", "]": "[", "}": "{"}


class Stack:
    def __init__(self) -> None:
        self.items: list[str] = []
        self.size = 0

    def push(self, item: str) -> None:
        if self.size < len(self.items):
            self.items[self.size] = item
        else:
            self.items.append(item)
        self.size += 1

    def pop(self) -> str | None:
        if self.size == 0:
            return None
        self.size -= 1
        return self.items[self.size]


def check(text: str) -> str:
    stack = Stack()
    for i in range(len(text)):
        ch = text[i]
        if ch in "([{":
            stack.push(ch)
        elif ch in PAIRS:
            top = stack.pop()
            if top is None:
                return f"unexpected {ch} at {i}"
            if top != PAIRS[ch]:
                return f"mismatched {top} and {ch} at {i}"
    if stack.size > 0:
        return f"{stack.size} unclosed"
    return "balanced"


def main() -> None:
    samples = ["", "()", "([]{})", "((())", "())", "{[}]", "f(a[1], {b: (c)})", "]", "((("]
    samples.append("日(本)語")
    for sample in samples:
        print(f"[{sample}]: {check(sample)}")


main()
