"""range() near the ends of the 64-bit range: stepping past the stop value
is how the loop ends, never an overflow, upward and downward, with a step
larger than the distance left."""
# covers: builtin-range, for-range, int-overflow

MAX = 9223372036854775807
MIN = -MAX - 1


def main() -> None:
    for i in range(MAX - 5, MAX, 4):
        print("up", i)
    for i in range(MIN + 3, MIN, -2):
        print("down", i)
    print([i for i in range(MAX - 2, MAX)], [i for i in range(MIN + 2, MIN, -1)])
    print(list(range(0, MAX, 1 << 62)), list(range(0, MIN, -(1 << 62))))
    print(list(range(MAX - 1, MAX, MAX)), list(range(MIN, MIN + 1, MAX)))
    count = 0
    for _ in range(MIN, MAX, 1 << 61):
        count += 1
    print("steps across the whole range:", count)


main()
