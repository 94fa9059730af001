"""Breadth-first and depth-first search over an adjacency dict, shortest
path reconstruction, connected components and a topological order."""
# covers: dict-of-lists, while-loop, recursion, list-methods, dict-get


def bfs_path(g: dict[int, list[int]], start: int, goal: int) -> list[int]:
    parent: dict[int, int] = {start: start}
    queue = [start]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        if node == goal:
            path = [node]
            while node != start:
                node = parent[node]
                path.append(node)
            path.reverse()
            return path
        for nxt in g.get(node, []):
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return []


def dfs(g: dict[int, list[int]], node: int, seen: dict[int, bool], order: list[int]) -> None:
    seen[node] = True
    for nxt in g.get(node, []):
        if nxt not in seen:
            dfs(g, nxt, seen, order)
    order.append(node)


def components(g: dict[int, list[int]]) -> list[list[int]]:
    seen: dict[int, bool] = {}
    result: list[list[int]] = []
    for node in g:
        if node not in seen:
            order: list[int] = []
            dfs(g, node, seen, order)
            result.append(sorted(order))
    return result


def main() -> None:
    g: dict[int, list[int]] = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: [], 7: [8], 8: [7], 9: []}
    print(bfs_path(g, 1, 6), bfs_path(g, 1, 5), bfs_path(g, 6, 1), bfs_path(g, 7, 8))
    print(components(g))
    order: list[int] = []
    dfs(g, 1, {}, order)
    print("topological:", list(reversed(order)))


main()
