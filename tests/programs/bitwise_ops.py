"""Bitwise and/or/xor/invert on negative and positive ints, with hex output:
Python's infinite two's complement view of negative numbers."""
# covers: int-bitwise, builtin-hex, int-shift

def bits(n: int, width: int) -> str:
    out = ""
    for i in range(width - 1, -1, -1):
        out += "1" if (n >> i) & 1 else "0"
    return out


def popcount(n: int) -> int:
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count


def main() -> None:
    values = [0, 1, -1, 6, -6, 255, -256, 0x5A5A]
    for v in values:
        print(v, ~v, v & 0xF, v | 0x10, v ^ -1, hex(v), bits(v, 12))
    for a in [12, -12]:
        for b in [10, -10]:
            print(f"{a} & {b} = {a & b}; {a} | {b} = {a | b}; {a} ^ {b} = {a ^ b}")
    print([popcount(v) for v in [0, 1, 7, 255, 0x7FFFFFFFFFFFFFFF]])
    print(~~5, ~0, -~3, ~-~3, (5 & 3) | (8 ^ 2), 1 | 2 ^ 3 & 4)
    mask = (1 << 16) - 1
    print(hex(mask), hex(-mask), hex(0x1234 & ~0xFF), hex(9223372036854775807))


main()


def shifted_right(x: int) -> None:
    # constant counts (inline) up to and past 63, where only sign bits remain
    print(x >> 0, x >> 1, x >> 4, x >> 32, x >> 63, x >> 64, x >> 1000)


for value in [0, 1, -1, 255, -256, 2**62, -2**62 * 2, 2**62 - 1 + 2**62, 12345678901]:
    shifted_right(value)
