"""In-place sorting of ints and strings with bubble sort and insertion sort."""


def bubble_sort(values: list[int]) -> int:
    swaps = 0
    n = len(values)
    for end in range(n - 1, 0, -1):
        swapped = False
        for i in range(end):
            if values[i] > values[i + 1]:
                values[i], values[i + 1] = values[i + 1], values[i]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return swaps


def insertion_sort(words: list[str]) -> None:
    for i in range(1, len(words)):
        key = words[i]
        j = i - 1
        while j >= 0 and words[j] > key:
            words[j + 1] = words[j]
            j -= 1
        words[j + 1] = key


def render(values: list[int]) -> str:
    parts: list[str] = []
    for v in values:
        parts.append(str(v))
    return " ".join(parts)


def main() -> None:
    for values in [[5, 1, 4, 2, 8], [1, 2, 3], [3, 2, 1], [], [7], [-3, 10, -3, 0, 2, -15]]:
        swaps = bubble_sort(values)
        print(f"sorted: [{render(values)}] with {swaps} swaps")
    words = ["pear", "Apple", "fig", "banana", "apple", "Éclair", "date"]
    insertion_sort(words)
    print("words:", ", ".join(words))


main()
