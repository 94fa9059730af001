"""Left and right shifts: arithmetic right shift of negatives, shifts past the
word size, negative shift counts, and left shifts that overflow 64 bits."""
# covers: int-shift, int-overflow, exceptions-builtin-messages

MAX = 9223372036854775807
MIN = -MAX - 1


def checked(value: int) -> int:
    if value > MAX or value < MIN:
        raise OverflowError("integer overflow")
    return value


def shl(a: int, n: int) -> str:
    try:
        return str(checked(a << n))
    except (OverflowError, ValueError) as e:
        return f"{type(e).__name__}: {e}"


def shr(a: int, n: int) -> str:
    try:
        return str(a >> n)
    except ValueError as e:
        return f"{type(e).__name__}: {e}"


def main() -> None:
    for a in [1, -1, 5, -5, 255, MIN, MAX]:
        print(a, [shr(a, n) for n in [0, 1, 4, 63, 64, 200]])
    for a in [0, 1, -1, 3]:
        print(a, [shl(a, n) for n in [0, 1, 61, 62, 63, 64]])
    print(shl(0, 1000), shl(1, -1), shr(8, -3))
    print(shl(MIN, 0), shl(MIN >> 1, 1), shl(MAX >> 1, 1), shl(MAX >> 1, 2))
    flags = 0
    for bit in [0, 3, 5]:
        flags |= 1 << bit
    print(flags, [bit for bit in range(8) if flags >> bit & 1])


main()
