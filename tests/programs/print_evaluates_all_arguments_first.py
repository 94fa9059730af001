"""print() evaluates all its arguments before converting any of them to
text, so a later argument that mutates a list shows in an earlier one."""
# covers: builtin-print, list-methods, list-aliasing

def main() -> None:
    stack = [1, 2, 3]
    print(stack, stack.pop(), stack)
    queue = ["a", "b"]
    print("queue", queue, "took", queue.pop(0), len(queue))
    counts = {"n": 0}
    print(counts, counts.get("n"), bump(counts), counts)


def bump(d: dict[str, int]) -> int:
    d["n"] += 1
    return d["n"]


main()
