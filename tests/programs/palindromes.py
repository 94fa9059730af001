"""Palindrome checks that ignore case and punctuation, comparing from both ends."""

IGNORED = " ,.:;!?'-"


def clean(text: str) -> str:
    kept: list[str] = []
    lowered = text.lower()
    for i in range(len(lowered)):
        ch = lowered[i]
        if ch in IGNORED:
            continue
        kept.append(ch)
    return "".join(kept)


def is_palindrome(text: str) -> bool:
    letters = clean(text)
    left = 0
    right = len(letters) - 1
    while left < right:
        if letters[left] != letters[right]:
            return False
        left += 1
        right -= 1
    return True


def longest_palindromic_word(sentence: str) -> str | None:
    best: str | None = None
    for word in sentence.split():
        if len(clean(word)) < 2 or not is_palindrome(word):
            continue
        if best is None or len(clean(word)) > len(clean(best)):
            best = word
    return best


def main() -> None:
    samples = [
        "A man, a plan, a canal: Panama!",
        "Was it a car or a cat I saw?",
        "No 'x' in Nixon",
        "hello",
        "",
        "été",
        "Ésope reste ici et se repose",
    ]
    for sample in samples:
        print(f"[{sample}] -> {is_palindrome(sample)}")
    word = longest_palindromic_word("we saw a racecar and a kayak at noon")
    if word is not None:
        print("longest palindromic word:", word)
    if longest_palindromic_word("no luck here") is None:
        print("no palindromic word found")


main()
