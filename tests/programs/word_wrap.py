"""Greedy word wrapping to a width, then left, right, centered and fully
justified output; words longer than the width get a line of their own."""
# covers: str-split, str-join, str-justify, str-repeat, list-methods, fstring-format-spec

def wrap(text: str, width: int) -> list[list[str]]:
    lines: list[list[str]] = []
    current: list[str] = []
    length = 0
    for word in text.split():
        extra = len(word) + 1 if len(current) > 0 else len(word)
        if len(current) > 0 and length + extra > width:
            lines.append(current)
            current = []
            length = 0
            extra = len(word)
        current.append(word)
        length += extra
    if current:
        lines.append(current)
    return lines


def justify(words: list[str], width: int) -> str:
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum([len(w) for w in words])
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]


def main() -> None:
    text = "The quick brown fox jumps over the lazy dog; naïve café owners whistle extraordinarily."
    for width in [20, 32]:
        lines = wrap(text, width)
        print("+" + "-" * width + "+")
        for words in lines:
            line = " ".join(words)
            print(f"|{line:<{width}}|{line:>{width}}|{line.center(width)}|{justify(words, width)}|")
    print(wrap("supercalifragilistic is long", 8))


main()
