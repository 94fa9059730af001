"""A least-recently-used cache built on dict insertion order: a hit moves the
key to the end (delete and re-insert), and the first key is evicted when
the cache is full."""
# covers: dict-order, dict-delete, dict-iteration, class-fields, optional

class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.data: dict[str, int] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> int | None:
        if key not in self.data:
            self.misses += 1
            return None
        value = self.data[key]
        del self.data[key]
        self.data[key] = value
        self.hits += 1
        return value

    def put(self, key: str, value: int) -> str | None:
        evicted: str | None = None
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            for oldest in self.data:
                evicted = oldest
                break
            if evicted is not None:
                del self.data[evicted]
        self.data[key] = value
        return evicted


def main() -> None:
    cache = LRUCache(3)
    for op in ["put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c",
               "put a 10", "put e 5", "get d", "get a", "get e"]:
        parts = op.split()
        if parts[0] == "put":
            evicted = cache.put(parts[1], int(parts[2]))
            print(op, "evicted", evicted, list(cache.data))
        else:
            print(op, "->", cache.get(parts[1]), list(cache.data))
    print(cache.data, cache.hits, cache.misses)


main()
