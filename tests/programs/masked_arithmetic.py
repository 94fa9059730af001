"""Integer code whose values stay small by construction: a masked 32-bit
hash, a 128-bit multiply on 16-bit limbs, a masked random generator, and
%, >> and & on negative operands.  The compiler proves these additions
and multiplications cannot leave the 64-bit range and drops their
overflow checks: the results must still be exactly CPython's."""

FNV32_OFFSET_BASIS = 2166136261
FNV32_PRIME = 16777619
LIMB_MASK = 0xFFFF
MAX = 9223372036854775807
MIN = -MAX - 1


def fnv1a_32(data: bytes) -> int:
    value = FNV32_OFFSET_BASIS
    for byte in data:
        value = ((value ^ byte) * FNV32_PRIME) & 0xFFFFFFFF
    return value


def limbs_of(seed: int) -> list[int]:
    """Eight 16-bit limbs from a 31-bit linear congruential generator."""
    limbs: list[int] = []
    state = seed & 0x7FFFFFFF
    for _ in range(8):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        limbs.append(state >> 15)
    return limbs


def multiply_128(a: list[int], b: list[int]) -> list[int]:
    """a * b modulo 2**128, each eight 16-bit limbs, least significant first."""
    out = [0] * 8
    carry = 0
    for k in range(8):
        column = carry
        for i in range(k + 1):
            column += (a[i] & LIMB_MASK) * (b[k - i] & LIMB_MASK)
        out[k] = column & LIMB_MASK
        carry = column >> 16
    return out


def hex_128(limbs: list[int]) -> str:
    return "".join(f"{limb:04x}" for limb in reversed(limbs))


def negative_operands(a: int) -> int:
    # % by a positive constant is never negative, & with a non-negative mask
    # neither, >> keeps the sign and floors.
    return (a % 1000) * 3 - (a & 0xFF) * 1000 + (a >> 56) * 2 + (a % -7) * 5


def main() -> None:
    for text in [b"", b"a", b"foobar", b"hello world" * 20, bytes([255] * 64)]:
        print(len(text), fnv1a_32(text), fnv1a_32(text) % 2 == 0)
    ones = [0xFFFF] * 8
    print(hex_128(multiply_128(ones, ones)))
    for seed in [1, 42, 2**31 - 1]:
        a, b = limbs_of(seed), limbs_of(seed + 7)
        print(hex_128(a), "*", hex_128(b), "=", hex_128(multiply_128(a, b)))
    for n in [0, 1, -1, 12345, -12345, 4611686018427387904, MIN, MAX]:
        print(n, negative_operands(n))


main()
