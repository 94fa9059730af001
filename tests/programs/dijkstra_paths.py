"""Dijkstra's shortest paths on a small weighted graph with a list used as a
priority queue (min by (distance, node) tuple), plus the path itself."""
# covers: tuple-ordering, builtin-min-max, dict-of-lists, list-methods, while-loop

def shortest(edges: list[tuple[str, str, int]], source: str) -> tuple[dict[str, int], dict[str, str]]:
    graph: dict[str, list[tuple[str, int]]] = {}
    for a, b, w in edges:
        if a not in graph:
            graph[a] = []
        if b not in graph:
            graph[b] = []
        graph[a].append((b, w))
        graph[b].append((a, w))
    dist: dict[str, int] = {source: 0}
    prev: dict[str, str] = {}
    frontier = [(0, source)]
    done: dict[str, bool] = {}
    while frontier:
        best = min(frontier)
        frontier.remove(best)
        d, node = best
        if node in done:
            continue
        done[node] = True
        for nxt, w in graph[node]:
            candidate = d + w
            if nxt not in dist or candidate < dist[nxt]:
                dist[nxt] = candidate
                prev[nxt] = node
                frontier.append((candidate, nxt))
    return dist, prev


def path_to(prev: dict[str, str], target: str) -> str:
    steps = [target]
    while steps[-1] in prev:
        steps.append(prev[steps[-1]])
    return " -> ".join(reversed(steps))


def main() -> None:
    edges = [("a", "b", 7), ("a", "c", 9), ("a", "f", 14), ("b", "c", 10), ("b", "d", 15),
             ("c", "d", 11), ("c", "f", 2), ("d", "e", 6), ("e", "f", 9), ("g", "h", 1)]
    dist, prev = shortest(edges, "a")
    for node in sorted(dist):
        print(node, dist[node], path_to(prev, node))
    print("unreachable:", [n for n in "abcdefgh" if n not in dist])


main()
