"""Grouping words into anagram classes by their sorted letters, finding
palindromes, and counting letters — with accented words too."""
# covers: builtin-sorted, str-join, dict-of-lists, str-lower, builtin-reversed, str-unicode

def signature(word: str) -> str:
    return "".join(sorted(word.lower()))


def is_palindrome(text: str) -> bool:
    letters = [c for c in text.lower() if c != " " and c != ","]
    return letters == list(reversed(letters))


def main() -> None:
    words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "été", "tée"]
    groups: dict[str, list[str]] = {}
    for w in words:
        key = signature(w)
        if key not in groups:
            groups[key] = []
        groups[key].append(w)
    for key, members in groups.items():
        print(key, members, len(members))
    print(sorted([g for g in groups.values() if len(g) > 1], key=len, reverse=True))
    for text in ["racecar", "A man a plan a canal Panama", "hello", "", "été", "never odd, or even"]:
        print(repr(text), is_palindrome(text))


main()
