"""Nested lists as a small matrix: build, transpose, multiply, print."""


def make_matrix(rows: int, cols: int, start: int) -> list[list[int]]:
    matrix: list[list[int]] = []
    for r in range(rows):
        row: list[int] = []
        for c in range(cols):
            row.append(start + r * cols + c)
        matrix.append(row)
    return matrix


def transpose(m: list[list[int]]) -> list[list[int]]:
    result: list[list[int]] = []
    for c in range(len(m[0])):
        column: list[int] = []
        for r in range(len(m)):
            column.append(m[r][c])
        result.append(column)
    return result


def multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    product: list[list[int]] = []
    for i in range(len(a)):
        row: list[int] = []
        for j in range(len(b[0])):
            cell = 0
            for k in range(len(b)):
                cell += a[i][k] * b[k][j]
            row.append(cell)
        product.append(row)
    return product


def show(title: str, m: list[list[int]]) -> None:
    print(title)
    for row in m:
        line = ""
        for value in row:
            line = line + " " + str(value)
        print(" ", line)


def main() -> None:
    a = make_matrix(2, 3, 1)
    show("a", a)
    show("transpose(a)", transpose(a))
    show("a x transpose(a)", multiply(a, transpose(a)))
    show("transpose(a) x a", multiply(transpose(a), a))
    a[1][-1] = -6
    print("corner:", a[-1][-1], "rows:", len(a), "cols:", len(a[0]))
    jagged = [[1], [2, 3], [], [4, 5, 6]]
    for row in jagged:
        print("row of", len(row))


main()
