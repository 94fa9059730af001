"""Conway's Game of Life on a small wrapping grid of strings: a glider
moving for a few generations, and population counts."""
# covers: list-nested, str-join, str-index-slice, int-floordiv-mod, comprehension-list

def step(grid: list[str]) -> list[str]:
    rows, cols = len(grid), len(grid[0])
    out: list[str] = []
    for r in range(rows):
        line = ""
        for c in range(cols):
            alive = 0
            for dr in [-1, 0, 1]:
                for dc in [-1, 0, 1]:
                    if (dr, dc) != (0, 0) and grid[(r + dr) % rows][(c + dc) % cols] == "#":
                        alive += 1
            here = grid[r][c] == "#"
            line += "#" if alive == 3 or (here and alive == 2) else "."
        out.append(line)
    return out


def population(grid: list[str]) -> int:
    return sum([row.count("#") for row in grid])


def main() -> None:
    grid = [".#......", "..#.....", "###.....", "........", "........", "........"]
    for generation in range(5):
        print(f"generation {generation}, population {population(grid)}")
        print("\n".join(grid))
        grid = step(grid)
    blinker = [".....", "..#..", "..#..", "..#..", "....."]
    print(step(blinker), step(step(blinker)) == blinker)


main()
