"""Grouping and counting with dicts of lists and dicts of ints: the values are
mutated in place through the dict, and get() with a default seeds counts."""
# covers: dict-get, dict-of-lists, dict-iteration, builtin-sorted, list-aliasing, comprehension-dict

def group_by_length(words: list[str]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for w in words:
        if len(w) not in groups:
            groups[len(w)] = []
        groups[len(w)].append(w)
    return groups


def letter_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for c in text:
        if c != " ":
            counts[c] = counts.get(c, 0) + 1
    return counts


def main() -> None:
    words = "the quick brown fox jumps over the lazy dog again".split()
    groups = group_by_length(words)
    print(groups)
    for length in sorted(groups):
        print(length, sorted(groups[length]))
    counts = letter_counts("hello wörld, hello")
    print(counts)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    print(top[:4])
    inverse = {v: k for k, v in counts.items()}
    print(inverse)
    lengths = {w: len(w) for w in words if len(w) > 3}
    print(lengths, len(lengths))


main()
