"""A grade report: averages with floor division, letter grades by elif chains, a ranking."""

STUDENTS: list[tuple[str, list[int]]] = [
    ("ada", [92, 88, 95, 100]),
    ("brian", [71, 64, 80]),
    ("chen", [55, 61, 49, 58, 70]),
    ("dana", [89, 90]),
    ("eli", []),
]


def average(scores: list[int]) -> int | None:
    if len(scores) == 0:
        return None
    total = 0
    for s in scores:
        total += s
    return total // len(scores)


def letter(score: int) -> str:
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"


def main() -> None:
    ranked: list[tuple[str, int]] = []
    for name, scores in STUDENTS:
        avg = average(scores)
        if avg is None:
            print(f"{name}: no scores")
            continue
        print(f"{name}: {len(scores)} scores, average {avg}, grade {letter(avg)}")
        position = 0
        while position < len(ranked) and ranked[position][1] >= avg:
            position += 1
        ranked.append(("", 0))
        for i in range(len(ranked) - 1, position, -1):
            ranked[i] = ranked[i - 1]
        ranked[position] = (name, avg)
    place = 1
    for name, avg in ranked:
        print(f"#{place} {name} ({avg})")
        place += 1


main()
