"""Binary search over a sorted list, returning `int | None`, plus insertion points."""


def binary_search(values: list[int], target: int) -> int | None:
    low = 0
    high = len(values) - 1
    while low <= high:
        middle = (low + high) // 2
        if values[middle] == target:
            return middle
        if values[middle] < target:
            low = middle + 1
        else:
            high = middle - 1
    return None


def insertion_point(values: list[int], target: int) -> int:
    low = 0
    high = len(values)
    while low < high:
        middle = (low + high) // 2
        if values[middle] < target:
            low = middle + 1
        else:
            high = middle
    return low


def main() -> None:
    values: list[int] = []
    for i in range(-20, 60, 3):
        values.append(i)
    print("searching", len(values), "values from", values[0], "to", values[-1])
    for target in [-20, -19, 1, 16, 57, 58, 100, -100]:
        index = binary_search(values, target)
        if index is None:
            print(f"{target}: absent, would go at {insertion_point(values, target)}")
        else:
            print(f"{target}: at index {index}, check {values[index] == target}")
    print("empty list:", binary_search([], 1) is None, insertion_point([], 1))


main()
