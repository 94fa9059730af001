"""Matrices as lists of lists: identity, transpose, multiply, power by
squaring (Fibonacci via the 2x2 matrix) and a spiral walk."""
# covers: list-nested, comprehension-nested, while-loop, tuple-unpack


def identity(n: int) -> list[list[int]]:
    return [[1 if r == c else 0 for c in range(n)] for r in range(n)]


def transpose(m: list[list[int]]) -> list[list[int]]:
    return [[m[r][c] for r in range(len(m))] for c in range(len(m[0]))]


def multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    return [[sum([a[r][k] * b[k][c] for k in range(len(b))]) for c in range(len(b[0]))]
            for r in range(len(a))]


def power(m: list[list[int]], e: int) -> list[list[int]]:
    result = identity(len(m))
    while e > 0:
        if e % 2 == 1:
            result = multiply(result, m)
        m = multiply(m, m)
        e //= 2
    return result


def spiral(m: list[list[int]]) -> list[int]:
    out: list[int] = []
    top, bottom, left, right = 0, len(m) - 1, 0, len(m[0]) - 1
    while top <= bottom and left <= right:
        out += [m[top][c] for c in range(left, right + 1)]
        out += [m[r][right] for r in range(top + 1, bottom + 1)]
        if top < bottom:
            out += [m[bottom][c] for c in range(right - 1, left - 1, -1)]
        if left < right:
            out += [m[r][left] for r in range(bottom - 1, top, -1)]
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out


def main() -> None:
    a = [[1, 2, 3], [4, 5, 6]]
    print(transpose(a), multiply(a, transpose(a)), identity(3))
    print(power([[1, 1], [1, 0]], 10), power([[1, 1], [1, 0]], 60)[0][1])
    grid = [[r * 4 + c for c in range(4)] for r in range(3)]
    print(spiral(grid), spiral([[1]]), spiral([[1, 2], [3, 4]]))


main()
