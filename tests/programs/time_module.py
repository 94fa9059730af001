"""time.time_ns(): an int of nanoseconds since the epoch that never goes
backwards between two reads.  Only facts that hold in every run are printed."""
# covers: module-time, int-arith

import time


def main() -> None:
    first = time.time_ns()
    total = 0
    for i in range(1000):
        total += i * i
    second = time.time_ns()
    print("sum of squares", total)
    print("after 2020:", first > 1577836800 * 1000000000)
    print("before 2200:", first < 7258118400 * 1000000000)
    print("non-decreasing:", second >= first)
    print("seconds are whole:", (second // 1000000000) * 1000000000 <= second)


main()
