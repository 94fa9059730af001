"""Towers of Hanoi: recursion that prints every move, with pegs as lists of disks."""


class Board:
    def __init__(self, disks: int) -> None:
        first: list[int] = []
        for size in range(disks, 0, -1):
            first.append(size)
        self.pegs: list[list[int]] = [first, [], []]
        self.moves = 0

    def move(self, source: int, target: int) -> None:
        from_peg = self.pegs[source]
        disk = from_peg[len(from_peg) - 1]
        shorter: list[int] = []
        for i in range(len(from_peg) - 1):
            shorter.append(from_peg[i])
        self.pegs[source] = shorter
        self.pegs[target].append(disk)
        self.moves += 1
        print(f"move {self.moves}: disk {disk} from {'ABC'[source]} to {'ABC'[target]}")


def solve(board: Board, n: int, source: int, target: int, spare: int) -> None:
    if n == 0:
        return
    solve(board, n - 1, source, spare, target)
    board.move(source, target)
    solve(board, n - 1, spare, target, source)


def count_moves(n: int) -> int:
    if n == 0:
        return 0
    return 2 * count_moves(n - 1) + 1


def main() -> None:
    board = Board(3)
    solve(board, 3, 0, 2, 1)
    print("moves:", board.moves)
    print("pegs:", len(board.pegs[0]), len(board.pegs[1]), len(board.pegs[2]))
    print("top of C:", board.pegs[2][-1], "bottom of C:", board.pegs[2][0])
    for n in [1, 5, 10, 20]:
        print(n, "disks need", count_moves(n), "moves")


main()
