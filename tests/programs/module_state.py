"""Module-level constants and variables used from functions: a constant
table, a module-level list and dict mutated in place by functions (no
`global` needed), and module code that runs top to bottom."""
# covers: module-globals, module-constants, dict-iteration, list-methods, str-upper

LIMIT = 3
GREETING: str = "hello"
PRIMES = [2, 3, 5, 7, 11]
registry: dict[str, int] = {}
events: list[str] = []


def register(name: str) -> int:
    if name in registry:
        events.append(f"duplicate {name}")
        return registry[name]
    if len(registry) >= LIMIT:
        events.append(f"full, rejected {name}")
        return -1
    registry[name] = len(registry) + 1
    events.append(f"registered {name}")
    return registry[name]


def smallest_prime_factor(n: int) -> int:
    for p in PRIMES:
        if n % p == 0:
            return p
    return n


for who in ["ann", "bob", "ann", "cy", "dee"]:
    print(who, register(who))
print(registry)
print(events)
print(GREETING.upper(), LIMIT * 2, [smallest_prime_factor(n) for n in [9, 10, 49, 121, 13 * 17]])
events.clear()
print(len(events), len(PRIMES))
