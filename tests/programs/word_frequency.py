"""Word frequency: a dict[str, int] built by counting, iterated in insertion order."""

TEXT = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs away, and the quick fox wins"""


def normalise(word: str) -> str:
    return word.strip(".,;!?").lower()


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for raw in text.split():
        word = normalise(raw)
        if word == "":
            continue
        if word in counts:
            counts[word] += 1
        else:
            counts[word] = 1
    return counts


def most_common(counts: dict[str, int]) -> tuple[str, int]:
    best = ""
    best_count = 0
    for word, count in counts.items():
        if count > best_count:
            best = word
            best_count = count
    return best, best_count


def describe(count: int | None) -> str:
    if count is None:
        return "never"
    return str(count) + " times"


def main() -> None:
    counts = count_words(TEXT)
    print("distinct words:", len(counts))
    for word in counts:
        print(f"  {word}: {counts[word]}")
    word, count = most_common(counts)
    print("most common:", word, count)
    print("fox:", describe(counts.get("fox")), "cat:", describe(counts.get("cat")))
    print("cat or 0:", counts.get("cat", 0))
    print("'dog' in counts:", "dog" in counts, "'Dog' in counts:", "Dog" in counts)
    once: list[str] = []
    for w, c in counts.items():
        if c == 1:
            once.append(w)
    print("seen once:", ", ".join(once))


main()
