"""Records as tuples in a list, unpacked in for loops: a tiny route table."""

ROUTES = [
    ("/api", "backend", 8080),
    ("/static", "cdn", 80),
    ("/admin", "backoffice", 9000),
]


def lookup(path: str, routes: list[tuple[str, str, int]]) -> tuple[str, int]:
    for prefix, cluster, port in routes:
        if path.startswith(prefix):
            return cluster, port
    return "default", 0


def main() -> None:
    for prefix, cluster, port in ROUTES:
        print(f"{prefix} -> {cluster}:{port}")
    for path in ["/api/users", "/static/app.js", "/admin", "/health"]:
        cluster, port = lookup(path, ROUTES)
        print(path, "routed to", cluster, port)
    scores: list[tuple[str, int]] = []
    scores.append(("ann", 31))
    scores.append(("bob", 27))
    scores.append(("cy", 40))
    best_name = ""
    best_score = -1
    for name, score in scores:
        if score > best_score:
            best_name = name
            best_score = score
    print("best:", best_name, best_score)
    first = scores[0]
    print("first record:", first[0], first[1], "last name:", scores[-1][0])
    pairs = [(1, 2), (3, 4), (5, 6)]
    total = 0
    for left, right in pairs:
        total += left * right
    print("dot product:", total)


main()
