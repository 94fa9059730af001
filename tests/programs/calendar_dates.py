"""Date arithmetic with ints: leap years, days in month, day of the year,
day of the week (Zeller), and adding days across month and year ends."""
# covers: int-floordiv-mod, tuple-return, list-index, fstring-format-spec, bool-logic

DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
NAMES = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in(year: int, month: int) -> int:
    return 29 if month == 2 and is_leap(year) else DAYS[month - 1]


def day_of_year(year: int, month: int, day: int) -> int:
    return sum([days_in(year, m) for m in range(1, month)]) + day


def weekday(year: int, month: int, day: int) -> str:
    if month < 3:
        month += 12
        year -= 1
    k, j = year % 100, year // 100
    h = (day + 13 * (month + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return NAMES[h]


def add_days(year: int, month: int, day: int, n: int) -> tuple[int, int, int]:
    day += n
    while day > days_in(year, month):
        day -= days_in(year, month)
        month += 1
        if month > 12:
            month, year = 1, year + 1
    return year, month, day


def main() -> None:
    print([y for y in [1900, 2000, 2023, 2024, 2100, 2400] if is_leap(y)])
    for y, m, d in [(2024, 2, 29), (2000, 1, 1), (1969, 7, 20), (2023, 12, 31), (1900, 3, 1)]:
        print(f"{y:04}-{m:02}-{d:02}", weekday(y, m, d), day_of_year(y, m, d))
    for n in [0, 1, 30, 365, 366, 1000]:
        y, m, d = add_days(2023, 12, 31, n)
        print(n, f"{y}-{m:02}-{d:02}")


main()
